/**
 * Password hashing for console accounts: scrypt (RFC 7914), memory-hard, from Node's own
 * crypto (no native add-on). The hash is a PHC-like string carrying its parameters and salt,
 *   $scrypt$ln=15,r=8,p=1$<salt b64>$<hash b64>
 * so the parameters can be raised later and older hashes still verify (OWASP ASVS 4.0 §2.4.1,
 * §2.4.3; OWASP Password Storage Cheat Sheet: scrypt N=2^17 r=8 p=1 or N=2^15 minimum).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

/** N = 2^15, r = 8, p = 1: 32 MiB per hash. */
export const DEFAULT_SCRYPT: ScryptParams = { ln: 15, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** The lowest cost a stored hash may name (a hash from a damaged or forged row is refused, never computed cheaply). */
const MIN_LN = 10;
const MAX_LN = 20;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.ln;
  // Node refuses above 32 MiB by default; 128·N·r·p bytes plus headroom.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r * params.p + 4 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

export async function hashPassword(password: string, params: ScryptParams = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9_-]{16,})\$([A-Za-z0-9_-]{16,})$/;

export function parseHash(hash: string): (ScryptParams & { salt: Buffer; key: Buffer }) | undefined {
  const m = FORMAT.exec(hash);
  if (!m) return undefined;
  const [ln, r, p] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (ln < MIN_LN || ln > MAX_LN || r < 1 || r > 32 || p < 1 || p > 4) return undefined;
  return { ln, r, p, salt: Buffer.from(m[4]!, 'base64url'), key: Buffer.from(m[5]!, 'base64url') };
}

/** Compares in constant time (the derived keys have equal length). False for a hash that is not ours. */
export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  const parsed = parseHash(hash);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

/** A hash of nothing anyone knows: an unknown username costs the same scrypt as a known one (no timing oracle). */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(16).toString('hex')));
}

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * Common passwords of 12 characters or more (the shorter ones fail the length rule already);
 * a short list from published breach top lists, as OWASP ASVS 4.0 §2.1.7 asks.
 */
const COMMON = new Set([
  '123456789012', '1234567890123', 'qwertyuiopas', 'qwerty123456', 'password1234', 'password12345', 'passwordpassword',
  '111111111111', '000000000000', 'aaaaaaaaaaaa', 'abcdefghijkl', 'abc123abc123', 'iloveyou1234', 'administrator',
  'administrator1', 'adminadmin123', 'letmein12345', 'welcome12345', 'qwertyqwerty', '1q2w3e4r5t6y', 'q1w2e3r4t5y6',
  'changeme1234', 'trustno1trustno1', 'football1234', 'baseball1234', 'monkey123456', 'sunshine1234', 'princess1234',
  'starwars1234', 'superman1234', 'asdfghjkl123', 'zxcvbnm12345', 'passw0rd1234', 'p@ssw0rd1234', 'password123!',
  'saigasaiga12', 'citespermit1', 'citespermits',
]);

/** Why a password is refused, or undefined when it may be used. */
export function passwordProblem(password: unknown): string | undefined {
  if (typeof password !== 'string') return 'The password must be text.';
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `The password must be at least ${PASSWORD_MIN_LENGTH} characters (it has ${length}).`;
  if (length > PASSWORD_MAX_LENGTH) return `The password must be at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (COMMON.has(password.toLowerCase())) return 'The password is on the list of common passwords; choose another.';
  if (new Set(password).size === 1) return 'The password must not repeat one character.';
  return undefined;
}
