/** The DEFLATE encoder (src/qr/deflate.ts): standard raw DEFLATE, smaller than fflate's, with limited Huffman code lengths. */
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflateRawOptimal, limitedCodeLengths } from '../../src/qr/deflate.js';
import { DICTIONARY_V1 } from '../../src/qr/dictionary.js';
import { PAYLOAD } from './golden-payloads.js';
import { prng } from './helpers.js';

describe('the DEFLATE encoder', () => {
  it('gives standard raw DEFLATE that node:zlib and fflate inflate, with and without the dictionary', () => {
    const random = prng(7);
    const inputs = [new Uint8Array(0), Uint8Array.of(65), PAYLOAD, new Uint8Array(5000), randomBytes(3000), Buffer.from('abc'.repeat(500))];
    for (let i = 0; i < 40; i++) inputs.push(Uint8Array.from({ length: Math.floor(random() * 600) }, () => 97 + Math.floor(random() * random() * 26)));
    for (const input of inputs) {
      for (const dictionary of [undefined, DICTIONARY_V1]) {
        const out = deflateRawOptimal(input, dictionary);
        expect(Buffer.compare(inflateRawSync(out, dictionary ? { dictionary } : {}), Buffer.from(input))).toBe(0);
      }
    }
  });

  it('is smaller than fflate level 9 on a permit payload, and deterministic', () => {
    const mine = deflateRawOptimal(PAYLOAD, DICTIONARY_V1);
    expect(mine.length).toBeLessThan(deflateSync(PAYLOAD, { level: 9, mem: 12, dictionary: DICTIONARY_V1 }).length);
    expect(deflateRawOptimal(PAYLOAD, DICTIONARY_V1)).toEqual(mine);
  });

  it('limits Huffman code lengths and keeps the code complete (Kraft sum 1)', () => {
    const fib = [1, 1];
    while (fib.length < 30) fib.push(fib[fib.length - 1]! + fib[fib.length - 2]!);
    for (const limit of [7, 15]) {
      const lengths = limitedCodeLengths(fib, limit);
      expect(Math.max(...lengths)).toBeLessThanOrEqual(limit);
      expect([...lengths].reduce((sum, l) => sum + 2 ** -l, 0)).toBeCloseTo(1, 12);
    }
  });
});
