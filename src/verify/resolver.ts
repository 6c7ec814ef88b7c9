/**
 * The DID resolver the verifier uses: did:key locally, did:web over the given `fetch`,
 * with an in-memory cache so that verifying with a warm cache does no I/O at all.
 *
 * Only the methods on the allow-list are resolved (house style practice 5); any other
 * method is `methodNotSupported` without a network request. Successful results are kept
 * for `cacheTtlMs`; failures only for `failureTtlMs`, so a server that was briefly down
 * is asked again soon, but a flood of verifications cannot hammer it. Concurrent
 * resolutions of the same DID share one request.
 */
import { resolveDidKey } from './did-key.js';
import { createDidWebResolver, type FetchLike } from './did-web.js';
import { resolutionError, type DidResolution, type ResolveDid } from './types.js';

export type DidMethod = 'key' | 'web';

export interface DidResolverOptions {
  /** Fetch API function used for did:web. Required when 'web' is allowed. */
  fetch?: FetchLike;
  /** How long a resolved document is reused. Default 300 000 ms (5 minutes). */
  cacheTtlMs?: number;
  /** How long a failed resolution is remembered. Default 5 000 ms. */
  failureTtlMs?: number;
  /** Clock for the cache, in milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Most DIDs kept in the cache; the least recently used is dropped first. Default 1000. */
  maxEntries?: number;
  /** DID methods that may be resolved. Default ['key', 'web']. */
  methods?: readonly DidMethod[];
  /** Passed to the did:web resolver. */
  timeoutMs?: number;
  maxBytes?: number;
  /**
   * A `fresh` resolution (a JWT names a key the cached document lacks: the issuer rotated) is
   * answered from the cache when the cached fetch is younger than this, so that tokens naming
   * made-up keys cannot make the verifier fetch a document more than once per interval. Default 1000 ms.
   */
  minRefreshMs?: number;
}

interface CacheEntry {
  startedAt: number;
  expiresAt: number;
  result: Promise<DidResolution>;
}

/** The caching resolver: a `ResolveDid`, plus `forget` for a DID whose document is known to have changed (a keyRevoked notice). */
export type CachingDidResolver = ResolveDid & { forget(did: string): void };

/** Freezes a fresh JSON value so a cached document cannot be changed by one caller for the next. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function positive(name: string, value: number, allowZero = false): number {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new TypeError(`"${name}" must be a ${allowZero ? 'non-negative' : 'positive'} number.`);
  }
  return value;
}

/**
 * Creates a caching DID resolver for did:key and did:web. The returned function never
 * throws; failures come back as a result with `didResolutionMetadata.error`.
 * @example
 * const resolveDid = createDidResolver({ fetch: globalThis.fetch });
 * const { didDocument } = await resolveDid('did:web:cites.example.org:lk');
 */
export function createDidResolver(options: DidResolverOptions = {}): CachingDidResolver {
  if (typeof options !== 'object' || options === null) throw new TypeError('"options" must be an object.');
  const {
    cacheTtlMs = 300_000,
    failureTtlMs = 5_000,
    now = () => Date.now(),
    maxEntries = 1000,
    methods = ['key', 'web'],
    minRefreshMs = 1000,
  } = options;
  positive('minRefreshMs', minRefreshMs, true);
  positive('cacheTtlMs', cacheTtlMs, true);
  positive('failureTtlMs', failureTtlMs, true);
  if (typeof now !== 'function') throw new TypeError('"now" must be a function returning milliseconds.');
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new TypeError('"maxEntries" must be a positive integer.');
  if (!Array.isArray(methods) || !methods.every((m) => m === 'key' || m === 'web')) {
    throw new TypeError('"methods" may contain only "key" and "web".');
  }
  const allowed = new Set<string>(methods);
  let resolveWeb: ((did: string) => Promise<DidResolution>) | undefined;
  if (allowed.has('web')) {
    if (typeof options.fetch !== 'function') throw new TypeError('"fetch" is required to resolve did:web.');
    resolveWeb = createDidWebResolver({ fetch: options.fetch, timeoutMs: options.timeoutMs, maxBytes: options.maxBytes });
  }

  const cache = new Map<string, CacheEntry>();

  async function resolveUncached(did: string): Promise<DidResolution> {
    // DID Core §3.1: did:<method>:<method-specific-id>; method names are lowercase.
    const method = /^did:([a-z0-9]+):/.exec(did)?.[1];
    if (method === undefined) return resolutionError('invalidDid', `${did} is not a DID.`);
    if (!allowed.has(method)) return resolutionError('methodNotSupported', `The DID method "${method}" is not accepted.`);
    try {
      const result = method === 'key' ? resolveDidKey(did) : await resolveWeb!(did);
      return deepFreeze(result);
    } catch (e) {
      return resolutionError('internalError', e instanceof Error ? e.message : String(e));
    }
  }

  function resolveDid(did: string, resolveOptions?: { fresh?: boolean }): Promise<DidResolution> {
    if (typeof did !== 'string') return Promise.resolve(resolutionError('invalidDid', 'The DID is not a string.'));
    const time = now();
    const hit = cache.get(did);
    const stale = resolveOptions?.fresh === true && hit !== undefined && time - hit.startedAt >= minRefreshMs;
    if (hit !== undefined && hit.expiresAt > time && !stale) {
      // Move to the end of the Map's insertion order: least recently used entries come first.
      cache.delete(did);
      cache.set(did, hit);
      return hit.result;
    }
    const entry: CacheEntry = { startedAt: time, expiresAt: time + cacheTtlMs, result: resolveUncached(did) };
    cache.delete(did);
    cache.set(did, entry);
    while (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
    entry.result.then((result) => {
      if (result.didResolutionMetadata.error !== undefined && cache.get(did) === entry) {
        // Failures are kept only briefly; measured from when the answer arrived.
        entry.expiresAt = now() + Math.min(failureTtlMs, cacheTtlMs);
      }
    });
    return entry.result;
  }
  return Object.assign(resolveDid, { forget: (did: string) => void cache.delete(did) });
}
