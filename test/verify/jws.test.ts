import { describe, expect, it } from 'vitest';
import { decodeBase64urlStrict, MAX_JWS_LENGTH, parseCompactJws } from '../../src/verify/jws.js';
import { b64json, permitPayload, sign } from './helpers.js';

describe('parseCompactJws', () => {
  it('splits and decodes a well-formed JWS', async () => {
    const jwt = await sign(permitPayload('did:key:z6Mk'));
    const r = parseCompactJws(jwt);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.jws.header).toEqual({ alg: 'EdDSA', typ: 'JWT' });
    expect(r.jws.payload.iss).toBe('did:key:z6Mk');
    expect(r.jws.signature).toHaveLength(64);
  });

  const h = b64json({ alg: 'EdDSA' });
  const p = b64json({ iss: 'x' });
  const cases: [string, unknown][] = [
    ['garbage text', 'this is not a permit'],
    ['two parts', `${h}.${p}`],
    ['four parts', `${h}.${p}.AAAA.AAAA`],
    ['a non-string', 42],
    ['padding', `${h}.${p}.AAAA==`],
    ['a space inside a part', `${h}.${p.slice(0, 4)} ${p.slice(4)}.AAAA`],
    ['standard base64 characters', `${h}.${p}.AA+/`],
    ['an impossible length', `${h}.${p}.AAAAA`],
    ['non-canonical trailing bits', `${h}.${p}.AB`],
    ['an empty header', `.${p}.AAAA`],
    ['a header that is an array', `${b64json(['EdDSA'])}.${p}.AAAA`],
    ['a payload that is a string', `${h}.${b64json('hello')}.AAAA`],
    ['a payload that is null', `${h}.${b64json(null)}.AAAA`],
    ['invalid UTF-8', `${h}.${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.AAAA`],
    ['a byte-order mark', `${h}.${Buffer.from('\ufeff{"iss":"x"}').toString('base64url')}.AAAA`],
    ['input that is too long', `${h}.${'A'.repeat(MAX_JWS_LENGTH)}.AAAA`],
  ];
  it.each(cases)('rejects %s', (_name, input) => {
    expect(parseCompactJws(input).ok).toBe(false);
  });

  it('accepts an empty signature part (alg none is refused later, by the allow-list)', () => {
    const r = parseCompactJws(`${h}.${p}.`);
    expect(r.ok && r.jws.signature.length).toBe(0);
  });
});

describe('decodeBase64urlStrict', () => {
  it('decodes canonical unpadded base64url', () => {
    expect(Array.from(decodeBase64urlStrict('AQ')!)).toEqual([1]);
    expect(Array.from(decodeBase64urlStrict('_-8')!)).toEqual([0xff, 0xef]);
    expect(decodeBase64urlStrict('')).toHaveLength(0);
  });
  it('rejects non-zero unused bits, padding and other characters', () => {
    expect(decodeBase64urlStrict('AR')).toBeUndefined();
    expect(decodeBase64urlStrict('_-9')).toBeUndefined();
    expect(decodeBase64urlStrict('AQ==')).toBeUndefined();
    expect(decodeBase64urlStrict('A Q')).toBeUndefined();
  });
});
