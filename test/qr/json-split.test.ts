/** splitJson / joinJson (src/qr/json-split.ts), the layout of CP2 and CP3: any JSON text back byte for byte. */
import { describe, expect, it } from 'vitest';
import { MAX_INFLATED_BYTES } from '../../src/qr/inflate-bounded.js';
import { joinJson, splitJson } from '../../src/qr/json-split.js';
import { bytesOf, PAYLOAD } from './golden-payloads.js';
import { prng } from './helpers.js';

describe('splitJson / joinJson (the CP2 layout)', () => {
  const PERMIT_JSON = PAYLOAD.toString('utf8');

  it('splits a permit into its skeleton and its values, and joins them to the same bytes', () => {
    const split = splitJson(PERMIT_JSON)!;
    const [skeleton, ...values] = new TextDecoder().decode(split).split('\u0000');
    expect(skeleton!.startsWith('{"vc":{"@context":[\u0001],"type":[\u0001,\u0001],"credentialSubject":{')).toBe(true);
    expect(values.slice(0, 3)).toEqual(['https://www.w3.org/2018/credentials/v1', 'VerifiableCredential', 'CITESPermit']);
    expect(joinJson(split, MAX_INFLATED_BYTES)).toEqual({ ok: true, text: PERMIT_JSON });
  });

  it('gives back any JSON text exactly: escapes, unicode, numbers, literals, white space, keys that look like values', () => {
    const texts = [
      '{}',
      '[]',
      '{"a":"b"}',
      '{"a" : "b" ,\n "c":[1, -2.5e+10, 0.0, true, false, null, ""]}',
      '{"k\\"ey":"v\\\\al\\"ue","\\u0000":"\\n\\t","é":"ü€𝄞","n":-0}',
      '["a:", ":", "\\":"]',
      '{"nested":{"deep":[{"x":[[[]]]}]},"last":1e-7}',
    ];
    for (const text of texts) expect(joinJson(splitJson(text)!, MAX_INFLATED_BYTES), text).toEqual({ ok: true, text });
    const random = prng(11);
    for (let i = 0; i < 300; i++) {
      const value = randomValue(random, 4);
      const text = JSON.stringify(value, null, i % 3 === 0 ? 1 : undefined);
      expect(joinJson(splitJson(text)!, MAX_INFLATED_BYTES)).toEqual({ ok: true, text });
    }
  });

  it('refuses text it could not give back: raw control characters, an unclosed string', () => {
    expect(splitJson('{"a":"b\u0001"}')).toBeUndefined();
    expect(splitJson('{"a":\u0000"b"}')).toBeUndefined();
    expect(splitJson('{"a":"b}')).toBeUndefined();
  });

  it('joinJson: malformed for a marker without a value, a value without a marker or bad UTF-8; too large over the limit', () => {
    const enc = (...parts: (string | number)[]) => bytesOf(...parts);
    const malformed = { ok: false, reason: 'malformed' };
    expect(joinJson(enc('{"a":', 1, '}', 0, 'x'), 100)).toEqual({ ok: true, text: '{"a":"x"}' });
    expect(joinJson(enc('{"a":', 2, '}', 0, '12'), 100)).toEqual({ ok: true, text: '{"a":12}' });
    expect(joinJson(enc('{"a":', 1, ',"b":', 1, '}', 0, 'x'), 100)).toEqual(malformed);
    expect(joinJson(enc('{"a":', 1, '}', 0, 'x', 0, 'y'), 100)).toEqual(malformed);
    expect(joinJson(enc('{"a":', 1, '}', 0, 0xff), 100)).toEqual(malformed);
    expect(joinJson(enc('{"a":', 1, '}', 0, 'x'.repeat(100)), 100)).toEqual({ ok: false, reason: 'too large' });
  });
});

/** A random JSON value with awkward strings and numbers, for the split round trip. */
function randomValue(random: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const text = () => Array.from({ length: Math.floor(random() * 12) }, () => pick(['a', '"', '\\', ':', ',', '{', '\n', 'é', '\u0000', '𝄞', ' ', '1'])).join('');
  const kind = depth <= 0 ? Math.floor(random() * 4) : Math.floor(random() * 6);
  if (kind === 0) return text();
  if (kind === 1) return pick([0, -1, 1.5, 1e21, -3.25e-8, 123456789]);
  if (kind === 2) return pick([true, false, null]);
  if (kind === 3) return '';
  if (kind === 4) return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth - 1));
  return Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [text(), randomValue(random, depth - 1)]));
}
