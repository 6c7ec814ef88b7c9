/**
 * The key that encrypts the agent's private keys in SQLite (Veramo's SecretBox).
 *
 * It comes from SAIGA_SECRET_KEY, or from a file beside the database that Saiga creates
 * with mode 0600 on first start. It never comes from agent.yml: that file is in git.
 * A secret file readable by group or others is refused rather than used.
 */
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';

export const SECRET_ENV = 'SAIGA_SECRET_KEY';
const HEX_KEY = /^[0-9a-f]{64}$/i;

export class SecretError extends Error {
  readonly code = 'SECRET_INVALID';
  constructor(message: string) {
    super(message);
    this.name = 'SecretError';
  }
}

export interface SecretSource {
  env: Readonly<Record<string, string | undefined>>;
  /** Path of the secret file beside the database. */
  file: string;
  /** Create the file when it is absent (only for a brand-new agent: an existing key store needs its old key). */
  create: boolean;
}

export function loadSecret({ env, file, create }: SecretSource): { key: string; origin: 'env' | 'file' | 'created' } {
  const fromEnv = env[SECRET_ENV];
  if (fromEnv !== undefined && fromEnv !== '') {
    if (!HEX_KEY.test(fromEnv.trim())) throw new SecretError(`${SECRET_ENV} must be 64 hexadecimal characters (32 bytes)`);
    return { key: fromEnv.trim(), origin: 'env' };
  }
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777;
    if ((mode & 0o077) !== 0) {
      throw new SecretError(`${file} has mode ${mode.toString(8)}; it must be readable by its owner only (chmod 600 ${file})`);
    }
    const key = readFileSync(file, 'utf8').trim();
    if (!HEX_KEY.test(key)) throw new SecretError(`${file} must hold 64 hexadecimal characters (32 bytes)`);
    return { key, origin: 'file' };
  }
  if (!create) {
    throw new SecretError(`no secret key: set ${SECRET_ENV} or restore ${file} (the key store was created with another key)`);
  }
  const key = randomBytes(32).toString('hex');
  // 'wx': fail rather than overwrite if another process created it in the meantime.
  const fd = openSync(file, 'wx', 0o600);
  try {
    writeSync(fd, `${key}\n`);
  } finally {
    closeSync(fd);
  }
  return { key, origin: 'created' };
}
