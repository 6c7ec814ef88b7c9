/**
 * The api_token table: one row per API token, holding the SHA-256 hash of the token (never
 * the token), its role, its holder's name and its dates. What a hash, a role or an expiry
 * means is src/auth/tokens.ts's business; this file only stores and finds rows.
 */
import type { Queryable } from './sqlite.js';

export interface StoredToken {
  id: string;
  role: string;
  name: string;
  createdAt: string;
  /** ISO 8601; null when the token does not expire. */
  expiresAt: string | null;
  revokedAt: string | null;
}

type TokenRow = { id: string; role: string; name: string; created_at: string; expires_at: string | null; revoked_at: string | null };
const COLUMNS = 'id, role, name, created_at, expires_at, revoked_at';
const toStored = (row: TokenRow): StoredToken => ({
  id: row.id,
  role: row.role,
  name: row.name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

export class TokenTable {
  constructor(private readonly q: Queryable) {}

  async insert(token: StoredToken & { hash: string }): Promise<void> {
    await this.q.run('INSERT INTO api_token (id, hash, role, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
      token.id,
      token.hash,
      token.role,
      token.name,
      token.createdAt,
      token.expiresAt,
    ]);
  }

  /** Marks a token revoked at `at`, unless it is revoked already (its first date stays). True when this call revoked it. */
  async revoke(id: string, at: string): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [at, id]);
    return changes === 1;
  }

  async byHash(hash: string): Promise<StoredToken | undefined> {
    const row = await this.q.get<TokenRow>(`SELECT ${COLUMNS} FROM api_token WHERE hash = ?`, [hash]);
    return row && toStored(row);
  }

  async byId(id: string): Promise<StoredToken | undefined> {
    const row = await this.q.get<TokenRow>(`SELECT ${COLUMNS} FROM api_token WHERE id = ?`, [id]);
    return row && toStored(row);
  }

  /** Every token, newest first. */
  async list(): Promise<StoredToken[]> {
    return (await this.q.all<TokenRow>(`SELECT ${COLUMNS} FROM api_token ORDER BY created_at DESC, id`)).map(toStored);
  }

  async count(): Promise<number> {
    return (await this.q.get<{ n: number }>('SELECT count(*) AS n FROM api_token'))?.n ?? 0;
  }
}

export type TokenReads = Pick<TokenTable, 'byHash' | 'byId' | 'list' | 'count'>;
