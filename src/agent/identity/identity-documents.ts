/**
 * This agent's own DID documents, live (issue 9 §6): one holder that the routes serving
 * /.well-known/did.json and /customs/did.json, the agent's verifier and the DIDComm resolver
 * all read, so that a rotation or revocation made through the API is published at once, without
 * a restart. The key ring (src/agent/wiring/key-ring.ts) calls `refresh` with the keys as they
 * are after its change: for a rotation before the new key signs anything, for a revocation
 * once the transaction committed, so that nothing is signed with a key this agent does not publish.
 */
import { buildDidDocument, exchangeDocumentOptions, type KeyState, type PublicKeyInfo } from './did-document.js';
import type { DidDocument } from '../../verify/index.js';

/** An identity's keys and their recorded states, as the key ring holds them. */
export type KeysOf = (did: string) => { keys: readonly PublicKeyInfo[]; states: readonly KeyState[] };

export interface OwnDocuments {
  authority: DidDocument;
  customs: DidDocument;
  trustAnchor: DidDocument;
}

export interface OwnIdentities {
  authority: { did: string };
  customs: { did: string };
  trustAnchor: { did: string };
  /** The agent's public URL: the authority's document names its DIDComm endpoint under it. */
  agentUrl: string;
}

async function build(identities: OwnIdentities, keysOf: KeysOf): Promise<OwnDocuments> {
  const { authority, customs, trustAnchor, agentUrl } = identities;
  const [a, c, t] = [keysOf(authority.did), keysOf(customs.did), keysOf(trustAnchor.did)];
  return {
    authority: await buildDidDocument(authority.did, a.keys, exchangeDocumentOptions(authority.did, agentUrl, a.states)),
    customs: await buildDidDocument(customs.did, c.keys, { states: c.states }),
    // The trust anchor never rotates (saiga key rotates authority and customs only): as at start.
    trustAnchor: await buildDidDocument(trustAnchor.did, t.keys),
  };
}

export class IdentityDocuments {
  private constructor(
    private readonly identities: OwnIdentities,
    private documents: OwnDocuments,
  ) {}

  static async open(identities: OwnIdentities, keysOf: KeysOf): Promise<IdentityDocuments> {
    return new IdentityDocuments(identities, await build(identities, keysOf));
  }

  current(): OwnDocuments {
    return this.documents;
  }

  /** The three documents, authority first. */
  all(): DidDocument[] {
    const { authority, customs, trustAnchor } = this.documents;
    return [authority, customs, trustAnchor];
  }

  byDid(did: string): DidDocument | undefined {
    return this.all().find((document) => document.id === did);
  }

  /** Builds the documents from these keys and swaps them in one step (readers see the old or the new set, never a mix). */
  async refresh(keysOf: KeysOf): Promise<void> {
    this.documents = await build(this.identities, keysOf);
  }
}
