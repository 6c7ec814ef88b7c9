/**
 * One attempt to deliver one outbox message: pack it for its recipient (at send time, so
 * `created_time` is fresh and the peer's current keys are used), POST it with a timeout, and
 * read the answer as delivered, to be retried, or failed for good:
 *
 * - 2xx: delivered (the peer applied it, or had applied it already and answers the same ack);
 * - a refusal marked `retryable` (e.g. the permit it concerns has not arrived yet), 408, 429:
 *   retried with backoff; the peer is alive;
 * - EXCHANGE_DECRYPT_FAILED: the peer's DID document is read again (it may have rotated its
 *   key) and the message retried, DECRYPT_RETRIES times, then failed;
 * - any other 4xx: failed, kept with the peer's code, shown to the operator, who may re-queue it;
 * - no answer (refused connection, timeout), a 5xx, or no way to pack it: retried with backoff,
 *   and a failure of the peer for its circuit (peer-circuit.ts).
 */
import { EXCHANGE_CODES, type ExchangeCode } from '../codes.js';
import type { OutboxMessage } from '../store/exchange-outbox.js';
import type { MessageType } from './message-types.js';
import type { Envelope, OutgoingMessage } from './ports.js';

/** The part of fetch the worker uses (injected: tests give a fake, the agent Node's fetch). */
export type PostFetch = (url: string, init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'error' }) => Promise<{
  status: number;
  text(): Promise<string>;
}>;

export type AttemptOutcome =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; code: ExchangeCode | string; error: string; peerDown: boolean }
  | { outcome: 'failed'; code: ExchangeCode | string; error: string }
  /** The worker was stopped during the attempt: nothing is recorded, it is sent again after a restart. */
  | { outcome: 'stopped' };

/** Attempts after which a message the peer cannot decrypt fails for good (each reads the peer's DID document anew). */
export const DECRYPT_RETRIES = 2;

const isExchangeCode = (code: unknown): code is ExchangeCode => typeof code === 'string' && Object.hasOwn(EXCHANGE_CODES, code);
/** Peers' words are shown to the operator: bounded, one line. */
const shortText = (text: string) => text.replace(/\s+/g, ' ').slice(0, 300);

/**
 * Full jitter (a random wait between 0 and the exponential bound): retries of many messages
 * spread out instead of arriving at a recovering peer all at once.
 */
export function backoffMs(attemptsSoFar: number, random: number, settings: { backoffBaseMs: number; backoffCapMs: number }): number {
  const bound = Math.min(settings.backoffCapMs, settings.backoffBaseMs * 2 ** Math.min(attemptsSoFar, 40));
  return Math.floor(random * bound);
}

function retry(code: ExchangeCode | string, error: string, peerDown: boolean): AttemptOutcome {
  return { outcome: 'retry', code, error, peerDown };
}

/** The refusal a peer's answer carries (`{ error: { code, message, retryable? } }`, routes/exchange.ts), if any. */
function refusalOf(text: string): { code?: string; message?: string; retryable?: boolean } {
  try {
    const error = (JSON.parse(text) as { error?: unknown }).error;
    return error !== null && typeof error === 'object' ? (error as { code?: string; message?: string; retryable?: boolean }) : {};
  } catch {
    return {};
  }
}

type AttemptDeps = { envelope: Pick<Envelope, 'pack' | 'packBatch' | 'forgetDocument'>; fetch: PostFetch; timeoutMs: number; stopped: AbortSignal };
type Packed = { packed: string; endpoint: string; mediaType: string };

export async function attemptDelivery(message: OutboxMessage, deps: AttemptDeps): Promise<AttemptOutcome> {
  const sent = await packAndPost(() => deps.envelope.pack(outgoing(message)), deps);
  return 'outcome' in sent ? sent : answerFor(sent.status, sent.text, message, deps);
}

/**
 * One attempt to deliver several messages to one peer in one batch (Envelope.packBatch): one
 * outcome per message, in their order. The peer answers one result per attachment (inbox.ts):
 * each message is delivered, retried or failed on its own result, as it would be alone; an
 * answer for the whole batch (no answer, a 5xx, a refusal of the envelope) counts for each.
 */
export async function attemptBatch(messages: readonly OutboxMessage[], deps: AttemptDeps): Promise<AttemptOutcome[]> {
  const { packBatch } = deps.envelope;
  if (messages.length === 1 || !packBatch) return Promise.all(messages.map((m) => attemptDelivery(m, deps)));
  const sent = await packAndPost(() => packBatch(messages.map(outgoing)), deps);
  if ('outcome' in sent) return messages.map(() => sent);
  if (sent.status < 200 || sent.status >= 300) return messages.map((m) => answerFor(sent.status, sent.text, m, deps));
  const results = batchResults(sent.text);
  return messages.map((m) => {
    const result = results.get(m.id);
    if (result === undefined) return retry('EXCHANGE_PEER_ERROR', 'the peer answered the batch without a result for this message', true);
    if (result.error === undefined) return { outcome: 'delivered' };
    return refusedFor(result.error, `refused in the batch: ${shortText(result.error.message ?? '')}`, m, deps);
  });
}

function outgoing(message: OutboxMessage): OutgoingMessage {
  return { id: message.id, type: message.type as MessageType, to: message.recipientDid, body: message.body as never, thid: message.subject };
}

/** The results of a batch answer (`{ status: 'batch', results }`) by message id. */
function batchResults(text: string): Map<string, { error?: { code?: string; message?: string; retryable?: boolean } }> {
  const byId = new Map<string, { error?: { code?: string; message?: string; retryable?: boolean } }>();
  try {
    const answer = JSON.parse(text) as { status?: unknown; results?: unknown };
    if (answer.status !== 'batch' || !Array.isArray(answer.results)) return byId;
    for (const result of answer.results as { id?: unknown; status?: unknown; error?: unknown }[]) {
      if (result === null || typeof result !== 'object' || typeof result.id !== 'string') continue;
      if (result.status === 'accepted') byId.set(result.id, {});
      else if (result.error !== null && typeof result.error === 'object') byId.set(result.id, { error: result.error as { code?: string } });
    }
  } catch {
    // Not JSON: no message has a result, each is retried.
  }
  return byId;
}

async function packAndPost(pack: () => Promise<Packed>, deps: AttemptDeps): Promise<{ status: number; text: string } | AttemptOutcome> {
  let packed: Packed;
  try {
    packed = await pack();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return retry(isExchangeCode(code) ? code : 'EXCHANGE_PACK_FAILED', shortText((error as Error).message ?? String(error)), true);
  }
  try {
    const response = await deps.fetch(packed.endpoint, {
      method: 'POST',
      headers: { 'content-type': packed.mediaType },
      body: packed.packed,
      signal: AbortSignal.any([AbortSignal.timeout(deps.timeoutMs), deps.stopped]),
      // A redirect could take the message elsewhere than the DID document says.
      redirect: 'error',
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    if (deps.stopped.aborted) return { outcome: 'stopped' };
    const name = (error as Error).name;
    if (name === 'TimeoutError') return retry('EXCHANGE_PEER_TIMEOUT', `no answer from ${packed.endpoint} within ${deps.timeoutMs} ms`, true);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return retry('EXCHANGE_PEER_UNREACHABLE', shortText(`${packed.endpoint}: ${cause?.code ?? cause?.message ?? (error as Error).message}`), true);
  }
}

/** What the peer's answer means for one message (the rules of the header comment). */
function answerFor(status: number, text: string, message: OutboxMessage, deps: Pick<AttemptDeps, 'envelope'>): AttemptOutcome {
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status >= 500) return retry('EXCHANGE_PEER_ERROR', `HTTP ${status}: ${shortText(text)}`, true);
  const refused = refusalOf(text);
  return refusedFor(refused, `HTTP ${status}: ${shortText(refused.message ?? text)}`, message, deps, status === 408 || status === 429);
}

/** A refusal of one message (the whole answer's, or its result in a batch's answer). */
function refusedFor(refused: { code?: string; retryable?: boolean }, error: string, message: OutboxMessage, deps: Pick<AttemptDeps, 'envelope'>, busy = false): AttemptOutcome {
  const code = typeof refused.code === 'string' ? refused.code : 'EXCHANGE_PEER_REFUSED';
  // `busy`: the peer answered 408 or 429, try again later.
  if (refused.retryable === true || busy) return retry(code, error, false);
  // The peer could not decrypt: most likely it rotated its key since its DID document was
  // cached here. Read the document again and try again, a bounded number of times.
  if (code === 'EXCHANGE_DECRYPT_FAILED' && message.attempts < DECRYPT_RETRIES) {
    deps.envelope.forgetDocument?.(message.recipientDid);
    return retry(code, error, false);
  }
  return { outcome: 'failed', code, error };
}
