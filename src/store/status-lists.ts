/**
 * Status lists in SQLite: the bits of each list, its signed credential as last
 * published, and which permit holds which index. `status_entry` has the primary key
 * (list, index), so an index is never given twice — not even by two processes, and
 * not after a crash: it is written in the same transaction as the permit that uses it.
 */
import type { Queryable } from './sqlite.js';

export type ListPurpose = 'revocation' | 'suspension';

export interface StatusListRow {
  id: number;
  purpose: ListPurpose;
  seq: number;
  length: number;
  allocated: number;
  bits: Uint8Array;
  jwt: string;
  version: number;
  updatedAt: string;
}

type Raw = { id: number; purpose: ListPurpose; seq: number; length: number; allocated: number; bits: Buffer; jwt: string; version: number; updated_at: string };

const toRow = (r: Raw): StatusListRow => ({
  id: r.id,
  purpose: r.purpose,
  seq: r.seq,
  length: r.length,
  allocated: r.allocated,
  bits: new Uint8Array(r.bits),
  jwt: r.jwt,
  version: r.version,
  updatedAt: r.updated_at,
});

export class StatusListStore {
  constructor(private readonly q: Queryable) {}

  async latest(purpose: ListPurpose): Promise<StatusListRow | undefined> {
    const raw = await this.q.get<Raw>('SELECT * FROM status_list WHERE purpose = ? ORDER BY seq DESC LIMIT 1', [purpose]);
    return raw && toRow(raw);
  }

  async bySeq(purpose: ListPurpose, seq: number): Promise<StatusListRow | undefined> {
    const raw = await this.q.get<Raw>('SELECT * FROM status_list WHERE purpose = ? AND seq = ?', [purpose, seq]);
    return raw && toRow(raw);
  }

  async byId(id: number): Promise<StatusListRow | undefined> {
    const raw = await this.q.get<Raw>('SELECT * FROM status_list WHERE id = ?', [id]);
    return raw && toRow(raw);
  }

  async create(purpose: ListPurpose, seq: number, length: number, bits: Uint8Array, jwt: string, now: string): Promise<StatusListRow> {
    const { lastID } = await this.q.run(
      'INSERT INTO status_list (purpose, seq, length, allocated, bits, jwt, version, updated_at) VALUES (?, ?, ?, 0, ?, ?, 1, ?)',
      [purpose, seq, length, Buffer.from(bits), jwt, now],
    );
    return (await this.byId(lastID))!;
  }

  async isTaken(listId: number, index: number): Promise<boolean> {
    return (await this.q.get('SELECT 1 AS x FROM status_entry WHERE list_id = ? AND idx = ?', [listId, index])) !== undefined;
  }

  /** The first free index at or after `from`, wrapping around; undefined when the list is full. */
  async firstFreeFrom(listId: number, from: number, length: number): Promise<number | undefined> {
    const gapAfter = async (start: number, end: number) => {
      if (!(await this.isTaken(listId, start))) return start;
      const row = await this.q.get<{ free: number }>(
        `SELECT e.idx + 1 AS free FROM status_entry e
          WHERE e.list_id = ? AND e.idx >= ? AND e.idx + 1 < ?
            AND NOT EXISTS (SELECT 1 FROM status_entry f WHERE f.list_id = e.list_id AND f.idx = e.idx + 1)
          ORDER BY e.idx LIMIT 1`,
        [listId, start, end],
      );
      return row?.free;
    };
    return (await gapAfter(from, length)) ?? (from > 0 ? gapAfter(0, from) : undefined);
  }

  async assign(listId: number, index: number, permitNumber: string): Promise<void> {
    await this.q.run('INSERT INTO status_entry (list_id, idx, permit_number) VALUES (?, ?, ?)', [listId, index, permitNumber]);
    await this.q.run('UPDATE status_list SET allocated = allocated + 1 WHERE id = ?', [listId]);
  }

  /** The (list, index) a permit holds for a purpose. */
  async entryOf(permitNumber: string, purpose: ListPurpose): Promise<{ list: StatusListRow; index: number } | undefined> {
    const row = await this.q.get<{ list_id: number; idx: number }>(
      `SELECT e.list_id, e.idx FROM status_entry e JOIN status_list l ON l.id = e.list_id
        WHERE e.permit_number = ? AND l.purpose = ?`,
      [permitNumber, purpose],
    );
    if (!row) return undefined;
    return { list: (await this.byId(row.list_id))!, index: row.idx };
  }

  async publish(listId: number, bits: Uint8Array, jwt: string, now: string): Promise<void> {
    await this.q.run('UPDATE status_list SET bits = ?, jwt = ?, version = version + 1, updated_at = ? WHERE id = ?', [Buffer.from(bits), jwt, now, listId]);
  }
}

/** The lists as published, from outside a transaction (committed reads only). */
export type StatusListReads = Pick<StatusListStore, 'latest' | 'bySeq' | 'byId' | 'entryOf'>;
