/**
 * The QR transport codec piece by piece: Base43, the DEFLATE encoder, the QR capacity
 * calculator, and every answer of decodePermitQr / parseVerifierInput, one mutated fixture
 * per error code.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { base43Length, BASE43_ALPHABET, CHARS_FOR_BYTES, decodeBase43, encodeBase43 } from '../../src/qr/base43.js';
import { qrVersionFor, type ErrorCorrection } from '../../src/qr/capacity.js';
import { QR_CODES } from '../../src/qr/codes.js';
import {
  checkReferencedCredential,
  decodePermitQr,
  encodePermitQr,
  encodePermitQrOrReference,
  encodePermitReference,
  MAX_INFLATED_BYTES,
  MAX_PAYLOAD_CHARS,
  parseVerifierInput,
  permitQrLink,
  referenceCredentialUrl,
  type PermitReference,
} from '../../src/qr/codec.js';
import { deflateRawOptimal, limitedCodeLengths } from '../../src/qr/deflate.js';
import { DICTIONARY_V1 } from '../../src/qr/dictionary.js';
import { DICTIONARY_V2 } from '../../src/qr/dictionary-v2.js';
import { joinJson, splitJson } from '../../src/qr/json-split.js';
import { qrVersion } from '../../src/qr/render.js';
import { prng } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const JWT = fixture('golden-permit.jwt');
/** The formats before CP3 (the one written, test/qr/cp3.test.ts), which are still read. */
const CP2 = fixture('golden-permit.cp2.txt');
const CP1 = fixture('golden-permit.cp1.txt');
const CPR1 = fixture('golden-permit.cpr1.txt');
const [HEADER_B64, PAYLOAD_B64, SIGNATURE_B64] = JWT.split('.') as [string, string, string];
const SIGNATURE = Buffer.from(SIGNATURE_B64, 'base64url');
const PAYLOAD = Buffer.from(PAYLOAD_B64, 'base64url');

const b64u = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');
/** A CP1 payload built by hand: header byte(s) ‖ signature ‖ DEFLATE with dictionary v1 (fflate). */
const cp1 = (head: Uint8Array, signature: Uint8Array, payload: Uint8Array, level: 0 | 1 | 6 | 9 = 9) =>
  `CP1:${encodeBase43(Uint8Array.from([...head, ...signature, ...deflateSync(payload, { level, dictionary: DICTIONARY_V1 })]))}`;
/** A CP2 payload built by hand: header byte(s) ‖ signature ‖ DEFLATE of split bytes with dictionary v2 (fflate). */
const cp2 = (head: Uint8Array, signature: Uint8Array, split: Uint8Array) =>
  `CP2:${encodeBase43(Uint8Array.from([...head, ...signature, ...deflateSync(split, { level: 9, dictionary: DICTIONARY_V2 })]))}`;
const bytesOf = (...parts: (string | number)[]) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'number' ? [p] : [...new TextEncoder().encode(p)])));
/** The text with the character at `i` replaced by another one of the alphabet. */
const flip = (text: string, i: number) => `${text.slice(0, i)}${text[i] === 'A' ? 'B' : 'A'}${text.slice(i + 1)}`;
const codeOf = (r: { ok: boolean; code?: string }) => (r.ok ? 'ok' : r.code);

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

describe('QR capacity', () => {
  const versions = (text: string, ecc: ErrorCorrection) => {
    let drawn: number | undefined;
    try {
      drawn = qrVersion(text, ecc);
    } catch {
      drawn = undefined;
    }
    return { drawn, computed: qrVersionFor(text, ecc) };
  };

  it('equals the version the qrcode package draws for links, payloads and JWTs', () => {
    const texts = [CP1, CPR1, JWT, permitQrLink('https://cites.dwc.gov.lk', CP1), permitQrLink('https://cites.example.org/lk/verify', CP1), permitQrLink('http://localhost:8443', CPR1), 'A', '12345'];
    const random = prng(5);
    for (let i = 0; i < 60; i++) {
      const n = Math.floor(random() * 1400);
      texts.push(permitQrLink('https://cites.dwc.gov.lk', `CP1:${encodeBase43(Uint8Array.from({ length: n }, () => Math.floor(random() * 256)))}`));
    }
    for (const text of texts) {
      for (const ecc of ['L', 'M', 'Q', 'H'] as ErrorCorrection[]) {
        const { drawn, computed } = versions(text, ecc);
        expect(computed, `${ecc} ${text.slice(0, 40)}…`).toBe(drawn);
      }
    }
  });

  it('on arbitrary mixed text it is the optimum, at most one version below what qrcode draws', () => {
    const random = prng(11);
    const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    for (let i = 0; i < 150; i++) {
      const text = pick(i % 3 === 0 ? '0123456789' : i % 3 === 1 ? `${BASE43_ALPHABET}#abc` : '0123456789ABCabc:/.#é', 1 + Math.floor(random() * 900));
      for (const ecc of ['L', 'M', 'Q', 'H'] as ErrorCorrection[]) {
        const { drawn, computed } = versions(text, ecc);
        if (drawn === undefined) continue;
        expect(computed! <= drawn && computed! >= drawn - 1, `${ecc} ${text.slice(0, 40)}…: ${computed} vs ${drawn}`).toBe(true);
      }
    }
  });
});

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

describe('parseVerifierInput', () => {
  it('a link of the issuing agent, in upper case (as printed) or lower case (as some phones pass it on)', () => {
    const link = permitQrLink('https://cites.dwc.gov.lk', CP2);
    expect(link).toBe(`HTTPS://CITES.DWC.GOV.LK/VERIFY#${CP2}`);
    expect(parseVerifierInput(link)).toEqual({ ok: true, kind: 'qr', jwt: JWT, linkOrigin: 'https://cites.dwc.gov.lk' });
    expect(parseVerifierInput(link.toLowerCase())).toEqual({ ok: true, kind: 'qr', jwt: JWT, linkOrigin: 'https://cites.dwc.gov.lk' });
  });

  it('a link from any other host, path, port or query, and a percent-encoded fragment', () => {
    for (const prefix of ['https://verifier.example.net/#', 'HTTP://LOCALHOST:8080/VERIFY#', 'https://cites.example.org/lk/verify/?lang=fr#', 'cites.dwc.gov.lk/VERIFY#']) {
      const r = parseVerifierInput(prefix + CP2);
      expect(r.ok && r.kind === 'qr' && r.jwt, prefix).toBe(JWT);
    }
    expect(parseVerifierInput(`https://x.example/#${encodeURIComponent(CP2)}`)).toMatchObject({ ok: true, kind: 'qr', jwt: JWT, linkOrigin: 'https://x.example' });
    expect(parseVerifierInput('https://x.example/#%E0%A4%A')).toMatchObject({ ok: false, code: 'QR_MALFORMED' });
  });

  it('a raw VC-JWT, bare or in a link, passes through for the verifier to check', () => {
    expect(parseVerifierInput(`  ${JWT}\n`)).toEqual({ ok: true, kind: 'jwt', jwt: JWT });
    expect(parseVerifierInput(`https://anything.example/verify#${JWT}`)).toEqual({ ok: true, kind: 'jwt', jwt: JWT, linkOrigin: 'https://anything.example' });
  });

  it('a reference, with the URL its did:web issuer serves the permit at', () => {
    const ref = decodePermitQr(CPR1) as PermitReference;
    const uuid = ref.credentialId.slice('urn:uuid:'.length);
    const webRef = { ...ref, issuer: 'did:web:cites.dwc.gov.lk' };
    const payload = `CPR1:${encodeBase43(Uint8Array.from([...decodeBase43(CPR1.slice(5))!.subarray(0, 48), ...new TextEncoder().encode(webRef.issuer)]))}`;
    expect(parseVerifierInput(permitQrLink('https://cites.dwc.gov.lk', payload))).toEqual({
      ok: true,
      kind: 'reference',
      ...webRef,
      credentialUrl: `https://cites.dwc.gov.lk/credentials/${uuid}`,
      linkOrigin: 'https://cites.dwc.gov.lk',
    });
    // did:key has no agent URL.
    expect(parseVerifierInput(CPR1)).toEqual({ ok: true, kind: 'reference', ...ref });
  });

  it('refuses what is not a permit, and text longer than anything it reads', () => {
    expect(codeOf(parseVerifierInput(''))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('   '))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('https://cites.dwc.gov.lk/verify'))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('https://cites.dwc.gov.lk/verify#'))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput('WIFI:S:network;T:WPA;P:secret;;'))).toBe('QR_NOT_A_PERMIT');
    expect(codeOf(parseVerifierInput(`https://x.example/#CP9:${CP2.slice(4)}`))).toBe('QR_UNKNOWN_VERSION');
    expect(codeOf(parseVerifierInput('A'.repeat(70_000)))).toBe('QR_TOO_LARGE');
    expect(codeOf(parseVerifierInput(undefined as unknown as string))).toBe('QR_NOT_A_PERMIT');
  });
});

describe('permitQrLink', () => {
  it('upper-cases scheme and host, puts the page at /VERIFY unless the URL names a page', () => {
    expect(permitQrLink('https://cites.dwc.gov.lk', 'CP2:X')).toBe('HTTPS://CITES.DWC.GOV.LK/VERIFY#CP2:X');
    expect(permitQrLink('https://cites.dwc.gov.lk/', 'CP2:X')).toBe('HTTPS://CITES.DWC.GOV.LK/VERIFY#CP2:X');
    expect(permitQrLink('http://localhost:8080', 'CP2:X')).toBe('HTTP://LOCALHOST:8080/VERIFY#CP2:X');
    expect(permitQrLink('https://cites.example.org/LK/VERIFY/', 'CP2:X')).toBe('HTTPS://CITES.EXAMPLE.ORG/LK/VERIFY#CP2:X');
    expect(permitQrLink('https://cites.example.org/lk/verify', 'CP2:X')).toBe('HTTPS://CITES.EXAMPLE.ORG/lk/verify#CP2:X');
  });

  it('refuses URLs that would break the link', () => {
    expect(() => permitQrLink('ftp://cites.dwc.gov.lk', 'CP2:X')).toThrow(TypeError);
    expect(() => permitQrLink('https://cites.dwc.gov.lk/?a=1', 'CP2:X')).toThrow(TypeError);
    expect(() => permitQrLink('https://cites.dwc.gov.lk/#x', 'CP2:X')).toThrow(TypeError);
    expect(() => permitQrLink('not a url', 'CP2:X')).toThrow();
  });

  it('a printed link is QR-alphanumeric apart from the "#"', () => {
    const link = permitQrLink('https://cites.dwc.gov.lk', CP2);
    expect(link.replace('#', '')).toMatch(/^[0-9A-Z $%*+\-./:]+$/);
  });
});

describe('references', () => {
  const reference = decodePermitQr(CPR1) as PermitReference & { ok: true };

  it('checkReferencedCredential accepts the very JWT and nothing else', async () => {
    expect(reference.sha256).toBe(createHash('sha256').update(JWT).digest('hex'));
    expect(await checkReferencedCredential(JWT, reference)).toEqual({ ok: true });
    const changed = `${HEADER_B64}.${PAYLOAD_B64}.${b64u(Buffer.from(SIGNATURE).reverse())}`;
    expect(await checkReferencedCredential(changed, reference)).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
    expect(await checkReferencedCredential(JWT, { ...reference, issuer: 'did:web:evil.example' })).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
    expect(await checkReferencedCredential(JWT, { ...reference, credentialId: 'urn:uuid:00000000-0000-0000-0000-000000000000' })).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
    expect(await checkReferencedCredential('<html>not found</html>', reference)).toMatchObject({ ok: false, code: 'QR_REFERENCE_MISMATCH' });
  });

  it('the hash is pluggable', async () => {
    const digest = async (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
    expect(await encodePermitReference(JWT, digest)).toBe(CPR1);
    expect(await checkReferencedCredential(JWT, reference, digest)).toEqual({ ok: true });
    await expect(encodePermitReference(JWT, async () => new Uint8Array(20))).rejects.toThrow(TypeError);
  });

  it('referenceCredentialUrl: did:web with a port or a path; nothing for other methods or odd hosts', () => {
    const id = 'urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60';
    expect(referenceCredentialUrl({ issuer: 'did:web:localhost%3A8443', credentialId: id })).toBe('http://localhost:8443/credentials/6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60');
    expect(referenceCredentialUrl({ issuer: 'did:web:cites.example.org:lk', credentialId: id })).toBe('https://cites.example.org/lk/credentials/6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60');
    expect(referenceCredentialUrl({ issuer: 'did:key:z6Mk', credentialId: id })).toBeUndefined();
    expect(referenceCredentialUrl({ issuer: 'did:web:evil.example%2Fx%40cites.dwc.gov.lk', credentialId: id })).toBeUndefined();
  });

  it('encodePermitQrOrReference picks the reference only above the version limit', async () => {
    const full = await encodePermitQrOrReference(JWT, 'https://cites.example.org');
    expect(full).toMatchObject({ kind: 'qr', payload: encodePermitQr(JWT) });
    expect(full.version).toBe(qrVersion(full.text));
    const ref = await encodePermitQrOrReference(JWT, 'https://cites.example.org', { maxVersion: full.version - 1 });
    expect(ref).toEqual({ kind: 'reference', payload: CPR1, text: `HTTPS://CITES.EXAMPLE.ORG/VERIFY#${CPR1}`, version: qrVersion(`HTTPS://CITES.EXAMPLE.ORG/VERIFY#${CPR1}`) });
    // The version function is pluggable (e.g. render.ts's qrVersion, which is what gets drawn).
    const drawn = await encodePermitQrOrReference(JWT, 'https://cites.example.org', { versionOf: (text) => qrVersion(text), maxVersion: full.version });
    expect(drawn).toEqual(full);
  });
});

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
