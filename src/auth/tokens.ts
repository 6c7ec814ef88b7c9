/**
 * API bearer tokens. A token is shown once, when created; only its SHA-256 hash is
 * stored, so a copy of the database gives no one a working token. Tokens carry 256
 * bits of randomness, so a fast hash is enough (no password-style stretching needed).
 * There is no default token: the first officer token is created on the first start and
 * printed once.
 *
 * Every authentication reads the database (committed data, on the read connection): no
 * cache, so a token revoked by `saiga token revoke` in another process is refused at once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Queryable, SqliteDatabase } from '../store/sqlite.js';

export const ROLES = ['officer', 'customs', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRecord {
  id: string;
  role: Role;
  /** The person (or system) the token belongs to; an officer's name is the box 13 signatory. */
  name: string;
  createdAt: string;
  /** ISO 8601; null when the token does not expire. */
  expiresAt: string | null;
  revokedAt: string | null;
}

/** Why a presented token is refused: unknown (or malformed), revoked, or expired. */
export type TokenCheck = { ok: true; token: TokenRecord } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'revoked' | 'expired'; at: string };

const PREFIX = 'saiga_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

type TokenRow = { id: string; role: Role; name: string; created_at: string; expires_at: string | null; revoked_at: string | null };
const COLUMNS = 'id, role, name, created_at, expires_at, revoked_at';
const toRecord = (row: TokenRow): TokenRecord => ({
  id: row.id,
  role: row.role,
  name: row.name,
  createdAt: row.created_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

export class TokenStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly reads: Queryable = db,
    /** The clock expiry is judged by (pinned in tests). */
    readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a token and returns it in clear — the only time it is ever available. Check the name first (token-name.ts). */
  async create(role: Role, name: string, options: { expiresAt?: Date } = {}): Promise<{ token: string; record: TokenRecord }> {
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: TokenRecord = {
      id: randomUUID(),
      role,
      name,
      createdAt: this.now().toISOString(),
      expiresAt: options.expiresAt ? options.expiresAt.toISOString() : null,
      revokedAt: null,
    };
    // In a transaction of its own: a bare statement on the writing connection would join an
    // open issuing batch and vanish if that batch rolled back.
    await this.db.transaction((tx) =>
      tx.run('INSERT INTO api_token (id, hash, role, name, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)', [
        record.id,
        hashToken(token),
        role,
        name,
        record.createdAt,
        record.expiresAt,
      ]),
    );
    return { token, record };
  }

  /** Checks a presented bearer token against the committed table, now. */
  async check(token: string): Promise<TokenCheck> {
    if (!token.startsWith(PREFIX) || token.length > 200) return { ok: false, reason: 'unknown' };
    const row = await this.reads.get<TokenRow>(`SELECT ${COLUMNS} FROM api_token WHERE hash = ?`, [hashToken(token)]);
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revoked_at !== null) return { ok: false, reason: 'revoked', at: row.revoked_at };
    if (row.expires_at !== null && Date.parse(row.expires_at) <= this.now().getTime()) return { ok: false, reason: 'expired', at: row.expires_at };
    return { ok: true, token: toRecord(row) };
  }

  /** The live token record for a presented bearer token, if any. */
  async authenticate(token: string): Promise<TokenRecord | undefined> {
    const checked = await this.check(token);
    return checked.ok ? checked.token : undefined;
  }

  /** Every token, newest first; never the secret (only its hash is stored anyway, and that is not shown either). */
  async list(): Promise<TokenRecord[]> {
    return (await this.reads.all<TokenRow>(`SELECT ${COLUMNS} FROM api_token ORDER BY created_at DESC, id`)).map(toRecord);
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    const row = await this.reads.get<TokenRow>(`SELECT ${COLUMNS} FROM api_token WHERE id = ?`, [id]);
    return row && toRecord(row);
  }

  /** Revokes a token for good. `revoked: false` when it was revoked already (its first revocation date stays). */
  async revoke(id: string): Promise<{ record: TokenRecord; revoked: boolean } | undefined> {
    const { changes } = await this.db.transaction((tx) =>
      tx.run('UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL', [this.now().toISOString(), id]),
    );
    const record = await this.get(id);
    return record && { record, revoked: changes === 1 };
  }

  async count(): Promise<number> {
    return (await this.reads.get<{ n: number }>('SELECT count(*) AS n FROM api_token'))?.n ?? 0;
  }
}
