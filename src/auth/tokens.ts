/**
 * API bearer tokens. A token is shown once, when created; only its SHA-256 hash is
 * stored, so a copy of the database gives no one a working token. Tokens carry 256
 * bits of randomness, so a fast hash is enough (no password-style stretching needed).
 * There is no default token: the first officer token is created on the first start and
 * printed once.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../store/sqlite.js';

export const ROLES = ['officer', 'customs', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface TokenRecord {
  id: string;
  role: Role;
  /** The person (or system) the token belongs to; an officer's name is the box 13 signatory. */
  name: string;
  createdAt: string;
}

const PREFIX = 'saiga_';

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class TokenStore {
  constructor(private readonly db: SqliteDatabase) {}

  /** Creates a token and returns it in clear — the only time it is ever available. */
  async create(role: Role, name: string, now = new Date()): Promise<{ token: string; record: TokenRecord }> {
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: TokenRecord = { id: randomUUID(), role, name, createdAt: now.toISOString() };
    await this.db.run('INSERT INTO api_token (id, hash, role, name, created_at) VALUES (?, ?, ?, ?, ?)', [
      record.id,
      hashToken(token),
      role,
      name,
      record.createdAt,
    ]);
    return { token, record };
  }

  /** The live token record for a presented bearer token, if any. */
  async authenticate(token: string): Promise<TokenRecord | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
    const row = await this.db.get<{ id: string; role: Role; name: string; created_at: string }>(
      'SELECT id, role, name, created_at FROM api_token WHERE hash = ? AND revoked_at IS NULL',
      [hashToken(token)],
    );
    return row && { id: row.id, role: row.role, name: row.name, createdAt: row.created_at };
  }

  async count(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM api_token'))?.n ?? 0;
  }
}
