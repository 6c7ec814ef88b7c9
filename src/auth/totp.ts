/**
 * TOTP second factor (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps) with the otpauth
 * library. A code is accepted one step either side of now (RFC 6238 §5.2, clock drift),
 * and only for a step later than the last one accepted for the account, so a code seen
 * over a shoulder cannot be used again (§5.2: "the verifier MUST NOT accept the second
 * attempt of the same OTP").
 */
import { Secret, TOTP } from 'otpauth';

const PERIOD = 30;
export const TOTP_WINDOW = 1;

export function newTotpSecret(): string {
  // 160 bits, the HMAC-SHA1 key length RFC 4226 §4 recommends.
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (shown once, at creation). */
export function totpUri(secret: string, issuer: string, username: string): string {
  return new TOTP({ issuer, label: username, secret: Secret.fromBase32(secret), period: PERIOD, digits: 6, algorithm: 'SHA1' }).toString();
}

/** The time step a code belongs to, or undefined when it is wrong, out of the window, or not after `lastStep`. */
export function acceptTotp(secret: string, code: unknown, now: Date, lastStep: number | null): number | undefined {
  if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return undefined;
  const timestamp = now.getTime();
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), period: PERIOD, digits: 6, algorithm: 'SHA1', timestamp, window: TOTP_WINDOW });
  if (delta === null) return undefined;
  const step = TOTP.counter({ period: PERIOD, timestamp }) + delta;
  if (lastStep !== null && step <= lastStep) return undefined;
  return step;
}

/** The code for `now` (tests and the bench sign in with it). */
export function totpCode(secret: string, now: Date): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), period: PERIOD, digits: 6, algorithm: 'SHA1', timestamp: now.getTime() });
}
