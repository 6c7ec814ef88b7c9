/**
 * The holder_link table (migration 18, issue 12 §1): links a permit's holder opens to see and
 * download it. Rows only; the token itself is never stored, only its SHA-256 (src/holder/links.ts
 * hashes it), so the lookup by token is a lookup by hash.
 */
import type { Queryable } from './sqlite.js';

export interface HolderLinkRecord {
  id: string;
  permitNumber: string;
  credentialId: string;
  createdAt: string;
  /** The officer who made it, and their token id (`user:<id>` for a console session) when there was one. */
  createdBy: string;
  createdByToken: string | null;
  expiresAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  revokedByToken: string | null;
  email: string | null;
}

type Row = {
  id: string;
  permit_number: string;
  credential_id: string;
  created_at: string;
  created_by: string;
  created_by_token: string | null;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoked_by_token: string | null;
  email: string | null;
};

const COLUMNS = 'id, permit_number, credential_id, created_at, created_by, created_by_token, expires_at, revoked_at, revoked_by, revoked_by_token, email';

const toRecord = (r: Row): HolderLinkRecord => ({
  id: r.id,
  permitNumber: r.permit_number,
  credentialId: r.credential_id,
  createdAt: r.created_at,
  createdBy: r.created_by,
  createdByToken: r.created_by_token,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  revokedBy: r.revoked_by,
  revokedByToken: r.revoked_by_token,
  email: r.email,
});

export type HolderLinkReads = Pick<HolderLinkTable, 'byId' | 'byTokenHash' | 'forPermit'>;

export class HolderLinkTable {
  constructor(private readonly q: Queryable) {}

  async insert(link: HolderLinkRecord, tokenHash: string): Promise<void> {
    await this.q.run(`INSERT INTO holder_link (${COLUMNS}, token_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      link.id, link.permitNumber, link.credentialId, link.createdAt, link.createdBy, link.createdByToken, link.expiresAt,
      link.revokedAt, link.revokedBy, link.revokedByToken, link.email, tokenHash,
    ]);
  }

  async byId(id: string): Promise<HolderLinkRecord | undefined> {
    const row = await this.q.get<Row>(`SELECT ${COLUMNS} FROM holder_link WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  async byTokenHash(tokenHash: string): Promise<HolderLinkRecord | undefined> {
    const row = await this.q.get<Row>(`SELECT ${COLUMNS} FROM holder_link WHERE token_hash = ?`, [tokenHash]);
    return row && toRecord(row);
  }

  /** A permit's links, the newest first. */
  async forPermit(permitNumber: string): Promise<HolderLinkRecord[]> {
    return (await this.q.all<Row>(`SELECT ${COLUMNS} FROM holder_link WHERE permit_number = ? ORDER BY created_at DESC, rowid DESC`, [permitNumber])).map(toRecord);
  }

  /** False when there is no such link or it was revoked already (nothing changed). */
  async revoke(id: string, at: string, by: { name: string; tokenId?: string }): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE holder_link SET revoked_at = ?, revoked_by = ?, revoked_by_token = ? WHERE id = ? AND revoked_at IS NULL', [
      at, by.name, by.tokenId ?? null, id,
    ]);
    return changes === 1;
  }
}
