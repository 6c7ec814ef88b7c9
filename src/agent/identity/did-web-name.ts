/**
 * did:web names for an agent's public URL (did:web method spec §3.2 "Create"):
 * the host, with a port percent-encoded as %3A, then path segments joined by ':'.
 *   http://localhost:8080          → did:web:localhost%3A8080   (document at /.well-known/did.json)
 *   https://cites.example.org/lk   → did:web:cites.example.org:lk (document at /lk/did.json)
 */

export function didWebFromUrl(url: string): string {
  const parsed = new URL(url);
  const host = parsed.port ? `${parsed.hostname}%3A${parsed.port}` : parsed.hostname;
  const segments = parsed.pathname.split('/').filter(Boolean).map(encodeURIComponent);
  return ['did:web', host, ...segments].join(':');
}

/** The HTTP path under which this agent serves the DID document of its did:web. */
export function didDocumentPath(url: string, subPath: string[] = []): string {
  const segments = [...new URL(url).pathname.split('/').filter(Boolean), ...subPath];
  return segments.length === 0 ? '/.well-known/did.json' : `/${segments.join('/')}/did.json`;
}
