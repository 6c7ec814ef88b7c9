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
      return resource === undefined ? localAnswer(404, 'text/plain; charset=utf-8', 'not found') : localAnswer(200, resource.contentType, resource.body);
    }
    return fallback(input, init);
  };
}

const utf8 = new TextEncoder();

/**
 * An answer made in this process, with the members of the Fetch standard's Response that
 * its readers use (ok, status, headers.get, body, arrayBuffer, text, json). Constructing a
 * real Response (or Headers) loads Node's whole fetch implementation, undici, which cost
 * `saiga verify` of its own permit about a fifth of its time, for a permit that needs no
 * network at all. test/verification/local-fetch.test.ts reads it as the verifier does.
 */
function localAnswer(status: number, contentType: string, body: string): Response {
  const bytes = utf8.encode(body);
  const headers = new Map([
    ['content-type', contentType],
    ['content-length', String(bytes.byteLength)],
  ]);
  const answer = {
    ok: status >= 200 && status <= 299,
    status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    body: null,
    arrayBuffer: async () => bytes.slice().buffer,
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
  };
  return answer as unknown as Response;
}
