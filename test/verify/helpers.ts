/** Shared test helpers: fixed test keys, permit payloads, signing, stub resolvers and fetch. */
import { readFileSync } from 'node:fs';
import { base64url, CompactSign, importJWK, type JWK } from 'jose';
import type { Permit } from '../../src/permit/model.js';
import { encodeDidKey } from '../../src/verify/did-key.js';
import type { DidDocument, DidResolution } from '../../src/verify/types.js';
import type { TrustedIssuer } from '../../src/verify/verifier-types.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export const TEST_KEYS = JSON.parse(fixture('test-keys.json')) as { issuer: JWK; other: JWK };
export const PERMIT = JSON.parse(fixture('permit.json')) as Permit;

/** Pinned clock: all tests pass their own `now`. */
export const NBF = Date.UTC(2026, 1, 15, 9, 30) / 1000;
export const EXP = Date.UTC(2026, 7, 15) / 1000;
export const NOW = new Date(Date.UTC(2026, 2, 1, 12));

export const WEB_DID = 'did:web:cites.example.org:lk';
export const WEB_URL = 'https://cites.example.org/lk/did.json';

export interface TestSigner {
  privateJwk: JWK;
  publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  didKey: string;
}

export function signer(privateJwk: JWK): TestSigner {
  const publicJwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: privateJwk.x! };
  return { privateJwk, publicJwk, didKey: encodeDidKey(base64url.decode(publicJwk.x)) };
}

export const ISSUER = signer(TEST_KEYS.issuer);
export const OTHER = signer(TEST_KEYS.other);

export function trustedMa(did: string, name = 'Department of Wildlife Conservation', country = 'LK'): TrustedIssuer {
  return { did, role: 'managementAuthority', country, name };
}

/** A VC 1.1 JWT payload as Veramo 7 produces it. */
export function permitPayload(iss: string, subject: unknown = PERMIT): Record<string, unknown> {
  return {
    vc: {
      '@context': ['https://www.w3.org/2018/credentials/v1'],
      type: ['VerifiableCredential', 'CITESPermit'],
      credentialSubject: subject,
    },
    iss,
    nbf: NBF,
    exp: EXP,
    jti: 'urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60',
  };
}

const text = new TextEncoder();

/** Signs any payload object with EdDSA (Ed25519 signatures are deterministic, RFC 8032). */
export async function sign(
  payload: unknown,
  privateJwk: JWK = ISSUER.privateJwk,
  header: Record<string, unknown> = { alg: 'EdDSA', typ: 'JWT' },
): Promise<string> {
  const key = await importJWK(privateJwk, 'EdDSA');
  return new CompactSign(text.encode(JSON.stringify(payload)))
    .setProtectedHeader(header as { alg: string })
    .sign(key);
}

export function b64json(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** A did:web document with one JsonWebKey2020 assertion key `#key-1`. */
export function webDocument(did: string, publicJwk: object, extra: Partial<DidDocument> = {}): DidDocument {
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'],
    id: did,
    verificationMethod: [{ id: '#key-1', type: 'JsonWebKey2020', controller: did, publicKeyJwk: publicJwk as never }],
    assertionMethod: ['#key-1'],
    ...extra,
  };
}

/** A `resolveDid` that serves fixed documents and records every call. */
export function stubResolver(documents: Record<string, DidDocument>): ((did: string) => Promise<DidResolution>) & { calls: string[] } {
  const calls: string[] = [];
  const resolve = async (did: string): Promise<DidResolution> => {
    calls.push(did);
    const didDocument = documents[did];
    return didDocument
      ? { didResolutionMetadata: { contentType: 'application/did+ld+json' }, didDocument, didDocumentMetadata: {} }
      : { didResolutionMetadata: { error: 'notFound' }, didDocument: null, didDocumentMetadata: {} };
  };
  return Object.assign(resolve, { calls });
}

/** A `fetch` that serves fixed JSON bodies by URL and records every call. */
export function stubFetch(
  routes: Record<string, unknown | (() => Response | Promise<Response>)>,
): ((input: string, init?: RequestInit) => Promise<Response>) & { calls: string[] } {
  const calls: string[] = [];
  const fetch = async (input: string): Promise<Response> => {
    calls.push(input);
    const route = routes[input];
    if (route === undefined) return new Response('not found', { status: 404 });
    if (typeof route === 'function') return (route as () => Response | Promise<Response>)();
    return new Response(JSON.stringify(route), { headers: { 'content-type': 'application/did+json' } });
  };
  return Object.assign(fetch, { calls });
}
