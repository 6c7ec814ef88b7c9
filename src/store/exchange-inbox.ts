/**
 * The exchange_inbox table (migration 4): one row per message applied here, keyed by sender
 * and message id, with the digest of what was applied and the acknowledgement that was sent.
 * A repeat of a message is answered from this row, byte for byte, and applied no second time
 * (src/exchange/inbox.ts). Refused messages leave no row.
 */
import type { Queryable } from './sqlite.js';

export interface InboxEntry {
  senderDid: string;
  messageId: string;
  type: string;
  subject: string | null;
  /** SHA-256 (hex) of the message as applied. */
  digest: string;
  receivedAt: string;
  /** The acknowledgement as sent: JSON text, answered again unchanged. */
  ackJson: string;
}

type Raw = { sender_did: string; message_id: string; type: string; subject: string | null; digest: string; received_at: string; ack_json: string };

export class InboxStore {
  constructor(private readonly q: Queryable) {}

  async get(senderDid: string, messageId: string): Promise<InboxEntry | undefined> {
    const r = await this.q.get<Raw>('SELECT * FROM exchange_inbox WHERE sender_did = ? AND message_id = ?', [senderDid, messageId]);
    return r && { senderDid: r.sender_did, messageId: r.message_id, type: r.type, subject: r.subject, digest: r.digest, receivedAt: r.received_at, ackJson: r.ack_json };
  }

  async insert(e: InboxEntry): Promise<void> {
    await this.q.run('INSERT INTO exchange_inbox (sender_did, message_id, type, subject, digest, received_at, ack_json) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      e.senderDid,
      e.messageId,
      e.type,
      e.subject,
      e.digest,
      e.receivedAt,
      e.ackJson,
    ]);
  }

  async count(): Promise<number> {
    const row = await this.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM exchange_inbox');
    return row?.n ?? 0;
  }
}

export type InboxReads = Pick<InboxStore, 'get' | 'count'>;
