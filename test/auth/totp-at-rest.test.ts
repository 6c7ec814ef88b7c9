/**
 * The TOTP secret at rest (src/auth/totp-at-rest.ts): AES-256-GCM under a key derived with
 * HKDF-SHA256 from the agent's secret key, the user's id as AAD, the text format v1.<iv>.<sealed>.
 */
import { createDecipheriv, hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealedTotpSecret, TOTP_KEY_INFO, TotpSecretBox } from '../../src/auth/totp-at-rest.js';

const AGENT_KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const OTHER_KEY = 'ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const ALICE = '5f0c7a4e-3d52-4f0e-9a53-8d1a1f3c2b10';
const BOB = '0b8e2d41-7c6a-4b9f-8e21-3a5d6c7f8e90';
const box = TotpSecretBox.fromAgentSecret(AGENT_KEY);

describe('the TOTP secret box', () => {
  it('seals in the v1 format and opens what it sealed', () => {
    const sealed = box.seal(ALICE, SECRET);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/); // a 12-byte IV; 32 bytes of secret and 16 of tag
    expect(sealed).not.toContain(SECRET);
    expect(isSealedTotpSecret(sealed)).toBe(true);
    expect(box.open(ALICE, sealed)).toBe(SECRET);
  });

  it('uses a fresh IV for every secret: one secret sealed twice gives two ciphertexts', () => {
    const [a, b] = [box.seal(ALICE, SECRET), box.seal(ALICE, SECRET)];
    expect(a.split('.')[1]).not.toBe(b.split('.')[1]);
    expect(a).not.toBe(b);
    expect([box.open(ALICE, a), box.open(ALICE, b)]).toEqual([SECRET, SECRET]);
  });

  it('refuses a ciphertext copied to another user (the user id is the AAD)', () => {
    expect(box.open(BOB, box.seal(ALICE, SECRET))).toBeUndefined();
  });

  it('refuses a tampered ciphertext, IV or tag', () => {
    const sealed = box.seal(ALICE, SECRET);
    const [version, iv, body] = sealed.split('.') as [string, string, string];
    const flip = (text: string, at: number) => {
      const bytes = Buffer.from(text, 'base64url');
      bytes[at] = bytes[at]! ^ 0x01;
      return bytes.toString('base64url');
    };
    expect(box.open(ALICE, `${version}.${iv}.${flip(body, 0)}`)).toBeUndefined(); // ciphertext
    expect(box.open(ALICE, `${version}.${iv}.${flip(body, 47)}`)).toBeUndefined(); // last byte of the tag
    expect(box.open(ALICE, `${version}.${flip(iv, 3)}.${body}`)).toBeUndefined();
    expect(box.open(ALICE, `${version}.${iv}.${body.slice(0, -4)}`)).toBeUndefined(); // truncated
  });

  it('refuses a ciphertext sealed under another agent secret key', () => {
    expect(TotpSecretBox.fromAgentSecret(OTHER_KEY).open(ALICE, box.seal(ALICE, SECRET))).toBeUndefined();
  });

  it('refuses another format version, a clear secret and garbage, without throwing', () => {
    const sealed = box.seal(ALICE, SECRET);
    expect(box.open(ALICE, sealed.replace(/^v1\./, 'v2.'))).toBeUndefined();
    expect(isSealedTotpSecret(sealed.replace(/^v1\./, 'v2.'))).toBe(false);
    expect(box.open(ALICE, SECRET)).toBeUndefined();
    expect(isSealedTotpSecret(SECRET)).toBe(false);
    expect(box.open(ALICE, 'v1..')).toBeUndefined();
    expect(box.open(ALICE, 'v1.AAAAAAAAAAAAAAAA.!!!!')).toBeUndefined();
  });

  it('derives its key with HKDF-SHA256 and the label "saiga totp-secret v1", not the agent key itself', () => {
    expect(TOTP_KEY_INFO).toBe('saiga totp-secret v1');
    const sealed = box.seal(ALICE, SECRET);
    const [, iv, body] = sealed.split('.') as [string, string, string];
    const bytes = Buffer.from(body, 'base64url');
    const open = (key: Buffer) => {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(ALICE));
      decipher.setAuthTag(bytes.subarray(-16));
      return Buffer.concat([decipher.update(bytes.subarray(0, -16)), decipher.final()]).toString();
    };
    const derived = Buffer.from(hkdfSync('sha256', Buffer.from(AGENT_KEY, 'hex'), Buffer.alloc(0), 'saiga totp-secret v1', 32));
    expect(open(derived)).toBe(SECRET);
    expect(() => open(Buffer.from(AGENT_KEY, 'hex'))).toThrow();
  });

  it('refuses an agent secret key that is not 64 hexadecimal characters', () => {
    expect(() => TotpSecretBox.fromAgentSecret('abc')).toThrow('64 hexadecimal characters');
  });
});
