/**
 * The presentation request of the verifier page (issue 12 §3), made and read with the OpenID4VP
 * library (@openid4vc/openid4vp): an unsigned request over the Digital Credentials API
 * (OpenID4VP 1.0 Appendix A, response_mode `dc_api`, no client_id), one CITES permit asked for
 * with the shared DCQL query. The library checks the envelope only (shape, DCQL keys, origin);
 * the VP's signature, nonce, audience and the permit are checked by the core (src/verify/presentation.ts).
 *
 * This module and the library (with zod) are a lazy chunk: main.ts imports it only when the
 * officer asks a wallet, so the first load of the page stays as small as it was.
 */
import { createOpenid4vpAuthorizationRequest, getOpenid4vpClientId, parseOpenid4vpAuthorizationResponse } from '@openid4vc/openid4vp';
import { PERMIT_DCQL_QUERY, PERMIT_QUERY_ID, PRESENTATION_VP_FORMATS } from '../../src/vocab/presentation.js';
import type { PresentationInput } from '../../src/verify/index.js';

/** The DC API protocol of an unsigned OpenID4VP 1.0 request (OpenID4VP 1.0 Appendix A.1). */
export const DC_API_PROTOCOL = 'openid4vp-v1-unsigned';

/** An unsigned request needs no signing and no encryption; the library asks for the callbacks anyway. */
const NO_CRYPTO = {
  signJwt: () => Promise.reject(new Error('An unsigned request is never signed.')),
  encryptJwe: () => Promise.reject(new Error('The response is not encrypted.')),
  decryptJwe: () => Promise.reject(new Error('The response is not encrypted.')),
  verifyJwt: () => Promise.reject(new Error('The request is unsigned.')),
};

export interface PermitRequest {
  /** What goes into `navigator.credentials.get({ digital: { requests: [{ protocol, data }] } })`. */
  data: Record<string, unknown>;
  nonce: string;
}

/** A fresh nonce: 32 random bytes, base64url (OpenID4VP 1.0 §5.2 `nonce`, §14.1). */
export function freshNonce(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(32));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export async function createPermitRequest(nonce: string = freshNonce()): Promise<PermitRequest> {
  const { authorizationRequestObject } = await createOpenid4vpAuthorizationRequest({
    authorizationRequestPayload: {
      response_type: 'vp_token',
      response_mode: 'dc_api',
      nonce,
      dcql_query: structuredClone(PERMIT_DCQL_QUERY) as never,
      client_metadata: { vp_formats_supported: structuredClone(PRESENTATION_VP_FORMATS) as never },
    },
    callbacks: NO_CRYPTO as never,
  });
  return { data: authorizationRequestObject as Record<string, unknown>, nonce };
}

export type ReadResponse = { ok: true; input: PresentationInput } | { ok: false; detail: string };

/** Reads the wallet's answer with the library and gives the core's input: the VP JWT with what it must answer. */
export async function readPermitResponse(response: unknown, request: PermitRequest, origin: string): Promise<ReadResponse> {
  try {
    const parsed = await parseOpenid4vpAuthorizationResponse({
      authorizationResponse: response as Record<string, unknown>,
      authorizationRequestPayload: request.data as never,
      callbacks: NO_CRYPTO as never,
      origin,
    });
    if (parsed.type !== 'dcql') return { ok: false, detail: 'The answer is not keyed by the permit query.' };
    const entries = (parsed.dcql.presentations as Record<string, unknown>)[PERMIT_QUERY_ID];
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length !== 1 || typeof list[0] !== 'string') return { ok: false, detail: 'The answer holds no single signed presentation.' };
    const { effectiveClientId } = getOpenid4vpClientId({ responseMode: 'dc_api', origin } as never) as { effectiveClientId: string };
    return { ok: true, input: { presentation: list[0], expected: { nonce: request.nonce, audience: effectiveClientId } } };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}
