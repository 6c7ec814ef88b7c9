/**
 * The audit_entry table (migration 12): the hash-chained audit trail (docs/audit.md).
 *
 * Each entry's hash is SHA-256 over its canonical fields, the previous entry's hash among
 * them, so an entry edited, removed or inserted breaks the chain from there on. Appends run
 * in the caller's write transaction (BEGIN IMMEDIATE, sqlite.ts), which serialises them
 * across processes: the head is read inside it, never cached, so that a CLI process and
 * `saiga serve` writing the same file chain one after the other, and an entry of a savepoint
 * that rolled back (one permit of a batch) takes its seq with it.
 */
import { createHash } from 'node:crypto';
import type { Queryable } from './sqlite.js';
import { canonicalJson } from '../vocab/canonical-json.js';

/** The previous hash of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditActor {
  /** The API token that acted, when one did. */
  tokenId?: string;
  /** The token holder's name, the CLI's named officer, or 'system' for the agent's own acts. */
  name: string;
}

export const SYSTEM_ACTOR: AuditActor = { name: 'system' };

export interface AuditAppend {
  actor: AuditActor;
  action: string;
  /** What the action is about: a permit number, a message id, a token id, a kid. */
  subject?: string;
  /** The permit the entry concerns, for --permit and for retention (5 years after it expires). */
  permitNumber?: string;
  /** The data before and after the action (hashed here, never stored). */
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorToken: string | null;
  actorName: string;
  action: string;
  subject: string | null;
  permitNumber: string | null;
  beforeHash: string | null;
  afterHash: string | null;
  /** Canonical JSON text, hashed as it is stored. */
  detailsJson: string;
  prevHash: string;
  hash: string;
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of some data, as an entry's before/after: SHA-256 of its canonical JSON; none for none. */
export const dataHash = (value: unknown): string | null => (value === undefined || value === null ? null : sha256Hex(canonicalJson(value)));

/** An entry's hash: every stored field but the hash itself, the previous hash included. */
export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(
    canonicalJson({
      seq: e.seq,
      at: e.at,
      actorToken: e.actorToken,
      actorName: e.actorName,
      action: e.action,
      subject: e.subject,
      permitNumber: e.permitNumber,
      beforeHash: e.beforeHash,
      afterHash: e.afterHash,
      details: e.detailsJson,
      prevHash: e.prevHash,
    }),
  );
}

type EntryRow = {
  seq: number;
  at: string;
  actor_token: string | null;
  actor_name: string;
  action: string;
  subject: string | null;
  permit_number: string | null;
  before_hash: string | null;
  after_hash: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
};

const COLUMNS = 'seq, at, actor_token, actor_name, action, subject, permit_number, before_hash, after_hash, details_json, prev_hash, hash';
const toEntry = (r: EntryRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actorToken: r.actor_token,
  actorName: r.actor_name,
  action: r.action,
  subject: r.subject,
  permitNumber: r.permit_number,
  beforeHash: r.before_hash,
  afterHash: r.after_hash,
  detailsJson: r.details_json,
  prevHash: r.prev_hash,
  hash: r.hash,
});

export interface AuditQuery {
  /** ISO 8601 bounds on `at`, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  permitNumber?: string;
  /** Entries after this seq. */
  afterSeq?: number;
  limit: number;
}

/** Reads of the chain (committed reads, or the transaction's own). */
export class AuditLogReads {
  constructor(protected readonly q: Queryable) {}

  async head(): Promise<{ seq: number; hash: string } | undefined> {
    return this.q.get<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1');
  }

  async first(): Promise<AuditEntry | undefined> {
    const row = await this.q.get<EntryRow>(`SELECT ${COLUMNS} FROM audit_entry ORDER BY seq LIMIT 1`);
    return row && toEntry(row);
  }

  async bySeq(seq: number): Promise<AuditEntry | undefined> {
    const row = await this.q.get<EntryRow>(`SELECT ${COLUMNS} FROM audit_entry WHERE seq = ?`, [seq]);
    return row && toEntry(row);
  }

  /** Entries in seq order after `afterSeq`, at most `limit` (the verifier and exports page through the chain). */
  async page(query: AuditQuery): Promise<AuditEntry[]> {
    const where: string[] = ['seq > ?'];
    const params: unknown[] = [query.afterSeq ?? -1];
    if (query.from !== undefined) where.push('at >= ?'), params.push(query.from);
    if (query.to !== undefined) where.push('at < ?'), params.push(query.to);
    if (query.permitNumber !== undefined) where.push('permit_number = ?'), params.push(query.permitNumber);
    const rows = await this.q.all<EntryRow>(`SELECT ${COLUMNS} FROM audit_entry WHERE ${where.join(' AND ')} ORDER BY seq LIMIT ?`, [...params, query.limit]);
    return rows.map(toEntry);
  }

  count(): Promise<number> {
    return this.q.get<{ n: number }>('SELECT COUNT(*) AS n FROM audit_entry').then((r) => r?.n ?? 0);
  }

  /** Entries up to `seq` that a purge must keep: younger than `notBefore`, or about a permit whose valid_until is after `expiredBefore`. */
  async protectedUpTo(seq: number, notBefore: string, expiredBefore: string, limit = 20): Promise<{ seq: number; at: string; permitNumber: string | null; validUntil: string | null }[]> {
    return this.q.all(
      `SELECT e.seq AS seq, e.at AS at, e.permit_number AS permitNumber, p.valid_until AS validUntil
         FROM audit_entry e LEFT JOIN permit p ON p.permit_number = e.permit_number
        WHERE e.seq <= ? AND (e.at >= ? OR (e.permit_number IS NOT NULL AND (p.valid_until IS NULL OR p.valid_until > ?)))
        ORDER BY e.seq LIMIT ?`,
      [seq, notBefore, expiredBefore, limit],
    );
  }

  /** The permit an outgoing message's sending entry named (a delivery's end concerns the same permit). */
  async permitOfMessage(messageId: string): Promise<string | undefined> {
    const row = await this.q.get<{ permit_number: string | null }>("SELECT permit_number FROM audit_entry WHERE subject = ? AND action = 'exchange.sent' LIMIT 1", [messageId]);
    return row?.permit_number ?? undefined;
  }

  /** The last seq whose entry is older than `before`. */
  async lastSeqBefore(before: string): Promise<number | undefined> {
    const row = await this.q.get<{ seq: number | null }>('SELECT MAX(seq) AS seq FROM audit_entry WHERE at < ?', [before]);
    return row?.seq ?? undefined;
  }
}

/** The chain in a write transaction: appends and the purge. */
export class AuditLogStore extends AuditLogReads {
  constructor(
    q: Queryable,
    private readonly now: () => Date,
  ) {
    super(q);
  }

  /** Appends one entry after the head, in the caller's transaction. */
  async append(input: AuditAppend): Promise<AuditEntry> {
    const head = (await this.head()) ?? (await this.purgedHead()) ?? { seq: 0, hash: AUDIT_GENESIS_HASH };
    const unsigned: Omit<AuditEntry, 'hash'> = {
      seq: head.seq + 1,
      at: this.now().toISOString(),
      actorToken: input.actor.tokenId ?? null,
      actorName: input.actor.name,
      action: input.action,
      subject: input.subject ?? null,
      permitNumber: input.permitNumber ?? null,
      beforeHash: dataHash(input.before),
      afterHash: dataHash(input.after),
      detailsJson: canonicalJson(input.details ?? {}),
      prevHash: head.hash,
    };
    const entry: AuditEntry = { ...unsigned, hash: entryHash(unsigned) };
    await this.q.run(`INSERT INTO audit_entry (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      entry.seq,
      entry.at,
      entry.actorToken,
      entry.actorName,
      entry.action,
      entry.subject,
      entry.permitNumber,
      entry.beforeHash,
      entry.afterHash,
      entry.detailsJson,
      entry.prevHash,
      entry.hash,
    ]);
    return entry;
  }

  /** When every entry was purged, the chain goes on from the last purge anchor's head. */
  private async purgedHead(): Promise<{ seq: number; hash: string } | undefined> {
    return this.q.get<{ seq: number; hash: string }>("SELECT seq, head_hash AS hash FROM audit_checkpoint WHERE kind = 'purge' ORDER BY seq DESC LIMIT 1");
  }

  /** Deletes the entries up to `seq` (the caller has checked retention and written the anchor). */
  async deleteUpTo(seq: number): Promise<number> {
    return (await this.q.run('DELETE FROM audit_entry WHERE seq <= ?', [seq])).changes;
  }
}
