/**
 * "Ask a wallet on a phone" (docs/oid4vp.md "Cross-device"): the page makes the nonce, asks the
 * agent that serves it (`location.origin`) for a direct_post request around it (OpenID4VP 1.0
 * §8.2), shows the `openid4vp://` request as a QR code, polls the agent for the wallet's answer,
 * then reads it with the OpenID4VP library against that request and hands it to the core.
 *
 * The agent only relays: it sees the answer but the page checks it. The page makes sure, before
 * it shows the QR code, that the request carries its own nonce and that its response_uri and
 * client_id are on this origin, so a relay that lied can make the page refuse, never accept.
 *
 * A lazy chunk with presentation-request.ts (the library, zod) and the QR encoder (qrcode).
 */
import { getOpenid4vpClientId, parseOpenid4vpAuthorizationRequest, parseOpenid4vpAuthorizationResponse } from '@openid4vc/openid4vp';
import QRCode from 'qrcode';
import { PERMIT_QUERY_ID } from '../../src/vocab/presentation.js';
import { freshNonce, type ReadResponse } from './presentation-request.js';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

export interface CrossDeviceRequest {
  id: string;
  readToken: string;
  /** `openid4vp://?…`: the QR code's text and the link. */
  authorizationRequest: string;
  clientId: string;
  expiresAt: string;
  nonce: string;
  /** The request's parameters, as the library parsed them from `authorizationRequest`. */
  payload: Record<string, unknown>;
}

export type StartOutcome = { ok: true; request: CrossDeviceRequest } | { ok: false; detail: string };
export type PollOutcome =
  | { kind: 'pending' }
  | { kind: 'answered'; response: Record<string, unknown> }
  | { kind: 'expired'; detail: string }
  | { kind: 'failed'; detail: string };

const NO_CRYPTO = {
  decryptJwe: () => Promise.reject(new Error('The response is not encrypted.')),
  verifyJwt: () => Promise.reject(new Error('The request is unsigned.')),
};

/** Makes the request at the agent of `origin`; checks it is the page's own before anything is shown. */
export async function startCrossDevice(origin: string, fetchFn: Fetch = (u, i) => fetch(u, i), nonce: string = freshNonce()): Promise<StartOutcome> {
  let response: Response;
  try {
    response = await fetchFn(`${origin}/oid4vp/requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ nonce }), credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    return { ok: false, detail: `The agent cannot be reached (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (response.status === 404) return { ok: false, detail: 'This page is not served by a Saiga agent that relays wallet answers (no /oid4vp/requests here).' };
  if (response.status !== 201) return { ok: false, detail: `The agent refused the request (HTTP ${response.status}).` };
  try {
    const body = (await response.json()) as Record<string, unknown>;
    const { id, readToken, authorizationRequest, clientId, expiresAt } = body;
    if (![id, readToken, authorizationRequest, clientId, expiresAt].every((v) => typeof v === 'string')) return { ok: false, detail: "The agent's answer is incomplete." };
    const parsed = parseOpenid4vpAuthorizationRequest({ authorizationRequest: authorizationRequest as string });
    const payload = parsed.params as unknown as Record<string, unknown>;
    const responseUri = `${origin}/oid4vp/responses/${id as string}`;
    if (parsed.type !== 'openid4vp' || payload.response_mode !== 'direct_post' || payload.response_uri !== responseUri) return { ok: false, detail: 'The request does not send the answer back to this agent.' };
    if (payload.nonce !== nonce) return { ok: false, detail: "The request does not carry this page's nonce." };
    if (payload.client_id !== clientId || clientId !== `redirect_uri:${responseUri}`) return { ok: false, detail: 'The request names another verifier.' };
    return { ok: true, request: { id: id as string, readToken: readToken as string, authorizationRequest: authorizationRequest as string, clientId, expiresAt: expiresAt as string, nonce, payload } };
  } catch (e) {
    return { ok: false, detail: `The request cannot be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/** One look at the agent for the answer. */
export async function pollCrossDevice(origin: string, request: CrossDeviceRequest, fetchFn: Fetch = (u, i) => fetch(u, i)): Promise<PollOutcome> {
  let response: Response;
  try {
    response = await fetchFn(`${origin}/oid4vp/requests/${request.id}/response`, { headers: { authorization: `Bearer ${request.readToken}` }, credentials: 'omit', cache: 'no-store' });
  } catch (e) {
    return { kind: 'failed', detail: `The agent cannot be reached (${e instanceof Error ? e.message : String(e)}).` };
  }
  if (response.status === 202) return { kind: 'pending' };
  if (response.status === 410 || response.status === 404) return { kind: 'expired', detail: 'No wallet answered before the request expired.' };
  if (response.status !== 200) return { kind: 'failed', detail: `The agent refused to give the answer (HTTP ${response.status}).` };
  try {
    const body = (await response.json()) as { response?: unknown };
    if (typeof body.response !== 'object' || body.response === null) return { kind: 'failed', detail: "The agent's answer is incomplete." };
    return { kind: 'answered', response: body.response as Record<string, unknown> };
  } catch {
    return { kind: 'failed', detail: "The agent's answer cannot be read." };
  }
}

/**
 * Reads the wallet's direct_post answer with the library against the request (its state, the DCQL
 * keys) and gives the core's input; the audience the VP must name is the request's full client_id.
 * A wallet that declined (an OAuth `error`, e.g. access_denied) is a refusal, said as such.
 */
export async function readCrossDeviceResponse(response: Record<string, unknown>, request: CrossDeviceRequest): Promise<ReadResponse & { refused?: boolean }> {
  if (typeof response.error === 'string') {
    const description = typeof response.error_description === 'string' ? `: ${response.error_description}` : '';
    return { ok: false, refused: true, detail: `The wallet refused (${response.error}${description}).` };
  }
  try {
    const parsed = await parseOpenid4vpAuthorizationResponse({ authorizationResponse: response, authorizationRequestPayload: request.payload as never, callbacks: NO_CRYPTO as never });
    if (parsed.type !== 'dcql') return { ok: false, detail: 'The answer is not keyed by the permit query.' };
    const entries = (parsed.dcql.presentations as Record<string, unknown>)[PERMIT_QUERY_ID];
    const list = Array.isArray(entries) ? entries : [entries];
    if (list.length !== 1 || typeof list[0] !== 'string') return { ok: false, detail: 'The answer holds no single signed presentation.' };
    const { effectiveClientId } = getOpenid4vpClientId({ clientId: request.clientId, responseMode: 'direct_post' } as never) as { effectiveClientId: string };
    return { ok: true, input: { presentation: list[0], expected: { nonce: request.nonce, audience: effectiveClientId } } };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The request as a PNG data: URL (the page's CSP allows img-src data:), error correction M for a phone's camera. */
export function qrDataUrl(text: string): Promise<string> {
  return QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 320 });
}
