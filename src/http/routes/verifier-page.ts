/**
 * The verifier page (verifier-web/dist, built by verifier-web/build.mjs) served by the
 * agent at /verify and /VERIFY, with its config.json made from the agent: the trust
 * anchor, where the trust list is, and a fallback copy of it.
 *
 * /VERIFY, /verify, /verify/ and /verify/index.html all answer with the page itself, never
 * a redirect, so that the permit in the URL fragment of a QR link survives on any client.
 * The page's asset URLs are relative; at /VERIFY and /verify (no trailing slash) they would
 * resolve against the parent folder, so the page is sent there with `<base href="verify/">`
 * (relative, so it also works behind a path prefix).
 *
 * Mount with `app.use(verifierPageRouter(saiga))`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import type { ServeCapabilities } from '../../agent/wiring/capabilities.js';
import { TRUST_LIST_PATH } from '../../trust/agent-trust-list.js';
import { publicGet } from '../cors.js';

/** What the router reads from the agent (its serve capabilities have it). */
export type VerifierPageSource = {
  trust: Pick<ServeCapabilities['trust'], 'anchorDid' | 'jwt'>;
  config: { saiga: Pick<ServeCapabilities['config']['saiga'], 'url'> };
};

export interface VerifierPageOptions {
  /** The built page; default verifier-web/dist of this checkout. */
  distDir?: string;
}

/**
 * The page's Content-Security-Policy. Scripts come from the page's own origin only, and no
 * string is ever run as code (no `'unsafe-eval'`): the JSON Schema validators that ajv
 * would compile with `new Function` are generated at build time instead
 * (verifier-web/schema-validators.mjs). `'wasm-unsafe-eval'` lets the QR decoder
 * (zxing-cpp in WebAssembly) be compiled; it allows WebAssembly only, not `eval`.
 * `connect-src *`: the page fetches trust lists, DID documents, status lists and permit
 * records straight from every issuing authority.
 */
export const VERIFIER_PAGE_CSP = [
  "default-src 'self'",
  'connect-src *',
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "script-src 'self' 'wasm-unsafe-eval'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Names with a content hash (app.SDVY33JV.js, styles.c310a3efad77.css): immutable. */
const HASHED = /^[a-z_]+\.[A-Za-z0-9]{8,}\.(js|css|wasm)$/;
const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  wasm: 'application/wasm',
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
const SHORT_CACHE = 'public, max-age=60';

function defaultDistDir(): string {
  // src/http/routes (run from source), dist/src/http/routes (compiled) or dist/cli (the bundle of
  // scripts/bundle-cli.mjs): find the checkout's verifier-web/dist.
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['../../..', '../../../..', '../..']) {
    const candidate = resolve(here, up, 'verifier-web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return resolve(here, '../../..', 'verifier-web', 'dist');
}

function pageHeaders(res: Response): void {
  res.set('Content-Security-Policy', VERIFIER_PAGE_CSP);
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('Referrer-Policy', 'no-referrer');
  res.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
}

export function verifierPageRouter(saiga: VerifierPageSource, options: VerifierPageOptions = {}): Router {
  const dist = options.distDir ?? defaultDistDir();
  const router = Router({ caseSensitive: false, strict: true });

  let cached: { mtimeMs: number; html: string } | undefined;
  const indexHtml = (): string | undefined => {
    const file = join(dist, 'index.html');
    if (!existsSync(file)) return undefined;
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };

  const sendPage = (withBase: boolean) => (_req: Request, res: Response) => {
    pageHeaders(res);
    const html = indexHtml();
    if (html === undefined) {
      res.status(503).type('text/plain').send('The verifier page is not built: run `npm run build` (node verifier-web/build.mjs).');
      return;
    }
    res.set('Cache-Control', SHORT_CACHE);
    res.type(TYPES.html!).send(withBase ? html.replace(/<head>/i, '<head>\n<base href="verify/">') : html);
  };

  // /verify and /VERIFY (case-insensitive routing) without a trailing slash: the page plus a base.
  // Public like the rest of the agent's public routes: CORS and preflight (../cors.ts).
  publicGet(router, '/verify', sendPage(true));
  publicGet(router, ['/verify/', '/verify/index.html'], sendPage(false));

  publicGet(router, '/verify/config.json', (_req, res) => {
    res.set('Cache-Control', SHORT_CACHE);
    res.set('X-Content-Type-Options', 'nosniff');
    res.type(TYPES.json!).send(
      JSON.stringify({
        anchorDid: saiga.trust.anchorDid,
        trustListUrl: `${saiga.config.saiga.url}${TRUST_LIST_PATH}`,
        fallbackTrustList: saiga.trust.jwt,
      }),
    );
  });

  publicGet(router, '/verify/:file', (req, res, next) => {
    const name = String(req.params.file);
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!SAFE_NAME.test(name) || name === 'build.json' || !(ext in TYPES)) return next();
    const file = join(dist, name);
    if (!existsSync(file) || !statSync(file).isFile()) return next();
    pageHeaders(res);
    res.set('Cache-Control', HASHED.test(name) ? 'public, max-age=31536000, immutable' : SHORT_CACHE);
    res.sendFile(name, { root: dist, dotfiles: 'deny', cacheControl: false, headers: { 'Content-Type': TYPES[ext]! } }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });

  return router;
}
