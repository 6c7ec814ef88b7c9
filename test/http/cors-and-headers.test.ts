/**
 * Over a real agent process: every public operation in the OpenAPI document answers the
 * CORS preflight and exposes ETag; admin routes send no CORS headers; every /api answer,
 * errors included, is no-store and nosniff, while public routes keep their own caching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initAuthority, readExample, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { decodePayload } from '../helpers/forge.js';

let lk: AuthorityProcess;
let permit: { permitNumber: string; uuid: string; statusList: string };
let paths: Record<string, Record<string, { security: unknown[]; 'x-saiga-same-origin'?: boolean }>>;

beforeAll(async () => {
  lk = await serveAuthority(await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' }));
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
  expect(issued.status).toBe(201);
  const { vc } = decodePayload(issued.body.jwt);
  const status = ([] as { statusListCredential: string }[]).concat(vc.credentialStatus)[0]!;
  permit = { permitNumber: issued.body.permitNumber, uuid: String(issued.body.id).replace('urn:uuid:', ''), statusList: new URL(status.statusListCredential).pathname };
  paths = (await lk.api('/api/openapi.json')).body.paths;
});

afterAll(async () => {
  await lk?.stop();
});

/** A documented path with its parameters filled in with things that exist. */
function concrete(path: string): string {
  const [, , purpose, seq] = permit.statusList.split('/');
  const values: Record<string, string> = { purpose: purpose!, seq: seq!, id: permit.uuid, number: permit.permitNumber, file: 'index.html' };
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name]!);
}

const ORIGIN = 'https://verifier.other-authority.example';
const preflight = (path: string, method: string, requestHeaders: string) =>
  fetch(`${lk.url}${path}`, { method: 'OPTIONS', headers: { origin: ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': requestHeaders } });

describe('CORS', () => {
  it('answers the preflight of every public operation: 204, any origin, its methods, the headers a verifier sends, max-age', async () => {
    const publicOps = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security.length === 0 && op['x-saiga-same-origin'] !== true)
        .map(([method]) => ({ path, method: method.toUpperCase() })),
    );
    expect(publicOps.map((op) => `${op.method} ${op.path}`)).toEqual(
      expect.arrayContaining(['GET /status/{purpose}/{seq}', 'GET /records/{id}', 'GET /credentials/{id}', 'GET /.well-known/did.json', 'GET /customs/did.json', 'GET /trust-anchor/did.json', 'GET /trust-list', 'GET /schemas/cites-permit/v1.json', 'POST /api/verify', 'GET /verify/config.json']),
    );
    for (const { path, method } of publicOps) {
      const response = await preflight(concrete(path), method, method === 'POST' ? 'content-type' : 'if-none-match');
      const seen = ['status', 'access-control-allow-origin', 'access-control-allow-methods', 'access-control-allow-headers', 'access-control-max-age'].map((name) =>
        name === 'status' ? response.status : response.headers.get(name),
      );
      expect({ at: `${method} ${path}`, seen }).toEqual({
        at: `${method} ${path}`,
        seen: [204, '*', method === 'POST' ? 'POST, OPTIONS' : 'GET, HEAD, OPTIONS', 'Accept, Authorization, Content-Type, If-None-Match', '600'],
      });
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('sends no CORS headers on the same-origin presentation relay (the page the agent serves calls it; a page elsewhere cannot read an answer)', async () => {
    const sameOrigin = Object.entries(paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op['x-saiga-same-origin'] === true)
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(sameOrigin.sort()).toEqual(['GET /oid4vp/requests/{id}/response', 'POST /oid4vp/requests', 'POST /oid4vp/responses/{id}']);
    const created = await fetch(`${lk.url}/oid4vp/requests`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ nonce: 'n'.repeat(32) }) });
    expect([created.status, created.headers.get('access-control-allow-origin'), created.headers.get('cache-control')]).toEqual([201, null, 'no-store']);
    const { id } = (await created.json()) as { id: string };
    for (const [path, method] of [['/oid4vp/requests', 'POST'], [`/oid4vp/responses/${id}`, 'POST'], [`/oid4vp/requests/${id}/response`, 'GET']] as const) {
      const response = await preflight(path, method, 'authorization, content-type');
      expect([path, response.headers.get('access-control-allow-origin'), response.headers.get('access-control-allow-methods')]).toEqual([path, null, null]);
    }
  });

  it('sends no CORS headers on admin routes, so browsers on other origins cannot call them', async () => {
    for (const path of Object.keys(paths).filter((p) => p.startsWith('/api/permits'))) {
      for (const method of Object.keys(paths[path]!)) {
        const response = await preflight(concrete(path), method.toUpperCase(), 'authorization, content-type');
        expect([path, response.headers.get('access-control-allow-origin'), response.headers.get('access-control-allow-methods')]).toEqual([path, null, null]);
      }
    }
  });

  it('lets a cross-origin script read the ETag of a status list and revalidate with it; errors carry CORS too', async () => {
    const list = await fetch(`${lk.url}${permit.statusList}`, { headers: { origin: ORIGIN } });
    expect([list.status, list.headers.get('access-control-allow-origin'), list.headers.get('access-control-expose-headers')]).toEqual([200, '*', 'ETag, Retry-After, RateLimit, RateLimit-Policy']);
    const etag = list.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);
    // fetch() adds `Cache-Control: no-cache` to a request with its own If-None-Match (Fetch
    // Standard, HTTP-network-or-cache fetch), and express then never answers 304; a browser
    // revalidating from its cache (`cache: 'no-cache'`) sends max-age=0, as here.
    const again = await fetch(`${lk.url}${permit.statusList}`, { headers: { origin: ORIGIN, 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect([again.status, again.headers.get('access-control-allow-origin')]).toEqual([304, '*']);
    const missing = await fetch(`${lk.url}/records/00000000-0000-4000-8000-000000000000`, { headers: { origin: ORIGIN } });
    expect([missing.status, missing.headers.get('access-control-allow-origin'), missing.headers.get('access-control-expose-headers')]).toEqual([404, '*', 'ETag, Retry-After, RateLimit, RateLimit-Policy']);
    const verdict = await fetch(`${lk.url}/api/verify`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ credential: 'x.y.z' }) });
    expect([verdict.status, verdict.headers.get('access-control-allow-origin')]).toEqual([200, '*']);
  });
});

describe('headers', () => {
  const headersOf = (response: { status: number; headers: Headers }) => [response.status, response.headers.get('cache-control'), response.headers.get('x-content-type-options')];

  it('sends every /api answer with no-store and nosniff: success, 400, 401, 404, 415', async () => {
    const token = lk.officerToken;
    expect(headersOf(await lk.api('/api/permits', { token }))).toEqual([200, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api(`/api/permits/${permit.permitNumber}`, { token }))).toEqual([200, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api(`/api/permits/${permit.permitNumber}/pdf`, { token }))).toEqual([200, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/verify', { body: { credential: 'x.y.z' } }))).toEqual([200, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/openapi.json'))).toEqual([200, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/permits', { token, rawBody: '{' }))).toEqual([400, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/permits'))).toEqual([401, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/permits/LK00-E999999', { token }))).toEqual([404, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/nothing-here'))).toEqual([404, 'no-store', 'nosniff']);
    expect(headersOf(await lk.api('/api/verify', { rawBody: 'x.y.z', contentType: 'text/plain' }))).toEqual([415, 'no-store', 'nosniff']);
  });

  it('leaves the public routes their own caching', async () => {
    expect(headersOf(await lk.api(permit.statusList))).toEqual([200, 'no-cache', 'nosniff']);
    expect(headersOf(await lk.api(`/records/${permit.uuid}`))).toEqual([200, 'no-cache', 'nosniff']);
    expect(headersOf(await lk.api('/.well-known/did.json'))).toEqual([200, 'public, max-age=300', 'nosniff']);
    expect(headersOf(await lk.api('/trust-list'))).toEqual([200, 'public, max-age=300', 'nosniff']);
    expect(headersOf(await lk.api('/schemas/cites-permit/v1.json'))).toEqual([200, 'public, max-age=86400', 'nosniff']);
  });
});
