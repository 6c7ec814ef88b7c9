/**
 * A fetch for the agent's own verifier: requests for this agent's own public resources
 * (status lists, permit records) are answered from its database, so an agent checks its
 * own permits even when its public URL cannot be reached from inside (a reverse proxy,
 * a firewall, or no network at all). Everything else goes to the real fetch.
 */
import type { FetchLike } from '../verify/index.js';

export type LocalResource = { contentType: string; body: string } | undefined;

export function createLocalFetch(baseUrl: string, serve: (path: string) => Promise<LocalResource>, fallback: FetchLike): FetchLike {
  const prefix = `${baseUrl}/`;
  return async (input, init) => {
    if (typeof input === 'string' && input.startsWith(prefix)) {
      const resource = await serve(new URL(input).pathname);
      if (resource === undefined) return new Response('not found', { status: 404 });
      return new Response(resource.body, { status: 200, headers: { 'content-type': resource.contentType } });
    }
    return fallback(input, init);
  };
}
