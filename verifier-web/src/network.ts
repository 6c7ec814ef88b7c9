/**
 * The page's fetch: always revalidates with the server (`cache: 'no-cache'`: a stale
 * status or trust list is what verifier users complain about most, peer-systems §0 point 8)
 * and remembers which URLs could not be reached, so that the page can say "offline" and
 * fall back to its own cache for DID documents and the trust list.
 *
 * `prefetch` starts GETs ahead of the verification core (see prefetch.ts for which URLs);
 * the core's next fetch of the same URL takes that response, once, if it is at most a few
 * seconds old. The core then checks it exactly as a response it fetched itself.
 */
import type { FetchLike } from '../../src/verify/index.js';

export interface TrackedNetwork {
  fetch: FetchLike;
  /** True when the last request to this URL failed to reach the server (not an HTTP error). */
  unreachable(url: string): boolean;
  /** Number of requests that failed to reach their server so far. */
  failures(): number;
  /** Starts fetching these URLs now; the next fetch of each within PREFETCH_TTL_MS gets that response. */
  prefetch(urls: readonly string[]): void;
}

/** A prefetched response older than this is dropped and fetched again: a status must be current. */
export const PREFETCH_TTL_MS = 5000;

export function createNetwork(base: FetchLike, now: () => number = () => Date.now()): TrackedNetwork {
  const down = new Set<string>();
  const ahead = new Map<string, { at: number; response: Promise<Response> }>();
  let failed = 0;
  const track = async (url: string, pending: Promise<Response>): Promise<Response> => {
    try {
      const response = await pending;
      down.delete(url);
      return response;
    } catch (error) {
      // A TypeError (connection refused, DNS, CORS, offline) or an abort after the verifier's time limit.
      down.add(url);
      failed += 1;
      throw error;
    }
  };
  const tracked: FetchLike = (url, init) => {
    const early = ahead.get(url);
    ahead.delete(url);
    const plainGet = (init?.method ?? 'GET').toUpperCase() === 'GET' && init?.body == null;
    if (early && plainGet && now() - early.at <= PREFETCH_TTL_MS) return track(url, early.response);
    return track(url, base(url, { ...init, cache: 'no-cache' }));
  };
  const prefetch = (urls: readonly string[]) => {
    for (const url of urls) {
      if (ahead.has(url)) continue;
      // The same request the core makes (http-fetch.ts): no cookies, no redirects.
      const response = base(url, { cache: 'no-cache', credentials: 'omit', redirect: 'error' });
      response.catch(() => undefined);
      ahead.set(url, { at: now(), response });
    }
  };
  return { fetch: tracked, unreachable: (url) => down.has(url), failures: () => failed, prefetch };
}
