/**
 * The OpenID4VCI issuer's and authorization server's metadata (OpenID4VCI 1.0 §12.2, RFC 8414),
 * and where each endpoint lives under saiga.url. The one credential configuration is the permit
 * as the agent issues it: `jwt_vc_json` (VC-JWT, VCDM 1.1), its `type` the permit credential's
 * (src/vocab/credential-types.ts), signed EdDSA.
 */
import { preAuthorizedCodeGrantIdentifier } from '@openid4vc/oauth2';
import { PERMIT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';

export const PERMIT_CONFIGURATION_ID = 'CITESPermit_jwt_vc_json';

/** Paths of the endpoints, the same whatever saiga.url is (the well-known ones: wellKnownPath). */
export const OID4VCI_PATHS = {
  offers: '/oid4vci/offers',
  token: '/oid4vci/token',
  nonce: '/oid4vci/nonce',
  credential: '/oid4vci/credential',
  jwks: '/oid4vci/jwks',
} as const;

/** RFC 8414 §3.1 / OpenID4VCI 1.0 §12.2.2: the well-known suffix goes between the host and the identifier's path. */
export function wellKnownPath(baseUrl: string, suffix: 'openid-credential-issuer' | 'oauth-authorization-server'): string {
  const path = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return `/.well-known/${suffix}${path}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether saiga.url may be an OpenID4VCI issuer: https anywhere, http on loopback only (src/agent/wiring/oid4vci.ts says why). */
export function oid4vciUrlAllowed(url: string): 'https' | 'loopback' | false {
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return 'https';
  return parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname) ? 'loopback' : false;
}

const DISPLAY = [
  { locale: 'en', name: 'CITES permit', description: 'A CITES permit or certificate issued by a Management Authority.' },
  { locale: 'fr', name: 'Permis CITES', description: 'Un permis ou certificat CITES délivré par un organe de gestion.' },
  { locale: 'es', name: 'Permiso CITES', description: 'Un permiso o certificado CITES expedido por una autoridad administrativa.' },
];

export function offerMetadata(baseUrl: string, authorityName: string) {
  const base = baseUrl.replace(/\/+$/, '');
  const urls = {
    credentialIssuer: base,
    offers: `${base}${OID4VCI_PATHS.offers}`,
    token: `${base}${OID4VCI_PATHS.token}`,
    nonce: `${base}${OID4VCI_PATHS.nonce}`,
    credential: `${base}${OID4VCI_PATHS.credential}`,
    jwks: `${base}${OID4VCI_PATHS.jwks}`,
  };
  return {
    urls,
    credentialIssuer: {
      credential_issuer: urls.credentialIssuer,
      credential_endpoint: urls.credential,
      nonce_endpoint: urls.nonce,
      display: ['en', 'fr', 'es'].map((locale) => ({ locale, name: authorityName })),
      credential_configurations_supported: {
        [PERMIT_CONFIGURATION_ID]: {
          format: 'jwt_vc_json' as const,
          credential_definition: { type: ['VerifiableCredential', PERMIT_CREDENTIAL_TYPE] },
          // The permit binds no holder key (docs/oid4vci.md): the proof is checked, nothing is bound to it.
          cryptographic_binding_methods_supported: ['jwk', 'did:jwk', 'did:key'],
          credential_signing_alg_values_supported: ['EdDSA'],
          proof_types_supported: { jwt: { proof_signing_alg_values_supported: ['EdDSA'] } },
          credential_metadata: { display: DISPLAY },
        },
      },
    },
    authorizationServer: {
      issuer: urls.credentialIssuer,
      token_endpoint: urls.token,
      jwks_uri: urls.jwks,
      grant_types_supported: [preAuthorizedCodeGrantIdentifier],
      token_endpoint_auth_methods_supported: ['none'],
      'pre-authorized_grant_anonymous_access_supported': true,
    },
  };
}
