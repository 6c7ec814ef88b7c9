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
import type { AuditActor } from '../store/audit-log.js';
import { AUDIT_ACTIONS, CLI_ACTOR } from '../audit/record.js';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { StoredToken } from '../store/tokens.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';

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

/** The stored row as a token record: the table holds only roles this file wrote. */
const toRecord = (row: StoredToken): TokenRecord => ({ ...row, role: row.role as Role });

export class TokenStore {
  constructor(
    private readonly store: Transactions & { reads: Pick<CommittedReads, 'tokens'> },
    /** The clock expiry is judged by (pinned in tests). */
    readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates a token and returns it in clear — the only time it is ever available. Check the name first (token-name.ts). */
  async create(role: Role, name: string, options: { expiresAt?: Date; actor?: AuditActor } = {}): Promise<{ token: string; record: TokenRecord }> {
    const token = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const record: TokenRecord = {
      id: randomUUID(),
      role,
      name,
      createdAt: this.now().toISOString(),
      expiresAt: options.expiresAt ? options.expiresAt.toISOString() : null,
      revokedAt: null,
    };
    // In a unit of work of its own: a bare statement on the writing connection would join an
    // open issuing batch and vanish if that batch rolled back.
    await this.store.transaction(async (work) => {
      await work.tokens.insert({ ...record, hash: hashToken(token) });
      // Issue 10 §3; the entry hashes the record, never the token or its hash.
      await work.audit.append({ actor: options.actor ?? CLI_ACTOR, action: AUDIT_ACTIONS.tokenCreate, subject: record.id, after: record, details: { role, name } });
    });
    return { token, record };
  }

  /** Checks a presented bearer token against the committed table, now. */
  async check(token: string): Promise<TokenCheck> {
    if (!token.startsWith(PREFIX) || token.length > 200) return { ok: false, reason: 'unknown' };
    const row = await this.store.reads.tokens.byHash(hashToken(token));
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.revokedAt !== null) return { ok: false, reason: 'revoked', at: row.revokedAt };
    if (row.expiresAt !== null && Date.parse(row.expiresAt) <= this.now().getTime()) return { ok: false, reason: 'expired', at: row.expiresAt };
    return { ok: true, token: toRecord(row) };
  }

  /** The live token record for a presented bearer token, if any. */
  async authenticate(token: string): Promise<TokenRecord | undefined> {
    const checked = await this.check(token);
    return checked.ok ? checked.token : undefined;
  }

  /** Every token, newest first; never the secret (only its hash is stored anyway, and that is not shown either). */
  async list(): Promise<TokenRecord[]> {
    return (await this.store.reads.tokens.list()).map(toRecord);
  }

  async get(id: string): Promise<TokenRecord | undefined> {
    const row = await this.store.reads.tokens.byId(id);
    return row && toRecord(row);
  }

  /** Revokes a token for good. `revoked: false` when it was revoked already (its first revocation date stays). */
  async revoke(id: string, actor: AuditActor = CLI_ACTOR): Promise<{ record: TokenRecord; revoked: boolean } | undefined> {
    const revoked = await this.store.transaction(async (work) => {
      const done = await work.tokens.revoke(id, this.now().toISOString());
      if (done) await work.audit.append({ actor, action: AUDIT_ACTIONS.tokenRevoke, subject: id, details: {} });
      return done;
    });
    const record = await this.get(id);
    return record && { record, revoked };
  }

  count(): Promise<number> {
    return this.store.reads.tokens.count();
  }
}
