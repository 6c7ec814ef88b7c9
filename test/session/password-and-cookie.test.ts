/**
 * The password hash (scrypt, RFC 7914, PHC-like string), the password rules, and the session
 * cookie for loopback http and https agents (docs/console-sign-in.md).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT, hashPassword, parseHash, passwordProblem, verifyPassword } from '../../src/auth/password.js';
import { clearCookieHeader, readCookie, sessionCookieFor, setCookieHeader } from '../../src/http/session-cookie.js';
import { acceptTotp, totpCode } from '../../src/auth/totp.js';
import { parseSaigaSection } from '../../src/agent/config/config.js';

describe('password hash', () => {
  it('is $scrypt$ln=15,r=8,p=1$<16-byte salt>$<32-byte key>, salted per hash, and verifies', async () => {
    expect(DEFAULT_SCRYPT).toEqual({ ln: 15, r: 8, p: 1 });
    const one = await hashPassword('correct horse battery');
    const two = await hashPassword('correct horse battery');
    expect(one).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(one).not.toBe(two);
    expect(await verifyPassword('correct horse battery', one)).toBe(true);
    expect(await verifyPassword('correct horse batterY', one)).toBe(false);
  });

  it('still verifies a hash made with a lower N (parameters are read from the hash), and one with a higher N', async () => {
    const lower = await hashPassword('correct horse battery', { ln: 14, r: 8, p: 1 });
    expect(lower.startsWith('$scrypt$ln=14,r=8,p=1$')).toBe(true);
    expect(await verifyPassword('correct horse battery', lower)).toBe(true);
    const higher = await hashPassword('correct horse battery', { ln: 16, r: 8, p: 1 });
    expect(await verifyPassword('correct horse battery', higher)).toBe(true);
  });

  it('refuses a hash that is not ours or names too low a cost, without computing it', async () => {
    const good = await hashPassword('correct horse battery');
    expect(parseHash(good.replace('ln=15', 'ln=4'))).toBeUndefined();
    expect(await verifyPassword('correct horse battery', good.replace('ln=15', 'ln=4'))).toBe(false);
    expect(await verifyPassword('x', '$2b$12$abcdefghijklmnopqrstuv')).toBe(false);
    expect(await verifyPassword('correct horse battery', good.slice(0, -2))).toBe(false);
  });

  it('keeps NFC and NFD spellings of one password the same', async () => {
    const hash = await hashPassword('Pérez-Gutiérrez 2026');
    expect(await verifyPassword('Pérez-Gutiérrez 2026'.normalize('NFD'), hash)).toBe(true);
  });
});

describe('password rules (OWASP ASVS 4.0 §2.1.1, §2.1.7)', () => {
  it('needs 12 characters, refuses common passwords and one repeated character', () => {
    expect(passwordProblem('short-pass1')).toBe('The password must be at least 12 characters (it has 11).');
    expect(passwordProblem('Password1234')).toBe('The password is on the list of common passwords; choose another.');
    expect(passwordProblem('zzzzzzzzzzzzzz')).toBe('The password must not repeat one character.');
    expect(passwordProblem(12345678901234)).toBe('The password must be text.');
    expect(passwordProblem('x'.repeat(257))).toBe('The password must be at most 256 characters.');
    expect(passwordProblem('orchid-export-2026')).toBeUndefined();
  });
});

describe('session cookie', () => {
  it('on loopback http: no Secure, no __Host- prefix', () => {
    for (const url of ['http://127.0.0.1:8080', 'http://localhost:8080', 'http://[::1]:8080', 'http://127.0.0.2']) {
      expect(sessionCookieFor(url), url).toEqual({ name: 'saiga_session', secure: false });
    }
    expect(setCookieHeader(sessionCookieFor('http://localhost:8080'), 'ss_abc')).toBe('saiga_session=ss_abc; Path=/; HttpOnly; SameSite=Strict');
  });

  it('on https (and on http off loopback): Secure and the __Host- prefix', () => {
    const cookie = sessionCookieFor('https://cites.example.org');
    expect(cookie).toEqual({ name: '__Host-saiga_session', secure: true });
    expect(setCookieHeader(cookie, 'ss_abc')).toBe('__Host-saiga_session=ss_abc; Path=/; HttpOnly; SameSite=Strict; Secure');
    expect(clearCookieHeader(cookie)).toBe('__Host-saiga_session=; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=0');
    expect(sessionCookieFor('http://192.168.1.10:8080').secure).toBe(true);
    expect(sessionCookieFor('https://localhost:8443').secure).toBe(true);
  });

  it('reads exactly one cookie of its name; two of one name are not trusted', () => {
    expect(readCookie('a=1; saiga_session=ss_x; b=2', 'saiga_session')).toBe('ss_x');
    expect(readCookie('saiga_session=ss_x; saiga_session=ss_y', 'saiga_session')).toBeUndefined();
    expect(readCookie('xsaiga_session=ss_x', 'saiga_session')).toBeUndefined();
    expect(readCookie(undefined, 'saiga_session')).toBeUndefined();
  });
});

describe('TOTP (RFC 6238)', () => {
  // RFC 6238 Appendix B: the SHA-1 seed "12345678901234567890" (base32 GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ), T = 59 s → 94287082 (8 digits; 6 digits: 287082).
  const SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
  it('gives the RFC 6238 test vector', () => {
    expect(totpCode(SECRET, new Date(59_000))).toBe('287082');
    expect(totpCode(SECRET, new Date(1_111_111_109_000))).toBe('081804');
  });
  it('accepts within ±1 step, once per step', () => {
    const now = new Date(1_111_111_109_000);
    const step = Math.floor(now.getTime() / 30_000);
    expect(acceptTotp(SECRET, '081804', now, null)).toBe(step);
    expect(acceptTotp(SECRET, '081804', now, step)).toBeUndefined();
    expect(acceptTotp(SECRET, totpCode(SECRET, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(acceptTotp(SECRET, totpCode(SECRET, new Date(now.getTime() + 60_000)), now, null)).toBeUndefined();
    expect(acceptTotp(SECRET, '08180', now, null)).toBeUndefined();
  });
});

describe('saiga.console.sessionIdleMinutes (agent.yml)', () => {
  const base = { authority: { country: 'LK', name: 'DWC', address: 'Battaramulla', place: 'Battaramulla' }, url: 'http://127.0.0.1:8080', didMethod: 'key' };
  it('defaults to 30 and takes 1 to 1440', () => {
    expect(parseSaigaSection(base).console).toEqual({ sessionIdleMinutes: 30, signInAttemptsPerIp: 20 });
    expect(parseSaigaSection({ ...base, console: { sessionIdleMinutes: 5 } }).console).toEqual({ sessionIdleMinutes: 5, signInAttemptsPerIp: 20 });
  });
  it('refuses 0, a fraction and an unknown key, with the path', () => {
    for (const console of [{ sessionIdleMinutes: 0 }, { sessionIdleMinutes: 1.5 }, { sessionIdleMinutes: 1441 }]) {
      expect(() => parseSaigaSection({ ...base, console })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', pointer: '/saiga/console/sessionIdleMinutes' }));
    }
    expect(() => parseSaigaSection({ ...base, console: { idle: 5 } })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', pointer: '/saiga/console' }));
  });
});
