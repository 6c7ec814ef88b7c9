/**
 * The page's trust list and DID documents, online and offline, against a real HTTP server
 * on a loopback port that is stopped to go "offline". The store is a plain in-memory
 * key-value store in place of localStorage.
 */
import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createAssertionKeyStore, createDidResolver, webCryptoSuite } from '../../src/verify/index.js';
import { createPageDidResolver } from '../../verifier-web/src/did-cache.js';
import { createNetwork } from '../../verifier-web/src/network.js';
import type { KeyValueStore } from '../../verifier-web/src/store.js';
import { loadTrust, readConfig } from '../../verifier-web/src/trust.js';
import { ISSUER, OTHER, sign, STRANGER, webDocument } from '../verify/helpers.js';

class MemoryStore implements KeyValueStore {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

const ANCHOR = OTHER.didKey;
const signed = { resolveDid: createDidResolver({ methods: ['key'] }), assertionKeys: createAssertionKeyStore(webCryptoSuite), suite: webCryptoSuite, allowedAlgorithms: new Set(['EdDSA']) };

async function trustList(version: number, signer = OTHER): Promise<string> {
  const nbf = Math.floor(Date.now() / 1000) - 60;
  return sign(
    {
      iss: signer.didKey,
      nbf,
      exp: nbf + 30 * 86400,
      jti: 'https://cites.example.org/trust-list',
      vc: {
        '@context': ['https://www.w3.org/2018/credentials/v1'],
        type: ['VerifiableCredential', 'CITESTrustList'],
        credentialSubject: { name: `List v${version}`, version, authorities: [{ country: 'LK', name: 'DWC', role: 'managementAuthority', dids: [ISSUER.didKey] }] },
      },
    },
    signer.privateJwk,
  );
}

let server: Server | undefined;
const routes = new Map<string, { status?: number; type?: string; body: string }>();
async function startServer(port = 0): Promise<number> {
  server = createServer((req, res) => {
    const route = routes.get(req.url ?? '');
    res.writeHead(route?.status ?? (route ? 200 : 404), { 'content-type': route?.type ?? 'text/plain' });
    res.end(route?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}
const stopServer = () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
afterEach(async () => {
  await stopServer();
  server = undefined;
  routes.clear();
});

describe('trust list', () => {
  it('online: fetches and verifies the list against the anchor, and keeps it with its fetch time', async () => {
    const port = await startServer();
    routes.set('/trust-list', { body: await trustList(2) });
    const store = new MemoryStore();
    const network = createNetwork(fetch);
    const state = await loadTrust({ anchorDid: ANCHOR, trustListUrl: `http://127.0.0.1:${port}/trust-list` }, { fetch: network.fetch, store, signed, now: () => 1_000 });
    expect(state).toMatchObject({ ok: true, source: 'network', version: 2, fetchedAt: 1_000, offline: false, issuers: [{ did: ISSUER.didKey, role: 'managementAuthority' }] });
    expect([...store.items.keys()]).toEqual([`saiga-verifier:trust-list:${ANCHOR}`]);
  });

  it('offline: uses the stored list, verified again, with its age; then the fallback when nothing is stored', async () => {
    const port = await startServer();
    const url = `http://127.0.0.1:${port}/trust-list`;
    routes.set('/trust-list', { body: await trustList(2) });
    const store = new MemoryStore();
    const network = createNetwork(fetch);
    await loadTrust({ anchorDid: ANCHOR, trustListUrl: url }, { fetch: network.fetch, store, signed, now: () => 1_000 });
    await stopServer();
    const offline = await loadTrust({ anchorDid: ANCHOR, trustListUrl: url, fallbackTrustList: await trustList(1) }, { fetch: network.fetch, store, signed, now: () => 5_000 });
    expect(offline).toMatchObject({ ok: true, source: 'cache', version: 2, fetchedAt: 1_000, offline: true });
    expect(network.unreachable(url)).toBe(true);
    const fresh = await loadTrust({ anchorDid: ANCHOR, trustListUrl: url, fallbackTrustList: await trustList(1) }, { fetch: network.fetch, store: new MemoryStore(), signed });
    expect(fresh).toMatchObject({ ok: true, source: 'fallback', version: 1, offline: true });
  });

  it('never goes back to an older list, and ignores lists not signed by the anchor', async () => {
    const port = await startServer();
    const url = `http://127.0.0.1:${port}/trust-list`;
    const store = new MemoryStore();
    const network = createNetwork(fetch);
    routes.set('/trust-list', { body: await trustList(5) });
    await loadTrust({ anchorDid: ANCHOR, trustListUrl: url }, { fetch: network.fetch, store, signed });
    routes.set('/trust-list', { body: await trustList(4) });
    expect(await loadTrust({ anchorDid: ANCHOR, trustListUrl: url }, { fetch: network.fetch, store, signed })).toMatchObject({ source: 'cache', version: 5 });
    // A newer list signed by someone else than the anchor is not a candidate.
    routes.set('/trust-list', { body: await trustList(9, STRANGER) });
    expect(await loadTrust({ anchorDid: ANCHOR, trustListUrl: url }, { fetch: network.fetch, store, signed })).toMatchObject({ source: 'cache', version: 5 });
    const none = await loadTrust({ anchorDid: ANCHOR, trustListUrl: url }, { fetch: network.fetch, store: new MemoryStore(), signed });
    expect(none).toMatchObject({ ok: false, offline: false });
    expect(!none.ok && none.message).toContain('not by the trust anchor');
  });

  it('config.json must name the anchor and a list', () => {
    expect(readConfig({ anchorDid: ANCHOR, trustListUrl: 'https://x/trust-list', languages: ['fr'] })).toEqual({ anchorDid: ANCHOR, trustListUrl: 'https://x/trust-list', languages: ['fr'] });
    expect(() => readConfig({ trustListUrl: 'https://x' })).toThrow(/anchorDid/);
    expect(() => readConfig({ anchorDid: ANCHOR })).toThrow(/trustListUrl/);
    expect(() => readConfig('nope')).toThrow(/object/);
  });
});

describe('DID documents', () => {
  it('keeps fetched did:web documents; uses the stored copy only when the server cannot be reached', async () => {
    const port = await startServer();
    const did = `did:web:localhost%3A${port}`;
    routes.set('/.well-known/did.json', { type: 'application/did+json', body: JSON.stringify(webDocument(did, ISSUER.publicJwk)) });
    const store = new MemoryStore();
    let clock = 10_000;
    const resolver = () => createPageDidResolver({ network: createNetwork(fetch), store, now: () => clock });
    const online = await resolver().resolveDid(did);
    expect(online.didDocument?.id).toBe(did);
    expect(store.items.has(`saiga-verifier:did:${did}`)).toBe(true);

    // The server answers, but with an error: the stored copy is not used.
    routes.clear();
    const notFound = resolver();
    expect((await notFound.resolveDid(did)).didResolutionMetadata.error).toBe('notFound');
    expect(notFound.uses()).toEqual([]);

    // The server is gone: the stored copy, with its fetch time.
    await stopServer();
    clock = 99_000;
    const offline = resolver();
    const cached = await offline.resolveDid(did);
    expect(cached.didResolutionMetadata.error).toBeUndefined();
    expect(cached.didDocument?.id).toBe(did);
    expect(offline.uses()).toEqual([{ did, fetchedAt: 10_000 }]);

    // did:key needs no network and no store.
    expect((await offline.resolveDid(ISSUER.didKey)).didDocument?.id).toBe(ISSUER.didKey);
  });
});
