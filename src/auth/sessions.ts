/**
 * Console sessions (issue 11 §1). The session id is 256 random bits, given to the browser in
 * a cookie and stored only as its SHA-256 (like API tokens: a copy of the database opens no
 * session). Each session has a CSRF synchronizer token (OWASP CSRF Prevention Cheat Sheet),
 * an idle expiry (agent.yml saiga.console.sessionIdleMinutes) and an absolute one
 * (ABSOLUTE_HOURS), both judged on the server (OWASP ASVS 4.0 §3.3.2, §3.3.1: sign-out ends it).
 * A disabled user's sessions end with it (users.ts); every request reads the committed row.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import type { UserRecord, UserStore } from './users.js';

export const ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most this often (a write per request would queue behind issuing batches). */
const TOUCH_EVERY_MS = 15_000;

export interface SessionView {
  user: UserRecord;
  csrfToken: string;
  createdAt: string;
  /** When the session ends if nothing more is done with it (idle), never after `absoluteExpiresAt`. */
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}

export type SessionCheck = { ok: true; session: SessionView; idHash: string } | { ok: false; reason: 'unknown' | 'ended' | 'expired' | 'disabled' };

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const PREFIX = 'ss_';

export class SessionStore {
  constructor(
    private readonly store: Transactions & { reads: Pick<CommittedReads, 'sessions'> },
    private readonly users: Pick<UserStore, 'find'>,
    private readonly idleMinutes: number,
    readonly now: () => Date = () => new Date(),
  ) {}

  private view(user: UserRecord, csrfToken: string, createdAt: string, lastSeenAt: string): SessionView {
    const absolute = Date.parse(createdAt) + ABSOLUTE_HOURS * 3_600_000;
    const idle = Math.min(Date.parse(lastSeenAt) + this.idleMinutes * 60_000, absolute);
    return { user, csrfToken, createdAt, idleExpiresAt: new Date(idle).toISOString(), absoluteExpiresAt: new Date(absolute).toISOString() };
  }

  /** A new session for a user who just signed in; the id is returned in clear this once. */
  async start(user: UserRecord): Promise<{ id: string; session: SessionView }> {
    const id = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const csrfToken = randomBytes(32).toString('base64url');
    const at = this.now().toISOString();
    await this.store.transaction((work) => work.sessions.insert({ idHash: sha256(id), userId: user.id, csrfToken, createdAt: at, lastSeenAt: at, endedAt: null }));
    return { id, session: this.view(user, csrfToken, at, at) };
  }

  /** The live session for a presented id, its idle clock restarted. */
  async check(id: string): Promise<SessionCheck> {
    if (!id.startsWith(PREFIX) || id.length > 100) return { ok: false, reason: 'unknown' };
    const idHash = sha256(id);
    const row = await this.store.reads.sessions.byHash(idHash);
    if (!row) return { ok: false, reason: 'unknown' };
    if (row.endedAt !== null) return { ok: false, reason: 'ended' };
    const now = this.now();
    const user = await this.users.find(row.userId);
    if (!user || user.disabledAt !== null) return { ok: false, reason: 'disabled' };
    const before = this.view(user, row.csrfToken, row.createdAt, row.lastSeenAt);
    if (Date.parse(before.idleExpiresAt) <= now.getTime()) {
      await this.store.transaction((work) => work.sessions.end(idHash, now.toISOString()));
      return { ok: false, reason: 'expired' };
    }
    let lastSeen = row.lastSeenAt;
    if (now.getTime() - Date.parse(row.lastSeenAt) >= TOUCH_EVERY_MS) {
      lastSeen = now.toISOString();
      await this.store.transaction((work) => work.sessions.touch(idHash, lastSeen));
    }
    return { ok: true, idHash, session: this.view(user, row.csrfToken, row.createdAt, lastSeen) };
  }

  /** Ends a session on the server (sign-out): the same cookie is refused from now on. */
  async end(idHash: string): Promise<void> {
    await this.store.transaction((work) => work.sessions.end(idHash, this.now().toISOString()));
  }
}

/** Constant-time comparison of a presented CSRF token with the session's. */
export function csrfMatches(presented: string | undefined, expected: string): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
