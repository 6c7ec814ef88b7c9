/**
 * Shared test helpers: fixed test keys, permit payloads, signing, stub resolvers and fetch,
 * and a stub "issuer world" — the status lists and public permit records an issuing
 * agent serves — behind a `fetch` that records every call.
 */
import { readFileSync } from 'node:fs';
import { base64url, CompactSign, importJWK, type JWK } from 'jose';
import { ENDORSEMENT_CREDENTIAL_TYPE, type Endorsement } from '../../src/endorsement/model.js';
import type { Permit, PermitSubject } from '../../src/permit/model.js';
import { permitFromSubject } from '../../src/permit/subject.js';
import { encodeBitstring, newBitstring, setBit } from '../../src/vocab/bitstring.js';
import { encodeDidKey } from '../../src/verify/did-key.js';
import type { PublicPermitRecord, RevocationReason } from '../../src/vocab/public-record.js';
import type { DidDocument, DidResolution } from '../../src/verify/types.js';
import type { TrustedIssuer } from '../../src/verify/verifier-types.js';
import { citesContextUrl, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, PERMIT_CREDENTIAL_SCHEMA_PATH, STATUS_LIST_V1_CONTEXT, VC_V1_CONTEXT } from '../../src/vocab/contexts.js';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

export const TEST_KEYS = JSON.parse(fixture('test-keys.json')) as { issuer: JWK; other: JWK; customs: JWK; stranger: JWK };
/** The permit credential's subject (PermitSubject): box 2, box 13's date and box 6 are the credential's. */
export const SUBJECT = JSON.parse(fixture('permit.json')) as PermitSubject;

/** Pinned clock: all tests pass their own `now`. */
export const NBF = Date.UTC(2026, 1, 15, 9, 30) / 1000;
/** Valid until 2026-08-14: through the end of that day, UTC, as the agent sets `exp`. */
export const EXP = Date.UTC(2026, 7, 14, 23, 59, 59) / 1000;
export const NOW = new Date(Date.UTC(2026, 2, 1, 12));

export const WEB_DID = 'did:web:cites.example.org:lk';
export const WEB_URL = 'https://cites.example.org/lk/did.json';

export interface TestSigner {
  privateJwk: JWK;
  publicJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string };
  didKey: string;
  /** The verification method of `didKey` (did:key §3.1.2: `<did>#<multibase key>`), as a JWT `kid` names it. */
  didKeyMethod: string;
}

export function signer(privateJwk: JWK): TestSigner {
  const publicJwk = { kty: 'OKP' as const, crv: 'Ed25519' as const, x: privateJwk.x! };
  const didKey = encodeDidKey(base64url.decode(publicJwk.x));
  return { privateJwk, publicJwk, didKey, didKeyMethod: `${didKey}#${didKey.slice('did:key:'.length)}` };
}

export const ISSUER = signer(TEST_KEYS.issuer);

/** The permit as the verifier reads it from a credential with SUBJECT, NBF and EXP signed by `did` (trusted as by `trustedMa`). */
export function permitAsVerified(did: string = ISSUER.didKey): Permit {
  return permitFromSubject(SUBJECT as unknown as Record<string, unknown>, {
    authority: { did, name: 'Department of Wildlife Conservation', country: 'LK' },
    issuedAt: new Date(NBF * 1000).toISOString(),
    expiresAt: new Date(EXP * 1000).toISOString(),
  });
}
export const PERMIT = permitAsVerified();
export const OTHER = signer(TEST_KEYS.other);
/** A customs authority's key (trust it with `trustedCustoms`). */
export const CUSTOMS = signer(TEST_KEYS.customs);
/** A key nobody trusts. */
export const STRANGER = signer(TEST_KEYS.stranger);

export function trustedMa(did: string, name = 'Department of Wildlife Conservation', country = 'LK'): TrustedIssuer {
  return { did, role: 'managementAuthority', country, name };
}

export function trustedCustoms(did: string, country = 'LK', name = 'Sri Lanka Customs'): TrustedIssuer {
  return { did, role: 'customs', country, name };
}

/** The test permit credential's id (`jti`), which its public record and endorsements refer to. */
export const PERMIT_ID = 'urn:uuid:6f1c2a8e-2d1b-4c1e-9f0a-1b2c3d4e5f60';

/** Status list indexes of the test permit: not 0, not on a byte boundary, so the MSB-first bit order matters. */
export const REVOCATION_INDEX = 94_567;
export const SUSPENSION_INDEX = 20_411;

export type Purpose = 'revocation' | 'suspension';

/** Where the issuing agent of `iss` publishes, on cites.example.org; each test issuer has its own lists and record. */
export function agentBase(iss: string): string {
  return `https://cites.example.org/${iss.replaceAll(':', '/')}`;
}
export const listUrl = (iss: string, purpose: Purpose, seq = 1): string => `${agentBase(iss)}/status/${purpose}/${seq}`;
/** As src/record/public-record.ts `recordUrl`: addressed by the credential id's UUID. */
export const recordUrl = (iss: string): string => `${agentBase(iss)}/records/${PERMIT_ID.replace(/^urn:uuid:/, '')}`;

/** A BitstringStatusListEntry as src/status/list-credential.ts `statusEntry` builds it. */
export function statusEntry(url: string, purpose: Purpose, index: number): Record<string, unknown> {
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
}

/**
 * A VC 1.1 JWT payload as Veramo 7 produces it. By default it carries, as the agent issues
 * them, a revocation and a suspension entry and the URL of its public record.
 */
export function permitPayload(iss: string, subject: unknown = SUBJECT): Record<string, unknown> {
  return {
    vc: {
      '@context': [VC_V1_CONTEXT, STATUS_LIST_V1_CONTEXT, citesContextUrl(agentBase(iss))],
      type: ['VerifiableCredential', 'CITESPermit'],
      credentialSubject: subject,
      credentialSchema: { id: `${agentBase(iss)}${PERMIT_CREDENTIAL_SCHEMA_PATH}`, type: 'JsonSchema' },
      credentialStatus: [
        statusEntry(listUrl(iss, 'revocation'), 'revocation', REVOCATION_INDEX),
        statusEntry(listUrl(iss, 'suspension'), 'suspension', SUSPENSION_INDEX),
      ],
      permitRecord: recordUrl(iss),
    },
    iss,
    nbf: NBF,
    exp: EXP,
    jti: PERMIT_ID,
  };
}

/**
 * A status list credential's VC-JWT payload: src/status/list-credential.ts
 * `buildStatusListCredential` after VC-JWT encoding (id → jti, issuanceDate → nbf).
 */
export function statusListPayload(a: { iss: string; url: string; purpose: Purpose; bits?: Uint8Array; encodedList?: string }): Record<string, unknown> {
  return {
    iss: a.iss,
    nbf: NBF,
    jti: a.url,
    vc: {
      '@context': [VC_V1_CONTEXT, STATUS_LIST_V1_CONTEXT],
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      credentialSubject: { type: 'BitstringStatusList', statusPurpose: a.purpose, encodedList: a.encodedList ?? encodeBitstring(a.bits ?? newBitstring()) },
    },
  };
}

/** The subject of a customs export endorsement of the test permit (issued by `permitIss`): block A, 25 of 40 ml. */
export function endorsementSubject(permitIss: string, overrides: Partial<Endorsement> = {}): Endorsement {
  return {
    permit: { id: PERMIT_ID, permitNumber: SUBJECT.permitNumber, issuer: permitIss },
    blocks: [{ block: 'A', quantity: 25, unit: 'MLT' }],
    portOfExport: 'LKCMB',
    date: '2026-02-20',
    transportDocument: '176-12345675',
    officer: 'N. Silva',
    country: 'LK',
    ...overrides,
  };
}

/** A CITESExportEndorsement VC-JWT payload, signed by the customs DID `iss`. */
export function endorsementPayload(iss: string, subject: unknown, jti = 'urn:uuid:0b7e8c52-7f44-4c1a-9d55-3c2f1e0a9b11'): Record<string, unknown> {
  return {
    vc: {
      '@context': [VC_V1_CONTEXT, citesContextUrl(agentBase(iss))],
      type: ['VerifiableCredential', ENDORSEMENT_CREDENTIAL_TYPE],
      credentialSchema: { id: `${agentBase(iss)}${ENDORSEMENT_CREDENTIAL_SCHEMA_PATH}`, type: 'JsonSchema' },
      credentialSubject: subject,
    },
    iss,
    nbf: Date.UTC(2026, 1, 20, 14) / 1000,
    jti,
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

/** What a stub URL serves: a text body (a JWT), a JSON value, or a response factory. */
export type Route = string | object | (() => Response | Promise<Response>);

export type StubFetch = ((input: string, init?: RequestInit) => Promise<Response>) & { calls: string[] };

function respond(route: Route): Response | Promise<Response> {
  if (typeof route === 'function') return route();
  if (typeof route === 'string') return new Response(route, { headers: { 'content-type': 'application/vc+jwt' } });
  return Response.json(route);
}

interface WorldIssuer {
  key: JWK;
  bits: Record<Purpose, Uint8Array>;
  record: PublicPermitRecord;
}

/** The issuing agents' public side: status lists and permit records, served from live state. */
export interface IssuerWorld {
  /** Pass as the verifier's `fetch`; `fetch.calls` lists every URL asked for, in order. */
  fetch: StubFetch;
  /** The live status bits of an issuer's list (all clear at first). */
  bits(iss: string, purpose: Purpose): Uint8Array;
  /** The live public record of the test permit of an issuer (status valid, no endorsements at first). */
  record(iss: string): PublicPermitRecord;
  /** Sets the permit's revocation bit and records the reason, as the agent does on revoke. */
  revoke(iss: string, reason?: RevocationReason, replacedBy?: string): void;
  /** Sets the permit's suspension bit. */
  suspend(iss: string): void;
  /** Adds endorsement VC-JWTs to the permit's record. */
  endorse(iss: string, ...jwts: string[]): void;
  /** Serves `route` at `url` instead of the live state (a mutated fixture, a failure). */
  serve(url: string, route: Route): void;
  /** Serves the live state at `url` again. */
  restore(url: string): void;
  /** How many times `url` was fetched. */
  count(url: string): number;
}

/**
 * A stub of the issuing agents' public endpoints. By default two issuers, both signing with
 * ISSUER's key: its did:key and the did:web WEB_DID. Status lists are signed afresh on each
 * fetch from the current bits, so a test changes a bit and the next fetch shows it.
 */
export function issuerWorld(issuers: { did: string; key: JWK }[] = [{ did: ISSUER.didKey, key: ISSUER.privateJwk }, { did: WEB_DID, key: ISSUER.privateJwk }]): IssuerWorld {
  const state = new Map<string, WorldIssuer>();
  for (const { did, key } of issuers) {
    state.set(did, {
      key,
      bits: { revocation: newBitstring(), suspension: newBitstring() },
      record: { id: PERMIT_ID, permitNumber: SUBJECT.permitNumber, issuer: did, status: 'valid', endorsements: [], updatedAt: '2026-02-15T09:30:00.000Z' },
    });
  }
  const of = (iss: string): WorldIssuer => {
    const found = state.get(iss);
    if (!found) throw new Error(`The test world has no issuer ${iss}.`);
    return found;
  };
  const overrides = new Map<string, Route>();
  const calls: string[] = [];

  const fetch = async (input: string): Promise<Response> => {
    calls.push(input);
    const override = overrides.get(input);
    if (override !== undefined) return respond(override);
    for (const [did, issuer] of state) {
      for (const purpose of ['revocation', 'suspension'] as const) {
        if (input === listUrl(did, purpose)) return respond(await sign(statusListPayload({ iss: did, url: input, purpose, bits: issuer.bits[purpose] }), issuer.key));
      }
      if (input === recordUrl(did)) return respond(structuredClone(issuer.record));
    }
    return new Response('not found', { status: 404 });
  };

  return {
    fetch: Object.assign(fetch, { calls }),
    bits: (iss, purpose) => of(iss).bits[purpose],
    record: (iss) => of(iss).record,
    revoke(iss, reason = 'cancelled', replacedBy) {
      const issuer = of(iss);
      setBit(issuer.bits.revocation, REVOCATION_INDEX, true);
      issuer.record.status = 'revoked';
      issuer.record.revocation = { reason, date: '2026-02-28T10:00:00.000Z' };
      if (replacedBy !== undefined) issuer.record.replacedBy = replacedBy;
    },
    suspend(iss) {
      setBit(of(iss).bits.suspension, SUSPENSION_INDEX, true);
      of(iss).record.status = 'suspended';
    },
    endorse(iss, ...jwts) {
      of(iss).record.endorsements.push(...jwts);
    },
    serve: (url, route) => void overrides.set(url, route),
    restore: (url) => void overrides.delete(url),
    count: (url) => calls.filter((c) => c === url).length,
  };
}
