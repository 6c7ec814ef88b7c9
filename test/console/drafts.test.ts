/**
 * /api/drafts (issue 11 §2 "Drafts are saved") over a real agent with a pinned clock: save,
 * list, read, replace and delete a half-filled permit request, never checked against the
 * permit rules; title and size refused with their codes; officers only; every save and
 * delete in the audit trail with the person's name, for a token and for a console session.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CODES } from '../../src/codes.js';
import { queryFile } from '../helpers/read-database.js';
import { inProcessAgent, type InProcessAgent } from '../store/helpers.js';

let a: InProcessAgent;
beforeAll(async () => {
  a = await inProcessAgent(new Date('2026-12-02T09:00:00.000Z'));
}, 60_000);
afterAll(async () => a?.close());

async function send(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${a.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${a.officerToken}`, 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, location: response.headers.get('location') };
}

const HALF = { documentType: 'export', exporter: { name: 'Kandy Orchid Nurseries (Pvt) Ltd' }, specimens: [{ scientificName: 'Phalaenopsis' }] };

describe('drafts', () => {
  it('saves, lists, reads, replaces and deletes a draft, each save and delete audited with the officer', async () => {
    const created = await send('POST', '/api/drafts', { title: '  Orchids for Thalwil ', request: HALF });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.location).toBe(`/api/drafts/${id}`);
    const tokenId = (await a.saiga.tokens.list()).find((t) => t.name === 'Kamal Perera')!.id;
    expect(created.body).toEqual({ id, title: 'Orchids for Thalwil', request: HALF, ownerId: tokenId, ownerName: 'Kamal Perera', createdAt: '2026-12-02T09:00:00.000Z', updatedAt: '2026-12-02T09:00:00.000Z' });

    a.clock.now = new Date('2026-12-02T09:30:00.000Z');
    const second = await send('POST', '/api/drafts', { title: 'Elephant samples', request: {} });
    expect(second.status).toBe(201);
    expect(await a.api('/api/drafts', { token: a.officerToken })).toEqual({
      status: 200,
      body: {
        items: [
          { id: second.body.id, title: 'Elephant samples', ownerId: tokenId, ownerName: 'Kamal Perera', createdAt: '2026-12-02T09:30:00.000Z', updatedAt: '2026-12-02T09:30:00.000Z' },
          { id, title: 'Orchids for Thalwil', ownerId: tokenId, ownerName: 'Kamal Perera', createdAt: '2026-12-02T09:00:00.000Z', updatedAt: '2026-12-02T09:00:00.000Z' },
        ],
      },
    });

    a.clock.now = new Date('2026-12-02T10:00:00.000Z');
    const fuller = { ...HALF, importer: { name: 'Gartenbau Meier AG', country: 'CH' } };
    const replaced = await send('PUT', `/api/drafts/${id}`, { title: 'Orchids for Thalwil (2)', request: fuller });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({ title: 'Orchids for Thalwil (2)', request: fuller, createdAt: '2026-12-02T09:00:00.000Z', updatedAt: '2026-12-02T10:00:00.000Z' });
    expect((await a.api(`/api/drafts/${id}`, { token: a.officerToken })).body).toEqual(replaced.body);
    expect((await a.api('/api/drafts', { token: a.officerToken })).body.items.map((d: { id: string }) => d.id)).toEqual([id, second.body.id]);

    const deleted = await fetch(`${a.url}/api/drafts/${second.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${a.officerToken}` } });
    expect(deleted.status).toBe(204);
    const gone = await a.api(`/api/drafts/${second.body.id}`, { token: a.officerToken });
    expect(gone).toEqual({ status: 404, body: { error: { code: 'CONSOLE_DRAFT_NOT_FOUND', message: `There is no draft with the id ${second.body.id}.` } } });
    expect((await fetch(`${a.url}/api/drafts/${second.body.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${a.officerToken}` } })).status).toBe(404);
    expect((await send('PUT', `/api/drafts/${second.body.id}`, { title: 'x', request: {} })).status).toBe(404);

    const trail = await queryFile<{ actor_token: string; actor_name: string; action: string; subject: string; details_json: string }>(
      join(a.dir, 'data', 'agent.sqlite'),
      "SELECT actor_token, actor_name, action, subject, details_json FROM audit_entry WHERE action LIKE 'draft.%' ORDER BY seq",
    );
    expect(trail.map((e) => [e.actor_token, e.actor_name, e.action, e.subject, JSON.parse(e.details_json)])).toEqual([
      [tokenId, 'Kamal Perera', 'draft.save', id, { title: 'Orchids for Thalwil', created: true }],
      [tokenId, 'Kamal Perera', 'draft.save', second.body.id, { title: 'Elephant samples', created: true }],
      [tokenId, 'Kamal Perera', 'draft.save', id, { title: 'Orchids for Thalwil (2)', created: false }],
      [tokenId, 'Kamal Perera', 'draft.delete', second.body.id, { title: 'Elephant samples' }],
    ]);
  });

  it('refuses a bad title, a request that is not an object, unknown fields and a request over 64 KiB, saving nothing', async () => {
    const before = (await a.api('/api/drafts', { token: a.officerToken })).body.items.length;
    for (const [body, code, path] of [
      [{ request: {} }, 'CONSOLE_DRAFT_INVALID', '/title'],
      [{ title: '   ', request: {} }, 'CONSOLE_DRAFT_INVALID', '/title'],
      [{ title: 'a\nb', request: {} }, 'CONSOLE_DRAFT_INVALID', '/title'],
      [{ title: 'x'.repeat(201), request: {} }, 'CONSOLE_DRAFT_INVALID', '/title'],
      [{ title: 'x' }, 'CONSOLE_DRAFT_INVALID', '/request'],
      [{ title: 'x', request: [] }, 'CONSOLE_DRAFT_INVALID', '/request'],
      [{ title: 'x', request: {}, owner: 'me' }, 'CONSOLE_DRAFT_INVALID', '/owner'],
      [{ title: 'x', request: { remarks: 'x'.repeat(64 * 1024) } }, 'CONSOLE_DRAFT_TOO_LARGE', '/request'],
    ] as const) {
      const answer = await send('POST', '/api/drafts', body);
      expect([answer.status, answer.body.error.code, answer.body.error.path], JSON.stringify(body).slice(0, 60)).toEqual([code === 'CONSOLE_DRAFT_TOO_LARGE' ? 413 : 422, code, path]);
    }
    expect((await send('PUT', '/api/drafts/whatever', 'title=x', { 'content-type': 'application/x-www-form-urlencoded' })).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await a.api('/api/drafts', { token: a.officerToken })).body.items.length).toBe(before);
    expect(API_CODES.CONSOLE_DRAFT_TOO_LARGE).toContain('64 KiB');
  });

  it('is for officers: customs and admins are refused with 403 FORBIDDEN', async () => {
    for (const token of [a.customsToken, a.adminToken]) {
      const list = await a.api('/api/drafts', { token });
      const save = await a.api('/api/drafts', { token, body: { title: 'x', request: {} } });
      expect([list.status, list.body.error.code, save.status, save.body.error.code]).toEqual([403, 'FORBIDDEN', 403, 'FORBIDDEN']);
    }
  });

  it('a console session saves with the CSRF token and is audited with the user name; without it, 403 SESSION_CSRF_INVALID', async () => {
    expect((await a.api('/api/users', { token: a.adminToken, body: { username: 'anoma', displayName: 'Anoma Perera', role: 'officer', password: 'orchid-export-2026' } })).status).toBe(201);
    const signIn = await fetch(`${a.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'anoma', password: 'orchid-export-2026' }) });
    expect(signIn.status).toBe(201);
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const post = (headers: Record<string, string>) =>
      fetch(`${a.url}/api/drafts`, { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: JSON.stringify({ title: 'From the console', request: {} }) });
    const refused = await post({});
    expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([403, 'SESSION_CSRF_INVALID']);
    const saved = await post({ 'x-csrf-token': csrfToken });
    expect(saved.status).toBe(201);
    const draft = (await saved.json()) as { id: string; ownerId: string; ownerName: string };
    expect(draft.ownerName).toBe('Anoma Perera');
    expect(draft.ownerId).toMatch(/^user:/);
    const [entry] = await queryFile<{ actor_name: string }>(join(a.dir, 'data', 'agent.sqlite'), "SELECT actor_name FROM audit_entry WHERE action = 'draft.save' AND subject = ?", [draft.id]);
    expect(entry).toEqual({ actor_name: 'Anoma Perera' });
  });
});
