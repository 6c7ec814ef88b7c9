/**
 * Console sign-in over a real agent (SQLite file, HTTP on loopback) with a pinned clock:
 * the cookie, CSRF, idle and absolute expiry, sign-out on the server, lockout, TOTP, roles,
 * and the session user's name as the actor (box 13). docs/console-sign-in.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { createApp } from '../../src/http/app.js';
import { totpCode } from '../../src/auth/totp.js';
import { API_CODES } from '../../src/codes.js';
import { readExample } from '../helpers/agent-process.js';

const START = Date.parse('2026-12-02T08:00:00.000Z');
let clock = START;
const advance = (ms: number) => (clock += ms);
const MINUTE = 60_000;

let dir: string;
let saiga: OpenedAgent;
let server: Server;
let url: string;
let admin: string;

interface Answer { status: number; body: any; headers: Headers }

async function call(path: string, init: { method?: string; token?: string; cookie?: string; csrf?: string; body?: unknown } = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.csrf !== undefined) headers['x-csrf-token'] = init.csrf;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${url}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

const PASSWORD = 'orchid-export-2026';

async function createUser(username: string, displayName: string, role: string, totp = false): Promise<Answer> {
  const created = await call('/api/users', { token: admin, body: { username, displayName, role, password: PASSWORD, ...(totp && { totp: true }) } });
  expect(created.status).toBe(201);
  return created;
}

/** Signs in and returns the cookie pair to send back and the CSRF token. */
async function signIn(username: string, password = PASSWORD, totp?: string): Promise<{ cookie: string; csrf: string; answer: Answer }> {
  const answer = await call('/api/session', { body: { username, password, ...(totp !== undefined && { totp }) } });
  const setCookie = answer.headers.get('set-cookie') ?? '';
  return { cookie: setCookie.split(';')[0]!, csrf: answer.body?.csrfToken, answer };
}

const FAILED = { error: { code: 'AUTH_SIGN_IN_FAILED', message: API_CODES.AUTH_SIGN_IN_FAILED } };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiga-sign-in-'));
  const configPath = join(dir, 'agent.yml');
  // These tests refuse far more than 20 sign-ins from 127.0.0.1; the per-address limit is test/console/sign-in-limit.test.ts's.
  const yaml = renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'http://127.0.0.1:9', didMethod: 'key' });
  writeFileSync(configPath, yaml.replace(/^saiga:\n/m, 'saiga:\n  console:\n    signInAttemptsPerIp: 1000\n'));
  saiga = await openAgent({ configPath, initialise: true, env: {}, now: () => new Date(clock) });
  const app = createApp(saiga.capabilities, { logError: () => undefined });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = (await saiga.tokens.create('admin', 'Ruwan Jayasinghe')).token;
  await createUser('anoma', 'Anoma Perera', 'officer');
  await createUser('kperera', 'K. Perera', 'customs');
  await createUser('ruwan', 'Ruwan Jayasinghe', 'admin');
}, 60_000);

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
  await saiga?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('POST /api/session', () => {
  it('signs in and sets an HttpOnly, SameSite=Strict cookie, without Secure on loopback http', async () => {
    const { answer } = await signIn('ANOMA');
    expect(answer.status).toBe(201);
    expect(answer.headers.get('set-cookie')).toMatch(/^saiga_session=ss_[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict$/);
    expect(answer.body).toEqual({
      user: { id: expect.any(String), username: 'anoma', displayName: 'Anoma Perera', role: 'officer' },
      csrfToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      createdAt: new Date(clock).toISOString(),
      idleExpiresAt: new Date(clock + 30 * MINUTE).toISOString(),
      absoluteExpiresAt: new Date(clock + 12 * 60 * MINUTE).toISOString(),
    });
    expect(answer.headers.get('cache-control')).toBe('no-store');
  });

  it('answers an unknown user exactly as a wrong password', async () => {
    const unknown = await signIn('nobody-here');
    const wrong = await signIn('kperera', 'not-the-password!');
    expect(unknown.answer.status).toBe(401);
    expect(wrong.answer.status).toBe(401);
    expect(unknown.answer.body).toEqual(FAILED);
    expect(wrong.answer.body).toEqual(FAILED);
    expect(unknown.answer.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an unknown field', async () => {
    const answer = await call('/api/session', { body: { username: 'anoma', password: PASSWORD, remember: true } });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ code: 'BAD_REQUEST', path: '/remember' });
  });
});

describe('a session on the API', () => {
  it('GET /api/session shows who is signed in and the CSRF token', async () => {
    const { cookie, csrf } = await signIn('anoma');
    const shown = await call('/api/session', { cookie });
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ user: { username: 'anoma', displayName: 'Anoma Perera', role: 'officer' }, csrfToken: csrf });
    expect((await call('/api/session')).body.error.code).toBe('UNAUTHORIZED');
  });

  it('refuses a state-changing request without the CSRF token, or with a wrong one (403), and takes it with the right one', async () => {
    const { cookie, csrf } = await signIn('ruwan');
    const body = { role: 'officer', name: 'Nimal Silva' };
    const missing = await call('/api/tokens', { cookie, body });
    expect(missing.status).toBe(403);
    expect(missing.body).toEqual({ error: { code: 'SESSION_CSRF_INVALID', message: API_CODES.SESSION_CSRF_INVALID } });
    const wrong = await call('/api/tokens', { cookie, csrf: `${csrf.slice(0, -1)}${csrf.endsWith('A') ? 'B' : 'A'}`, body });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe('SESSION_CSRF_INVALID');
    expect((await saiga.tokens.list()).map((t) => t.name)).not.toContain('Nimal Silva');
    const right = await call('/api/tokens', { cookie, csrf, body });
    expect(right.status).toBe(201);
    // A read needs no CSRF token.
    expect((await call('/api/tokens', { cookie })).status).toBe(200);
  });

  it('refuses a cross-site form post carrying the cookie: not JSON (415), and with no CSRF token in any case', async () => {
    const { cookie } = await signIn('ruwan');
    const before = (await saiga.tokens.list()).length;
    const form = await fetch(`${url}/api/tokens`, { method: 'POST', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' }, body: 'role=admin&name=Mallory+Smith' });
    expect(form.status).toBe(415);
    const plain = await fetch(`${url}/api/session`, { method: 'DELETE', headers: { cookie, origin: 'https://evil.example' } });
    expect(plain.status).toBe(403);
    expect(((await plain.json()) as any).error.code).toBe('SESSION_CSRF_INVALID');
    expect((await saiga.tokens.list()).length).toBe(before);
    expect((await call('/api/session', { cookie })).status).toBe(200);
  });

  it('a bearer token wins over a cookie and needs no CSRF token (machines are unchanged)', async () => {
    const { cookie } = await signIn('kperera');
    const answer = await call('/api/tokens', { token: admin, cookie, body: { role: 'customs', name: 'Lasantha Kumara' } });
    expect(answer.status).toBe(201);
    expect(answer.body.name).toBe('Lasantha Kumara');
  });

  it("another session's CSRF token does not do", async () => {
    const one = await signIn('ruwan');
    const other = await signIn('ruwan');
    const answer = await call('/api/tokens', { cookie: one.cookie, csrf: other.csrf, body: { role: 'officer', name: 'Chamari Fernando' } });
    expect(answer.status).toBe(403);
    expect(answer.body.error.code).toBe('SESSION_CSRF_INVALID');
  });

  it('a customs session cannot issue (403) and cannot list tokens; bearer tokens are unchanged', async () => {
    const { cookie, csrf } = await signIn('kperera');
    const issue = await call('/api/permits', { cookie, csrf, body: readExample('export-lk-orchids.json') });
    expect(issue.status).toBe(403);
    expect(issue.body.error).toEqual({ code: 'FORBIDDEN', message: 'A user with the role "customs" may not do this; it needs officer.' });
    expect((await call('/api/tokens', { cookie })).status).toBe(403);
    expect((await call('/api/tokens', { token: admin })).status).toBe(200);
  });

  it("an officer session issues, and box 13's signatory and the history's actor are the user's display name", async () => {
    const { cookie, csrf, answer } = await signIn('anoma');
    const issued = await call('/api/permits', { cookie, csrf, body: readExample('export-lk-orchids.json') });
    expect(issued.status).toBe(201);
    const stored = await saiga.capabilities.records.permit(issued.body.permitNumber);
    expect(stored?.signatory).toBe('Anoma Perera');
    const revoked = await call(`/api/permits/${issued.body.permitNumber}/revoke`, { cookie, csrf, body: { reason: 'lost' } });
    expect(revoked.status).toBe(200);
    const status = await call(`/api/permits/${issued.body.permitNumber}/status`, { cookie });
    expect(JSON.stringify(status.body)).toContain('Anoma Perera');
    expect(stored?.issuedByToken).toBe(`user:${answer.body.user.id}`);
  });
});

describe('the end of a session', () => {
  it('sign-out ends the session on the server: the same cookie is then refused (401)', async () => {
    const { cookie, csrf } = await signIn('anoma');
    const noCsrf = await call('/api/session', { method: 'DELETE', cookie });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.headers.get('set-cookie')).toBeNull();
    const out = await call('/api/session', { method: 'DELETE', cookie, csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toBe('saiga_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0');
    const again = await call('/api/session', { cookie });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('SESSION_EXPIRED');
    expect((await call('/api/permits', { cookie })).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('ends after 30 idle minutes (agent.yml default), and each request restarts the idle clock', async () => {
    const { cookie } = await signIn('anoma');
    advance(29 * MINUTE);
    expect((await call('/api/permits', { cookie })).status).toBe(200);
    advance(29 * MINUTE);
    const shown = await call('/api/session', { cookie });
    expect(shown.status).toBe(200);
    expect(shown.body.idleExpiresAt).toBe(new Date(clock + 30 * MINUTE).toISOString());
    advance(30 * MINUTE);
    const expired = await call('/api/session', { cookie });
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('SESSION_EXPIRED');
    // Ended for good: going back in time does not revive it.
    advance(-10 * MINUTE);
    expect((await call('/api/session', { cookie })).status).toBe(401);
    advance(10 * MINUTE);
  });

  it('ends 12 hours after sign-in however busy it is', async () => {
    const { cookie } = await signIn('anoma');
    for (let i = 0; i < 28; i++) {
      advance(25 * MINUTE);
      expect((await call('/api/session', { cookie })).status, `after ${(i + 1) * 25} minutes`).toBe(200);
    }
    advance(25 * MINUTE); // 725 minutes > 12 h
    expect((await call('/api/session', { cookie })).body.error.code).toBe('SESSION_EXPIRED');
  });

  it("disabling a user ends their sessions, and they cannot sign in", async () => {
    await createUser('temp.officer', 'Nadeesha Wijesinghe', 'officer');
    const { cookie } = await signIn('temp.officer');
    const list = await call('/api/users', { token: admin });
    const id = list.body.items.find((u: any) => u.username === 'temp.officer').id;
    const disabled = await call(`/api/users/${id}/disable`, { token: admin, body: {} });
    expect(disabled.status).toBe(200);
    expect(disabled.body.disabledAt).toBe(new Date(clock).toISOString());
    expect((await call('/api/session', { cookie })).body.error.code).toBe('SESSION_EXPIRED');
    expect((await signIn('temp.officer')).answer.body).toEqual(FAILED);
    expect((await call(`/api/users/${id}/disable`, { token: admin, body: {} })).status).toBe(409);
  });
});

describe('lockout', () => {
  it('locks the account for 15 minutes after 5 failures in a row, then lets the right password in', async () => {
    await createUser('lock.me', 'Sunil Bandara', 'officer');
    for (let i = 0; i < 5; i++) expect((await signIn('lock.me', `wrong-password-${i}`)).answer.body).toEqual(FAILED);
    const locked = await signIn('lock.me');
    expect(locked.answer.status).toBe(401);
    expect(locked.answer.body).toEqual(FAILED);
    const users = await call('/api/users', { token: admin });
    expect(users.body.items.find((u: any) => u.username === 'lock.me').lockedUntil).toBe(new Date(clock + 15 * MINUTE).toISOString());
    advance(15 * MINUTE - 1000);
    expect((await signIn('lock.me')).answer.status).toBe(401);
    advance(1000);
    expect((await signIn('lock.me')).answer.status).toBe(201);
  });

  it('counts failures in a row only: a success starts the count again', async () => {
    await createUser('count.me', 'Priyanka Dias', 'officer');
    for (let i = 0; i < 4; i++) await signIn('count.me', 'wrong-password-x');
    expect((await signIn('count.me')).answer.status).toBe(201);
    for (let i = 0; i < 4; i++) await signIn('count.me', 'wrong-password-x');
    expect((await signIn('count.me')).answer.status).toBe(201);
  });
});

describe('TOTP', () => {
  let secret: string;
  beforeAll(async () => {
    const created = await createUser('two.factor', 'Dilani Gunawardena', 'officer', true);
    expect(created.body.totp).toBe(true);
    expect(created.body.totpUri).toMatch(/^otpauth:\/\/totp\/Department%20of%20Wildlife%20Conservation:two\.factor\?issuer=Department%20of%20Wildlife%20Conservation&secret=[A-Z2-7]{32}&algorithm=SHA1&digits=6&period=30$/);
    secret = /secret=([A-Z2-7]+)/.exec(created.body.totpUri)![1]!;
    expect(JSON.stringify((await call('/api/users', { token: admin })).body)).not.toContain(secret);
  });

  it('needs the code: none, or a wrong one, fails alike', async () => {
    expect((await signIn('two.factor')).answer.body).toEqual(FAILED);
    const code = totpCode(secret, new Date(clock));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await signIn('two.factor', PASSWORD, wrong)).answer.body).toEqual(FAILED);
    expect((await signIn('two.factor', 'wrong-password-1', code)).answer.body).toEqual(FAILED);
  });

  it('takes the right code once, refuses it replayed, and takes one step either side', async () => {
    advance(60_000);
    const code = totpCode(secret, new Date(clock));
    expect((await signIn('two.factor', PASSWORD, code)).answer.status).toBe(201);
    expect((await signIn('two.factor', PASSWORD, code)).answer.body).toEqual(FAILED);
    // The next step's code, typed 30 s early (clock drift): accepted.
    advance(60_000);
    expect((await signIn('two.factor', PASSWORD, totpCode(secret, new Date(clock + 30_000)))).answer.status).toBe(201);
    // Two steps ahead: refused.
    advance(60_000);
    expect((await signIn('two.factor', PASSWORD, totpCode(secret, new Date(clock + 60_000)))).answer.body).toEqual(FAILED);
    // The previous step's code is the one accepted last (a replay): refused.
    expect((await signIn('two.factor', PASSWORD, totpCode(secret, new Date(clock - 30_000)))).answer.body).toEqual(FAILED);
    // A minute later, the previous step's code, within the window and never used: accepted (clock drift the other way).
    advance(60_000);
    expect((await signIn('two.factor', PASSWORD, totpCode(secret, new Date(clock - 30_000)))).answer.status).toBe(201);
  });
});

describe('the audit trail (issue 10 §3): accounts and sign-ins, with the person', () => {
  it('records who created and disabled an account, each sign-in with the user, and each refused sign-in with its reason', async () => {
    const before = (await saiga.capabilities.audit.page({ limit: 1000 })).entries.length;
    const created = await createUser('audit.me', 'Chamari Silva', 'officer');
    await signIn('audit.me');
    await signIn('audit.me', 'not-the-password-1');
    await signIn('nobody.here');
    await call(`/api/users/${created.body.id}/disable`, { token: admin, body: {} });
    await signIn('audit.me');
    const entries = (await saiga.capabilities.audit.page({ limit: 1000 })).entries.slice(before);
    const adminToken = (await saiga.tokens.list()).find((t) => t.name === 'Ruwan Jayasinghe' && t.role === 'admin')!;
    expect(entries.map((e) => [e.action, e.actorName, e.actorToken, (e.details as { reason?: string }).reason ?? null])).toEqual([
      ['user.create', 'Ruwan Jayasinghe', adminToken.id, null],
      ['session.sign-in', 'Chamari Silva', `user:${created.body.id}`, null],
      ['session.sign-in-refused', 'anonymous (sign-in)', null, 'wrong password'],
      ['session.sign-in-refused', 'anonymous (sign-in)', null, 'unknown user'],
      ['user.disable', 'Ruwan Jayasinghe', adminToken.id, null],
      ['session.sign-in-refused', 'anonymous (sign-in)', null, 'disabled'],
    ]);
    // Never a password, its hash or a TOTP secret.
    expect(JSON.stringify(entries)).not.toMatch(/orchid-export-2026|not-the-password|\$scrypt\$/);
    expect((await saiga.capabilities.audit.verify()).ok).toBe(true);
  });
});
