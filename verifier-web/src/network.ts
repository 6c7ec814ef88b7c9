/**
 * The page's fetch: always revalidates with the server (`cache: 'no-cache'`: a stale
 * status or trust list is what verifier users complain about most, peer-systems §0 point 8)
 * and remembers which URLs could not be reached, so that the page can say "offline" and
 * fall back to its own cache for DID documents and the trust list.
 */
import type { FetchLike } from '../../src/verify/index.js';

export interface TrackedNetwork {
  fetch: FetchLike;
  /** True when the last request to this URL failed to reach the server (not an HTTP error). */
  unreachable(url: string): boolean;
  /** Number of requests that failed to reach their server so far. */
  failures(): number;
}

export function createNetwork(base: FetchLike): TrackedNetwork {
  const down = new Set<string>();
  let failed = 0;
  const tracked: FetchLike = async (url, init) => {
    try {
      const response = await base(url, { ...init, cache: 'no-cache' });
      down.delete(url);
      return response;
    } catch (error) {
      // A TypeError (connection refused, DNS, CORS, offline) or an abort after the verifier's time limit.
      down.add(url);
      failed += 1;
      throw error;
    }
  };
  return { fetch: tracked, unreachable: (url) => down.has(url), failures: () => failed };
}
