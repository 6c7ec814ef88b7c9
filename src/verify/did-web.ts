/**
 * did:web (https://w3c-ccg.github.io/did-method-web/): DID → URL and a fetching resolver.
 *
 * §3.2 "Read (Resolve)": replace `:` with `/`, percent-decode the port colon, add
 * `/.well-known` when there is no path, then `/did.json`, over HTTPS. Anything
 * outside that grammar is refused rather than repaired, because the URL we build
 * is where a signature's trust comes from. One deliberate extension: loopback
 * hosts (`localhost`, 127.0.0.0/8, `[::1]`) are fetched over plain http, so a
 * local network or a test can run without TLS; a loopback address cannot be
 * reached by anyone else, so nothing is lost.
 */
import { resolutionError, type DidDocument, type DidResolution } from './types.js';
import { readLimited } from './http-fetch.js';
import { didWebToUrl } from '../vocab/did-web-url.js';

export { didWebToUrl };

/** The Fetch API signature (WHATWG Fetch), so a browser's `fetch`, Node's, or a test stub fits. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface DidWebResolverOptions {
  fetch: FetchLike;
  /** Give up on a DID document after this long. Default 5000 ms. */
  timeoutMs?: number;
  /** Refuse DID documents larger than this. Default 100 000 bytes. */
  maxBytes?: number;
}

/** JSON media types a DID document may be served as (DID Core §6.2, §6.3, and plain JSON). */
function isJsonMediaType(contentType: string | null): boolean {
  if (contentType === null) return true;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

async function fetchDocument(did: string, url: string, opts: Required<DidWebResolverOptions>, signal: AbortSignal): Promise<DidResolution> {
  let response: Response;
  try {
    response = await opts.fetch(url, {
      headers: { accept: 'application/did+json, application/did+ld+json;q=0.9, application/json;q=0.8' },
      // A redirect could lead to a host the DID does not name; did:web ties the document to this URL.
      redirect: 'error',
      credentials: 'omit',
      signal,
    });
  } catch (e) {
    return resolutionError('notFound', `Fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!response.ok) return resolutionError('notFound', `Fetching ${url} returned HTTP ${response.status}.`);
  if (!isJsonMediaType(response.headers.get('content-type'))) {
    return resolutionError('representationNotSupported', `${url} is not served as JSON.`);
  }
  const bytes = await readLimited(response, opts.maxBytes);
  if (bytes === undefined) return resolutionError('invalidDidDocument', `${url} is larger than ${opts.maxBytes} bytes.`);
  let document: unknown;
  try {
    document = JSON.parse(utf8.decode(bytes));
  } catch {
    return resolutionError('invalidDidDocument', `${url} is not valid UTF-8 JSON.`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return resolutionError('invalidDidDocument', `${url} is not a JSON object.`);
  }
  // did:web §3.2: the document's `id` must be the DID that was resolved, or anyone
  // could serve another DID's document from their own host.
  if ((document as { id?: unknown }).id !== did) {
    return resolutionError('invalidDidDocument', `The document at ${url} is not the document of ${did}.`);
  }
  const didDocument = document as DidDocument;
  const contentType = '@context' in didDocument ? 'application/did+ld+json' : 'application/did+json';
  return { didResolutionMetadata: { contentType }, didDocument, didDocumentMetadata: {} };
}

function checkOptions(options: DidWebResolverOptions): Required<DidWebResolverOptions> {
  if (typeof options !== 'object' || options === null || typeof options.fetch !== 'function') {
    throw new TypeError('"fetch" must be a function with the Fetch API signature.');
  }
  const { timeoutMs = 5000, maxBytes = 100_000 } = options;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError('"timeoutMs" must be a positive number.');
  if (!Number.isInteger(maxBytes) || maxBytes <= 0) throw new TypeError('"maxBytes" must be a positive integer.');
  return { fetch: options.fetch, timeoutMs, maxBytes };
}

/**
 * A did:web resolver that fetches with the given `fetch`. It never throws for a bad
 * DID or a failed fetch: it returns a resolution result with an `error`.
 * @example
 * const resolveWeb = createDidWebResolver({ fetch: globalThis.fetch });
 * const { didDocument } = await resolveWeb('did:web:cites.example.org:lk');
 */
export function createDidWebResolver(options: DidWebResolverOptions): (did: string) => Promise<DidResolution> {
  const opts = checkOptions(options);
  return async (did: string): Promise<DidResolution> => {
    const url = didWebToUrl(did);
    if (url === undefined) return resolutionError('invalidDid', `${String(did)} is not a valid did:web DID.`);
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The race also covers a `fetch` that ignores its signal.
    const timeout = new Promise<DidResolution>((resolve) => {
      timer = setTimeout(() => {
        controller.abort();
        resolve(resolutionError('notFound', `Fetching ${url} timed out after ${opts.timeoutMs} ms.`));
      }, opts.timeoutMs);
    });
    try {
      return await Promise.race([fetchDocument(did, url, opts, controller.signal), timeout]);
    } catch (e) {
      // Reading the body can fail after the headers arrived (connection reset, abort).
      return resolutionError('notFound', `Fetching ${url} failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * The same resolver as a did-resolver@4 method registry entry, so the agent can pass it to
 * Veramo's `DIDResolverPlugin` (`new DIDResolverPlugin({ ...getDidWebResolver({ fetch }) })`).
 * did-resolver calls it with the DID without fragment, the parsed DID, itself and options;
 * only the DID is needed.
 */
export function getDidWebResolver(options: DidWebResolverOptions): {
  web: (did: string, parsed?: unknown, resolver?: unknown, resolutionOptions?: unknown) => Promise<DidResolution>;
} {
  const resolve = createDidWebResolver(options);
  return { web: (did: string) => resolve(did) };
}
