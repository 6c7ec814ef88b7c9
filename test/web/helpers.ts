/**
 * Helpers for the verifier page tests: a QR code PNG of a permit link, a one-frame .y4m
 * "camera" made from it (vc-tech-notes §2.3), and a small web server on a loopback port
 * that hosts the built page away from the agent.
 */
import express from 'express';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { resolve } from 'node:path';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import type { Page } from 'playwright-core';
import { verifierPageRouter } from '../../src/http/routes/verifier-page.js';

export const PAGE_DIST = resolve('verifier-web/dist');

/** Builds the page into verifier-web/dist, as `npm run build` does. */
export function buildPage(): void {
  execFileSync(process.execPath, [resolve('verifier-web/build.mjs')], { stdio: 'pipe' });
}

/**
 * A QR code PNG (4-module quiet zone) of `text`, `size` pixels square. A link with a raw
 * JWT is long (about 2.5 kB): it fits only with error correction L, as a version ~38 code;
 * the CP2 transport encoding of src/qr makes it far smaller.
 */
export async function qrPng(text: string, file: string, size = 700, errorCorrectionLevel: 'L' | 'M' = 'L'): Promise<Buffer> {
  const png = await QRCode.toBuffer(text, { errorCorrectionLevel, margin: 4, width: size, type: 'png' });
  writeFileSync(file, png);
  return png;
}

export { y4mFromPng } from '../../bench/camera-frame.js';

export interface PageHost {
  url: string;
  close(): Promise<void>;
}

/**
 * Hosts the built page on its own loopback port, apart from the agent: at /verify and
 * /VERIFY through the agent's router (with its CSP), and as plain static files with a
 * config.json under /elsewhere/ — as anyone could host it.
 */
export async function hostPage(agent: { url: string }): Promise<PageHost> {
  const listJwt = await (await fetch(`${agent.url}/trust-list`)).text();
  const anchorDid = JSON.parse(Buffer.from(listJwt.split('.')[1]!, 'base64url').toString('utf8')).iss as string;
  const config = { anchorDid, trustListUrl: `${agent.url}/trust-list`, fallbackTrustList: listJwt };
  const app = express();
  app.use(verifierPageRouter({ trust: { anchorDid, jwt: listJwt }, config: { saiga: { url: agent.url } } }, { distDir: PAGE_DIST }));
  app.get('/elsewhere/config.json', (_req, res) => void res.json(config));
  app.use('/elsewhere', express.static(PAGE_DIST, { index: 'index.html' }));
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** Hosts the built page as plain static files next to `config` (its own trust anchor and list, say), on its own loopback port. */
export async function hostStaticPage(config: object): Promise<PageHost> {
  const app = express();
  app.get('/config.json', (_req, res) => void res.json(config));
  app.use(express.static(PAGE_DIST, { index: 'index.html' }));
  const server = await new Promise<Server>((done) => {
    const s = app.listen(0, '127.0.0.1', () => done(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/**
 * Records into `problems` what a page must never do: log an error (a CSP violation is one),
 * throw, or request anything off loopback (no CDN, no third party: the page's host and the
 * agent are both on loopback in these tests).
 */
export function watchPage(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error' || /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!/^(http:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/.test(request.url())) problems.push(`external request: ${request.url()}`);
  });
}
