/**
 * Fuzzing the readers: tens of thousands of random and mutated inputs into decodePermitQr
 * and parseVerifierInput. None may throw or hang; every answer is either a JWT (or a
 * reference) or one of the QR codes with its message; nothing larger than the limits comes
 * back. Seeded: a failure names its seed and index, and reruns the same way.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BASE43_ALPHABET, encodeBase43 } from '../../src/qr/base43.js';
import { QR_CODES } from '../../src/qr/codes.js';
import { MAX_INFLATED_BYTES } from '../../src/qr/inflate-bounded.js';
import { MAX_INPUT_CHARS, parseVerifierInput } from '../../src/qr/input.js';
import { permitQrLink } from '../../src/qr/link.js';
import { decodePermitQr } from '../../src/qr/payload.js';
import { DICTIONARY_V1 } from '../../src/qr/dictionary.js';
import { DICTIONARY_V2 } from '../../src/qr/dictionary-v2.js';
import { DICTIONARY_V3 } from '../../src/qr/dictionary-v3.js';
import { MAX_RAW_HEADER_BYTES } from '../../src/qr/header-v3.js';
import { prng } from './helpers.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const JWT = fixture('golden-permit.jwt');
const CP1 = fixture('golden-permit.cp1.txt');
const CP2 = fixture('golden-permit.cp2.txt');
const CPR1 = fixture('golden-permit.cpr1.txt');
const CP3 = fixture('golden-permit.cp3.txt');
const JWT_V3 = fixture('golden-permit-v3.jwt');
const SIGNATURE = Buffer.from(JWT.split('.')[2]!, 'base64url');
const PAYLOAD = Buffer.from(JWT.split('.')[1]!, 'base64url');

const SEED = Number(process.env.QR_FUZZ_SEED ?? 20260401);
const ROUNDS = 20_000;
const CODES = Object.keys(QR_CODES);
/** The largest base64url a JWT part can be when its payload is at the inflate limit (CP3 carries the longest raw header). */
const MAX_JWT_CHARS = Math.ceil(((MAX_RAW_HEADER_BYTES + MAX_INFLATED_BYTES + 64) * 4) / 3) + 2;

type Result = ReturnType<typeof decodePermitQr> | ReturnType<typeof parseVerifierInput>;

/** What is wrong with an answer, if anything (plain checks: this runs 40,000 times). */
function problemWith(result: Result, input: string): string | undefined {
  if (typeof result !== 'object' || result === null) return 'not an object';
  if (result.ok) {
    if (result.kind === 'reference') {
      if (!/^did:[a-z0-9]+:/.test(result.issuer)) return `issuer ${result.issuer}`;
      if (!/^urn:uuid:[0-9a-f-]{36}$/.test(result.credentialId)) return `credential id ${result.credentialId}`;
      if (!/^[0-9a-f]{64}$/.test(result.sha256)) return `sha256 ${result.sha256}`;
      return undefined;
    }
    if (result.kind !== 'qr' && result.kind !== 'jwt') return `kind ${String((result as { kind: unknown }).kind)}`;
    if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(result.jwt)) return 'not a compact JWS';
    if (result.jwt.length > Math.max(MAX_JWT_CHARS, input.length)) return `a JWT of ${result.jwt.length} characters`;
    return undefined;
  }
  if (!CODES.includes(result.code)) return `code ${result.code}`;
  if (!result.message.startsWith(QR_CODES[result.code]) || result.message.length > 400) return `message ${result.message}`;
  return undefined;
}

describe(`fuzzing the QR readers (seed ${SEED}, QR_FUZZ_SEED to change)`, () => {
  const random = prng(SEED);
  const int = (n: number) => Math.floor(random() * n);
  const bytes = (n: number) => Uint8Array.from({ length: n }, () => int(256));
  const pickFrom = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[int(alphabet.length)]).join('');
  const ANY = `${BASE43_ALPHABET}${BASE43_ALPHABET.toLowerCase()} #%_=?&\n\u00e9\u{1F600}`;

  /** Flip, insert, delete or duplicate a few characters. */
  const mutate = (text: string): string => {
    let t = text;
    for (let k = 1 + int(3); k > 0; k--) {
      const i = int(t.length + 1);
      const c = random() < 0.85 ? BASE43_ALPHABET[int(43)]! : ANY[int(ANY.length)]!;
      switch (int(5)) {
        case 0:
          t = t.slice(0, i) + c + t.slice(i + 1);
          break;
        case 1:
          t = t.slice(0, i) + c + t.slice(i);
          break;
        case 2:
          t = t.slice(0, i) + t.slice(i + 1);
          break;
        case 3:
          t = t.slice(0, i);
          break;
        default:
          t = t.slice(0, i) + t.slice(i, i + int(40)) + t.slice(i);
      }
    }
    return t;
  };

  const withBody = (prefix: string, body: Uint8Array) => prefix + encodeBase43(body);
  const deflated = (data: Uint8Array, dictionary = true) => deflateSync(data, { level: (1 + int(9)) as 1, ...(dictionary && { dictionary: DICTIONARY_V1 }) });
  const randomJson = () => new TextEncoder().encode(JSON.stringify({ iss: `did:web:${pickFrom('abc.', 1 + int(20))}`, n: int(1e9), s: pickFrom(ANY, int(200)) }));
  /** Bombs: zeros that inflate far past the limit (10 MB is longer than any payload may be; 40 KB to 2 MB fit). */
  const BOMBS = [10_000_000, 2_000_000, 300_000, MAX_INFLATED_BYTES + 1, 40_000].map((n) => withBody('CP1:', Uint8Array.from([0, ...SIGNATURE, ...deflateSync(new Uint8Array(n), { level: 9, dictionary: DICTIONARY_V1 })])));

  /** A CP3 body: a head (any first byte, sometimes a valid form), the signature, split bytes with dictionary v3. */
  const cp3 = (split: Uint8Array) => {
    const heads = [[0], [0x80, ...bytes(16)], [1, ...bytes(6)], [0x81, ...bytes(22)], [2], [0x82, ...bytes(16)], [3, 0, 27, ...new TextEncoder().encode('{"alg":"EdDSA","typ":"JWT"}')], [int(256)]];
    return withBody('CP3:', Uint8Array.from([...heads[int(heads.length)]!, ...SIGNATURE, ...deflateSync(split, { level: 6, dictionary: DICTIONARY_V3 })]));
  };
  const generators: [string, () => string][] = [
    ['mutated CP3', () => mutate(CP3)],
    ['mutated CP3, lower case', () => mutate(CP3).toLowerCase()],
    ['random bytes as a CP3 body', () => withBody('CP3:', bytes(int(1000)))],
    ['random split bytes with the CP3 bytes (agent URL, UUID) under a random head', () =>
      cp3(Uint8Array.from({ length: int(1500) }, () => (random() < 0.25 ? int(5) : 32 + int(95))))],
    ['a CP3 macro bomb (0x03 and 0x04 that expand past the limit)', () => {
      const n = 200 + int(4000);
      const mark = random() < 0.5 ? 3 : 4;
      const text = `{"s":"${String.fromCharCode(mark).repeat(n)}","iss":"did:web:${'x'.repeat(1 + int(200))}.example"}`;
      return cp3(new TextEncoder().encode(text));
    }],
    ['the v3 permit with its agent URL bytes moved or its iss changed', () => {
      const payload = Buffer.from(JWT_V3.split('.')[1]!, 'base64url').toString('utf8');
      const changed = payload.replace('did:web:cites.example.org:lk', ['did:web:x\u0003', 'did:key:z6Mk', 'did:web:a.example', ''][int(4)]!);
      return cp3(new TextEncoder().encode(changed.replaceAll('https://cites.example.org/lk', '\u0003')));
    }],
    ['mutated CP2', () => mutate(CP2)],
    ['mutated CP2, lower case', () => mutate(CP2).toLowerCase()],
    ['random bytes as a CP2 body', () => withBody('CP2:', bytes(int(1000)))],
    ['random split bytes (markers, separators, text) deflated with dictionary v2', () => {
      const split = Uint8Array.from({ length: int(3000) }, () => (random() < 0.2 ? int(3) : 32 + int(95)));
      return withBody('CP2:', Uint8Array.from([0, ...SIGNATURE, ...deflateSync(split, { level: 6, dictionary: DICTIONARY_V2 })]));
    }],
    ['a CP2 marker bomb (values that join past the limit)', () => {
      const n = 8000 + int(12_000);
      const split = Uint8Array.from([0x5b, ...new Array<number>(n).fill(1), 0x5d, ...new Array<number>(n).fill(0)]);
      return withBody('CP2:', Uint8Array.from([0, ...SIGNATURE, ...deflateSync(split, { level: 9, dictionary: DICTIONARY_V2 })]));
    }],
    ['mutated CP1', () => mutate(CP1)],
    ['mutated CP1, lower case', () => mutate(CP1).toLowerCase()],
    ['mutated CPR1', () => mutate(CPR1)],
    ['random Base43 after CP1:', () => `CP1:${pickFrom(BASE43_ALPHABET, int(1500))}`],
    ['random Base43 after CPR1:', () => `CPR1:${pickFrom(BASE43_ALPHABET, int(200))}`],
    ['random bytes as a CP1 body', () => withBody('CP1:', bytes(int(1000)))],
    ['random bytes deflated', () => withBody('CP1:', Uint8Array.from([int(3) === 0 ? int(256) : 0, ...bytes(64), ...deflated(bytes(int(1200)), random() < 0.8)]))],
    ['random JSON deflated', () => withBody('CP1:', Uint8Array.from([0, ...SIGNATURE, ...deflated(randomJson())]))],
    ['the permit deflated, then cut or extended', () => {
      const d = deflated(PAYLOAD);
      return withBody('CP1:', Uint8Array.from([0, ...SIGNATURE, ...(random() < 0.5 ? d.subarray(0, int(d.length)) : [...d, ...bytes(int(20))])]));
    }],
    ['a bomb, maybe mutated', () => (random() < 0.5 ? BOMBS[int(BOMBS.length)]! : mutate(BOMBS[int(BOMBS.length)]!))],
    ['random text', () => pickFrom(ANY, int(300))],
    ['other CPn prefixes', () => `CP${pickFrom('0123456789R', 1 + int(3))}:${[CP1, CP2, CP3][int(3)]!.slice(4)}`],
    ['links with mutated fragments', () => `${['https://cites.dwc.gov.lk/verify', 'HTTPS://X.EXAMPLE/VERIFY', 'http://localhost:8080/a/b?c=d', 'verify'][int(4)]}#${mutate([CP1, CP2, CP3, JWT][int(4)]!)}`],
    ['links with random fragments', () => `https://${pickFrom('abc.', 1 + int(12))}/${pickFrom(ANY, int(30))}#${pickFrom(ANY, int(400))}`],
    ['mutated raw JWT', () => mutate(JWT)],
    ['very long text', () => 'CP1:'.padEnd(MAX_INPUT_CHARS - 10 + int(20), pickFrom(BASE43_ALPHABET, 1))],
  ];

  // How fast the reader is, the bombs included, is measured by `npm run bench`, not here: a time
  // budget in a test fails on a slower or busier machine without anything being wrong.
  it(`${ROUNDS} inputs: no exception, bounded answers`, () => {
    const started = performance.now();
    const seen = new Map<string, number>();
    const decodeTime = new Map<string, number>();
    let decoding = 0;
    let slowest = 0;
    for (let i = 0; i < ROUNDS; i++) {
      const [kind, generate] = generators[i % generators.length]!;
      const input = generate();
      const t0 = performance.now();
      let direct: Result;
      let parsed: Result;
      try {
        direct = decodePermitQr(input);
        parsed = parseVerifierInput(input);
      } catch (error) {
        throw new Error(`seed ${SEED}, input ${i} (${kind}) threw: ${(error as Error).stack}\n${input.slice(0, 200)}`);
      }
      const took = performance.now() - t0;
      decoding += took;
      decodeTime.set(kind, (decodeTime.get(kind) ?? 0) + took);
      slowest = Math.max(slowest, took);
      const problem = problemWith(direct, input) ?? problemWith(parsed, input);
      if (problem) throw new Error(`seed ${SEED}, input ${i} (${kind}): ${problem}\n${input.slice(0, 200)}`);
      const key = `${kind}: ${direct.ok ? direct.kind : direct.code}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    const elapsed = performance.now() - started;
    console.log(
      `fuzz: ${ROUNDS} inputs in ${elapsed.toFixed(0)} ms, of which reading ${decoding.toFixed(0)} ms (slowest ${slowest.toFixed(1)} ms)\n` +
        [...decodeTime].map(([k, t]) => `  ${k}: ${t.toFixed(0)} ms`).join('\n') +
        `\n${[...seen].map(([k, n]) => `  ${k}: ${n}`).join('\n')}`,
    );
    // Every outcome was exercised.
    const outcomes = new Set([...seen.keys()].map((k) => k.split(': ')[1]));
    expect([...outcomes].sort()).toEqual(['QR_MALFORMED', 'QR_NOT_A_PERMIT', 'QR_TOO_LARGE', 'QR_UNKNOWN_VERSION', 'qr', 'reference']);
  });

  it('every bomb is refused as too large, whatever the order', () => {
    for (const bomb of BOMBS) {
      expect(decodePermitQr(bomb)).toMatchObject({ ok: false, code: 'QR_TOO_LARGE' });
      expect(parseVerifierInput(permitQrLink('https://cites.dwc.gov.lk', bomb))).toMatchObject({ ok: false, code: 'QR_TOO_LARGE' });
    }
  });
});
