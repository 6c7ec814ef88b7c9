/**
 * The app_user and app_session tables (migration 15): console accounts and their sessions.
 * What a hash, a lockout or an expiry means is src/auth/users.ts's and sessions.ts's business;
 * this file only stores and finds rows.
 */
import type { Queryable } from './sqlite.js';

export interface StoredUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  passwordHash: string;
  /** The TOTP secret sealed (`v1.…`, src/auth/totp-at-rest.ts; migration 17), never in clear. */
  sealedTotpSecret: string | null;
  /** The last TOTP time step accepted (RFC 6238 §5.2: a code is used once). */
  totpLastStep: number | null;
  failedAttempts: number;
  lockedUntil: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface StoredSession {
  idHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  endedAt: string | null;
}

type UserRow = {
  id: string; username: string; display_name: string; role: string; password_hash: string; totp_secret: string | null;
  totp_last_step: number | null; failed_attempts: number; locked_until: string | null; created_at: string; disabled_at: string | null;
};
const USER_COLUMNS = 'id, username, display_name, role, password_hash, totp_secret, totp_last_step, failed_attempts, locked_until, created_at, disabled_at';
const toUser = (r: UserRow): StoredUser => ({
  id: r.id, username: r.username, displayName: r.display_name, role: r.role, passwordHash: r.password_hash, sealedTotpSecret: r.totp_secret,
  totpLastStep: r.totp_last_step, failedAttempts: r.failed_attempts, lockedUntil: r.locked_until, createdAt: r.created_at, disabledAt: r.disabled_at,
});
type SessionRow = { id_hash: string; user_id: string; csrf_token: string; created_at: string; last_seen_at: string; ended_at: string | null };
const toSession = (r: SessionRow): StoredSession => ({
  idHash: r.id_hash, userId: r.user_id, csrfToken: r.csrf_token, createdAt: r.created_at, lastSeenAt: r.last_seen_at, endedAt: r.ended_at,
});

export class UserTable {
  constructor(private readonly q: Queryable) {}

  /** False when the username (without case) is taken. */
  async insert(user: StoredUser): Promise<boolean> {
    const { changes } = await this.q.run(
      `INSERT INTO app_user (id, username, username_key, display_name, role, password_hash, totp_secret, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (username_key) DO NOTHING`,
      [user.id, user.username, user.username.toLowerCase(), user.displayName, user.role, user.passwordHash, user.sealedTotpSecret, user.createdAt],
    );
    return changes === 1;
  }

  async byUsername(username: string): Promise<StoredUser | undefined> {
    const row = await this.q.get<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE username_key = ?`, [username.toLowerCase()]);
    return row && toUser(row);
  }

  async byId(id: string): Promise<StoredUser | undefined> {
    const row = await this.q.get<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user WHERE id = ?`, [id]);
    return row && toUser(row);
  }

  async list(): Promise<StoredUser[]> {
    return (await this.q.all<UserRow>(`SELECT ${USER_COLUMNS} FROM app_user ORDER BY username_key`)).map(toUser);
  }

  /** A failed sign-in: the counter goes up, and `lockedUntil` is set when it reaches the limit (then it starts again). */
  async recordFailure(id: string, lockAfter: number, lockedUntil: string): Promise<void> {
    await this.q.run(
      `UPDATE app_user SET failed_attempts = CASE WHEN failed_attempts + 1 >= ? THEN 0 ELSE failed_attempts + 1 END,
         locked_until = CASE WHEN failed_attempts + 1 >= ? THEN ? ELSE locked_until END WHERE id = ?`,
      [lockAfter, lockAfter, lockedUntil, id],
    );
  }

  /** A successful sign-in: the counter and the lock are cleared, and the TOTP step used is kept (replay refused). */
  async recordSuccess(id: string, totpStep: number | null): Promise<void> {
    await this.q.run('UPDATE app_user SET failed_attempts = 0, locked_until = NULL, totp_last_step = COALESCE(?, totp_last_step) WHERE id = ?', [totpStep, id]);
  }

  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE app_user SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?', [passwordHash, id]);
    return changes === 1;
  }

  /** A new sealed TOTP secret (`saiga user reset-totp`); the step of the old one is forgotten with it. */
  async setTotpSecret(id: string, sealedTotpSecret: string): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE app_user SET totp_secret = ?, totp_last_step = NULL WHERE id = ?', [sealedTotpSecret, id]);
    return changes === 1;
  }

  /** True when this call disabled it (a disabled user stays disabled from its first date). */
  async disable(id: string, at: string): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE app_user SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL', [at, id]);
    return changes === 1;
  }
}

export class SessionTable {
  constructor(private readonly q: Queryable) {}

  async insert(session: StoredSession): Promise<void> {
    await this.q.run('INSERT INTO app_session (id_hash, user_id, csrf_token, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)', [
      session.idHash, session.userId, session.csrfToken, session.createdAt, session.lastSeenAt,
    ]);
  }

  async byHash(idHash: string): Promise<StoredSession | undefined> {
    const row = await this.q.get<SessionRow>('SELECT id_hash, user_id, csrf_token, created_at, last_seen_at, ended_at FROM app_session WHERE id_hash = ?', [idHash]);
    return row && toSession(row);
  }

  async touch(idHash: string, at: string): Promise<void> {
    await this.q.run('UPDATE app_session SET last_seen_at = ? WHERE id_hash = ? AND ended_at IS NULL', [at, idHash]);
  }

  async end(idHash: string, at: string): Promise<void> {
    await this.q.run('UPDATE app_session SET ended_at = ? WHERE id_hash = ? AND ended_at IS NULL', [at, idHash]);
  }

  /** Ends every open session of a user (disabled, or a new password). */
  async endAllOf(userId: string, at: string): Promise<void> {
    await this.q.run('UPDATE app_session SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL', [at, userId]);
  }
}

export type UserReads = Pick<UserTable, 'byUsername' | 'byId' | 'list'>;
export type SessionReads = Pick<SessionTable, 'byHash'>;
