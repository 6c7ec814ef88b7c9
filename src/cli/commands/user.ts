// Console accounts are rows of the store: these commands open the configuration and the store only (no key store, no self-test).
import { withCliAgent } from '../agent.js';
import { API_CODES } from '../../codes.js';
import type { UserRecord } from '../../auth/users.js';
import { totpUri } from '../../auth/totp.js';
import { readNewPassword } from '../read-password.js';
import { EXIT, UsageError, type Output } from '../output.js';

const USAGE_CREATE = 'usage: saiga user create USERNAME --name "Full Name" --role officer|customs|admin [--totp]   (password from SAIGA_USER_PASSWORD or typed)';

/** `saiga user create USERNAME --name NAME --role R [--totp]`: with --totp the otpauth:// URI is printed this once. */
export async function userCreateCommand(options: { config: string; username?: string; name?: string; role?: string; totp?: boolean }, out: Output): Promise<number> {
  if (!options.username) throw new UsageError(USAGE_CREATE);
  if (options.name === undefined) throw new UsageError(`--name is required: the person's full name (box 13's signatory, recorded as the actor). ${USAGE_CREATE}`);
  if (options.role === undefined) throw new UsageError(`--role is required. ${USAGE_CREATE}`);
  const password = await readNewPassword();
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.users.create({ username: options.username, displayName: options.name, role: options.role, password, totp: Boolean(options.totp) });
    if (!outcome.ok) {
      const flag = { '/username': 'USERNAME', '/displayName': '--name', '/role': '--role', '/password': 'password' }[outcome.issue.path] ?? outcome.issue.path;
      out.result({ error: { code: outcome.code, message: outcome.issue.message, path: outcome.issue.path } }, () => [`${flag}: ${outcome.issue.message} (${outcome.code})`]);
      return outcome.code === 'USER_EXISTS' ? EXIT.REFUSED : EXIT.USAGE;
    }
    const uri = outcome.totpSecret && totpUri(outcome.totpSecret, saiga.config.saiga.authority.name, outcome.user.username);
    out.result({ ...outcome.user, ...(uri && { totpUri: uri }) }, () => [
      `Created the ${outcome.user.role} account ${outcome.user.username} for ${outcome.user.displayName} (id ${outcome.user.id}).`,
      ...(uri ? ['Add this to the person\'s authenticator app now; it is shown this once:', '', `  ${uri}`] : []),
    ]);
    return EXIT.OK;
  });
}

const userLine = (u: UserRecord) =>
  `${u.username.padEnd(20)}  ${u.role.padEnd(7)}  ${(u.totp ? 'totp' : '-').padEnd(4)}  ${u.createdAt.slice(0, 19)}Z  ${(u.disabledAt ? `DISABLED ${u.disabledAt.slice(0, 10)}` : u.lockedUntil ? `locked until ${u.lockedUntil.slice(0, 19)}Z` : 'active').padEnd(32)}  ${u.displayName}`;

/** `saiga user list`: every account; never a hash or a TOTP secret. */
export async function userListCommand(options: { config: string }, out: Output): Promise<number> {
  return withCliAgent('read', options.config, out, async (saiga) => {
    const items = await saiga.users.list();
    out.result({ items }, () => (items.length === 0 ? ['No users.'] : [`${'USERNAME'.padEnd(20)}  ROLE     2FA   CREATED               ${'STATE'.padEnd(32)}  NAME`, ...items.map(userLine)]));
    return EXIT.OK;
  });
}

const notFound = (out: Output, username: string) => {
  out.result({ error: { code: 'USER_NOT_FOUND', message: API_CODES.USER_NOT_FOUND } }, () => [`There is no user "${username}". (USER_NOT_FOUND)`]);
  return EXIT.REFUSED;
};

/** `saiga user disable USERNAME`: sign-in is refused from now on and the user's sessions end. */
export async function userDisableCommand(options: { config: string; username?: string }, out: Output): Promise<number> {
  if (!options.username) throw new UsageError('usage: saiga user disable USERNAME');
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.users.disable(options.username!);
    if (!outcome) return notFound(out, options.username!);
    if (!outcome.disabled) {
      const message = `The user ${outcome.user.username} was disabled already, at ${outcome.user.disabledAt}.`;
      out.result({ error: { code: 'CONFLICT', message } }, () => [message]);
      return EXIT.REFUSED;
    }
    out.result(outcome.user, () => [`Disabled ${outcome.user.username} (${outcome.user.displayName}) at ${outcome.user.disabledAt}; their sessions have ended.`]);
    return EXIT.OK;
  });
}

/** `saiga user reset-password USERNAME`: a new password (SAIGA_USER_PASSWORD or typed); the lock is lifted and open sessions end. */
export async function userResetPasswordCommand(options: { config: string; username?: string }, out: Output): Promise<number> {
  if (!options.username) throw new UsageError('usage: saiga user reset-password USERNAME   (password from SAIGA_USER_PASSWORD or typed)');
  const password = await readNewPassword();
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.users.resetPassword(options.username!, password);
    if (!outcome.ok) {
      if (outcome.code === 'USER_NOT_FOUND') return notFound(out, options.username!);
      out.result({ error: { code: outcome.code, message: outcome.issue.message, path: outcome.issue.path } }, () => [`password: ${outcome.issue.message} (${outcome.code})`]);
      return EXIT.USAGE;
    }
    out.result(outcome.user, () => [`Set a new password for ${outcome.user.username}; the account is unlocked and its open sessions have ended.`]);
    return EXIT.OK;
  });
}

/** `saiga user reset-totp USERNAME`: a new TOTP secret, its otpauth:// URI printed this once; open sessions end. */
export async function userResetTotpCommand(options: { config: string; username?: string }, out: Output): Promise<number> {
  if (!options.username) throw new UsageError('usage: saiga user reset-totp USERNAME');
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.users.resetTotp(options.username!);
    if (!outcome.ok) return notFound(out, options.username!);
    const uri = totpUri(outcome.totpSecret, saiga.config.saiga.authority.name, outcome.user.username);
    out.result({ ...outcome.user, totpUri: uri }, () => [
      `Set a new one-time code secret for ${outcome.user.username}; codes of the old one are refused and the open sessions have ended.`,
      'Add this to the person\'s authenticator app now; it is shown this once:',
      '',
      `  ${uri}`,
    ]);
    return EXIT.OK;
  });
}
