/**
 * The server refuses every action outside the role (issue 11 §4), for a console session and for a
 * bearer token alike, on every protected operation the OpenAPI document lists: not the console
 * hiding a screen, the route itself answering 403 FORBIDDEN. The table below is the roles each
 * operation admits; an operation added without its line here fails the first test.
 *
 * An admitted role may still be refused for what it asked (an unknown permit: 404, an empty
 * body: 400): the test asserts only that it is never 401 or 403, and that each refused role gets
 * exactly 403 FORBIDDEN.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { createApp } from '../../src/http/app.js';
import { API_CODES } from '../../src/codes.js';

type Role = 'officer' | 'customs' | 'admin';
const ROLES: readonly Role[] = ['officer', 'customs', 'admin'];
const ALL = ROLES;
const OFFICE: readonly Role[] = ['officer', 'admin'];

/** Who may call each protected operation (src/http/routes: each route's requireRole). */
const ADMITTED: Record<string, readonly Role[]> = {
  'GET /api/audit': ['admin'],
  'GET /api/dashboard': OFFICE,
  'GET /api/drafts': ['officer'],
  'POST /api/drafts': ['officer'],
  'GET /api/drafts/{id}': ['officer'],
  'PUT /api/drafts/{id}': ['officer'],
  'DELETE /api/drafts/{id}': ['officer'],
  'GET /api/permits.csv': ALL,
  'GET /api/exchange': ['admin'],
  'POST /api/exchange/messages/{id}/retry': ['admin'],
  'POST /api/imports/confirmations': ['customs'],
  'GET /api/imports': OFFICE,
  'GET /api/keys': ['admin'],
  'POST /api/keys/rotate': ['admin'],
  'POST /api/keys/{kid}/revoke': ['admin'],
  'POST /api/permits': ['officer'],
  'POST /api/permits/preview': ['officer'],
  'GET /api/permits': ALL,
  'GET /api/permits/{number}': ALL,
  'GET /api/permits/{number}/pdf': ['officer'],
  'GET /api/permits/{number}/qr': ['officer', 'customs', 'admin'],
  'GET /api/permits/{number}/status': ALL,
  'GET /api/permits/{number}/xml': OFFICE,
  'POST /api/permits/{number}/revoke': ['officer'],
  'POST /api/permits/{number}/suspend': ['officer'],
  'POST /api/permits/{number}/reinstate': ['officer'],
  'POST /api/permits/{number}/endorsements': ['customs'],
  'POST /api/permits/{number}/share': ['officer'],
  'GET /api/permits/{number}/shares': OFFICE,
  'POST /api/holder-links/{id}/revoke': ['officer'],
  'POST /api/permits/{number}/offers': ['officer'],
  'GET /api/reports/annual': OFFICE,
  'GET /api/reports/annual/findings': OFFICE,
  'GET /api/reports/annual/unused': OFFICE,
  'GET /api/reports/mirror': OFFICE,
  'GET /api/tokens': ['admin'],
  'POST /api/tokens': ['admin'],
  'POST /api/tokens/{id}/revoke': ['admin'],
  'GET /api/users': ['admin'],
  'POST /api/users': ['admin'],
  'POST /api/users/{id}/disable': ['admin'],
};

/**
 * Protected in the OpenAPI document but not by role: the session itself (signing in and out is
 * for anyone with an account), the peers' DID-authenticated toolkit lookup (src/toolkit-xml/lookup.ts),
 * and the verifier page's read of a wallet's answer, by the read token its request was given
 * (src/presentation-relay/relay.ts).
 */
const NOT_BY_ROLE = new Set([
  'POST /api/session',
  'GET /api/session',
  'DELETE /api/session',
  'GET /api/exchange/toolkit/permits/{number}',
  'GET /oid4vp/requests/{id}/response',
]);

let dir: string;
let saiga: OpenedAgent;
let server: Server;
let url: string;
let documented: string[];
const tokens = {} as Record<Role, string>;
const sessions = {} as Record<Role, { cookie: string; csrf: string }>;

async function call(method: string, path: string, headers: Record<string, string>) {
  const withBody = method === 'POST' || method === 'PUT';
  const response = await fetch(`${url}${path}`, { method, headers: { ...headers, ...(withBody && { 'content-type': 'application/json' }) }, body: withBody ? '{}' : undefined });
  const text = await response.text();
  let body: { error?: { code?: string } } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  return { status: response.status, code: body?.error?.code };
}

const concrete = (path: string) => path.replace('{number}', 'LK26-E000001').replace('{id}', '00000000-0000-4000-8000-000000000000');

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiga-role-matrix-'));
  const configPath = join(dir, 'agent.yml');
  writeFileSync(configPath, renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'http://127.0.0.1:9', didMethod: 'key' }));
  saiga = await openAgent({ configPath, initialise: true, env: {} });
  const app = createApp(saiga.capabilities, { logError: () => undefined });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const names: Record<Role, string> = { officer: 'Anoma Perera', customs: 'Kamal Fernando', admin: 'Nirmala Silva' };
  for (const role of ROLES) {
    tokens[role] = (await saiga.tokens.create(role, names[role])).token;
    const password = `${role}-password-2026`;
    const created = await saiga.capabilities.users.create({ username: `${role}1`, displayName: names[role], role, password, totp: false });
    expect(created.ok).toBe(true);
    const signed = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `${role}1`, password }) });
    expect(signed.status).toBe(201);
    sessions[role] = { cookie: signed.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await signed.json()) as { csrfToken: string }).csrfToken };
  }
  const openapi = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { security?: unknown[] }>> };
  documented = Object.entries(openapi.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, op]) => Array.isArray(op.security) && op.security.length > 0)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
  await saiga?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('roles on the server', () => {
  it('the table names every protected operation of the OpenAPI document, and only those', () => {
    expect(documented.filter((op) => !NOT_BY_ROLE.has(op)).sort()).toEqual(Object.keys(ADMITTED).sort());
  });

  it('without a token or a session, every protected operation answers 401 UNAUTHORIZED', async () => {
    for (const op of Object.keys(ADMITTED)) {
      const [method, path] = op.split(' ') as [string, string];
      expect([op, await call(method, concrete(path), {})]).toEqual([op, { status: 401, code: 'UNAUTHORIZED' }]);
    }
  });

  for (const kind of ['bearer token', 'console session'] as const) {
    it(`with a ${kind}: each role outside an operation's table gets 403 FORBIDDEN, each role in it is never refused for its role`, async () => {
      const outcomes: string[] = [];
      for (const [op, admitted] of Object.entries(ADMITTED)) {
        const [method, path] = op.split(' ') as [string, string];
        for (const role of ROLES) {
          const headers: Record<string, string> =
            kind === 'bearer token' ? { authorization: `Bearer ${tokens[role]}` } : { cookie: sessions[role].cookie, 'x-csrf-token': sessions[role].csrf };
          const answer = await call(method, concrete(path), headers);
          if (admitted.includes(role)) {
            if (answer.status === 401 || answer.status === 403) outcomes.push(`${op} as ${role}: refused ${answer.status} ${answer.code}`);
          } else if (answer.status !== 403 || answer.code !== 'FORBIDDEN') {
            outcomes.push(`${op} as ${role}: ${answer.status} ${answer.code}, not 403 FORBIDDEN`);
          }
        }
      }
      expect(outcomes).toEqual([]);
    });
  }

  it("the refusal is the API's FORBIDDEN, and names the role that may", async () => {
    const session = await fetch(`${url}/api/permits`, { method: 'POST', headers: { cookie: sessions.customs.cookie, 'x-csrf-token': sessions.customs.csrf, 'content-type': 'application/json' }, body: '{}' });
    expect(session.status).toBe(403);
    expect(await session.json()).toEqual({ error: { code: 'FORBIDDEN', message: 'A user with the role "customs" may not do this; it needs officer.' } });
    const bearer = await fetch(`${url}/api/users`, { headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(bearer.status).toBe(403);
    expect(((await bearer.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    expect(API_CODES.FORBIDDEN).toBe("This token's role may not do this.");
  });
});
