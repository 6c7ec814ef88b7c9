/**
 * Bitstring Status List encoding against an independent implementation
 * (@digitalbazaar/bitstring, which follows the spec's algorithm with pako for GZIP).
 */
import { Bitstring } from '@digitalbazaar/bitstring';
import { gunzipSync } from 'fflate';
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeBitstring, encodeBitstring, getBit, MIN_STATUS_LIST_LENGTH, newBitstring, setBit } from '../../src/vocab/bitstring.js';

const SET = [0, 7, 8, 1000, 94567, 131071];
/**
 * Golden vector: `new Bitstring({ length: 131072 })` with the bits above set, `encodeBits()`,
 * made with @digitalbazaar/bitstring 3.1.0. That library omits the multibase `u`.
 */
const GOLDEN = 'H4sIAAAAAAAAA-3OwQ0AMAjEsLJ52ZwZeJ2E7AWS_i8n2QYAAAAAAAAAAAAAOKzSAwAAAABs1QAkSf4pAEAAAA';

function setPositions(bits: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bits.length * 8; i++) if (getBit(bits, i)) out.push(i);
  return out;
}

describe('Bitstring Status List encoding', () => {
  it('index 0 is the most significant bit of byte 0', () => {
    const bits = newBitstring();
    setBit(bits, 0, true);
    setBit(bits, 7, true);
    setBit(bits, 8, true);
    expect([bits[0], bits[1]]).toEqual([0b1000_0001, 0b1000_0000]);
    setBit(bits, 0, false);
    expect(bits[0]).toBe(0b0000_0001);
  });

  it('decodes the golden vector to exactly the set positions, with or without the u prefix', () => {
    for (const encoded of [GOLDEN, `u${GOLDEN}`]) {
      const decoded = decodeBitstring(encoded);
      expect(decoded.ok).toBe(true);
      if (!decoded.ok) return;
      expect(decoded.bits.length).toBe(MIN_STATUS_LIST_LENGTH / 8);
      expect(setPositions(decoded.bits)).toEqual(SET);
    }
  });

  it('encodes with the multibase u prefix, as GZIP that the reference library decodes to the same bits', async () => {
    const bits = newBitstring();
    for (const i of SET) setBit(bits, i, true);
    const encoded = encodeBitstring(bits);
    expect(encoded.startsWith('u')).toBe(true);
    expect(encoded.slice(1)).toMatch(/^[A-Za-z0-9_-]+$/);
    // GZIP magic bytes (RFC 1952 §2.3.1).
    expect([...base64url.decode(encoded.slice(1)).slice(0, 2)]).toEqual([0x1f, 0x8b]);
    const reference = new Bitstring({ buffer: await Bitstring.decodeBits({ encoded: encoded.slice(1) }) });
    for (let i = 0; i < MIN_STATUS_LIST_LENGTH; i += 1) {
      if (reference.get(i) !== SET.includes(i)) throw new Error(`bit ${i} differs`);
    }
    expect(gunzipSync(base64url.decode(encoded.slice(1)))).toEqual(bits);
  });

  it('reads what the reference library encodes, for random positions', async () => {
    const reference = new Bitstring({ length: MIN_STATUS_LIST_LENGTH });
    const positions = new Set<number>();
    let seed = 42;
    while (positions.size < 1311) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      positions.add(seed % MIN_STATUS_LIST_LENGTH);
    }
    for (const p of positions) reference.set(p, true);
    const decoded = decodeBitstring(`u${await reference.encodeBits()}`);
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(setPositions(decoded.bits)).toEqual([...positions].sort((a, b) => a - b));
  });

  it('gives the same text for the same bits (stable ETags)', () => {
    const bits = newBitstring();
    setBit(bits, 12345, true);
    expect(encodeBitstring(bits)).toBe(encodeBitstring(bits.slice()));
  });

  it('refuses lists that are too short, not GZIP, not base64url, or would inflate too far', () => {
    const short = new Bitstring({ length: 8 * 1024 });
    return short.encodeBits().then((tooShort: string) => {
      expect(decodeBitstring(tooShort)).toEqual({ ok: false, reason: 'the list has 8192 entries, fewer than the 131072 the standard requires' });
      expect(decodeBitstring('u!!!')).toEqual({ ok: false, reason: 'encodedList is not base64url' });
      expect(decodeBitstring(`u${base64url.encode(new Uint8Array(40))}`)).toEqual({ ok: false, reason: 'encodedList is not valid GZIP data' });
      expect(decodeBitstring(42)).toEqual({ ok: false, reason: 'encodedList is not text' });
      const bomb = base64url.decode(GOLDEN);
      bomb.set([0xff, 0xff, 0xff, 0x7f], bomb.length - 4);
      expect(decodeBitstring(base64url.encode(bomb))).toEqual({ ok: false, reason: 'the status list is implausibly large' });
      expect(() => newBitstring(1000)).toThrow(RangeError);
      expect(() => getBit(newBitstring(), MIN_STATUS_LIST_LENGTH)).toThrow(RangeError);
    });
  });
});
