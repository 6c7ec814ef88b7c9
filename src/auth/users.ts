/**
 * Console accounts (issue 11 §1): a username, the person's name (box 13's signatory and the
 * actor of every change, checked like a token holder's name), a role of the API, an scrypt
 * password hash (./password.ts) and an optional TOTP secret (./totp.ts), stored sealed
 * (./totp-at-rest.ts) and opened only to check a sign-in's code.
 *
 * Sign-in answers alike whatever failed (unknown user, wrong password or code, locked,
 * disabled), and an unknown user costs one scrypt too, so neither the answer nor its time
 * says whether a username exists (OWASP ASVS 4.0 §2.2.1 / Authentication Cheat Sheet).
 * After LOCK_AFTER failures in a row the account is locked for LOCK_MINUTES (ASVS §2.2.1).
 */
import { randomUUID } from 'node:crypto';
import type { StoredUser } from '../store/users.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import { checkHolderName, checkRole, type TokenInputIssue } from './token-input.js';
import type { Role } from './tokens.js';
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from './password.js';
import { acceptTotp, newTotpSecret } from './totp.js';
import type { TotpSecretBox } from './totp-at-rest.js';
import { AUDIT_ACTIONS, CLI_ACTOR } from '../audit/record.js';
import type { AuditActor } from '../store/audit-log.js';

/** Who signs in is not known until the sign-in succeeds. */
const ANONYMOUS: AuditActor = { name: 'anonymous (sign-in)' };

export const LOCK_AFTER = 5;
export const LOCK_MINUTES = 15;

/** A user as anyone may see it: never the hash or the TOTP secret. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  totp: boolean;
  createdAt: string;
  disabledAt: string | null;
  lockedUntil: string | null;
}

export type UserRefusal = { ok: false; code: 'USER_INVALID' | 'USER_PASSWORD_WEAK' | 'USER_EXISTS' | 'USER_NOT_FOUND'; issue: TokenInputIssue };
export type CreateOutcome = { ok: true; user: UserRecord; totpSecret?: string } | UserRefusal;
export type SignInOutcome = { ok: true; user: UserRecord } | { ok: false };

export interface NewUser {
  username: unknown;
  displayName: unknown;
  role: unknown;
  password: unknown;
  totp?: boolean;
}

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$/;

const toRecord = (u: StoredUser): UserRecord => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role as Role,
  totp: u.sealedTotpSecret !== null,
  createdAt: u.createdAt,
  disabledAt: u.disabledAt,
  lockedUntil: u.lockedUntil,
});

type TotpCheck = { step: number | null | undefined; unreadable?: true };

const refuse = (code: UserRefusal['code'], path: string, message: string): UserRefusal => ({ ok: false, code, issue: { path, message } });

export class UserStore {
  /**
   * `totpBox`: the box of the agent's secret key, asked for only when a TOTP secret is sealed or
   * opened (a read-only command that lists users reads no key; src/agent/wiring/totp-box.ts).
   */
  constructor(
    private readonly store: Transactions & { reads: Pick<CommittedReads, 'users'> },
    private readonly totpBox: () => Promise<TotpSecretBox>,
    readonly now: () => Date = () => new Date(),
  ) {}

  async create(input: NewUser, actor: AuditActor = CLI_ACTOR): Promise<CreateOutcome> {
    if (typeof input.username !== 'string' || !USERNAME.test(input.username)) {
      return refuse('USER_INVALID', '/username', 'The username must be 3 to 64 letters, digits or . _ @ -, starting with a letter or digit.');
    }
    const role = checkRole(input.role);
    if (!role.ok) return { ok: false, code: 'USER_INVALID', issue: role.issue };
    const name = checkHolderName(input.displayName, role.role, '/displayName');
    if (!name.ok) return { ok: false, code: 'USER_INVALID', issue: name.issue };
    const weak = passwordProblem(input.password);
    if (weak) return refuse('USER_PASSWORD_WEAK', '/password', weak);
    const totpSecret = input.totp ? newTotpSecret() : null;
    const id = randomUUID();
    // Sealed with the user's id as AAD before anything is written; the clear secret is only returned, once.
    const sealedTotpSecret = totpSecret === null ? null : (await this.totpBox()).seal(id, totpSecret);
    const user: StoredUser = {
      id,
      username: input.username,
      displayName: name.name,
      role: role.role,
      passwordHash: await hashPassword(input.password as string),
      sealedTotpSecret,
      totpLastStep: null,
      failedAttempts: 0,
      lockedUntil: null,
      createdAt: this.now().toISOString(),
      disabledAt: null,
    };
    const record = toRecord(user);
    // Issue 10 §3 / issue 11 §1: the entry holds the account as listed, never the password hash or the TOTP secret.
    const inserted = await this.store.transaction(async (work) => {
      if (!(await work.users.insert(user))) return false;
      await work.audit.append({ actor, action: AUDIT_ACTIONS.userCreate, subject: user.id, after: record, details: { username: user.username, role: user.role, totp: totpSecret !== null } });
      return true;
    });
    if (!inserted) return refuse('USER_EXISTS', '/username', `A user "${input.username}" exists already.`);
    return { ok: true, user: record, ...(totpSecret !== null && { totpSecret }) };
  }

  async list(): Promise<UserRecord[]> {
    return (await this.store.reads.users.list()).map(toRecord);
  }

  /** By id or by username (the CLI names users by username, the API by id). */
  async find(idOrUsername: string): Promise<UserRecord | undefined> {
    const user = (await this.store.reads.users.byId(idOrUsername)) ?? (await this.store.reads.users.byUsername(idOrUsername));
    return user && toRecord(user);
  }

  /** Disables the account and ends its sessions. `disabled: false` when it was disabled already. */
  async disable(idOrUsername: string, actor: AuditActor = CLI_ACTOR): Promise<{ user: UserRecord; disabled: boolean } | undefined> {
    const user = await this.find(idOrUsername);
    if (!user) return undefined;
    const at = this.now().toISOString();
    const disabled = await this.store.transaction(async (work) => {
      const changed = await work.users.disable(user.id, at);
      await work.sessions.endAllOf(user.id, at);
      if (changed) await work.audit.append({ actor, action: AUDIT_ACTIONS.userDisable, subject: user.id, before: user, details: { username: user.username } });
      return changed;
    });
    return { user: (await this.find(user.id))!, disabled };
  }

  /** Sets a new password (and lifts a lock); every open session of the user ends (ASVS §3.3.3). */
  async resetPassword(idOrUsername: string, password: unknown, actor: AuditActor = CLI_ACTOR): Promise<{ ok: true; user: UserRecord } | UserRefusal> {
    const user = await this.find(idOrUsername);
    if (!user) return refuse('USER_NOT_FOUND', '/username', `There is no user "${idOrUsername}".`);
    const weak = passwordProblem(password);
    if (weak) return refuse('USER_PASSWORD_WEAK', '/password', weak);
    const hash = await hashPassword(password as string);
    const at = this.now().toISOString();
    await this.store.transaction(async (work) => {
      await work.users.setPassword(user.id, hash);
      await work.sessions.endAllOf(user.id, at);
      await work.audit.append({ actor, action: AUDIT_ACTIONS.userPasswordReset, subject: user.id, details: { username: user.username } });
    });
    return { ok: true, user: (await this.find(user.id))! };
  }

  /**
   * A new TOTP secret for the account (with none before, it gets one): the way back when the old
   * one is lost with its phone or cannot be opened (the agent's secret key was lost). The clear
   * secret is returned this once; every open session of the user ends, as for a new password.
   */
  async resetTotp(idOrUsername: string, actor: AuditActor = CLI_ACTOR): Promise<{ ok: true; user: UserRecord; totpSecret: string } | UserRefusal> {
    const user = await this.find(idOrUsername);
    if (!user) return refuse('USER_NOT_FOUND', '/username', `There is no user "${idOrUsername}".`);
    const totpSecret = newTotpSecret();
    const sealed = (await this.totpBox()).seal(user.id, totpSecret);
    const at = this.now().toISOString();
    await this.store.transaction(async (work) => {
      await work.users.setTotpSecret(user.id, sealed);
      await work.sessions.endAllOf(user.id, at);
      await work.audit.append({ actor, action: AUDIT_ACTIONS.userTotpReset, subject: user.id, details: { username: user.username } });
    });
    return { ok: true, user: (await this.find(user.id))!, totpSecret };
  }

  /** A refused sign-in in the audit trail (the caller's answer is the same whatever the reason). */
  private async refused(username: string | null, userId: string | undefined, reason: string): Promise<{ ok: false }> {
    await this.store.transaction((work) => work.audit.append({ actor: ANONYMOUS, action: AUDIT_ACTIONS.signInRefused, ...(userId !== undefined && { subject: userId }), details: { username, reason } }));
    return { ok: false };
  }

  /**
   * The step of a right code (null: the account has no second factor), undefined when the code is
   * wrong or reused, or when the sealed secret does not open (`unreadable`: another secret key, or
   * the row was altered or copied from another account). Opened here only, after the password matched.
   */
  private async checkTotp(user: StoredUser, code: unknown, now: Date): Promise<TotpCheck> {
    if (user.sealedTotpSecret === null) return { step: null };
    const secret = await this.totpBox().then(
      (box) => box.open(user.id, user.sealedTotpSecret!),
      () => undefined,
    );
    if (secret === undefined) return { step: undefined, unreadable: true };
    return { step: acceptTotp(secret, code, now, user.totpLastStep) };
  }

  /** Checks a sign-in; every failure looks the same to the caller. */
  async signIn(username: unknown, password: unknown, totp: unknown): Promise<SignInOutcome> {
    const given = typeof password === 'string' && password.length <= 1024 ? password : '';
    const user = typeof username === 'string' && username.length <= 64 ? await this.store.reads.users.byUsername(username) : undefined;
    if (!user) {
      await verifyPassword(given, await dummyHash());
      await this.refused(typeof username === 'string' ? username.slice(0, 64) : null, undefined, 'unknown user');
      return { ok: false };
    }
    const now = this.now();
    const passwordOk = await verifyPassword(given, user.passwordHash);
    if (user.disabledAt !== null) return this.refused(user.username, user.id, 'disabled');
    // While locked, nothing is tried and nothing counted: the lock ends LOCK_MINUTES after it began.
    if (user.lockedUntil !== null && Date.parse(user.lockedUntil) > now.getTime()) return this.refused(user.username, user.id, 'locked');
    const totpCheck: TotpCheck = passwordOk ? await this.checkTotp(user, totp, now) : { step: undefined };
    if (!passwordOk || totpCheck.step === undefined) {
      const until = new Date(now.getTime() + LOCK_MINUTES * 60_000).toISOString();
      const reason = !passwordOk ? 'wrong password' : totpCheck.unreadable ? 'one-time code secret unreadable' : 'wrong or reused one-time code';
      await this.store.transaction(async (work) => {
        await work.users.recordFailure(user.id, LOCK_AFTER, until);
        await work.audit.append({
          actor: ANONYMOUS,
          action: AUDIT_ACTIONS.signInRefused,
          subject: user.id,
          details: { username: user.username, reason, ...(totpCheck.unreadable && { code: 'TOTP_SECRET_UNREADABLE' }) },
        });
      });
      return { ok: false };
    }
    const step = totpCheck.step;
    // The step is written only if it is still later than the stored one: two requests with one code, one wins.
    const won = await this.store.transaction(async (work) => {
      const fresh = await work.users.byId(user.id);
      if (step !== null && fresh?.totpLastStep !== null && fresh?.totpLastStep !== undefined && step <= fresh.totpLastStep) return false;
      await work.users.recordSuccess(user.id, step);
      await work.audit.append({ actor: { tokenId: `user:${user.id}`, name: user.displayName }, action: AUDIT_ACTIONS.signIn, subject: user.id, details: { username: user.username } });
      return true;
    });
    if (!won) return { ok: false };
    return { ok: true, user: toRecord({ ...user, failedAttempts: 0, lockedUntil: null }) };
  }
}
