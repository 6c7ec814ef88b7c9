import { base64url as joseBase64url, calculateJwkThumbprint } from 'jose';
import { describe, expect, it } from 'vitest';
import { ed25519Jwk, ed25519JwkThumbprint } from '../../src/agent/identity/did-document.js';
import { decodeBase64url, decodeBase64urlCanonical, encodeBase64url } from '../../src/vocab/base64url.js';

const hex = (bytes: Uint8Array | undefined) => (bytes === undefined ? undefined : Buffer.from(bytes).toString('hex'));

describe('base64url (RFC 4648 §5, unpadded)', () => {
  it('encodes as jose and Node do, for every length modulo 3 and for a large buffer', () => {
    const samples = [0, 1, 2, 3, 4, 5, 31, 32, 33, 100_000].map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff));
    for (const bytes of samples) {
      expect(encodeBase64url(bytes)).toBe(joseBase64url.encode(bytes));
      expect(encodeBase64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
      expect(hex(decodeBase64url(encodeBase64url(bytes)))).toBe(Buffer.from(bytes).toString('hex'));
    }
  });

  it('decodes exact values and refuses padding, whitespace, the base64 alphabet and impossible lengths', () => {
    expect(hex(decodeBase64url('AQID'))).toBe('010203');
    expect(hex(decodeBase64url('-_8'))).toBe('fbff');
    expect(decodeBase64url('AQ==')).toBeUndefined();
    expect(decodeBase64url('AQ I')).toBeUndefined();
    expect(decodeBase64url('AQ\nID')).toBeUndefined();
    expect(decodeBase64url('+/8')).toBeUndefined();
    expect(decodeBase64url('A')).toBeUndefined();
    expect(hex(decodeBase64url(''))).toBe('');
  });

  it('canonical decoding refuses non-zero unused bits, which lenient decoding ignores', () => {
    expect(hex(decodeBase64url('AR'))).toBe('01');
    expect(decodeBase64urlCanonical('AR')).toBeUndefined();
    expect(hex(decodeBase64urlCanonical('AQ'))).toBe('01');
    expect(decodeBase64urlCanonical('AQJ')).toBeUndefined();
    expect(hex(decodeBase64urlCanonical('AQI'))).toBe('0102');
  });
});

describe('Ed25519 JWK thumbprint (RFC 7638)', () => {
  it('is the one jose computes', async () => {
    for (const publicKeyHex of ['11'.repeat(32), 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a']) {
      expect(ed25519JwkThumbprint(publicKeyHex)).toBe(await calculateJwkThumbprint(ed25519Jwk(publicKeyHex)));
    }
  });

  it('matches RFC 8037 Appendix A.3', () => {
    expect(ed25519JwkThumbprint('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a')).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });
});
