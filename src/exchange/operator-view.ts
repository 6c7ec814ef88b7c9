/**
 * What an operator sees of the exchange (`saiga exchange status`, `GET /api/exchange`): per
 * peer, how many messages are pending, delivered, failed (refused by the peer for good) and
 * undeliverable (older than the maximum age), and each message not delivered with its attempts
 * and the peer's last answer; and `retry`, which re-queues one message.
 * Bodies are never shown: they carry traders' names and addresses.
 */
import { AUDIT_ACTIONS, auditMessage } from '../audit/record.js';
import type { AuditActor } from '../store/audit-log.js';
import type { OutboxMessage, OutboxReads, OutboxState } from '../store/exchange-outbox.js';
import type { Transactions } from '../store/unit-of-work.js';
import type { TrustedIssuer } from '../vocab/trust-list.js';
import type { CircuitState } from './peer-circuit.js';

export interface ExchangeMessageView {
  id: string;
  type: string;
  /** The credential id of the permit (or the key) the message is about. */
  subject: string;
  state: OutboxState;
  attempts: number;
  createdAt: string;
  expiresAt: string;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastCode: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

export interface ExchangePeerView {
  did: string;
  /** As this agent's trust names the peer; null for a DID it no longer trusts. */
  name: string | null;
  country: string | null;
  pending: number;
  delivered: number;
  failed: number;
  undeliverable: number;
  /** The delivery worker's circuit for the peer; null when no worker runs in this process (a CLI command). */
  circuit: CircuitState | null;
  /** Messages not delivered, oldest first. */
  messages: ExchangeMessageView[];
}

export interface ExchangeStatus {
  peers: ExchangePeerView[];
}

export type RetryOutcome =
  | { ok: true; previousState: OutboxState; message: ExchangeMessageView }
  | { ok: false; code: 'NOT_FOUND' | 'CONFLICT'; message: string };

/** Most messages listed (the counts are always complete). */
export const MAX_LISTED = 500;

export function messageView(m: OutboxMessage): ExchangeMessageView {
  return {
    id: m.id,
    type: m.type,
    subject: m.subject,
    state: m.state,
    attempts: m.attempts,
    createdAt: m.createdAt,
    expiresAt: m.expiresAt,
    nextAttemptAt: m.state === 'pending' ? m.nextAttemptAt : null,
    lastAttemptAt: m.lastAttemptAt,
    lastCode: m.lastCode,
    lastError: m.lastError,
    deliveredAt: m.deliveredAt,
  };
}

export async function exchangeStatus(
  outbox: Pick<OutboxReads, 'countsPerPeer' | 'undelivered'>,
  trusted: readonly TrustedIssuer[],
  circuits: readonly { did: string; state: CircuitState }[] = [],
): Promise<ExchangeStatus> {
  const [counts, undelivered] = await Promise.all([outbox.countsPerPeer(), outbox.undelivered(MAX_LISTED)]);
  const peers = counts.map((c): ExchangePeerView => {
    const known = trusted.find((t) => t.did === c.recipientDid && t.role === 'managementAuthority');
    return {
      did: c.recipientDid,
      name: known?.name ?? null,
      country: known?.country ?? null,
      pending: c.pending,
      delivered: c.delivered,
      failed: c.failed,
      undeliverable: c.undeliverable,
      circuit: circuits.find((k) => k.did === c.recipientDid)?.state ?? null,
      messages: undelivered.filter((m) => m.recipientDid === c.recipientDid).map(messageView),
    };
  });
  return { peers };
}

/**
 * Re-queues one message that failed, became undeliverable, or waits for its next attempt: it is
 * due now, its backoff starts anew and its maximum age counts from now. A delivered one is not
 * sent again.
 */
export async function retryMessage(store: Transactions, id: string, now: Date, maxAgeDays: number, actor: AuditActor): Promise<RetryOutcome> {
  return store.transaction(async (work) => {
    const before = await work.outbox.get(id);
    if (!before) return { ok: false, code: 'NOT_FOUND', message: `No outgoing exchange message with the id ${id}.` };
    if (before.state === 'delivered') return { ok: false, code: 'CONFLICT', message: `The message ${id} was delivered at ${before.deliveredAt}; it is not sent again.` };
    const requeued = await work.outbox.requeue(id, now.toISOString(), new Date(now.getTime() + maxAgeDays * 86_400_000).toISOString());
    // An operator's decision to send again is an action on the permit's trail (Decision 18.125(e)), with their name.
    await auditMessage(work, { action: AUDIT_ACTIONS.messageRequeued, messageId: id, actor, details: { type: before.type, to: before.recipientDid, previousState: before.state } });
    return { ok: true, previousState: before.state, message: messageView(requeued!) };
  });
}
