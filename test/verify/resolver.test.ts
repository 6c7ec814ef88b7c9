import { describe, expect, it } from 'vitest';
import { createDidResolver } from '../../src/verify/resolver.js';
import { ISSUER, stubFetch, WEB_DID, WEB_URL, webDocument } from './helpers.js';

describe('createDidResolver', () => {
  const doc = webDocument(WEB_DID, ISSUER.publicJwk);

  it('caches did:web documents: a second resolve does not fetch', async () => {
    const fetch = stubFetch({ [WEB_URL]: doc });
    const resolveDid = createDidResolver({ fetch, now: () => 0 });
    const first = await resolveDid(WEB_DID);
    const second = await resolveDid(WEB_DID);
    expect(fetch.calls).toHaveLength(1);
    expect(second).toBe(first);
    expect(first.didDocument).toEqual(doc);
    expect(Object.isFrozen(first.didDocument)).toBe(true);
  });

  it('shares one request between concurrent resolutions', async () => {
    const fetch = stubFetch({ [WEB_URL]: doc });
    const resolveDid = createDidResolver({ fetch, now: () => 0 });
    await Promise.all([resolveDid(WEB_DID), resolveDid(WEB_DID), resolveDid(WEB_DID)]);
    expect(fetch.calls).toHaveLength(1);
  });

  it('fetches again after cacheTtlMs', async () => {
    let time = 0;
    const fetch = stubFetch({ [WEB_URL]: doc });
    const resolveDid = createDidResolver({ fetch, now: () => time, cacheTtlMs: 1000 });
    await resolveDid(WEB_DID);
    time = 999;
    await resolveDid(WEB_DID);
    expect(fetch.calls).toHaveLength(1);
    time = 1000;
    await resolveDid(WEB_DID);
    expect(fetch.calls).toHaveLength(2);
  });

  it('keeps failures only for failureTtlMs', async () => {
    let time = 0;
    let up = false;
    const fetch = stubFetch({ [WEB_URL]: () => (up ? Response.json(doc) : new Response('', { status: 503 })) });
    const resolveDid = createDidResolver({ fetch, now: () => time, failureTtlMs: 5000 });
    expect((await resolveDid(WEB_DID)).didResolutionMetadata.error).toBe('notFound');
    up = true;
    time = 4999;
    expect((await resolveDid(WEB_DID)).didResolutionMetadata.error).toBe('notFound');
    time = 5000;
    expect((await resolveDid(WEB_DID)).didDocument).toEqual(doc);
    expect(fetch.calls).toHaveLength(2);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const other = 'did:web:other.example.org';
    const fetch = stubFetch({ [WEB_URL]: doc, 'https://other.example.org/.well-known/did.json': webDocument(other, ISSUER.publicJwk) });
    const resolveDid = createDidResolver({ fetch, now: () => 0, maxEntries: 1 });
    await resolveDid(WEB_DID);
    await resolveDid(other);
    await resolveDid(WEB_DID);
    expect(fetch.calls).toHaveLength(3);
  });

  it('resolves did:key locally', async () => {
    const fetch = stubFetch({});
    const r = await createDidResolver({ fetch })(ISSUER.didKey);
    expect(r.didDocument?.id).toBe(ISSUER.didKey);
    expect(fetch.calls).toEqual([]);
  });

  it('refuses DID methods outside the allow-list without I/O', async () => {
    const fetch = stubFetch({});
    const resolveDid = createDidResolver({ fetch, methods: ['web'] });
    expect((await resolveDid(ISSUER.didKey)).didResolutionMetadata.error).toBe('methodNotSupported');
    expect((await resolveDid('did:ethr:0x1234')).didResolutionMetadata.error).toBe('methodNotSupported');
    expect((await resolveDid('not a did')).didResolutionMetadata.error).toBe('invalidDid');
    expect(fetch.calls).toEqual([]);
  });

  it('needs fetch only when did:web is allowed', () => {
    expect(() => createDidResolver({})).toThrow(TypeError);
    expect(() => createDidResolver({ methods: ['key'] })).not.toThrow();
    expect(() => createDidResolver({ fetch: stubFetch({}), maxEntries: 0 })).toThrow(TypeError);
  });
});
