/**
 * The payload reader and writer (src/qr/payload.ts, with the bodies of cp3.ts and cpr1.ts):
 * what encodePermitQr carries and refuses, and every answer of decodePermitQr, one mutated
 * fixture per error code, on the CP1 and CP2 formats that are still read.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase43, encodeBase43 } from '../../src/qr/base43.js';
import { QR_CODES } from '../../src/qr/codes.js';
import { MAX_INFLATED_BYTES } from '../../src/qr/inflate-bounded.js';
import { permitQrLink } from '../../src/qr/link.js';
import { decodePermitQr, encodePermitQr, MAX_PAYLOAD_CHARS } from '../../src/qr/payload.js';
import { b64u, bytesOf, codeOf, CP1, CP2, cp1, cp2, CPR1, flip, HEADER_B64, JWT, PAYLOAD_B64, SIGNATURE, SIGNATURE_B64 } from './golden-payloads.js';
import { prng } from './helpers.js';

describe('encodePermitQr', () => {
  it('sends the standard EdDSA header as one byte, and a header of no short form whole', () => {
    expect(decodeBase43(CP2.slice(4))![0]).toBe(0);
    expect(decodeBase43(CP1.slice(4))![0]).toBe(0);
    // The standard header, with the credential's UUID after it (0x80).
    expect(decodeBase43(encodePermitQr(JWT).slice(4))![0]).toBe(0x80);
    // A kid that is not <iss>#key-<8 characters>: the raw form 0x03 and a 2-byte length.
    const header = '{"alg":"EdDSA","typ":"JWT","kid":"did:web:cites.dwc.gov.lk#key-1"}';
    const jwt = `${b64u(header)}.${PAYLOAD_B64}.${SIGNATURE_B64}`;
    const payload = encodePermitQr(jwt);
    expect(payload.startsWith('CP3:')).toBe(true);
    expect([...decodeBase43(payload.slice(4))!.subarray(0, 3)]).toEqual([0x83, 0, header.length]);
    expect(decodePermitQr(payload)).toEqual({ ok: true, kind: 'qr', jwt });
  });

  it('refuses what it cannot carry exactly', () => {
    expect(() => encodePermitQr('not a jwt')).toThrow(TypeError);
    expect(() => encodePermitQr(`${HEADER_B64}.${PAYLOAD_B64}`)).toThrow(TypeError);
    expect(() => encodePermitQr(`${HEADER_B64}=.${PAYLOAD_B64}.${SIGNATURE_B64}`)).toThrow(TypeError); // padding: not canonical
    expect(() => encodePermitQr(`${HEADER_B64}.${PAYLOAD_B64}.${b64u(SIGNATURE.subarray(0, 32))}`)).toThrow(TypeError); // HS256-sized
    expect(() => encodePermitQr(`${b64u('not json')}.${PAYLOAD_B64}.${SIGNATURE_B64}`)).toThrow(TypeError);
    expect(() => encodePermitQr(`${HEADER_B64}.${b64u('[1,2]')}.${SIGNATURE_B64}`)).toThrow(TypeError);
    expect(() => encodePermitQr(`${HEADER_B64}.${b64u(JSON.stringify({ x: randomBytes(30_000).toString('hex') }))}.${SIGNATURE_B64}`)).toThrow(RangeError);
  });
});

describe('decodePermitQr: one mutated fixture per error code', () => {
  const cases: [string, string, string][] = [
    ['QR_NOT_A_PERMIT', 'plain text', 'HELLO WORLD'],
    ['QR_NOT_A_PERMIT', 'empty', ''],
    ['QR_NOT_A_PERMIT', 'another prefix', `HC1:${CP1.slice(4)}`],
    ['QR_NOT_A_PERMIT', 'a link (decodePermitQr reads payloads only)', permitQrLink('https://cites.dwc.gov.lk', CP1)],
    ['QR_UNKNOWN_VERSION', 'CP4', `CP4:${CP2.slice(4)}`],
    ['QR_UNKNOWN_VERSION', 'CPR2', `CPR2:${CPR1.slice(5)}`],
    ['QR_UNKNOWN_VERSION', 'CP10', `CP10:${CP1.slice(4)}`],
    ['QR_MALFORMED', 'no colon', `CP1${CP1.slice(4)}`],
    ['QR_MALFORMED', 'cut short', CP1.slice(0, -40)],
    ['QR_MALFORMED', 'one character changed in the code tables of the compressed part', flip(CP1, 140)],
    ['QR_MALFORMED', 'one character changed in the compressed permit data', flip(CP1, 400)],
    ['QR_MALFORMED', 'a character outside Base43', `${CP1.slice(0, 100)}%${CP1.slice(101)}`],
    ['QR_MALFORMED', 'signature only', `CP1:${encodeBase43(Uint8Array.from([0, ...SIGNATURE]))}`],
    ['QR_MALFORMED', 'corrupt DEFLATE', `CP1:${encodeBase43(Uint8Array.from([0, ...SIGNATURE, 0xff, 0xff, 0xff, 0xff]))}`],
    ['QR_MALFORMED', 'a payload that is not JSON', cp1(Uint8Array.of(0), SIGNATURE, new TextEncoder().encode('not json'))],
    ['QR_MALFORMED', 'a payload that is not UTF-8', cp1(Uint8Array.of(0), SIGNATURE, Uint8Array.of(0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d))],
    ['QR_MALFORMED', 'a payload that is JSON but not an object', cp1(Uint8Array.of(0), SIGNATURE, new TextEncoder().encode('[1,2,3]'))],
    ['QR_MALFORMED', 'a header length beyond the data', `CP1:${encodeBase43(Uint8Array.of(200, 1, 2, 3))}`],
    ['QR_MALFORMED', 'a reference with a broken DID', `CPR1:${encodeBase43(Uint8Array.from([...new Uint8Array(48), ...new TextEncoder().encode('not a did')]))}`],
    ['QR_MALFORMED', 'a reference cut short', CPR1.slice(0, 60)],
    ['QR_TOO_LARGE', 'a DEFLATE bomb: 2 MB of zeros', cp1(Uint8Array.of(0), SIGNATURE, new Uint8Array(2_000_000))],
    ['QR_TOO_LARGE', 'a DEFLATE bomb: 10 MB of zeros (more characters than a payload may have)', cp1(Uint8Array.of(0), SIGNATURE, new Uint8Array(10_000_000))],
    ['QR_TOO_LARGE', 'one byte over the limit', cp1(Uint8Array.of(0), SIGNATURE, new TextEncoder().encode(`{"x":"${'a'.repeat(MAX_INFLATED_BYTES - 7)}"}`))],
    ['QR_TOO_LARGE', 'a stored (uncompressed) block past the limit', `CP1:${encodeBase43(Uint8Array.from([0, ...SIGNATURE, ...storedBlockPastTheLimit()]))}`],
    ['QR_TOO_LARGE', 'longer than any payload', `CP1:${'0'.repeat(MAX_PAYLOAD_CHARS + 31)}`],
    // CP2: the split layout (json-split.ts).
    ['QR_MALFORMED', 'CP2 cut short', CP2.slice(0, -40)],
    ['QR_MALFORMED', 'CP2: one character changed in the compressed permit data', flip(CP2, 400)],
    ['QR_MALFORMED', 'CP2: more value markers than values', cp2(Uint8Array.of(0), SIGNATURE, bytesOf('{"a":', 1, ',"b":', 1, '}', 0, 'x'))],
    ['QR_MALFORMED', 'CP2: more values than markers', cp2(Uint8Array.of(0), SIGNATURE, bytesOf('{"a":', 1, '}', 0, 'x', 0, 'y'))],
    ['QR_MALFORMED', 'CP2: a value that breaks the JSON', cp2(Uint8Array.of(0), SIGNATURE, bytesOf('{"a":', 1, '}', 0, 'x"'))],
    ['QR_MALFORMED', 'CP2: not UTF-8', cp2(Uint8Array.of(0), SIGNATURE, bytesOf('{"a":', 1, '}', 0, 0xff))],
    ['QR_MALFORMED', 'CP2: a CP1 body (plain JSON, dictionary v1)', `CP2:${CP1.slice(4)}`],
    ['QR_TOO_LARGE', 'CP2: a DEFLATE bomb', cp2(Uint8Array.of(0), SIGNATURE, new Uint8Array(2_000_000))],
  ];

  it.each(cases)('%s: %s', (code, _what, text) => {
    const result = decodePermitQr(text);
    expect(codeOf(result)).toBe(code);
    if (!result.ok) expect(result.message.startsWith(QR_CODES[code as keyof typeof QR_CODES])).toBe(true);
  });

  it('a character changed in the signature still reads, as a JWT whose signature the verifier will refuse', () => {
    const result = decodePermitQr(flip(CP1, 20));
    expect(result.ok && result.kind === 'qr' && result.jwt.split('.').slice(0, 2).join('.')).toBe(`${HEADER_B64}.${PAYLOAD_B64}`);
    expect(result.ok && result.kind === 'qr' && result.jwt).not.toBe(JWT);
  });

  it('the payload exactly at the limit still reads', () => {
    const payload = new TextEncoder().encode(`{"x":"${'a'.repeat(MAX_INFLATED_BYTES - 8)}"}`);
    expect(payload.length).toBe(MAX_INFLATED_BYTES);
    const result = decodePermitQr(cp1(Uint8Array.of(0), SIGNATURE, payload));
    expect(result.ok && result.kind === 'qr' && result.jwt).toBe(`${HEADER_B64}.${b64u(payload)}.${SIGNATURE_B64}`);
  });

  it('inflates in steps exactly as in one go: permit-like JSON of up to the limit, at any DEFLATE level', () => {
    const random = prng(3);
    const words = ['permit', 'Crocodylus', 'niloticus', '"quantity":', '2026-', ' ', ',', 'NAR', 'did:web:', String.fromCharCode(0xe9), '\u00fc'];
    let read = 0;
    for (let i = 0; i < 80; i++) {
      const target = Math.floor(random() * (MAX_INFLATED_BYTES - 200));
      const parts: string[] = [];
      for (let n = 0; n < target; ) {
        const w = random() < 0.3 ? String(Math.floor(random() * 1e6)) : words[Math.floor(random() * words.length)]!;
        parts.push(w);
        n += w.length + 1;
      }
      const text = JSON.stringify({ i, s: parts.join(' ') });
      const payload = new TextEncoder().encode(text);
      const code = cp1(Uint8Array.of(0), SIGNATURE, payload, ([0, 1, 6, 9] as const)[i % 4]);
      const result = decodePermitQr(code);
      if (payload.length > MAX_INFLATED_BYTES || code.length - 4 > MAX_PAYLOAD_CHARS) {
        expect(codeOf(result)).toBe('QR_TOO_LARGE');
        continue;
      }
      expect(result.ok && result.kind === 'qr' && Buffer.from(result.jwt.split('.')[1]!, 'base64url').toString('utf8')).toBe(text);
      read++;
    }
    expect(read).toBeGreaterThan(40);
  });

  it('reads CP2 and CP1, as written before (printed permits stay readable)', () => {
    expect(decodePermitQr(CP2)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(CP1)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
  });

  it('a character changed in a CP2 signature still reads, as a JWT whose signature the verifier will refuse', () => {
    const result = decodePermitQr(flip(CP2, 20));
    expect(result.ok && result.kind === 'qr' && result.jwt.split('.').slice(0, 2).join('.')).toBe(`${HEADER_B64}.${PAYLOAD_B64}`);
  });

  it('accepts lower case, and white space a paste may add', () => {
    expect(decodePermitQr(CP2.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(`  ${CP2.slice(0, 300)}\r\n${CP2.slice(300)}\n`)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(CP1.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(`  ${CP1.slice(0, 300)}\r\n${CP1.slice(300)}\n`)).toEqual({ ok: true, kind: 'qr', jwt: JWT });
    expect(decodePermitQr(CPR1.toLowerCase())).toMatchObject({ ok: true, kind: 'reference' });
  });
});

/**
 * Hand-made DEFLATE: a non-final fixed-Huffman block of one zero and 126 copies of 258 bytes
 * (32,509 bytes), then a final stored block of 300 bytes, which fflate copies with
 * TypedArray.set past the end of the bounded output buffer.
 */
function storedBlockPastTheLimit(): Uint8Array {
  const bytes: number[] = [];
  let buffer = 0;
  let count = 0;
  const bits = (value: number, n: number) => {
    for (let i = 0; i < n; i++) {
      buffer |= ((value >> i) & 1) << count;
      if (++count === 8) {
        bytes.push(buffer);
        buffer = 0;
        count = 0;
      }
    }
  };
  const code = (value: number, n: number) => {
    for (let i = n - 1; i >= 0; i--) bits((value >> i) & 1, 1);
  };
  bits(0, 1); // not final
  bits(1, 2); // fixed Huffman
  code(0x30, 8); // literal 0
  for (let k = 0; k < 126; k++) {
    code(0b11000101, 8); // length 258
    code(0, 5); // distance 1
  }
  code(0, 7); // end of block
  bits(1, 1); // final
  bits(0, 2); // stored
  if (count > 0) bits(0, 8 - count);
  bytes.push(300 & 0xff, 300 >> 8, ~300 & 0xff, (~300 >> 8) & 0xff, ...new Array<number>(300).fill(7));
  return Uint8Array.from(bytes);
}
