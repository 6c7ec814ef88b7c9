/**
 * The console (issue 11): console-web/dist, built by Vite at `npm run build`, served at
 * /console. Every address under /console that is not a built file answers with the app's
 * index.html, so a reloaded or bookmarked screen (/console/permits/LK-2026-000123) opens;
 * `GET /` sends a browser to it.
 *
 * The page is public (it is only code); what it shows comes from /api behind the session
 * cookie and the role checks of ../auth.ts. Mount with `app.use(consolePageRouter())`.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type Response } from 'express';
import { publicGet } from '../cors.js';

/**
 * The console's Content-Security-Policy: scripts and styles from the agent only, never
 * inline and never a string run as code (no 'unsafe-inline', no 'unsafe-eval'; issue 11 §4).
 * 'wasm-unsafe-eval' lets the QR decoder (zxing-cpp in WebAssembly) of the customs screen be
 * compiled; it allows WebAssembly only. connect-src is open because the customs screen checks
 * a permit with the verify core in the browser, which reads the issuing authority's DID
 * document, status list and record from that authority, as the public page does.
 * No frame may hold the console (clickjacking), and forms post only to the agent.
 */
export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  'connect-src *',
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const CONSOLE_PATH = '/console';

/** Vite's hashed asset names (index-D201ey1U.js): immutable. */
const HASHED = /-[A-Za-z0-9_-]{8}\.(js|css|wasm|svg|png|woff2)$/;
const SAFE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

function defaultDistDir(): string {
  // Run from source (src/http/routes), compiled (dist/src/http/routes) or bundled (dist/cli).
  const here = fileURLToPath(new URL('.', import.meta.url));
  for (const up of ['../../..', '../../../..', '../..']) {
    const candidate = resolve(here, up, 'console-web', 'dist');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
  }
  return resolve(here, '../../..', 'console-web', 'dist');
}

function pageHeaders(res: Response): void {
  res.set('Content-Security-Policy', CONSOLE_CSP);
  res.set('Referrer-Policy', 'no-referrer');
  res.set('Permissions-Policy', 'camera=(self), microphone=(), geolocation=()');
  res.set('Cross-Origin-Opener-Policy', 'same-origin');
}

export function consolePageRouter(options: { distDir?: string } = {}): Router {
  const dist = options.distDir ?? defaultDistDir();
  const router = Router({ strict: true });

  let cached: { mtimeMs: number; html: string } | undefined;
  const indexHtml = (): string | undefined => {
    const file = join(dist, 'index.html');
    if (!existsSync(file)) return undefined;
    const { mtimeMs } = statSync(file);
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(file, 'utf8') };
    return cached.html;
  };

  const sendApp = (_req: Request, res: Response) => {
    pageHeaders(res);
    const html = indexHtml();
    if (html === undefined) {
      res.status(503).type('text/plain').send('The console is not built: run `npm run build`.');
      return;
    }
    // The shell may change with every build; the hashed files it names are cached instead.
    res.set('Cache-Control', 'no-cache');
    res.type('text/html; charset=utf-8').send(html);
  };

  // A browser asks for HTML and is sent to the console; a script asking GET / learns where things are.
  publicGet(router, '/', (req, res) => {
    res.vary('Accept');
    if (req.accepts(['json', 'html']) === 'html') return res.redirect(302, `${CONSOLE_PATH}/`);
    res.json({ console: `${CONSOLE_PATH}/`, verify: '/verify', openapi: '/api/openapi.json' });
  });
  publicGet(router, CONSOLE_PATH, (_req, res) => res.redirect(301, `${CONSOLE_PATH}/`));

  publicGet(router, `${CONSOLE_PATH}/assets/:file`, (req, res, next) => {
    const name = String(req.params.file);
    if (!SAFE_NAME.test(name)) return next();
    const file = join(dist, 'assets', name);
    if (!existsSync(file) || !statSync(file).isFile()) return next();
    pageHeaders(res);
    res.set('Cache-Control', HASHED.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache');
    res.sendFile(name, { root: join(dist, 'assets'), dotfiles: 'deny', cacheControl: false }, (error) => {
      if (error && !res.headersSent) next(error);
    });
  });
  // The app's addresses (console-web/src/screens.ts): a screen, and a permit's page. A missing
  // asset falls through to the API's 404: a stale tab asking for an old chunk fails plainly.
  publicGet(router, [`${CONSOLE_PATH}/`, `${CONSOLE_PATH}/:screen`, `${CONSOLE_PATH}/permits/:number`], sendApp);
  return router;
}
