/**
 * The cross-device presentation relay (docs/oid4vp.md "Cross-device"): the verifier page asks a
 * wallet on another device for a permit. The page gives a nonce; the relay makes the request with
 * the OpenID4VP library (response_mode `direct_post`, OpenID4VP 1.0 §8.2), the wallet scans it as an
 * `openid4vp://` QR code and POSTs its answer to the response_uri here, and the page, holding the
 * read token, fetches that answer and checks it itself (nonce, audience, signature, the permit).
 *
 * The relay checks none of the presentation: it only keeps the first answer carrying the request's
 * `state`, for the request's lifetime. The page made the nonce and checks the answer against it, so
 * a relay that lied could make the page refuse, never accept. The client_id is `redirect_uri:` the
 * response_uri (OpenID4VP 1.0 §5.9.3): an unsigned request, passed by value.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createOpenid4vpAuthorizationRequest } from '@openid4vc/openid4vp';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import { PERMIT_DCQL_QUERY, PRESENTATION_REQUEST_SECONDS, PRESENTATION_VP_FORMATS } from '../vocab/presentation.js';

/** Where the wallet POSTs its answer: the agent's URL + this + `/{id}`. */
export const RELAY_RESPONSE_PATH = '/oid4vp/responses';
/** Where the page makes a request. */
export const RELAY_REQUEST_PATH = '/oid4vp/requests';

/** The page's nonce: base64url, long enough to be unguessable (OpenID4VP 1.0 §14.1), short enough for a QR code. */
export const NONCE_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;
/** A wallet's answer field longer than this is not a presentation of one permit (the body limit is the route's). */
const FIELD_MAX = 64 * 1024;

export interface RelayDeps {
  baseUrl: string;
  store: Transactions & { reads: Pick<CommittedReads, 'presentationRequests'> };
  now: () => Date;
  /** Seconds a request stays answerable (PRESENTATION_REQUEST_SECONDS). */
  requestSeconds?: number;
  random?: (n: number) => Buffer;
}

export interface CreatedRequest {
  id: string;
  readToken: string;
  authorizationRequest: string;
  clientId: string;
  expiresAt: string;
}

export type CreateOutcome = ({ ok: true } & CreatedRequest) | { ok: false; path: string; message: string };
export type AnswerOutcome = { ok: true } | { ok: false; description: string };
export type ReadOutcome =
  | { kind: 'pending'; expiresAt: string }
  | { kind: 'answered'; response: Record<string, string> }
  | { kind: 'expired'; expiresAt: string }
  | { kind: 'unauthorized' }
  | { kind: 'not-found' };

const NO_CRYPTO = {
  signJwt: () => Promise.reject(new Error('An unsigned request is never signed.')),
  encryptJwe: () => Promise.reject(new Error('The response is not encrypted.')),
};

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const ID_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export class PresentationRelay {
  private readonly seconds: number;
  private readonly random: (n: number) => Buffer;

  constructor(private readonly deps: RelayDeps) {
    this.seconds = deps.requestSeconds ?? PRESENTATION_REQUEST_SECONDS;
    this.random = deps.random ?? randomBytes;
  }

  async create(body: unknown): Promise<CreateOutcome> {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, path: '', message: 'The body must be a JSON object { "nonce": … }.' };
    const extra = Object.keys(body).find((k) => k !== 'nonce');
    if (extra !== undefined) return { ok: false, path: `/${extra}`, message: `Unknown field "${extra}".` };
    const nonce = (body as { nonce?: unknown }).nonce;
    if (typeof nonce !== 'string' || !NONCE_PATTERN.test(nonce)) return { ok: false, path: '/nonce', message: '"nonce" must be base64url, 22 to 128 characters.' };
    const now = this.deps.now();
    const id = this.random(16).toString('base64url');
    const readToken = this.random(32).toString('base64url');
    const state = this.random(16).toString('base64url');
    const responseUri = `${this.deps.baseUrl}${RELAY_RESPONSE_PATH}/${id}`;
    const clientId = `redirect_uri:${responseUri}`;
    const { authorizationRequest } = await createOpenid4vpAuthorizationRequest({
      authorizationRequestPayload: {
        response_type: 'vp_token',
        response_mode: 'direct_post',
        response_uri: responseUri,
        client_id: clientId,
        nonce,
        state,
        dcql_query: structuredClone(PERMIT_DCQL_QUERY) as never,
        client_metadata: { vp_formats_supported: structuredClone(PRESENTATION_VP_FORMATS) as never },
      },
      callbacks: NO_CRYPTO as never,
      now,
    });
    const expiresAt = new Date(now.getTime() + this.seconds * 1000).toISOString();
    await this.deps.store.transaction(async (work) => {
      // Expired requests, and the answers they hold, go as new ones are made (docs/oid4vp.md).
      await work.presentationRequests.purgeExpired(now.toISOString());
      await work.presentationRequests.insert({ id, readTokenHash: sha256(readToken), state, nonce, authorizationRequest, createdAt: now.toISOString(), expiresAt });
    });
    return { ok: true, id, readToken, authorizationRequest, clientId, expiresAt };
  }

  /** The wallet's direct_post (OpenID4VP 1.0 §8.2): the first answer with the request's state, before it expires, is kept. */
  async answer(id: string, form: Record<string, unknown>): Promise<AnswerOutcome> {
    const fields: Record<string, string> = {};
    for (const name of ['vp_token', 'state', 'error', 'error_description'] as const) {
      const value = form[name];
      if (value === undefined) continue;
      if (typeof value !== 'string' || value.length > FIELD_MAX) return { ok: false, description: `"${name}" must be one string.` };
      fields[name] = value;
    }
    if (fields.state === undefined) return { ok: false, description: 'The answer has no "state".' };
    if ((fields.vp_token === undefined) === (fields.error === undefined)) return { ok: false, description: 'The answer must carry either "vp_token" or "error".' };
    if (!ID_PATTERN.test(id)) return { ok: false, description: 'No such presentation request.' };
    const at = this.deps.now().toISOString();
    const written = await this.deps.store.transaction((work) => work.presentationRequests.answer(id, fields.state!, JSON.stringify(fields), at));
    if (written) return { ok: true };
    // Nothing was written: say why, from committed data (the answer above was the only write).
    const row = await this.deps.store.reads.presentationRequests.get(id);
    if (row === undefined) return { ok: false, description: 'No such presentation request.' };
    if (row.respondedAt !== null) return { ok: false, description: 'This request has been answered already.' };
    if (row.expiresAt <= at) return { ok: false, description: 'This request has expired.' };
    return { ok: false, description: 'The state does not match the request.' };
  }

  /** What the page polls for: with its read token only. An expired request answers nothing, answered or not. */
  async read(id: string, readToken: string | undefined): Promise<ReadOutcome> {
    if (!ID_PATTERN.test(id)) return { kind: 'not-found' };
    const row = await this.deps.store.reads.presentationRequests.get(id);
    if (row === undefined) return { kind: 'not-found' };
    if (readToken === undefined || sha256(readToken) !== row.readTokenHash) return { kind: 'unauthorized' };
    const at = this.deps.now().toISOString();
    if (row.response !== null && row.expiresAt > at) return { kind: 'answered', response: JSON.parse(row.response) as Record<string, string> };
    if (row.expiresAt <= at) return { kind: 'expired', expiresAt: row.expiresAt };
    return { kind: 'pending', expiresAt: row.expiresAt };
  }
}
