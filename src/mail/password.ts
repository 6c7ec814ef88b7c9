/**
 * The SMTP password: from SAIGA_SMTP_PASSWORD, or from the file agent.yml names, which must be
 * readable by its owner only (like the key store's secret, src/agent/identity/secret.ts). Never
 * a default, never agent.yml itself (it is in git). Errors name the file, never its contents.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MailError } from './errors.js';

export const SMTP_PASSWORD_ENV = 'SAIGA_SMTP_PASSWORD';
const FILE_POINTER = '/saiga/smtp/passwordFile';

export function loadSmtpPassword(passwordFile: string | undefined, baseDir: string, env: Readonly<Record<string, string | undefined>>): string {
  const fromEnv = env[SMTP_PASSWORD_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (passwordFile === undefined) throw new MailError('MAIL_PASSWORD_MISSING', `${SMTP_PASSWORD_ENV} is not set and saiga.smtp names no passwordFile`, '/saiga/smtp/username');
  const file = resolve(baseDir, passwordFile);
  let mode: number;
  try {
    mode = statSync(file).mode & 0o777;
  } catch {
    throw new MailError('MAIL_PASSWORD_MISSING', `cannot read ${file}`, FILE_POINTER);
  }
  if ((mode & 0o077) !== 0) throw new MailError('MAIL_PASSWORD_FILE_INSECURE', `${file} has mode ${mode.toString(8)}; chmod 600 ${file}`, FILE_POINTER);
  // Only the line end an editor adds is dropped: a password may begin or end with a space.
  const password = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  if (password === '') throw new MailError('MAIL_PASSWORD_MISSING', `${file} is empty`, FILE_POINTER);
  return password;
}
