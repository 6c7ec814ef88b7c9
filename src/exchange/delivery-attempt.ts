/**
 * One attempt to deliver one outbox message: pack it for its recipient (at send time, so
 * `created_time` is fresh and the peer's current keys are used), POST it with a timeout, and
 * read the answer as delivered, to be retried, or failed for good:
 *
 * - 2xx: delivered (the peer applied it, or had applied it already and answers the same ack);
 * - a refusal marked `retryable` (e.g. the permit it concerns has not arrived yet), 408, 429:
 *   retried with backoff; the peer is alive;
 * - any other 4xx: failed, kept with the peer's code, shown to the operator, who may re-queue it;
 * - no answer (refused connection, timeout), a 5xx, or no way to pack it: retried with backoff,
 *   and a failure of the peer for its circuit (peer-circuit.ts).
 */
import { EXCHANGE_CODES, type ExchangeCode } from '../codes.js';
import type { OutboxMessage } from '../store/exchange-outbox.js';
import type { MessageType } from './message-types.js';
import type { Envelope } from './ports.js';

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

export async function attemptDelivery(
  message: OutboxMessage,
  deps: { envelope: Pick<Envelope, 'pack'>; fetch: PostFetch; timeoutMs: number; stopped: AbortSignal },
): Promise<AttemptOutcome> {
  let packed: Awaited<ReturnType<Envelope['pack']>>;
  try {
    packed = await deps.envelope.pack({ id: message.id, type: message.type as MessageType, to: message.recipientDid, body: message.body as never, thid: message.subject });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return retry(isExchangeCode(code) ? code : 'EXCHANGE_PACK_FAILED', shortText((error as Error).message ?? String(error)), true);
  }
  let status: number;
  let text: string;
  try {
    const response = await deps.fetch(packed.endpoint, {
      method: 'POST',
      headers: { 'content-type': packed.mediaType },
      body: packed.packed,
      signal: AbortSignal.any([AbortSignal.timeout(deps.timeoutMs), deps.stopped]),
      // A redirect could take the message elsewhere than the DID document says.
      redirect: 'error',
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (deps.stopped.aborted) return { outcome: 'stopped' };
    const name = (error as Error).name;
    if (name === 'TimeoutError') return retry('EXCHANGE_PEER_TIMEOUT', `no answer from ${packed.endpoint} within ${deps.timeoutMs} ms`, true);
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return retry('EXCHANGE_PEER_UNREACHABLE', shortText(`${packed.endpoint}: ${cause?.code ?? cause?.message ?? (error as Error).message}`), true);
  }
  if (status >= 200 && status < 300) return { outcome: 'delivered' };
  if (status >= 500) return retry('EXCHANGE_PEER_ERROR', `HTTP ${status}: ${shortText(text)}`, true);
  const refused = refusalOf(text);
  const code = typeof refused.code === 'string' ? refused.code : 'EXCHANGE_PEER_REFUSED';
  const error = `HTTP ${status}: ${shortText(refused.message ?? text)}`;
  if (refused.retryable === true || status === 408 || status === 429) return retry(code, error, false);
  return { outcome: 'failed', code, error };
}
