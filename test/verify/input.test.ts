/**
 * The core reads whatever a user has (src/verify/input.ts `readInput`): a JWT, a QR payload,
 * a link from any host, saved JSON with a JWT, or a CPR1 reference, fetched from a real
 * loopback HTTP server standing in for the issuing agent.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QR_CODES, VERIFY_CODES } from '../../src/codes.js';
import { MAX_INPUT_CHARS } from '../../src/qr/input.js';
import { permitQrLink } from '../../src/qr/link.js';
import { encodePermitQr, encodePermitReference } from '../../src/qr/payload.js';
import { readInput, REFERENCE_FETCH_LIMITS } from '../../src/verify/input.js';
import type { FetchLike } from '../../src/verify/did-web.js';
import { ISSUER, PERMIT_ID, permitPayload, sign } from './helpers.js';

const UUID = PERMIT_ID.replace('urn:uuid:', '');
let server: Server;
let port: number;
let did: string;
let jwt: string;
/** What the agent serves at /credentials/<uuid>: the permit, unless a test says otherwise. */
let serve: (res: import('node:http').ServerResponse) => void;
const requested: string[] = [];
const fetchCounting: FetchLike = (url, init) => {
  requested.push(url);
  return fetch(url, init);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === `/credentials/${UUID}`) serve(res);
    else res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', () => done()));
  port = (server.address() as { port: number }).port;
  did = `did:web:127.0.0.1%3A${port}`;
  jwt = await sign(permitPayload(did));
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

const trustingOnly = (...dids: string[]) => ({ fetch: fetchCounting, isTrustedAuthority: (d: string) => dids.includes(d) });

describe('input that carries the JWT itself', () => {
  it('reads a JWT, a CP2 payload, a link from any host with either in its fragment, and saved JSON', async () => {
    const inputs = [
      jwt,
      `  ${jwt}\n`,
      encodePermitQr(jwt),
      permitQrLink('https://verifier.example.org', encodePermitQr(jwt)),
      permitQrLink('https://other.example.net/some/page', encodePermitQr(jwt)).toLowerCase(),
      `https://verifier.example.org/VERIFY#${jwt}`,
      JSON.stringify({ permitNumber: 'LK26-E000001', jwt, qr: { text: 'x' } }, null, 2),
      JSON.stringify({ '@context': [], type: ['VerifiableCredential'], proof: { type: 'JwtProof2020', jwt } }),
    ];
    for (const input of inputs) expect(await readInput(input, trustingOnly()), input.slice(0, 40)).toEqual({ ok: true, jwt });
    expect(requested).toEqual([]);
  });

  it('hands anything shaped like a compact JWS to the core as it is (an unsigned `alg: none` JWT, a damaged one)', async () => {
    const [header, payload] = jwt.split('.');
    for (const shaped of [`${header}.${payload}.`, 'bm90.YSBjcmVkZW50aWFs.c2ln']) {
      expect(await readInput(shaped, trustingOnly())).toEqual({ ok: true, jwt: shaped });
      expect(await readInput(`https://elsewhere.example/#${shaped}`, trustingOnly())).toEqual({ ok: true, jwt: shaped });
    }
  });

  it('refuses what is none of them with a QR code on the format check', async () => {
    const refused = async (input: unknown) => {
      const r = await readInput(input, trustingOnly());
      return r.ok ? r : [r.check, r.code];
    };
    expect(await refused('')).toEqual(['format', 'QR_EMPTY']);
    expect(await refused(' \n\t')).toEqual(['format', 'QR_EMPTY']);
    expect(await refused('hello')).toEqual(['format', 'QR_NOT_A_PERMIT']);
    expect(await refused('https://example.org/page')).toEqual(['format', 'QR_NOT_A_PERMIT']);
    expect(await refused('{"jwt": 42}')).toEqual(['format', 'QR_NOT_A_PERMIT']);
    expect(await refused('{not json')).toEqual(['format', 'QR_NOT_A_PERMIT']);
    expect(await refused(42)).toEqual(['format', 'QR_NOT_A_PERMIT']);
    expect(await refused('CP2:%%%')).toEqual(['format', 'QR_MALFORMED']);
    expect(await refused('CP9:ABC')).toEqual(['format', 'QR_UNKNOWN_VERSION']);
    expect(await refused('x'.repeat(MAX_INPUT_CHARS + 1))).toEqual(['format', 'QR_TOO_LARGE']);
    const empty = await readInput('', trustingOnly());
    expect(empty).toEqual({ ok: false, check: 'format', code: 'QR_EMPTY', message: QR_CODES.QR_EMPTY });
  });
});

describe('a CPR1 reference', () => {
  it('is fetched from a trusted issuer and accepted when its hash matches', async () => {
    serve = (res) => res.writeHead(200, { 'content-type': 'application/vc+jwt' }).end(`${jwt}\n`);
    requested.length = 0;
    const reference = permitQrLink('https://verifier.example.org', await encodePermitReference(jwt));
    expect(await readInput(reference, trustingOnly(did))).toEqual({ ok: true, jwt });
    expect(requested).toEqual([`http://127.0.0.1:${port}/credentials/${UUID}`]);
  });

  it('naming an untrusted issuer is ISSUER_UNTRUSTED on the trust check, and nothing is fetched', async () => {
    requested.length = 0;
    const r = await readInput(await encodePermitReference(jwt), trustingOnly('did:web:someone.else'));
    expect(r).toEqual({
      ok: false,
      check: 'trust',
      code: 'ISSUER_UNTRUSTED',
      message: `${VERIFY_CODES.ISSUER_UNTRUSTED} The code refers to a permit of ${did}, which is not on the list; it was not fetched.`,
    });
    expect(requested).toEqual([]);
  });

  it('whose fetch fails is QR_REFERENCE_UNAVAILABLE: HTTP error, too large, unreachable, offline, no address', async () => {
    const reference = await encodePermitReference(jwt);
    const unavailable = async (options: Parameters<typeof readInput>[1] = trustingOnly(did), input = reference) => {
      const r = await readInput(input, options);
      return r.ok ? r : [r.check, r.code, r.message.slice(QR_CODES.QR_REFERENCE_UNAVAILABLE.length + 1)];
    };
    serve = (res) => res.writeHead(503).end();
    expect(await unavailable()).toEqual(['format', 'QR_REFERENCE_UNAVAILABLE', `Fetching http://127.0.0.1:${port}/credentials/${UUID} returned HTTP 503.`]);
    serve = (res) => res.writeHead(200).end('x'.repeat(REFERENCE_FETCH_LIMITS.maxBytes + 1));
    expect(await unavailable()).toEqual(['format', 'QR_REFERENCE_UNAVAILABLE', `http://127.0.0.1:${port}/credentials/${UUID} is larger than ${REFERENCE_FETCH_LIMITS.maxBytes} bytes.`]);
    const refused: FetchLike = () => Promise.reject(new TypeError('fetch failed'));
    expect(await unavailable({ fetch: refused, isTrustedAuthority: () => true })).toEqual(['format', 'QR_REFERENCE_UNAVAILABLE', `Fetching http://127.0.0.1:${port}/credentials/${UUID} failed: fetch failed`]);
    expect(await unavailable({ isTrustedAuthority: () => true } as never)).toEqual(['format', 'QR_REFERENCE_UNAVAILABLE', 'This verifier is offline.']);
    const didKeyJwt = await sign(permitPayload(ISSUER.didKey));
    expect(await unavailable(trustingOnly(ISSUER.didKey), await encodePermitReference(didKeyJwt))).toEqual([
      'format',
      'QR_REFERENCE_UNAVAILABLE',
      `${ISSUER.didKey} publishes no web address to fetch the permit from.`,
    ]);
  });

  it('answered with another permit is QR_REFERENCE_MISMATCH', async () => {
    const other = await sign({ ...permitPayload(did), exp: 2_000_000_000 });
    serve = (res) => res.writeHead(200).end(other);
    const r = await readInput(await encodePermitReference(jwt), trustingOnly(did));
    expect(r).toMatchObject({ ok: false, check: 'format', code: 'QR_REFERENCE_MISMATCH' });
  });
});
