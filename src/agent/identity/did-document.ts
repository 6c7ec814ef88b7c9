/**
 * The DID document an agent publishes for its did:web (Veramo stores identifiers but
 * publishes nothing). Keys are JsonWebKey2020 (publicKeyJwk, OKP/Ed25519), listed under
 * assertionMethod so that credentials signed with them verify.
 *
 * Verification-method ids are deterministic from the key, so they are stable whatever order
 * the keys come back in and retired keys keep their ids after a rotation (old credentials
 * name them in their JWT `kid`):
 *   did:web  `#key-` and the first 8 characters of the key's JWK thumbprint (RFC 7638), short
 *            because every permit's QR code carries its kid;
 *   did:key  `#` and the DID's own multibase key (did:key §3.1.2 step 6), as every did:key
 *            resolver builds it.
 */
import { createHash } from 'node:crypto';
import type { JWK } from 'jose';
import { didcommEndpoint } from '../../exchange/endpoint.js';
import type { DidDocument, PublicJwk } from '../../verify/index.js';

export interface PublicKeyInfo {
  /** Veramo key type; only Ed25519 keys are published for signing. */
  type: string;
  publicKeyHex: string;
}

/** Characters of the RFC 7638 thumbprint in a did:web method id: 48 bits, unique among one DID's keys. */
export const METHOD_ID_THUMBPRINT_CHARS = 8;
export const METHOD_ID_PREFIX = 'key-';

/**
 * RFC 7638 §3.2 JWK thumbprint of an Ed25519 key: SHA-256 of its required members `crv`,
 * `kty`, `x` in that (lexicographic) order, without spaces, in base64url. Computed here
 * rather than with jose so that reading a DID document does not load all of jose; a test
 * checks it against jose's `calculateJwkThumbprint`.
 */
export function ed25519JwkThumbprint(publicKeyHex: string): string {
  const { x } = ed25519Jwk(publicKeyHex);
  return createHash('sha256').update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x })).digest('base64url');
}

export function ed25519Jwk(publicKeyHex: string): JWK {
  return { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKeyHex, 'hex').toString('base64url') };
}

/**
 * The verification-method id (absolute DID URL) of an Ed25519 key of `did`: what the DID
 * document lists and what the JWT header `kid` of a credential signed with it names.
 * @example await verificationMethodId('did:web:cites.example.org', hex) // 'did:web:cites.example.org#key-Xq3v9aB1'
 */
export async function verificationMethodId(did: string, publicKeyHex: string): Promise<string> {
  if (did.startsWith('did:key:')) return `${did}#${did.slice('did:key:'.length)}`;
  const thumbprint = ed25519JwkThumbprint(publicKeyHex);
  return `${did}#${METHOD_ID_PREFIX}${thumbprint.slice(0, METHOD_ID_THUMBPRINT_CHARS)}`;
}

/** The fragment of the key-agreement method derived from a signing method: `#key-Xq3v9aB1` → `#key-Xq3v9aB1-x25519`. */
export const KEY_AGREEMENT_SUFFIX = '-x25519';
/** The fragment of the one DIDComm service (one entry: two would deliver every message twice). */
export const DIDCOMM_SERVICE_FRAGMENT = '#didcomm';

/** A key's history as Saiga records it (src/store/signing-keys.ts); a key without one is active and older than any recorded key. */
export interface KeyState {
  publicKeyHex: string;
  addedAt?: string;
  revokedAt?: string;
  compromisedSince?: string;
}

export interface DidDocumentOptions {
  /**
   * Where this identity receives DIDComm v2 messages (the authority's `<url>/didcomm`). When
   * given, the document also lists an X25519 key-agreement key for the current signing key,
   * derived from it (RFC 7748 birational map), so that peers can encrypt to it without a second key.
   */
  didcommEndpoint?: string;
  /** The keys' states (rotation, revocation); without them every key is active. */
  states?: readonly KeyState[];
}

/** The authority's options: a did:web document names its DIDComm endpoint; a did:key cannot (its resolver builds the document). */
export function exchangeDocumentOptions(did: string, agentUrl: string, states?: readonly KeyState[]): DidDocumentOptions {
  return { ...(did.startsWith('did:web:') && { didcommEndpoint: didcommEndpoint(agentUrl) }), ...(states !== undefined && { states }) };
}

export type StatedKey<K extends PublicKeyInfo = PublicKeyInfo> = K & Omit<KeyState, 'publicKeyHex'>;

/**
 * An identity's Ed25519 keys with their states, oldest first: keys from before Saiga recorded
 * key states (no `addedAt`) by public key, then the recorded ones by the time they were added.
 * Both ways of opening an agent (open.ts with Veramo, open-readonly.ts from the store) get
 * the keys in different orders; this order is the same for both, so are their documents.
 */
export function orderedKeys<K extends PublicKeyInfo>(keys: readonly K[], states: readonly KeyState[] = []): StatedKey<K>[] {
  const byHex = new Map(states.map((s) => [s.publicKeyHex, s]));
  return keys
    .filter((key) => key.type === 'Ed25519')
    .map((key) => {
      // Only the state's dates: a stored row also has its own `kid` (the method id), not Veramo's.
      const state = byHex.get(key.publicKeyHex);
      return {
        ...key,
        ...(state?.addedAt !== undefined && { addedAt: state.addedAt }),
        ...(state?.revokedAt !== undefined && { revokedAt: state.revokedAt }),
        ...(state?.compromisedSince !== undefined && { compromisedSince: state.compromisedSince }),
      };
    })
    .sort((a, b) => (a.addedAt ?? '').localeCompare(b.addedAt ?? '') || a.publicKeyHex.localeCompare(b.publicKeyHex));
}

/** The key new credentials are signed with: the newest key not revoked. */
export function currentKey<K extends PublicKeyInfo>(keys: readonly K[], states: readonly KeyState[] = []): StatedKey<K> | undefined {
  return orderedKeys(keys, states).filter((k) => k.revokedAt === undefined).at(-1);
}

/**
 * JSON-LD terms of a revoked method: Security Vocabulary v1 `revoked`
 * (https://w3id.org/security#revoked, an xsd:dateTime) and Saiga's `compromisedSince`.
 */
const REVOCATION_TERMS = {
  revoked: { '@id': 'https://w3id.org/security#revoked', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
  compromisedSince: { '@id': 'https://w3id.org/saiga/v1#compromisedSince', '@type': 'http://www.w3.org/2001/XMLSchema#dateTime' },
};

/**
 * The DID document of `did`. Every key it ever had stays a verification method, with the same
 * id, so what it signed years ago still verifies (Res. Conf. 18.125: archives five years after
 * expiry); active keys are under assertionMethod and authentication; a revoked key is under
 * neither and carries `revoked` (and `compromisedSince`), which verifiers read (src/verify/keys.ts).
 */
export async function buildDidDocument(did: string, keys: readonly PublicKeyInfo[], options: DidDocumentOptions = {}): Promise<DidDocument> {
  const ordered = orderedKeys(keys, options.states);
  const methods = await Promise.all(
    ordered.map(async (key) => {
      const publicKeyJwk = ed25519Jwk(key.publicKeyHex);
      return {
        id: await verificationMethodId(did, key.publicKeyHex),
        type: 'JsonWebKey2020',
        controller: did,
        publicKeyJwk: publicKeyJwk as PublicJwk,
        ...(key.revokedAt !== undefined && { revoked: key.revokedAt }),
        ...(key.compromisedSince !== undefined && { compromisedSince: key.compromisedSince }),
      };
    }),
  );
  // DID Core §5.1.1: ids are unique within a document; two keys with the same short id cannot both be published.
  if (new Set(methods.map((m) => m.id)).size !== methods.length) throw new Error(`two keys of ${did} have the same verification-method id`);
  const active = methods.filter((m) => m.revoked === undefined).map((m) => m.id);
  const context = ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/jws-2020/v1'];
  const document: DidDocument = {
    // DidDocument types @context as strings (did-resolver's type); an embedded context object is valid JSON-LD.
    '@context': methods.length === active.length ? context : ([...context, REVOCATION_TERMS] as unknown as string[]),
    id: did,
    verificationMethod: methods,
    assertionMethod: active,
    authentication: active,
  };
  if (options.didcommEndpoint === undefined) return document;
  // X25519 keys only agree keys: they never appear under assertionMethod or authentication.
  // Only the current key's: a sender encrypts to one key, the one this agent decrypts with.
  // Loaded here, not above: read-only commands build documents without it (open-readonly.ts).
  const { edwardsToMontgomeryPub } = await import('@noble/curves/ed25519');
  const current = currentKey(keys, options.states);
  const agreement =
    current === undefined
      ? []
      : [
          {
            id: `${await verificationMethodId(did, current.publicKeyHex)}${KEY_AGREEMENT_SUFFIX}`,
            type: 'JsonWebKey2020',
            controller: did,
            publicKeyJwk: { kty: 'OKP', crv: 'X25519', x: Buffer.from(edwardsToMontgomeryPub(current.publicKeyHex)).toString('base64url') } as PublicJwk,
          },
        ];
  return {
    ...document,
    verificationMethod: [...methods, ...agreement],
    keyAgreement: agreement.map((m) => m.id),
    service: [{ id: `${did}${DIDCOMM_SERVICE_FRAGMENT}`, type: 'DIDCommMessaging', serviceEndpoint: { uri: options.didcommEndpoint, accept: ['didcomm/v2'], routingKeys: [] } }],
  };
}
