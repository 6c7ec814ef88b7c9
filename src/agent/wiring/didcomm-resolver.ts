/**
 * The DID resolver of the Veramo agent (agent.yml `didResolver`), which DIDComm packing and
 * unpacking use: Veramo's DIDResolverPlugin over the same method registry (did:key, Saiga's
 * did:web), with two additions the exchange needs:
 *
 * - a cache with a time to live, so that a message does not cost five DID document fetches,
 *   yet a peer's new key becomes visible without a restart; a DID URL whose fragment (a `kid`
 *   or `skid`) the cached document does not hold is fetched again, since the peer may have
 *   rotated its key since (DID Core §7.2 dereferencing of a fragment);
 * - the agent's own DIDs answered from its own documents, never over the network, so that
 *   unpacking works when the agent's public URL cannot be reached from inside.
 *
 * Failed resolutions are never cached: an unreachable peer is tried again on the next message.
 */
import { DIDResolverPlugin } from '@veramo/did-resolver';
import { Resolver, type DIDCache, type DIDDocument, type DIDResolutionResult, type ParsedDID, type ResolverRegistry } from 'did-resolver';

/** How long a peer's DID document is reused before it is fetched again. */
export const DID_CACHE_SECONDS = 300;

export interface DidCacheOptions {
  cacheSeconds?: number;
  /** Milliseconds since the epoch; Date.now by default. */
  clock?: () => number;
}

/** Answers this agent's own DID documents; undefined for any other DID. */
export type LocalDocuments = (did: string) => DIDDocument | undefined;

export class DidDocumentCache {
  private readonly entries = new Map<string, { result: DIDResolutionResult; at: number }>();
  private local: LocalDocuments = () => undefined;
  private readonly ttlMs: number;
  private readonly clock: () => number;

  constructor(options: DidCacheOptions = {}) {
    this.ttlMs = (options.cacheSeconds ?? DID_CACHE_SECONDS) * 1000;
    this.clock = options.clock ?? Date.now;
  }

  /** did-resolver's cache hook: `resolve` fetches the document. */
  readonly lookup: DIDCache = async (parsed: ParsedDID, resolve) => {
    const own = this.local(parsed.did);
    // A copy: the document is also the one the agent serves, and Veramo normalises ids in what it is given.
    if (own !== undefined) return { didResolutionMetadata: { contentType: 'application/did+ld+json' }, didDocument: structuredClone(own), didDocumentMetadata: {} };
    const cached = this.entries.get(parsed.did);
    if (cached !== undefined && this.clock() - cached.at < this.ttlMs && holds(cached.result.didDocument, parsed)) return cached.result;
    const result = await resolve();
    if (result.didDocument && !result.didResolutionMetadata?.error) this.entries.set(parsed.did, { result, at: this.clock() });
    else this.entries.delete(parsed.did);
    return result;
  };

  /** This agent's own documents (a function, so that a rotated key shows at once). */
  answerLocally(local: LocalDocuments): void {
    this.local = local;
  }

  /** Drops a peer's cached document (its key was revoked, or it told us it changed). */
  forget(did: string): void {
    this.entries.delete(did);
  }
}

/** True when the document holds what the DID URL points at (no fragment: the document itself). */
function holds(document: DIDDocument | null, parsed: ParsedDID): boolean {
  if (!document) return false;
  if (parsed.fragment === undefined) return true;
  const wanted = `${parsed.did}#${parsed.fragment}`;
  const ids = [...(document.verificationMethod ?? []), ...(document.service ?? [])].map((entry) => (entry.id.startsWith('#') ? `${parsed.did}${entry.id}` : entry.id));
  return ids.includes(wanted);
}

/**
 * Named in agent.yml in place of Veramo's DIDResolverPlugin, with the same method registry.
 * The composition root (open.ts) tells it the agent's own documents.
 */
export class SaigaDIDResolverPlugin extends DIDResolverPlugin {
  readonly documents: DidDocumentCache;

  constructor(registry: ResolverRegistry, options: DidCacheOptions = {}) {
    const documents = new DidDocumentCache(options);
    super({ resolver: new Resolver(registry, { cache: documents.lookup }) });
    this.documents = documents;
  }
}

/** What open.ts needs of the resolver (duck-typed: agent.yml loads the plugin from dist/, tests load this file from src/). */
export function didDocumentCacheOf(plugin: unknown): DidDocumentCache | undefined {
  const documents = (plugin as { documents?: unknown } | undefined)?.documents;
  return documents && typeof (documents as DidDocumentCache).answerLocally === 'function' ? (documents as DidDocumentCache) : undefined;
}
