/**
 * The presentation request a Saiga verifier makes (OpenID for Verifiable Presentations 1.0):
 * one CITES permit, as a `jwt_vc_json` credential inside a `jwt_vp_json`-style VP JWT signed
 * with EdDSA. Shared by the verifier page (Digital Credentials API requests), the agent's
 * cross-device request relay (src/presentation-relay: direct_post requests for a wallet on a phone)
 * and the verification core. A leaf module: it imports only the
 * credential types. Browser-safe.
 */
import { PERMIT_CREDENTIAL_TYPE } from './credential-types.js';

/** The DCQL credential query id the VP token is keyed by (OpenID4VP 1.0 §6, §8.1 `vp_token`). */
export const PERMIT_QUERY_ID = 'permit';

/** The credential format asked for (OpenID4VP 1.0 Appendix B.1.3: W3C VC signed as a JWT). */
export const PRESENTATION_CREDENTIAL_FORMAT = 'jwt_vc_json';

/** Signature algorithms accepted for the presentation and the permit in it (an allow-list). */
export const PRESENTATION_ALGORITHMS = ['EdDSA'] as const;

/** How long a presentation request stays answerable, and how old a presentation may be (seconds). */
export const PRESENTATION_REQUEST_SECONDS = 300;

/**
 * The DCQL query (OpenID4VP 1.0 §6): one CITES permit, its number readable. Holder binding is
 * asked for: the wallet signs the presentation with its key over the verifier's nonce and
 * audience. (The permit itself binds no key; see the README, "What a presentation proves".)
 */
export const PERMIT_DCQL_QUERY = {
  credentials: [
    {
      id: PERMIT_QUERY_ID,
      format: PRESENTATION_CREDENTIAL_FORMAT,
      meta: { type_values: [['VerifiableCredential', PERMIT_CREDENTIAL_TYPE]] },
      claims: [{ path: ['credentialSubject', 'permitNumber'] }],
    },
  ],
} as const;

/** The verifier's `client_metadata.vp_formats_supported` (OpenID4VP 1.0 §11.1). */
export const PRESENTATION_VP_FORMATS = {
  [PRESENTATION_CREDENTIAL_FORMAT]: { alg_values: [...PRESENTATION_ALGORITHMS] },
} as const;
