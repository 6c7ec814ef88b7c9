/** Base43 (src/qr/base43.ts), the alphabet of every QR payload body: known vectors, a BigInt reference, and what it refuses. */
import { describe, expect, it } from 'vitest';
import { base43Length, BASE43_ALPHABET, CHARS_FOR_BYTES, decodeBase43, encodeBase43 } from '../../src/qr/base43.js';
import { prng } from './helpers.js';

describe('Base43', () => {
  it('uses the 43 QR-alphanumeric characters that are safe in a URL fragment', () => {
    expect(BASE43_ALPHABET).toHaveLength(43);
    expect(new Set(BASE43_ALPHABET).size).toBe(43);
    for (const c of BASE43_ALPHABET) {
      expect('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:').toContain(c);
      expect(encodeURI(`#${c}`)).toBe(`#${c}`);
      expect(new URL(`https://a.example/#${c}`).hash).toBe(`#${c}`);
    }
  });

  it('known vectors: blocks of 21 bytes as 31 digits, shorter tails as few digits as hold them', () => {
    expect(encodeBase43(new Uint8Array(0))).toBe('');
    expect(encodeBase43(Uint8Array.of(0))).toBe('00');
    expect(encodeBase43(Uint8Array.of(255))).toBe('5.');
    expect(encodeBase43(Uint8Array.of(255, 255))).toBe('ZJ3');
    expect(encodeBase43(new Uint8Array(21).fill(255))).toBe('*2*PMNZOKCT5X3AZ5S71VW7UNX+JVE0');
    expect([0, 1, 2, 3, 4, 5, 20, 21, 22, 42, 43].map(base43Length)).toEqual([0, 2, 3, 5, 6, 8, 30, 31, 33, 62, 64]);
  });

  it('gives each block length the fewest digits that can hold it (checked with BigInt)', () => {
    CHARS_FOR_BYTES.forEach((chars, bytes) => {
      expect(43n ** BigInt(chars) >= 256n ** BigInt(bytes), `${bytes} bytes`).toBe(true);
      if (chars > 0) expect(43n ** BigInt(chars - 1) < 256n ** BigInt(bytes), `${bytes} bytes`).toBe(true);
    });
    expect(CHARS_FOR_BYTES).toHaveLength(22);
  });

  it('agrees with a BigInt reference on random blocks', () => {
    const random = prng(44);
    for (let i = 0; i < 300; i++) {
      const bytes = Uint8Array.from({ length: 1 + Math.floor(random() * 21) }, () => (random() < 0.2 ? 255 : Math.floor(random() * 256)));
      let value = 0n;
      for (const b of bytes) value = value * 256n + BigInt(b);
      let expected = '';
      for (let d = 0; d < CHARS_FOR_BYTES[bytes.length]!; d++) {
        expected = BASE43_ALPHABET[Number(value % 43n)]! + expected;
        value /= 43n;
      }
      expect(encodeBase43(bytes)).toBe(expected);
    }
  });

  it('round-trips random bytes of every length up to 100, in either case', () => {
    const random = prng(43);
    for (let n = 0; n <= 100; n++) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      const text = encodeBase43(bytes);
      expect(text).toHaveLength(base43Length(n));
      expect(decodeBase43(text)).toEqual(bytes);
      expect(decodeBase43(text.toLowerCase())).toEqual(bytes);
    }
  });

  it('refuses unknown characters, impossible lengths and values that do not fit their bytes', () => {
    for (const bad of ['0', '0000', '1'.repeat(32), 'AB%', 'A B', 'AB_', 'ÄB', '#AB']) expect(decodeBase43(bad), bad).toBeUndefined();
    expect(decodeBase43('::')).toBeUndefined(); // 42·43+42 = 1848 > 255
    expect(decodeBase43(':::')).toBeUndefined(); // > 65535
    expect(decodeBase43(':'.repeat(31))).toBeUndefined(); // > 2^168 − 1
  });
});
