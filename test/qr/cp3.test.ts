/**
 * CP3, the format written (src/qr/cp3.ts, header-v3.ts, macros-v3.ts): each header form and
 * each of the two one-byte texts round-trip exactly, and one hand-built mutated payload per way
 * a CP3 body can be wrong gets its code. The golden CP3 payload is in golden.test.ts.
 */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeBase43, encodeBase43 } from '../../src/qr/base43.js';
import { MAX_INFLATED_BYTES } from '../../src/qr/inflate-bounded.js';
import { decodePermitQr, encodePermitQr } from '../../src/qr/payload.js';
import { DICTIONARY_V3 } from '../../src/qr/dictionary-v3.js';
import { agentUrlOf } from '../../src/qr/macros-v3.js';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const JWT = fixture('golden-permit-v3.jwt');
const [, PAYLOAD_B64, SIGNATURE_B64] = JWT.split('.') as [string, string, string];
const SIGNATURE = Buffer.from(SIGNATURE_B64, 'base64url');
const PAYLOAD = Buffer.from(PAYLOAD_B64, 'base64url').toString('utf8');
const b64u = (s: string) => Buffer.from(s).toString('base64url');
const withHeader = (header: string, payload = PAYLOAD) => `${b64u(header)}.${b64u(payload)}.${SIGNATURE_B64}`;
const head = (payload: string) => [...decodeBase43(encodePermitQr(payload).slice(4))!.subarray(0, 8)];
/** A CP3 payload built by hand: head ‖ signature ‖ DEFLATE of the given split text with dictionary v3. */
const cp3 = (headBytes: number[], split: string) =>
  `CP3:${encodeBase43(Uint8Array.from([...headBytes, ...SIGNATURE, ...deflateSync(new TextEncoder().encode(split), { level: 9, dictionary: DICTIONARY_V3 })]))}`;
/** The split form (json-split.ts) of a JSON object of string values: skeleton, then the values. */
const split = (members: [string, string][]) => [`{${members.map(([k]) => `"${k}":\u0001`).join(',')}}`, ...members.map(([, v]) => v)].join('\u0000');
const codeOf = (r: ReturnType<typeof decodePermitQr>) => (r.ok ? r.kind : r.code);

describe('CP3 header forms', () => {
  it('a did:web kid <iss>#key-<8 characters> is 0x01 and 6 bytes (0x81 with the UUID after)', () => {
    const kid = 'did:web:cites.example.org:lk#key-CzLjsLAb';
    expect(head(JWT).slice(0, 7)).toEqual([0x81, ...Buffer.from('CzLjsLAb', 'base64url')]);
    expect(decodePermitQr(encodePermitQr(withHeader(`{"alg":"EdDSA","typ":"JWT","kid":"${kid}"}`)))).toEqual({ ok: true, kind: 'qr', jwt: JWT });
  });

  it('a did:key kid <did>#<multibase> is the single byte 0x02', () => {
    const did = 'did:key:z6MkkekuNqD5UMTkMvcHcks2uzRBVuUmig7hqSqet8NgQ8ms';
    const jwt = withHeader(`{"alg":"EdDSA","typ":"JWT","kid":"${did}#${did.slice(8)}"}`, PAYLOAD.replaceAll('did:web:cites.example.org:lk', did));
    expect(head(jwt)[0]).toBe(0x82);
    expect(decodePermitQr(encodePermitQr(jwt))).toEqual({ ok: true, kind: 'qr', jwt });
  });

  it.each([
    ['a kid of another DID', '{"alg":"EdDSA","typ":"JWT","kid":"did:web:other.example#key-CzLjsLAb"}'],
    ['a fragment of 7 characters', '{"alg":"EdDSA","typ":"JWT","kid":"did:web:cites.example.org:lk#key-CzLjsLA"}'],
    ['the members in another order', '{"kid":"did:web:cites.example.org:lk#key-CzLjsLAb","alg":"EdDSA","typ":"JWT"}'],
    ['a space', '{"alg":"EdDSA", "typ":"JWT"}'],
  ])('any other header (%s) is carried whole: 0x03, 2 bytes of length, the bytes', (_name, header) => {
    const jwt = withHeader(header);
    expect(head(jwt).slice(0, 3)).toEqual([0x83, header.length >> 8, header.length & 0xff]);
    expect(decodePermitQr(encodePermitQr(jwt))).toEqual({ ok: true, kind: 'qr', jwt });
  });

  it('without a urn:uuid credential id, no UUID is carried and the id stays as it is', () => {
    const jwt = withHeader('{"alg":"EdDSA","typ":"JWT"}', PAYLOAD.replaceAll('urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60', 'urn:uuid:6F1C2A8E-2D1B-4C1E-9F0A-1B2C3D4E5F60'));
    expect(head(jwt)[0]).toBe(0x00);
    expect(decodePermitQr(encodePermitQr(jwt))).toEqual({ ok: true, kind: 'qr', jwt });
  });
});

describe('the agent URL of a did:web issuer (0x03)', () => {
  it.each([
    ['did:web:cites.dwc.gov.lk', 'https://cites.dwc.gov.lk'],
    ['did:web:cites.example.org:lk', 'https://cites.example.org/lk'],
    ['did:web:cites.example.org:a:b', 'https://cites.example.org/a/b'],
    ['did:web:localhost%3A8080', 'http://localhost:8080'],
    ['did:web:127.0.0.1%3A49152', 'http://127.0.0.1:49152'],
    ['did:web:cites.example.org%3A8443', 'https://cites.example.org:8443'],
  ])('%s → %s', (did, url) => {
    expect(agentUrlOf(did)).toBe(url);
  });

  it.each([['did:key:z6Mk'], ['did:web:'], ['did:web:a/b'], ['did:web:a%2Fb'], [42]])('none for %s', (did) => {
    expect(agentUrlOf(did)).toBeUndefined();
  });

  it('a permit whose URLs are on another host than its DID is carried too, without the byte', () => {
    const jwt = withHeader('{"alg":"EdDSA","typ":"JWT"}', PAYLOAD.replaceAll('https://cites.example.org/lk', 'https://other.example'));
    expect(decodePermitQr(encodePermitQr(jwt))).toEqual({ ok: true, kind: 'qr', jwt });
    expect(encodePermitQr(jwt).length).toBeGreaterThan(encodePermitQr(withHeader('{"alg":"EdDSA","typ":"JWT"}')).length);
  });
});

describe('CP3 decoding: one mutated payload per defect', () => {
  const UUID = [...Buffer.from('6f1c2a8e2d1b4c1e9f0a1b2c3d4e5f60', 'hex')];
  const web = (s: string): [string, string][] => [['s', s], ['iss', 'did:web:a.example']];
  it.each([
    ['the hand-built reference payload reads', 'qr', [0], split(web('\u0003/x'))],
    ['the UUID byte without a UUID in the head', 'QR_MALFORMED', [0], split(web('\u0004'))],
    ['the agent URL byte with a did:key issuer', 'QR_MALFORMED', [0], split([['s', '\u0003/x'], ['iss', 'did:key:z6Mk']])],
    ['the agent URL byte inside the iss itself', 'QR_MALFORMED', [0], split([['s', '\u0003/x'], ['iss', 'did:web:a.example\u0003']])],
    ['the agent URL byte and no iss', 'QR_MALFORMED', [0], split([['s', '\u0003/x']])],
    ['a did:web kid form whose payload has no iss', 'QR_MALFORMED', [1, 1, 2, 3, 4, 5, 6], split([['s', 'x']])],
    ['a did:key kid form with a did:web iss', 'QR_MALFORMED', [2], split(web('x'))],
    ['an unknown header form', 'QR_MALFORMED', [5], split(web('x'))],
    ['a raw header of length 0', 'QR_MALFORMED', [3, 0, 0], split(web('x'))],
    ['a raw header longer than the limit', 'QR_MALFORMED', [3, 0x04, 0x01, ...new Array<number>(1025).fill(0x20)], split(web('x'))],
    ['a raw header that is not JSON', 'QR_MALFORMED', [3, 0, 2, 0x7b, 0x7b], split(web('x'))],
    ['a UUID flag with the UUID cut short', 'QR_MALFORMED', [0x80, 1, 2, 3], ''],
    ['agent URL bytes that expand past the limit', 'QR_TOO_LARGE', [0], split(web('\u0003'.repeat(MAX_INFLATED_BYTES / 16)))],
    ['UUID bytes that expand past the limit', 'QR_TOO_LARGE', [0x80, ...UUID], split(web('\u0004'.repeat(MAX_INFLATED_BYTES / 32)))],
  ])('%s → %s', (_name, code, headBytes, body) => {
    expect(codeOf(decodePermitQr(cp3(headBytes as number[], body as string)))).toBe(code);
  });

  it('the UUID and the agent URL come back where they stood', () => {
    const read = decodePermitQr(cp3([0x80, ...UUID], split([['r', '\u0003/records/\u0004'], ['jti', 'urn:uuid:\u0004'], ['iss', 'did:web:a.example:lk']])));
    if (!read.ok || read.kind !== 'qr') throw new Error(JSON.stringify(read));
    expect(JSON.parse(Buffer.from(read.jwt.split('.')[1]!, 'base64url').toString('utf8'))).toEqual({
      r: 'https://a.example/lk/records/6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60',
      jti: 'urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60',
      iss: 'did:web:a.example:lk',
    });
  });
});
