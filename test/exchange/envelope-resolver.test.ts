/**
 * The DID document cache of the agent's DIDComm resolver (src/agent/wiring/didcomm-resolver.ts),
 * in front of a did-resolver method that counts its fetches; the clock is the test's.
 */
import { describe, expect, it } from 'vitest';
import { Resolver, type DIDDocument, type DIDResolutionResult } from 'did-resolver';
import { DidDocumentCache, DID_CACHE_SECONDS } from '../../src/agent/wiring/didcomm-resolver.js';

const PEER = 'did:web:peer.example';
const OWN = 'did:web:own.example';

function document(did: string, fragments: string[]): DIDDocument {
  return { id: did, verificationMethod: fragments.map((f) => ({ id: `${did}#${f}`, type: 'JsonWebKey2020', controller: did })), keyAgreement: fragments.map((f) => `${did}#${f}`) };
}

function setUp() {
  const clock = { ms: Date.parse('2026-12-02T10:00:00Z') };
  const served = { keys: ['key-1-x25519'], up: true };
  const fetched: string[] = [];
  const cache = new DidDocumentCache({ clock: () => clock.ms });
  const web = async (did: string): Promise<DIDResolutionResult> => {
    fetched.push(did);
    return served.up
      ? { didResolutionMetadata: {}, didDocument: document(did, served.keys), didDocumentMetadata: {} }
      : { didResolutionMetadata: { error: 'notFound', message: 'ECONNREFUSED' }, didDocument: null, didDocumentMetadata: {} };
  };
  const resolver = new Resolver({ web }, { cache: cache.lookup });
  return { clock, served, fetched, cache, resolver };
}

describe('the DIDComm resolver cache', () => {
  it('reuses a document for its time to live, then fetches it again', async () => {
    const { clock, fetched, resolver } = setUp();
    await resolver.resolve(PEER);
    await resolver.resolve(`${PEER}#key-1-x25519`);
    clock.ms += (DID_CACHE_SECONDS - 1) * 1000;
    await resolver.resolve(PEER);
    expect(fetched).toEqual([PEER]);
    clock.ms += 1000;
    await resolver.resolve(PEER);
    expect(fetched).toEqual([PEER, PEER]);
  });

  it('fetches again at once when a DID URL names a key the cached document lacks (a rotated key)', async () => {
    const { served, fetched, resolver } = setUp();
    await resolver.resolve(PEER);
    served.keys = ['key-1-x25519', 'key-2-x25519'];
    const result = await resolver.resolve(`${PEER}#key-2-x25519`);
    expect(fetched).toEqual([PEER, PEER]);
    expect(result.didDocument?.keyAgreement).toEqual([`${PEER}#key-1-x25519`, `${PEER}#key-2-x25519`]);
    await resolver.resolve(`${PEER}#key-2-x25519`);
    expect(fetched).toHaveLength(2);
  });

  it('does not keep a failed resolution, and drops a cached document on request', async () => {
    const { served, fetched, cache, resolver } = setUp();
    served.up = false;
    expect((await resolver.resolve(PEER)).didResolutionMetadata.error).toBe('notFound');
    served.up = true;
    expect((await resolver.resolve(PEER)).didDocument?.id).toBe(PEER);
    cache.forget(PEER);
    await resolver.resolve(PEER);
    expect(fetched).toEqual([PEER, PEER, PEER]);
  });

  it("answers the agent's own DIDs from its own documents, never fetching them", async () => {
    const { fetched, cache, resolver } = setUp();
    const own = document(OWN, ['key-9-x25519']);
    cache.answerLocally((did) => (did === OWN ? own : undefined));
    expect((await resolver.resolve(`${OWN}#key-9-x25519`)).didDocument).toEqual(own);
    expect(fetched).toEqual([]);
  });
});
