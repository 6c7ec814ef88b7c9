/**
 * The EPIX-style lookup's checks (src/toolkit-xml/lookup.ts), one refusal each, with a real
 * Ed25519 key and DID document for the caller and a pinned clock: the DIDJWT's form, trust
 * (decided before any DID is resolved), audience and permit, time, signature, replay, the
 * permit, and the caller's country being a party to it. test/toolkit-xml/lookup.e2e.test.ts
 * runs the same over HTTP between agent processes.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createToolkitLookup, type ToolkitLookupDeps } from '../../src/toolkit-xml/lookup.js';
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';
import type { DidResolution } from '../../src/verify/types.js';
import { issuedPermitFrom } from '../permit/helpers.js';
import { endorsementOf } from './helpers.js';

const NOW = new Date('2026-12-03T10:00:00Z');
const T = NOW.getTime() / 1000;
const OURS = 'did:web:cites.lk.example';
const CALLER = 'did:web:cites.ch.example';
const OUTSIDER = 'did:web:cites.no.example';
const keyPair = () => generateKeyPairSync('ed25519');
const ch = keyPair();
const other = keyPair();

function didDocument(did: string, publicKey: KeyObject, relationship: 'authentication' | 'assertionMethod' = 'authentication') {
  const id = `${did}#key-1`;
  return { id: did, verificationMethod: [{ id, type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicKey.export({ format: 'jwk' }) }], [relationship]: [id] };
}

function token(claims: Record<string, unknown>, privateKey: KeyObject = ch.privateKey, header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT', kid: '#key-1' }): string {
  const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

let jtiCount = 0;
const claims = (extra: Record<string, unknown> = {}) => ({ iss: CALLER, aud: OURS, iat: T, exp: T + 120, jti: `jti-${String(++jtiCount).padStart(16, '0')}`, permit: 'LK26-E000001', ...extra });

function lookup(overrides: Partial<ToolkitLookupDeps> = {}) {
  const permit = issuedPermitFrom('export-lk-orchids.json');
  permit.permitNumber = 'LK26-E000001';
  const resolved: string[] = [];
  const documents: Record<string, unknown> = { [CALLER]: didDocument(CALLER, ch.publicKey), [OUTSIDER]: didDocument(OUTSIDER, other.publicKey) };
  const answer = createToolkitLookup({
    did: OURS,
    trusted: async () => [
      { did: CALLER, country: 'CH', role: 'managementAuthority' },
      { did: OUTSIDER, country: 'NO', role: 'managementAuthority' },
      { did: 'did:web:customs.ch.example', country: 'CH', role: 'customs' },
    ],
    resolveDid: async (did) => {
      resolved.push(did);
      return (documents[did] ? { didResolutionMetadata: {}, didDocument: documents[did], didDocumentMetadata: {} } : { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} }) as DidResolution;
    },
    suite: nodeCryptoSuite,
    permit: async (n) => (n === permit.permitNumber ? { permit } : undefined),
    endorsement: async () => endorsementOf(permit, [1150]),
    now: () => NOW,
    ...overrides,
  });
  return { answer, resolved, permit };
}

const refusal = async (authorization: string | undefined, number = 'LK26-E000001', deps?: Partial<ToolkitLookupDeps>) => {
  const a = await lookup(deps).answer(authorization, number);
  return a.ok ? ['ok'] : [a.status, a.code];
};

describe('the toolkit lookup by a peer authority', () => {
  it("answers a trusted party's signed request with the permit's toolkit XML, endorsed quantities included", async () => {
    const a = await lookup().answer(`DIDJWT ${token(claims())}`, 'LK26-E000001');
    expect(a.ok).toBe(true);
    if (!a.ok) return;
    expect(a.caller).toBe(CALLER);
    expect(a.xml).toContain('<ram:ID>LK26-E000001</ram:ID>');
    expect(a.xml).toContain('<ram:UnitQuantity unitCode="NAR">1150</ram:UnitQuantity>');
  });

  it('refuses a request without a DIDJWT, or with one that is not a compact JWS, or not EdDSA, or without its claims', async () => {
    expect(await refusal(undefined)).toEqual([401, 'XML_LOOKUP_UNAUTHENTICATED']);
    expect(await refusal(`Bearer ${token(claims())}`)).toEqual([401, 'XML_LOOKUP_UNAUTHENTICATED']);
    expect(await refusal('DIDJWT not.a.jws')).toEqual([401, 'XML_LOOKUP_UNAUTHENTICATED']);
    expect(await refusal(`DIDJWT ${token(claims(), ch.privateKey, { alg: 'none', kid: '#key-1' })}`)).toEqual([401, 'XML_LOOKUP_UNAUTHENTICATED']);
    expect(await refusal(`DIDJWT ${token(claims({ jti: 'short' }))}`)).toEqual([401, 'XML_LOOKUP_UNAUTHENTICATED']);
  });

  it('refuses an untrusted caller, a customs identity and itself, before resolving any DID', async () => {
    const l = lookup();
    expect(await l.answer(`DIDJWT ${token(claims({ iss: 'did:web:evil.example' }))}`, 'LK26-E000001')).toMatchObject({ status: 403, code: 'XML_LOOKUP_CALLER_UNTRUSTED' });
    expect(await l.answer(`DIDJWT ${token(claims({ iss: 'did:web:customs.ch.example' }))}`, 'LK26-E000001')).toMatchObject({ code: 'XML_LOOKUP_CALLER_UNTRUSTED' });
    expect(l.resolved).toEqual([]);
  });

  it('refuses a token addressed to another agent or naming another permit', async () => {
    expect(await refusal(`DIDJWT ${token(claims({ aud: 'did:web:cites.jp.example' }))}`)).toEqual([401, 'XML_LOOKUP_CLAIMS_INVALID']);
    expect(await refusal(`DIDJWT ${token(claims({ permit: 'LK26-E000002' }))}`)).toEqual([401, 'XML_LOOKUP_CLAIMS_INVALID']);
  });

  it('refuses a token made more than 300 s from now, expired, or living longer than 300 s', async () => {
    expect(await refusal(`DIDJWT ${token(claims({ iat: T - 301, exp: T + 60 }))}`)).toEqual([401, 'XML_LOOKUP_STALE']);
    expect(await refusal(`DIDJWT ${token(claims({ iat: T + 301, exp: T + 400 }))}`)).toEqual([401, 'XML_LOOKUP_STALE']);
    expect(await refusal(`DIDJWT ${token(claims({ iat: T - 100, exp: T }))}`)).toEqual([401, 'XML_LOOKUP_STALE']);
    expect(await refusal(`DIDJWT ${token(claims({ exp: T + 301 }))}`)).toEqual([401, 'XML_LOOKUP_STALE']);
    expect(await refusal(`DIDJWT ${token(claims({ iat: T - 299, exp: T + 1 }))}`)).toEqual(['ok']);
  });

  it("refuses a signature by another key, and a key the caller lists for issuing only (not under authentication)", async () => {
    expect(await refusal(`DIDJWT ${token(claims(), other.privateKey)}`)).toEqual([401, 'XML_LOOKUP_SIGNATURE_INVALID']);
    const signed = `DIDJWT ${token(claims())}`;
    expect(await refusal(signed.slice(0, -4) + (signed.endsWith('AAAA') ? 'BBBB' : 'AAAA'))).toEqual([401, 'XML_LOOKUP_SIGNATURE_INVALID']);
    const assertionOnly = async () => ({ didResolutionMetadata: {}, didDocument: didDocument(CALLER, ch.publicKey, 'assertionMethod'), didDocumentMetadata: {} }) as unknown as DidResolution;
    expect(await refusal(`DIDJWT ${token(claims())}`, 'LK26-E000001', { resolveDid: assertionOnly })).toEqual([401, 'XML_LOOKUP_SIGNATURE_INVALID']);
  });

  it('reads the caller\'s DID document again, once, when the cached one lacks the key the token names (a rotation)', async () => {
    const asked: (boolean | undefined)[] = [];
    const rotated = async (_did: string, options?: { fresh?: boolean }) => {
      asked.push(options?.fresh);
      const document = options?.fresh ? didDocument(CALLER, ch.publicKey) : didDocument(CALLER, other.publicKey);
      return { didResolutionMetadata: {}, didDocument: { ...document, verificationMethod: document.verificationMethod.map((m) => ({ ...m, id: options?.fresh ? m.id : `${CALLER}#key-0` })), authentication: [options?.fresh ? `${CALLER}#key-1` : `${CALLER}#key-0`] }, didDocumentMetadata: {} } as unknown as DidResolution;
    };
    expect(await refusal(`DIDJWT ${token(claims())}`, 'LK26-E000001', { resolveDid: rotated })).toEqual(['ok']);
    expect(asked).toEqual([undefined, true]);
  });

  it("answers 503 when the caller's DID document cannot be read", async () => {
    const unreachable = async () => {
      throw new Error('connect ECONNREFUSED');
    };
    expect(await refusal(`DIDJWT ${token(claims())}`, 'LK26-E000001', { resolveDid: unreachable })).toEqual([503, 'XML_LOOKUP_CHECK_UNAVAILABLE']);
  });

  it('refuses a token used a second time', async () => {
    const l = lookup();
    const auth = `DIDJWT ${token(claims())}`;
    expect((await l.answer(auth, 'LK26-E000001')).ok).toBe(true);
    expect(await l.answer(auth, 'LK26-E000001')).toMatchObject({ status: 401, code: 'XML_LOOKUP_REPLAY' });
  });

  it('answers 404 for a permit not issued here, and 403 to a trusted authority whose country is not a party to it', async () => {
    expect(await refusal(`DIDJWT ${token(claims({ permit: 'LK26-E999999' }))}`, 'LK26-E999999')).toEqual([404, 'XML_LOOKUP_NOT_FOUND']);
    expect(await refusal(`DIDJWT ${token(claims({ iss: OUTSIDER }), other.privateKey)}`)).toEqual([403, 'XML_LOOKUP_NOT_PARTY']);
  });
});
