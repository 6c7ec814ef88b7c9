/**
 * The router that serves the verifier page from an agent: /VERIFY and /verify without a
 * redirect, relative assets that resolve from both, config.json made from the agent,
 * content types, cache headers and the Content-Security-Policy. Runs on a loopback port
 * against a small page folder written here.
 */
import express from 'express';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifierPageRouter, VERIFIER_PAGE_CSP } from '../../src/http/routes/verifier-page.js';
import { tempDir } from '../helpers/agent-process.js';

const dir = tempDir('saiga-page-');
const dist = join(dir, 'dist');
const source = { trust: { anchorDid: 'did:web:localhost%3A8080:anchor', jwt: 'eyJ.list.jwt' }, config: { saiga: { url: 'http://localhost:8080' } } };
let server: Server;
let base: string;

beforeAll(async () => {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html><head><script type="module" src="app.ABCDEFGH.js"></script></head><body></body></html>');
  writeFileSync(join(dist, 'app.ABCDEFGH.js'), 'export {};');
  writeFileSync(join(dist, 'styles.0123456789ab.css'), 'body{}');
  writeFileSync(join(dist, 'zxing_reader.0123456789ab.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(dist, 'build.json'), '{}');
  const app = express();
  app.use(verifierPageRouter(source, { distDir: dist }));
  app.use('/unbuilt', verifierPageRouter(source, { distDir: join(dir, 'missing') }));
  app.use((_req, res) => void res.status(404).send('nothing'));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
});

const get = (path: string) => fetch(`${base}${path}`, { redirect: 'manual' });

describe('verifier page router', () => {
  it('serves the page itself at /VERIFY, /verify, /verify/ and /verify/index.html (no redirect), with the CSP', async () => {
    for (const path of ['/VERIFY', '/verify', '/verify/', '/verify/index.html', '/VERIFY/']) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy')).toBe(VERIFIER_PAGE_CSP);
      expect(response.headers.get('cache-control')).toBe('public, max-age=60');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const html = await response.text();
      // Without a trailing slash the relative asset URLs would resolve against "/": a base puts them under verify/.
      expect(html.includes('<base href="verify/">'), path).toBe(!path.endsWith('/') && !path.endsWith('.html'));
    }
    expect(VERIFIER_PAGE_CSP).toBe(
      "default-src 'self'; connect-src *; img-src 'self' blob: data:; media-src 'self' blob:; script-src 'self' 'wasm-unsafe-eval'; base-uri 'self'; frame-ancestors 'none'",
    );
  });

  it('the assets resolve from both /VERIFY (with the base) and /verify/, with their content types and immutable caching', async () => {
    const fromVerify = new URL('app.ABCDEFGH.js', new URL('verify/', `${base}/VERIFY`)).pathname;
    const fromSlash = new URL('app.ABCDEFGH.js', `${base}/verify/`).pathname;
    expect([fromVerify, fromSlash]).toEqual(['/verify/app.ABCDEFGH.js', '/verify/app.ABCDEFGH.js']);
    const js = await get(fromVerify);
    expect([js.status, js.headers.get('content-type'), js.headers.get('cache-control')]).toEqual([200, 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable']);
    const css = await get('/verify/styles.0123456789ab.css');
    expect([css.status, css.headers.get('content-type')]).toEqual([200, 'text/css; charset=utf-8']);
    const wasm = await get('/VERIFY/zxing_reader.0123456789ab.wasm');
    expect([wasm.status, wasm.headers.get('content-type'), wasm.headers.get('cache-control')]).toEqual([200, 'application/wasm', 'public, max-age=31536000, immutable']);
    expect(new Uint8Array(await wasm.arrayBuffer()).slice(0, 4)).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('config.json comes from the agent: anchor, trust list URL and fallback copy, with CORS and a short cache', async () => {
    const response = await get('/verify/config.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await response.json()).toEqual({ anchorDid: source.trust.anchorDid, trustListUrl: 'http://localhost:8080/trust-list', fallbackTrustList: 'eyJ.list.jwt' });
  });

  it('serves nothing else: unknown files, the build manifest, dot files and paths that climb out', async () => {
    for (const path of ['/verify/missing.js', '/verify/build.json', '/verify/.env', '/verify/..%2Fpackage.json', '/verify/%2e%2e/x.js', '/verify/sub/app.ABCDEFGH.js', '/app.ABCDEFGH.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('answers 503 with a hint when the page was not built', async () => {
    const response = await get('/unbuilt/verify/');
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
