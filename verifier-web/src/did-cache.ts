/**
 * DID resolution for the page: did:key locally and did:web over the network with the
 * core's resolver, keeping every did:web document fetched in localStorage with its fetch
 * time. When the document's server cannot be reached (offline, agent down), the stored
 * copy is used and reported, so that the page can say how old it is. An HTTP error or an
 * invalid document is never replaced by the stored copy: only unreachability is.
 */
import { createDidResolver, didWebToUrl, type DidDocument, type DidResolution, type ResolveOptions } from '../../src/verify/index.js';
import { readCached, writeCached, type KeyValueStore } from './store.js';
import type { TrackedNetwork } from './network.js';

export interface CachedDidUse {
  did: string;
  fetchedAt: number;
}

export interface PageDidResolver {
  /** `fresh`: the core found a key the cached document lacks (the issuer rotated its key): fetch it again. */
  resolveDid(did: string, options?: ResolveOptions): Promise<DidResolution>;
  /** DIDs currently answered from the stored copy (until a fetch of them succeeds again). */
  uses(): CachedDidUse[];
}

const isDocument = (value: unknown): value is DidDocument =>
  typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';

export function createPageDidResolver(opts: { network: TrackedNetwork; store: KeyValueStore | undefined; now?: () => number }): PageDidResolver {
  const now = opts.now ?? (() => Date.now());
  const inner = createDidResolver({ fetch: opts.network.fetch });
  const used = new Map<string, number>();
  const saved = new WeakSet<object>();
  return {
    async resolveDid(did, options) {
      const result = await inner(did, options);
      const url = did.startsWith('did:web:') ? didWebToUrl(did) : undefined;
      if (url === undefined) return result;
      const key = `did:${did}`;
      if (result.didResolutionMetadata.error === undefined && result.didDocument) {
        // The core's resolver answers repeats from memory (5 minutes) with the same object: store each fetch once.
        used.delete(did);
        if (!saved.has(result)) {
          saved.add(result);
          writeCached(opts.store, key, result.didDocument, now());
        }
        return result;
      }
      if (!opts.network.unreachable(url)) return result;
      const stored = readCached(opts.store, key, isDocument);
      if (!stored || stored.value.id !== did) return result;
      used.set(did, stored.fetchedAt);
      return { didResolutionMetadata: { contentType: 'application/did+json' }, didDocument: stored.value, didDocumentMetadata: {} };
    },
    uses: () => [...used].map(([did, fetchedAt]) => ({ did, fetchedAt })),
  };
}
