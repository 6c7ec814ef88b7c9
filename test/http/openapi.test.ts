/**
 * The OpenAPI document describes exactly the routes express serves (both directions, so a
 * new route without documentation fails here), and Redocly's recommended rules find
 * nothing in it. The agent is real (SQLite file, its own config) and runs in-process, so
 * the express app built by createApp can be walked; the document linted is the one it serves.
 */
import { execFile } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { createApp } from '../../src/http/app.js';

interface ListedRoute {
  path: string | RegExp;
  methods?: string[];
  router?: { listRoutes(): ListedRoute[]; caseSensitive?: boolean };
}
interface ServedRoute {
  method: string;
  path: string;
  caseSensitive: boolean;
}

/** Express paths (`/records/:id`) as OpenAPI paths (`/records/{id}`), mounted routers included. */
function servedRoutes(router: { listRoutes(): ListedRoute[]; caseSensitive?: boolean }, prefix = ''): ServedRoute[] {
  const routes: ServedRoute[] = [];
  for (const route of router.listRoutes()) {
    if (typeof route.path !== 'string') throw new Error(`a route with a RegExp path cannot be documented: ${String(route.path)}`);
    // A router's '/' is its mount path itself (app.use('/api/verify', router) with router.post('/')).
    const path = route.path === '/' && prefix ? prefix : prefix + route.path;
    if (route.router) {
      routes.push(...servedRoutes(route.router, path === '/' ? '' : path));
      continue;
    }
    // HEAD comes with every GET, and OPTIONS is the CORS preflight of public routes (cors.test.ts).
    for (const method of route.methods ?? []) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      if (method === '*') throw new Error(`router.all() at ${path} cannot be documented per method`);
      routes.push({ method: method.toLowerCase(), path: path.replace(/:(\w+)/g, '{$1}'), caseSensitive: router.caseSensitive === true });
    }
  }
  return routes;
}

/**
 * Served paths OpenAPI cannot list as paths of their own: a trailing slash is refused by
 * Redocly's no-path-trailing-slash rule, so /verify/ is described with /verify.
 */
const DESCRIBED_WITH: Record<string, string> = { '/verify/': '/verify', '/console/': '/console', '/holder/{token}/': '/holder/{token}' };

let saiga: OpenedAgent;
let server: Server;
let dir: string;
let served: ServedRoute[];
let document: { paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>> };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiga-openapi-'));
  const configPath = join(dir, 'agent.yml');
  // A realistic public URL: Redocly warns about a server on localhost (no-server-example.com).
  writeFileSync(configPath, renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'https://cites.dwc.gov.lk', didMethod: 'web' }));
  saiga = await openAgent({ configPath, initialise: true, env: {} });
  const app = createApp(saiga.capabilities);
  served = servedRoutes(app.router as unknown as { listRoutes(): ListedRoute[] });
  server = await new Promise<Server>((resolveListen) => {
    const listening = app.listen(0, '127.0.0.1', () => resolveListen(listening));
  });
  const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as typeof document;
});

afterAll(async () => {
  await new Promise((resolveClose) => server?.close(resolveClose));
  await saiga?.close();
  rmSync(dir, { recursive: true, force: true });
});

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;

describe('OpenAPI document and served routes', () => {
  it('finds the routes it must (the walk itself works)', () => {
    const keys = served.map((r) => key(r.method, r.path));
    expect(keys).toEqual(expect.arrayContaining(['GET /records/{id}', 'POST /api/verify', 'POST /api/permits', 'GET /api/permits/{number}/pdf', 'GET /verify/', 'GET /.well-known/did.json']));
  });

  it('documents every route express serves', () => {
    const documented = new Set(Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => key(method, path))));
    const undocumented = served.map((r) => key(r.method, DESCRIBED_WITH[r.path] ?? r.path)).filter((k) => !documented.has(k));
    expect(undocumented).toEqual([]);
  });

  it('serves every documented operation (a case-insensitive router serves /VERIFY as /verify)', () => {
    const servedKeys = new Set(served.map((r) => key(r.method, r.path)));
    const servedFolded = new Set(served.filter((r) => !r.caseSensitive).map((r) => key(r.method, r.path.toLowerCase())));
    const missing = Object.entries(document.paths)
      .flatMap(([path, item]) => Object.keys(item).map((method) => ({ method, path })))
      .filter(({ method, path }) => !servedKeys.has(key(method, path)) && !servedFolded.has(key(method, path.toLowerCase())));
    expect(missing).toEqual([]);
  });

  it('gives every operation an operationId and a security requirement (empty for public ones)', () => {
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ at: key(method, path), ...op })));
    expect(operations.filter((op) => !op.operationId || !Array.isArray(op.security)).map((op) => op.at)).toEqual([]);
    const publicOps = operations.filter((op) => op.security!.length === 0).map((op) => op.at);
    expect(publicOps).toContain('POST /api/verify');
    expect(publicOps.filter((at) => at.includes('/api/permits'))).toEqual([]);
  });

  it('passes Redocly lint with the recommended rules: no errors, no warnings', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(document, null, 2));
    const redocly = resolve('node_modules/.bin/redocly');
    const output = await new Promise<string>((resolveRun) => {
      execFile(
        redocly,
        ['lint', file, '--extends', 'recommended', '--format', 'json'],
        // No telemetry or update check: the test must not reach the network.
        { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', CI: 'true' }, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
        (_error, stdout) => resolveRun(stdout),
      );
    });
    const report = JSON.parse(output.slice(output.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: { ruleId: string; message: string }[] };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  }, 150_000);
});
