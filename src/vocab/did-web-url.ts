/**
 * did:web (https://w3c-ccg.github.io/did-method-web/) §3.2 "Read (Resolve)": the URL of a
 * DID document. Replace `:` with `/`, percent-decode the port colon, add `/.well-known` when
 * there is no path, then `/did.json`, over HTTPS. Anything outside that grammar is refused
 * rather than repaired, because the URL built is where a signature's trust comes from. One
 * deliberate extension: loopback hosts (`localhost`, 127.0.0.0/8, `[::1]`) are fetched over
 * plain http, so a local network or a test can run without TLS.
 *
 * Shared vocabulary of the resolver (src/verify/did-web.ts) and the QR transport (a CPR1
 * reference names the permit's URL beside its issuer's DID document). A leaf module: it
 * imports nothing. Browser-safe.
 */
const PREFIX = 'did:web:';
const MAX_DID_LENGTH = 2048;
/** RFC 1123 host name label. */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;
/** A path segment: DID Core §3.1 `idchar` without percent-encoding (so no `%2F`, no `%2E%2E`). */
const PATH_SEGMENT = /^[A-Za-z0-9._-]+$/;
const HOST_AND_PORT = /^([A-Za-z0-9.-]+|%5B%3A%3A1%5D)(?:%3A([1-9][0-9]{0,4}))?$/i;

interface Host {
  hostname: string;
  loopback: boolean;
}

/** Parses the host of a did:web; undefined for IP addresses other than loopback and other odd forms. */
function parseHost(value: string): Host | undefined {
  const lower = value.toLowerCase();
  if (lower === '%5b%3a%3a1%5d') return { hostname: '[::1]', loopback: true };
  if (lower.length > 253) return undefined;
  const labels = lower.split('.');
  if (!labels.every((label) => LABEL.test(label))) return undefined;
  if (lower === 'localhost') return { hostname: lower, loopback: true };
  const last = labels[labels.length - 1]!;
  // WHATWG URL treats a host whose last label is a number (decimal, or 0x hex) as an IPv4
  // address, including forms like `2130706433` or `127.1`. Accept only canonical 127.a.b.c.
  if (/^[0-9]+$/.test(last) || /^0x[0-9a-f]*$/.test(last)) {
    const canonicalQuad = labels.length === 4 && labels.every((l) => /^(0|[1-9][0-9]{0,2})$/.test(l) && Number(l) <= 255);
    return canonicalQuad && labels[0] === '127' ? { hostname: lower, loopback: true } : undefined;
  }
  // A single-label name (`intranet`) would resolve on the verifier's own network.
  if (labels.length < 2) return undefined;
  return { hostname: lower, loopback: false };
}

/**
 * The URL of the DID document of a did:web DID, or undefined when the DID is not
 * a well-formed did:web (DID URLs with `#`, `?` or `/` included).
 * @example
 * didWebToUrl('did:web:example.org')          // 'https://example.org/.well-known/did.json'
 * didWebToUrl('did:web:example.org:lk')       // 'https://example.org/lk/did.json'
 * didWebToUrl('did:web:localhost%3A8080')     // 'http://localhost:8080/.well-known/did.json'
 */
export function didWebToUrl(did: string): string | undefined {
  if (typeof did !== 'string' || did.length > MAX_DID_LENGTH || !did.startsWith(PREFIX)) return undefined;
  const [authority, ...path] = did.slice(PREFIX.length).split(':') as [string, ...string[]];
  const match = HOST_AND_PORT.exec(authority);
  if (match === null) return undefined;
  const host = parseHost(match[1]!);
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (host === undefined || (port !== undefined && port > 65535)) return undefined;
  // Segments made only of dots would walk up the server's path (RFC 3986 §5.2.4).
  if (!path.every((segment) => PATH_SEGMENT.test(segment) && !/^\.+$/.test(segment))) return undefined;
  const origin = `${host.loopback ? 'http' : 'https'}://${host.hostname}${port === undefined ? '' : `:${port}`}`;
  return `${origin}${path.length === 0 ? '/.well-known' : `/${path.join('/')}`}/did.json`;
}

