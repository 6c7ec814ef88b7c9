/**
 * The issuer's signing keys: the Ed25519 keys a DID document lists under
 * `assertionMethod`, the relationship for issuing credentials (DID Core §5.3.2,
 * VC Data Model 1.1 §C "the issuer's assertionMethod"). Keys listed only under
 * `authentication` or elsewhere are not accepted for permits.
 *
 * The document is untrusted JSON, so every member is checked here at run time.
 * Importing a key into WebCrypto is the expensive step, so imported keys are
 * cached by their `x` value: the key bytes themselves, so the cache cannot be
 * confused by a DID document reusing a method id.
 */
import type { SignatureSuite } from './signature.js';
import { decodeEd25519Base58, decodeEd25519Multikey, ed25519RawToJwk, readEd25519Jwk, type Ed25519PublicJwk } from './multikey.js';

/** An Ed25519 assertion key named by its absolute DID URL (`did:web:…#key-1`). */
export interface AssertionKeyJwk {
  id: string;
  jwk: Ed25519PublicJwk;
}

export interface AssertionKey {
  id: string;
  /** The key as the signature suite imported it (a WebCrypto CryptoKey by default). */
  key: unknown;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** DID Core §3.2.1: a relative DID URL `#frag` is resolved against the DID. */
function absolute(did: string, id: string): string {
  return id.startsWith('#') ? did + id : id;
}

/** The Ed25519 JWK of a verification method of a known type, or undefined. */
function methodJwk(method: Json): Ed25519PublicJwk | undefined {
  switch (method.type) {
    // https://w3c-ccg.github.io/lds-jws2020/ : publicKeyJwk.
    case 'JsonWebKey2020':
    // Controlled Identifiers 1.0 §2.2.3 JsonWebKey (the successor of JsonWebKey2020).
    case 'JsonWebKey':
      return readEd25519Jwk(method.publicKeyJwk);
    // Controlled Identifiers 1.0 §2.2.2 Multikey, and the Ed25519 2020 suite: `z6Mk…`.
    case 'Multikey':
    case 'Ed25519VerificationKey2020': {
      const raw = typeof method.publicKeyMultibase === 'string' ? decodeEd25519Multikey(method.publicKeyMultibase) : undefined;
      return raw && ed25519RawToJwk(raw);
    }
    // Ed25519 Signature 2018 suite: base58btc of the raw key.
    case 'Ed25519VerificationKey2018': {
      const raw = typeof method.publicKeyBase58 === 'string' ? decodeEd25519Base58(method.publicKeyBase58) : undefined;
      return raw && ed25519RawToJwk(raw);
    }
    default:
      return undefined;
  }
}

/**
 * The Ed25519 keys of `did` usable for issuing, from its DID document.
 * `assertionMethod` entries may be references (`#key-1` or `did:…#key-1`) to entries of
 * `verificationMethod`, or embedded methods. A method must be controlled by the DID
 * itself (DID Core §5.1.1): a key of another controller could sign in the DID's name.
 * @example assertionKeyJwks(did, didDocument) // [{ id: 'did:web:example.org#key-1', jwk: { kty: 'OKP', … } }]
 */
export function assertionKeyJwks(did: string, document: unknown): AssertionKeyJwk[] {
  return relationshipKeyJwks(did, document, 'assertionMethod');
}

/**
 * The Ed25519 keys of `did` under one verification relationship (DID Core §5.3): `assertionMethod`
 * for what it issues, `authentication` for proving it is the DID's controller (a request signed
 * by a peer authority, src/toolkit-xml/lookup.ts).
 */
export function relationshipKeyJwks(did: string, document: unknown, relationship: 'assertionMethod' | 'authentication'): AssertionKeyJwk[] {
  if (!isObject(document) || document.id !== did || !Array.isArray(document[relationship])) return [];
  const declared = new Map<string, Json>();
  if (Array.isArray(document.verificationMethod)) {
    for (const method of document.verificationMethod) {
      if (isObject(method) && typeof method.id === 'string') declared.set(absolute(did, method.id), method);
    }
  }
  const keys: AssertionKeyJwk[] = [];
  const seen = new Set<string>();
  for (const entry of document[relationship] as unknown[]) {
    const method = typeof entry === 'string' ? declared.get(absolute(did, entry)) : isObject(entry) ? entry : undefined;
    if (method === undefined || typeof method.id !== 'string' || method.controller !== did) continue;
    const id = absolute(did, method.id);
    // The method must belong to this DID's own document, not name another DID's key.
    if (!id.startsWith(`${did}#`) || seen.has(id)) continue;
    const jwk = methodJwk(method);
    if (jwk === undefined) continue;
    seen.add(id);
    keys.push({ id, jwk });
  }
  return keys;
}

/** DID Core §5.3: the verification relationships a method may be listed or embedded under. */
const RELATIONSHIPS = ['authentication', 'assertionMethod', 'keyAgreement', 'capabilityInvocation', 'capabilityDelegation'] as const;

/**
 * The absolute ids of every verification method a DID document lists for `did`: in
 * `verificationMethod` or embedded in a relationship. Used to tell a JWT `kid` that names no
 * key of the issuer from one that names a key not meant for issuing.
 */
export function verificationMethodIds(did: string, document: unknown): Set<string> {
  const ids = new Set<string>();
  if (!isObject(document)) return ids;
  for (const name of ['verificationMethod', ...RELATIONSHIPS]) {
    const list = document[name];
    if (!Array.isArray(list)) continue;
    for (const entry of list) if (isObject(entry) && typeof entry.id === 'string') ids.add(absolute(did, entry.id));
  }
  return ids;
}

/** Whether `id` (absolute) is listed under `assertionMethod`, by reference or embedded. */
export function isAssertionMethod(did: string, document: unknown, id: string): boolean {
  if (!isObject(document) || !Array.isArray(document.assertionMethod)) return false;
  return document.assertionMethod.some((entry) => {
    const ref = typeof entry === 'string' ? entry : isObject(entry) && typeof entry.id === 'string' ? entry.id : undefined;
    return ref !== undefined && absolute(did, ref) === id;
  });
}

/**
 * A bounded cache of imported keys, keyed by the JWK `x`. One per verifier,
 * not module-global, so separate verifiers share no state.
 */
export function createKeyImporter(importKey: SignatureSuite['importKey'], maxEntries = 1000): (jwk: Ed25519PublicJwk) => Promise<unknown> {
  const cache = new Map<string, Promise<unknown>>();
  return (jwk) => {
    const hit = cache.get(jwk.x);
    if (hit !== undefined) return hit;
    const imported = importKey(jwk).then(
      (key) => key,
      () => {
        // Not cached: a failure may be the runtime's, not the key's.
        cache.delete(jwk.x);
        return undefined;
      },
    );
    cache.set(jwk.x, imported);
    if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    return imported;
  };
}

/**
 * The imported assertion keys of a DID document, cached per document object: a
 * caching resolver hands back the same object on every hit, so a warm verification
 * neither walks the document nor imports anything.
 */
export function createAssertionKeyStore(
  suite: Pick<SignatureSuite, 'importKey'>,
  maxEntries = 1000,
): (did: string, document: unknown) => Promise<AssertionKey[]> {
  const importKey = createKeyImporter(suite.importKey, maxEntries);
  const byDocument = new WeakMap<object, { did: string; keys: Promise<AssertionKey[]> }>();
  return (did, document) => {
    const cacheable = typeof document === 'object' && document !== null && Object.isFrozen(document);
    const hit = cacheable ? byDocument.get(document) : undefined;
    if (hit !== undefined && hit.did === did) return hit.keys;
    const keys = Promise.all(
      assertionKeyJwks(did, document).map(async ({ id, jwk }) => ({ id, key: await importKey(jwk) })),
    ).then((list) => list.filter((k): k is AssertionKey => k.key !== undefined));
    // Only frozen documents are cached: a mutable one could change after we read it.
    if (cacheable) byDocument.set(document, { did, keys });
    return keys;
  };
}

/**
 * A key the issuer has withdrawn: still a verification method of its document (so what it
 * signed before keeps verifying for the archives, Res. Conf. 18.125: five years after expiry),
 * but no longer under assertionMethod, and marked with the Security Vocabulary v1 `revoked`
 * dateTime (https://w3id.org/security#revoked) and, when it was stolen or exposed, Saiga's
 * `compromisedSince` (https://w3id.org/saiga/v1#compromisedSince, docs/keys.md).
 */
export interface RetiredKey {
  id: string;
  jwk: Ed25519PublicJwk;
  revoked: Date;
  /** From this moment on, anything signed with the key may be forged. */
  compromisedSince?: Date;
}

function dateOf(value: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/**
 * The retired key `id` (absolute) of `did`, or undefined when the document lists no such
 * method, lists it for issuing, or does not mark it revoked. A `compromisedSince` that is not
 * a date is read as "compromised from the start": fail closed.
 */
export function retiredKeyOf(did: string, document: unknown, id: string): RetiredKey | undefined {
  if (!isObject(document) || document.id !== did || !Array.isArray(document.verificationMethod)) return undefined;
  if (!id.startsWith(`${did}#`) || isAssertionMethod(did, document, id)) return undefined;
  const method = document.verificationMethod.find((m): m is Json => isObject(m) && typeof m.id === 'string' && absolute(did, m.id) === id);
  if (method === undefined || method.controller !== did) return undefined;
  const revoked = dateOf(method.revoked);
  const jwk = methodJwk(method);
  if (revoked === undefined || jwk === undefined) return undefined;
  const compromisedSince = method.compromisedSince === undefined ? undefined : (dateOf(method.compromisedSince) ?? new Date(0));
  return { id, jwk, revoked, ...(compromisedSince !== undefined && { compromisedSince }) };
}
