/**
 * The exchange_outbox table (migrations 4 and 6): one row per message to one peer, written in
 * the unit of work of the event that causes it, so it exists exactly when the event committed.
 * The delivery worker (src/exchange/delivery-worker.ts) moves rows from 'pending' to
 * 'delivered', 'failed' (the peer refused it for good) or 'undeliverable' (too old); what a
 * type or a body means is src/exchange's business: this file only stores and finds rows.
 */
import type { Queryable } from './sqlite.js';

export type OutboxState = 'pending' | 'delivered' | 'failed' | 'undeliverable';

export interface NewOutboxMessage {
  id: string;
  recipientDid: string;
  type: string;
  /** The credential id the message concerns: messages with one subject go to one peer in order. */
  subject: string;
  body: unknown;
  createdAt: string;
  /** After this moment the message is no longer sent ('undeliverable'). */
  expiresAt: string;
}

export interface OutboxMessage extends NewOutboxMessage {
  seq: number;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: string;
  lastAttemptAt: string | null;
  lastCode: string | null;
  lastError: string | null;
  deliveredAt: string | null;
}

/** Counts per peer and state, for the operator view. */
export interface OutboxPeerCounts {
  recipientDid: string;
  pending: number;
  delivered: number;
  failed: number;
  undeliverable: number;
}

type Raw = {
  seq: number;
  id: string;
  recipient_did: string;
  type: string;
  subject: string;
  body_json: string;
  created_at: string;
  expires_at: string;
  state: OutboxState;
  attempts: number;
  next_attempt_at: string;
  last_attempt_at: string | null;
  last_code: string | null;
  last_error: string | null;
  delivered_at: string | null;
};

const toMessage = (r: Raw): OutboxMessage => ({
  seq: r.seq,
  id: r.id,
  recipientDid: r.recipient_did,
  type: r.type,
  subject: r.subject,
  body: JSON.parse(r.body_json) as unknown,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  state: r.state,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  lastAttemptAt: r.last_attempt_at,
  lastCode: r.last_code,
  lastError: r.last_error,
  deliveredAt: r.delivered_at,
});

/** What one delivery attempt ended in (the worker decides; the table records). */
export type AttemptResult =
  | { outcome: 'delivered'; at: string }
  | { outcome: 'retry'; at: string; nextAttemptAt: string; code: string | null; error: string }
  | { outcome: 'failed'; at: string; code: string | null; error: string };

/** No earlier message for the same peer and subject is still pending (o is the row looked at). */
const FIRST_OF_ITS_SUBJECT = `NOT EXISTS (SELECT 1 FROM exchange_outbox e
  WHERE e.recipient_did = o.recipient_did AND e.subject = o.subject AND e.state = 'pending' AND e.seq < o.seq)`;

export class OutboxStore {
  /** @param inserted told of every row written (the unit of work wakes the delivery worker after its commit) */
  constructor(
    private readonly q: Queryable,
    private readonly inserted: () => void = () => undefined,
  ) {}

  async insert(m: NewOutboxMessage): Promise<void> {
    this.inserted();
    await this.q.run(
      `INSERT INTO exchange_outbox (id, recipient_did, type, subject, body_json, created_at, expires_at, state, next_attempt_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', ?)`,
      [m.id, m.recipientDid, m.type, m.subject, JSON.stringify(m.body), m.createdAt, m.expiresAt, m.createdAt],
    );
  }

  /** Every peer a message of one of `types` about `subject` was written for (whatever became of it). */
  async recipientsOf(subject: string, types: readonly string[]): Promise<string[]> {
    if (types.length === 0) return [];
    const rows = await this.q.all<{ recipient_did: string }>(
      `SELECT recipient_did FROM exchange_outbox WHERE subject = ? AND type IN (${types.map(() => '?').join(', ')}) GROUP BY recipient_did ORDER BY MIN(seq)`,
      [subject, ...types],
    );
    return rows.map((r) => r.recipient_did);
  }

  async get(id: string): Promise<OutboxMessage | undefined> {
    const raw = await this.q.get<Raw>('SELECT * FROM exchange_outbox WHERE id = ?', [id]);
    return raw && toMessage(raw);
  }

  /**
   * Pending messages whose time has come, oldest first, leaving out any message that has an
   * earlier pending one for the same peer and subject: a revocation never overtakes the permit
   * it revokes (docs/exchange.md, order per permit).
   *
   * The peer's queue is walked in order (index exchange_outbox_peer_queue) and stops at `limit`;
   * the unary `+` keeps SQLite from walking every due message of every peer instead and sorting
   * them ("Disqualifying WHERE clause terms using unary +", sqlite.org/optoverview.html).
   */
  async due(recipientDid: string, now: string, limit: number): Promise<OutboxMessage[]> {
    const rows = await this.q.all<Raw>(
      `SELECT o.* FROM exchange_outbox o
        WHERE o.recipient_did = ? AND o.state = 'pending' AND +o.next_attempt_at <= ? AND ${FIRST_OF_ITS_SUBJECT}
        ORDER BY o.seq LIMIT ?`,
      [recipientDid, now, limit],
    );
    return rows.map(toMessage);
  }

  /** The peers that have a pending message whose time has come (each peer is then read apart: a dead one cannot crowd out the rest). */
  async dueRecipients(now: string): Promise<string[]> {
    // A skip scan over index exchange_outbox_due_peers: one seek per peer with pending messages,
    // however many are queued for it (a plain DISTINCT reads every pending row).
    const rows = await this.q.all<{ did: string }>(
      `WITH RECURSIVE peer(did) AS (
         SELECT MIN(recipient_did) FROM exchange_outbox WHERE state = 'pending'
         UNION ALL
         SELECT (SELECT MIN(recipient_did) FROM exchange_outbox WHERE state = 'pending' AND recipient_did > peer.did) FROM peer WHERE peer.did IS NOT NULL
       )
       SELECT did FROM peer WHERE did IS NOT NULL
         AND EXISTS (SELECT 1 FROM exchange_outbox WHERE state = 'pending' AND recipient_did = peer.did AND next_attempt_at <= ?)
       ORDER BY did`,
      [now],
    );
    return rows.map((r) => r.did);
  }

  /** When the next message that may be sent (none before it for its peer and subject) falls due after `now`. */
  async nextDueAfter(now: string): Promise<string | undefined> {
    const row = await this.q.get<{ at: string | null }>(
      `SELECT MIN(o.next_attempt_at) AS at FROM exchange_outbox o WHERE o.state = 'pending' AND o.next_attempt_at > ? AND ${FIRST_OF_ITS_SUBJECT}`,
      [now],
    );
    return row?.at ?? undefined;
  }

  async hasExpired(now: string): Promise<boolean> {
    return (await this.q.get("SELECT 1 AS x FROM exchange_outbox WHERE state = 'pending' AND expires_at <= ? LIMIT 1", [now])) !== undefined;
  }

  /** Pending messages older than their maximum age become 'undeliverable'; returns them. */
  async expire(now: string): Promise<OutboxMessage[]> {
    const rows = await this.q.all<Raw>("SELECT * FROM exchange_outbox WHERE state = 'pending' AND expires_at <= ? ORDER BY seq", [now]);
    if (rows.length > 0) await this.q.run("UPDATE exchange_outbox SET state = 'undeliverable' WHERE state = 'pending' AND expires_at <= ?", [now]);
    return rows.map(toMessage);
  }

  /** Records one attempt; only a pending row changes (an operator may have re-queued or the row expired meanwhile). */
  async recordAttempt(id: string, result: AttemptResult): Promise<void> {
    switch (result.outcome) {
      case 'delivered':
        await this.q.run(
          "UPDATE exchange_outbox SET state = 'delivered', attempts = attempts + 1, last_attempt_at = ?, delivered_at = ?, last_code = NULL, last_error = NULL WHERE id = ? AND state = 'pending'",
          [result.at, result.at, id],
        );
        return;
      case 'retry':
        await this.q.run(
          "UPDATE exchange_outbox SET attempts = attempts + 1, last_attempt_at = ?, next_attempt_at = ?, last_code = ?, last_error = ? WHERE id = ? AND state = 'pending'",
          [result.at, result.nextAttemptAt, result.code, result.error, id],
        );
        return;
      case 'failed':
        await this.q.run(
          "UPDATE exchange_outbox SET state = 'failed', attempts = attempts + 1, last_attempt_at = ?, last_code = ?, last_error = ? WHERE id = ? AND state = 'pending'",
          [result.at, result.code, result.error, id],
        );
    }
  }

  /**
   * Re-queues a message: due now, its backoff started anew, its maximum age counted from now.
   * A delivered message stays delivered (undefined is returned for it, as for an unknown id).
   */
  async requeue(id: string, now: string, expiresAt: string): Promise<OutboxMessage | undefined> {
    const { changes } = await this.q.run(
      "UPDATE exchange_outbox SET state = 'pending', attempts = 0, next_attempt_at = ?, expires_at = ? WHERE id = ? AND state <> 'delivered'",
      [now, expiresAt, id],
    );
    return changes === 0 ? undefined : this.get(id);
  }

  async countsPerPeer(): Promise<OutboxPeerCounts[]> {
    const rows = await this.q.all<{ recipient_did: string; state: OutboxState; n: number }>(
      'SELECT recipient_did, state, COUNT(*) AS n FROM exchange_outbox GROUP BY recipient_did, state ORDER BY recipient_did',
    );
    const byPeer = new Map<string, OutboxPeerCounts>();
    for (const r of rows) {
      const counts = byPeer.get(r.recipient_did) ?? { recipientDid: r.recipient_did, pending: 0, delivered: 0, failed: 0, undeliverable: 0 };
      counts[r.state] = r.n;
      byPeer.set(r.recipient_did, counts);
    }
    return [...byPeer.values()];
  }

  /** Messages not delivered (pending, failed, undeliverable), oldest first, at most `limit`. */
  async undelivered(limit: number): Promise<OutboxMessage[]> {
    const rows = await this.q.all<Raw>("SELECT * FROM exchange_outbox WHERE state <> 'delivered' ORDER BY seq LIMIT ?", [limit]);
    return rows.map(toMessage);
  }
}

/** The outbox as committed reads see it. */
export type OutboxReads = Pick<OutboxStore, 'get' | 'due' | 'dueRecipients' | 'nextDueAfter' | 'hasExpired' | 'recipientsOf' | 'countsPerPeer' | 'undelivered'>;
