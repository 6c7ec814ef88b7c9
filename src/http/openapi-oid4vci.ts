/**
 * OpenAPI paths of the OpenID4VCI issuer (routes/oid4vci.ts, issue 12 §2, docs/oid4vci.md): the
 * officer's offer under /api, and the public endpoints a wallet calls (OpenID4VCI 1.0, RFC 8414,
 * RFC 6749). Those answer OAuth error objects, not Saiga's error shape. Listed only when the agent
 * serves them (saiga.url https, or http on loopback).
 */
import { OID4VCI_CODES } from '../codes.js';
import { OID4VCI_PATHS, oid4vciUrlAllowed, wellKnownPath } from '../oid4vci/metadata.js';
import { BEARER, PUBLIC, errorResponse, json, responseRef } from './openapi-schemas.js';

const OAUTH_ERROR = {
  type: 'object',
  required: ['error'],
  properties: { error: { type: 'string', description: 'RFC 6749 §5.2 / OpenID4VCI 1.0 §8.3.1.2: e.g. invalid_grant, invalid_request, invalid_token, invalid_nonce, invalid_proof, credential_request_denied' }, error_description: { type: 'string' } },
};
const oauthError = (description: string) => ({ description, content: json(OAUTH_ERROR) });
/** Like every public route after the app's body rules: a GET or POST with a JSON body that does not parse. */
const malformed = { 400: responseRef('MalformedJson') };
const anyObject = (description: string) => ({ description, content: json({ type: 'object' }) });

const OFFER = {
  type: 'object',
  required: ['offerId', 'credentialOffer', 'txCode', 'expiresAt'],
  properties: {
    offerId: { type: 'string' },
    credentialOffer: { type: 'string', description: 'openid-credential-offer://?credential_offer_uri=… (as a link or a QR code for the wallet)' },
    txCode: { type: 'string', pattern: '^[0-9]{6}$', description: 'Shown this once: give it to the holder by another channel than the offer' },
    expiresAt: { type: 'string', format: 'date-time' },
  },
};

export function oid4vciPaths(url: string) {
  const offerCodes = Object.keys(OID4VCI_CODES);
  const paths = {
    '/api/permits/{number}/offers': {
      post: {
        operationId: 'createPermitOffer',
        summary: 'Offer the permit to a wallet (OpenID4VCI pre-authorized code with a tx_code); the tx_code is in this answer only (officer)',
        security: BEARER,
        parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }],
        requestBody: {
          required: false,
          content: json({ type: 'object', additionalProperties: false, properties: { holderLinkId: { type: 'string', minLength: 1, maxLength: 100, description: 'The holder link the offer is for: a link of this permit, active now; its holder page then shows the offer, and the token endpoint refuses it once that link is no longer active' } } }),
        },
        responses: {
          201: { description: 'The offer', content: json(OFFER) },
          400: errorResponse('MALFORMED_JSON or BAD_REQUEST: an unknown field or a bad holderLinkId (`path` names it)'),
          401: responseRef('Unauthorized'),
          403: errorResponse('FORBIDDEN: not an officer token or session'),
          404: errorResponse(`OID4VCI_PERMIT_NOT_FOUND (codes: ${offerCodes.join(', ')})`),
          409: errorResponse('OID4VCI_PERMIT_NOT_ACTIVE: revoked or suspended; OID4VCI_UNAVAILABLE: saiga.url is plain http off loopback'),
          413: responseRef('PayloadTooLarge'),
          415: responseRef('UnsupportedMediaType'),
          422: errorResponse('OID4VCI_HOLDER_LINK_NOT_FOUND, OID4VCI_HOLDER_LINK_OTHER_PERMIT (a link of another permit) or OID4VCI_HOLDER_LINK_INACTIVE (withdrawn or expired); `path` is /holderLinkId'),
        },
      },
    },
  };
  if (!oid4vciUrlAllowed(url)) return paths;
  return {
    ...paths,
    [wellKnownPath(url, 'openid-credential-issuer')]: {
      get: { operationId: 'oid4vciIssuerMetadata', summary: 'OpenID4VCI 1.0 §12.2 credential issuer metadata: the permit as jwt_vc_json', security: PUBLIC, responses: { 200: anyObject('The metadata'), ...malformed } },
    },
    [wellKnownPath(url, 'oauth-authorization-server')]: {
      get: { operationId: 'oid4vciAuthorizationServerMetadata', summary: 'RFC 8414 authorization server metadata (the pre-authorized code grant)', security: PUBLIC, responses: { 200: anyObject('The metadata'), ...malformed } },
    },
    [OID4VCI_PATHS.jwks]: {
      get: {
        operationId: 'oid4vciJwks',
        summary: 'The JWKS of the key that signs the access tokens (never the permit signing key)',
        security: PUBLIC,
        responses: { 200: { description: 'RFC 7517 JWK set', content: { 'application/jwk-set+json': { schema: { type: 'object', required: ['keys'], properties: { keys: { type: 'array', items: { type: 'object' } } } } } } }, ...malformed },
      },
    },
    [`${OID4VCI_PATHS.offers}/{id}`]: {
      get: {
        operationId: 'oid4vciCredentialOffer',
        summary: 'The credential offer object a credential_offer_uri names (OpenID4VCI 1.0 §4.1.3), while it can be redeemed',
        security: PUBLIC,
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { 200: anyObject('The credential offer'), 404: oauthError('No live offer: unknown, used, expired or dead after too many wrong tx_codes') },
      },
    },
    [OID4VCI_PATHS.token]: {
      post: {
        operationId: 'oid4vciToken',
        summary: 'RFC 6749 token endpoint: the pre-authorized code and its tx_code for a short-lived at+jwt access token (each code once)',
        security: PUBLIC,
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', required: ['grant_type', 'pre-authorized_code'], properties: { grant_type: { const: 'urn:ietf:params:oauth:grant-type:pre-authorized_code' }, 'pre-authorized_code': { type: 'string' }, tx_code: { type: 'string' } } },
            },
          },
        },
        responses: { 200: anyObject('RFC 6749 §5.1 token response'), 400: oauthError('invalid_grant (unknown, used or expired code; wrong tx_code; 5 wrong tx_codes; holder link no longer active), invalid_request, unsupported_grant_type'), 429: responseRef('RateLimited') },
      },
    },
    [OID4VCI_PATHS.nonce]: {
      post: { operationId: 'oid4vciNonce', summary: 'OpenID4VCI 1.0 §7 nonce endpoint: a c_nonce for one proof', security: PUBLIC, responses: { 200: anyObject('{ c_nonce, c_nonce_expires_in }'), 400: oauthError('invalid_request: the request has a body') } },
    },
    [OID4VCI_PATHS.credential]: {
      post: {
        operationId: 'oid4vciCredential',
        summary: "OpenID4VCI 1.0 §8 credential endpoint: the offer's permit, its VC-JWT unchanged (a Bearer access token of the token endpoint)",
        security: PUBLIC,
        requestBody: { required: true, content: json({ type: 'object' }) },
        responses: {
          200: anyObject('{ credentials: [{ credential }] }'),
          400: oauthError('invalid_credential_request, unknown_credential_configuration, invalid_proof, invalid_nonce (unknown, expired or used), credential_request_denied (the permit is revoked or suspended)'),
          401: oauthError('invalid_token (with WWW-Authenticate): missing, expired or foreign access token'),
        },
      },
    },
  };
}
