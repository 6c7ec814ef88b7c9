import { describe, expect, it } from 'vitest';
import { createDidWebResolver, didWebToUrl, getDidWebResolver } from '../../src/verify/did-web.js';
import { ISSUER, stubFetch, WEB_DID, WEB_URL, webDocument } from './helpers.js';

describe('didWebToUrl', () => {
  it.each([
    ['did:web:example.org', 'https://example.org/.well-known/did.json'],
    ['did:web:example.org:lk', 'https://example.org/lk/did.json'],
    ['did:web:cites.example.org:lk:dwc', 'https://cites.example.org/lk/dwc/did.json'],
    ['did:web:example.org%3A8443', 'https://example.org:8443/.well-known/did.json'],
    ['did:web:example.org%3a8443:lk', 'https://example.org:8443/lk/did.json'],
    ['did:web:Example.ORG', 'https://example.org/.well-known/did.json'],
    ['did:web:localhost', 'http://localhost/.well-known/did.json'],
    ['did:web:localhost%3A8080', 'http://localhost:8080/.well-known/did.json'],
    ['did:web:127.0.0.1%3A3000:lk', 'http://127.0.0.1:3000/lk/did.json'],
    ['did:web:127.1.2.3', 'http://127.1.2.3/.well-known/did.json'],
    ['did:web:%5B%3A%3A1%5D%3A8080', 'http://[::1]:8080/.well-known/did.json'],
    ['did:web:xn--bcher-kva.example:a_b.c-d', 'https://xn--bcher-kva.example/a_b.c-d/did.json'],
  ])('%s → %s', (did, url) => {
    expect(didWebToUrl(did)).toBe(url);
  });

  it.each([
    ['another method', 'did:key:z6MkhaXgBZDvotDkL5257faiztiKC2RNB8Zx1fC9r3kcf2VL'],
    ['no host', 'did:web:'],
    ['an empty path segment', 'did:web:example.org::lk'],
    ['a trailing colon', 'did:web:example.org:'],
    ['path traversal', 'did:web:example.org:..:etc'],
    ['a single-dot segment', 'did:web:example.org:.'],
    ['an encoded slash', 'did:web:example.org:a%2Fb'],
    ['encoded dots', 'did:web:example.org:%2E%2E'],
    ['userinfo', 'did:web:user%40example.org'],
    ['a literal @', 'did:web:user@example.org'],
    ['a fragment', 'did:web:example.org#key-1'],
    ['a query', 'did:web:example.org?x=1'],
    ['a slash', 'did:web:example.org/lk'],
    ['a public IPv4 address', 'did:web:8.8.8.8'],
    ['a private IPv4 address', 'did:web:192.168.1.10%3A8080'],
    ['a decimal IPv4 address', 'did:web:2130706433'],
    ['a shortened IPv4 address', 'did:web:127.1'],
    ['a hex IPv4 address', 'did:web:0x7f.0.0.1'],
    ['an octal-looking IPv4 address', 'did:web:0127.0.0.1'],
    ['another IPv6 address', 'did:web:%5Bfe80%3A%3A1%5D'],
    ['a single-label host', 'did:web:intranet'],
    ['a trailing dot', 'did:web:example.org.'],
    ['a label starting with a hyphen', 'did:web:-example.org'],
    ['port 0', 'did:web:example.org%3A0'],
    ['a port too large', 'did:web:example.org%3A65536'],
    ['a port with leading zeros', 'did:web:example.org%3A0443'],
    ['two ports', 'did:web:example.org%3A1%3A2'],
    ['an uppercase method', 'did:WEB:example.org'],
    ['a space', 'did:web:exa mple.org'],
  ])('rejects %s', (_name, did) => {
    expect(didWebToUrl(did)).toBeUndefined();
  });
});

describe('createDidWebResolver', () => {
  const doc = webDocument(WEB_DID, ISSUER.publicJwk);

  it('fetches the document from the did:web URL', async () => {
    const fetch = stubFetch({ [WEB_URL]: doc });
    const r = await createDidWebResolver({ fetch })(WEB_DID);
    expect(fetch.calls).toEqual([WEB_URL]);
    expect(r.didResolutionMetadata).toEqual({ contentType: 'application/did+ld+json' });
    expect(r.didDocument).toEqual(doc);
  });

  it.each([
    ['the fetch fails', () => Promise.reject(new TypeError('network down')), 'notFound'],
    ['HTTP 404', () => new Response('no', { status: 404 }), 'notFound'],
    ['HTTP 500', () => new Response('{}', { status: 500, headers: { 'content-type': 'application/json' } }), 'notFound'],
    ['an HTML page', () => new Response('<html>', { headers: { 'content-type': 'text/html' } }), 'representationNotSupported'],
    ['invalid JSON', () => new Response('{', { headers: { 'content-type': 'application/json' } }), 'invalidDidDocument'],
    ['a JSON array', () => Response.json([]), 'invalidDidDocument'],
    ['the document of another DID', () => Response.json({ ...doc, id: 'did:web:evil.example' }), 'invalidDidDocument'],
    ['a document that is too large', () => Response.json({ ...doc, padding: 'x'.repeat(2000) }), 'invalidDidDocument'],
  ])('reports %s as an error', async (_name, route, error) => {
    const resolve = createDidWebResolver({ fetch: stubFetch({ [WEB_URL]: route }), maxBytes: 1000 });
    const r = await resolve(WEB_DID);
    expect(r.didDocument).toBeNull();
    expect(r.didResolutionMetadata.error).toBe(error);
  });

  it('reports an invalid DID without fetching', async () => {
    const fetch = stubFetch({});
    const r = await createDidWebResolver({ fetch })('did:web:8.8.8.8');
    expect(r.didResolutionMetadata.error).toBe('invalidDid');
    expect(fetch.calls).toEqual([]);
  });

  it('refuses a body larger than maxBytes even without Content-Length', async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 20; i++) c.enqueue(new TextEncoder().encode(' '.repeat(100)));
        c.close();
      },
    });
    const fetch = stubFetch({ [WEB_URL]: () => new Response(stream, { headers: { 'content-type': 'application/json' } }) });
    const r = await createDidWebResolver({ fetch, maxBytes: 1000 })(WEB_DID);
    expect(r.didResolutionMetadata.error).toBe('invalidDidDocument');
  });

  it('times out a fetch that never answers', async () => {
    const fetch = stubFetch({ [WEB_URL]: () => new Promise<Response>(() => undefined) });
    const r = await createDidWebResolver({ fetch, timeoutMs: 20 })(WEB_DID);
    expect(r.didResolutionMetadata.error).toBe('notFound');
    expect(r.didResolutionMetadata.message).toMatch(/timed out/);
  });

  it('passes a signal, refuses redirects and sends no credentials', async () => {
    let init: RequestInit | undefined;
    const fetch = async (_url: string, i?: RequestInit) => {
      init = i;
      return Response.json(doc);
    };
    await createDidWebResolver({ fetch })(WEB_DID);
    expect(init?.redirect).toBe('error');
    expect(init?.credentials).toBe('omit');
    expect(init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('throws TypeError without fetch', () => {
    expect(() => createDidWebResolver({} as never)).toThrow(TypeError);
  });

  it('works as a did-resolver@4 method registry', async () => {
    const { Resolver } = await import('did-resolver');
    const resolver = new Resolver(getDidWebResolver({ fetch: stubFetch({ [WEB_URL]: doc }) }));
    const r = await resolver.resolve(`${WEB_DID}#key-1`);
    expect(r.didDocument?.id).toBe(WEB_DID);
    expect((await resolver.resolve('did:web:example.org')).didResolutionMetadata.error).toBe('notFound');
  });
});
