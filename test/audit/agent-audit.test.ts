/**
 * The audit trail of a real agent process: what `saiga serve` and its API write (start,
 * tokens, requests accepted and refused, issue, revoke), GET /api/audit for admins only,
 * `saiga audit checkpoint | verify | export | purge` on the same file, and tampering with the
 * file by sqlite3 named by verify.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken, initAuthority, readExample, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { sha256Hex } from '../../src/store/audit-log.js';
import { canonicalJson } from '../../src/vocab/canonical-json.js';
import jsYaml from 'js-yaml';

function sql<T = Record<string, unknown>>(file: string, statement: string, params: unknown[] = []): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.all(statement, params, (error, rows) => db.close(() => (error ? reject(error) : resolve(rows as T[]))));
  });
}

let init: Awaited<ReturnType<typeof initAuthority>>;
let agent: AuthorityProcess;
let file: string;
let admin: string;
let issued: string;

beforeAll(async () => {
  init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
  file = join(init.dir, 'data', 'agent.sqlite');
  agent = await serveAuthority(init);
  admin = await createToken(init.config, 'admin', 'Ada Gunasekara');
  const request = readExample('export-lk-orchids.json');
  const ok = await agent.api('/api/permits', { token: agent.officerToken, body: request });
  expect(ok.status).toBe(201);
  issued = ok.body.permitNumber;
  const refused = await agent.api('/api/permits', { token: agent.officerToken, body: { ...request, documentType: 'banana' } });
  expect(refused.status).toBe(422);
  const revoked = await agent.api(`/api/permits/${issued}/revoke`, { token: agent.officerToken, body: { reason: 'cancelled' } });
  expect(revoked.status).toBe(200);
}, 120_000);

afterAll(async () => {
  await agent?.stop();
});

describe('the audit trail of an agent', () => {
  it('records the start, the tokens, the request accepted and refused, the issue and the revocation', async () => {
    const rows = await sql<{ seq: number; action: string; actor_name: string; actor_token: string | null; subject: string | null; permit_number: string | null; details_json: string }>(
      file,
      'SELECT seq, action, actor_name, actor_token, subject, permit_number, details_json FROM audit_entry ORDER BY seq',
    );
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    const start = rows.find((r) => r.action === 'agent.start')!;
    // The hash of agent.yml as loaded (parsed, canonical): it holds no secret.
    const document = jsYaml.load(readFileSync(init.config, 'utf8'), { schema: jsYaml.CORE_SCHEMA });
    expect(JSON.parse(start.details_json).configHash).toBe(sha256Hex(canonicalJson(document)));
    expect(start.actor_name).toBe('system');
    const actions = rows.filter((r) => r.action !== 'agent.start').map((r) => [r.action, r.actor_name, r.permit_number]);
    expect(actions).toEqual([
      ['token.create', 'operator (command line)', null], // the first officer token, made by serve
      ['user.create', 'operator (command line)', null], // the first officer's console account, made by serve
      ['token.create', 'operator (command line)', null], // the admin token, made by `saiga token create`
      ['permit.request.accepted', 'Test Officer', issued],
      ['permit.issue', 'Test Officer', issued],
      ['permit.request.refused', 'Test Officer', null],
      ['permit.revoke', 'Test Officer', issued],
    ]);
    const officerToken = rows.find((r) => r.action === 'permit.issue')!.actor_token;
    expect(officerToken).toMatch(/^[0-9a-f-]{36}$/);
    const refusal = JSON.parse(rows.find((r) => r.action === 'permit.request.refused')!.details_json);
    expect(refusal.errors[0]).toMatchObject({ path: '/documentType' });
  });

  it('pages through GET /api/audit for an admin, by cursor, and refuses an officer', async () => {
    const first = await agent.api('/api/audit?limit=3', { token: admin });
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3]);
    expect(first.body.nextCursor).toBe('3');
    const second = await agent.api(`/api/audit?limit=100&cursor=${first.body.nextCursor}`, { token: admin });
    expect(second.body.items[0].seq).toBe(4);
    expect(second.body.nextCursor).toBeNull();
    const ofPermit = await agent.api(`/api/audit?permit=${issued}`, { token: admin });
    expect(ofPermit.body.items.map((e: { action: string }) => e.action)).toEqual(['permit.request.accepted', 'permit.issue', 'permit.revoke']);
    expect((await agent.api('/api/audit', { token: agent.officerToken })).status).toBe(403);
    const bad = await agent.api('/api/audit?limit=0', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'BAD_REQUEST', path: '/limit' });
  });

  it('exports the entries of a permit as JSON lines', async () => {
    const out = join(init.dir, 'audit.jsonl');
    const exported = await runCli(['audit', 'export', '--config', init.config, '--permit', issued, '--out', out, '--json']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toEqual({ exported: 3, out });
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.action)).toEqual(['permit.request.accepted', 'permit.issue', 'permit.revoke']);
    expect(lines[2]).toMatchObject({ permitNumber: issued, subject: issued, details: { reason: 'cancelled' } });
  });

  it('signs a checkpoint on demand, verifies, then names each tampering of the file', async () => {
    const checkpoint = await runCli(['audit', 'checkpoint', '--config', init.config, '--json']);
    expect(checkpoint.code, checkpoint.stderr).toBe(0);
    const head = (await sql<{ seq: number; hash: string }>(file, 'SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1'))[0]!;
    expect(JSON.parse(checkpoint.stdout).checkpoint).toMatchObject({ kind: 'checkpoint', seq: head.seq, headHash: head.hash });
    const verify = async () => {
      const run = await runCli(['audit', 'verify', '--config', init.config, '--json']);
      return { code: run.code, report: JSON.parse(run.stdout) };
    };
    expect(await verify()).toMatchObject({ code: 0, report: { ok: true, entries: head.seq, first: null } });

    // An officer's name changed with sqlite3: that entry.
    const [issue] = await sql<{ seq: number; actor_name: string }>(file, "SELECT seq, actor_name FROM audit_entry WHERE action = 'permit.issue'");
    await sql(file, "UPDATE audit_entry SET actor_name = 'Somebody Else' WHERE seq = ?", [issue!.seq]);
    expect(await verify()).toMatchObject({ code: 1, report: { ok: false, first: { code: 'AUDIT_HASH_MISMATCH', seq: issue!.seq } } });
    await sql(file, 'UPDATE audit_entry SET actor_name = ? WHERE seq = ?', [issue!.actor_name, issue!.seq]);
    expect((await verify()).report.ok).toBe(true);

    // The last two entries deleted after the checkpoint: the first of them.
    const saved = await sql(file, 'SELECT * FROM audit_entry WHERE seq > ? ORDER BY seq', [head.seq - 2]);
    await sql(file, 'DELETE FROM audit_entry WHERE seq > ?', [head.seq - 2]);
    expect(await verify()).toMatchObject({ code: 1, report: { first: { code: 'AUDIT_TAIL_TRUNCATED', seq: head.seq - 1 } } });

    // One entry deleted in the middle: that one.
    for (const row of saved) await sql(file, `INSERT INTO audit_entry (${Object.keys(row).join(', ')}) VALUES (${Object.keys(row).map(() => '?').join(', ')})`, Object.values(row));
    expect((await verify()).report.ok).toBe(true);
    await sql(file, 'DELETE FROM audit_entry WHERE seq = 3');
    expect(await verify()).toMatchObject({ code: 1, report: { first: { code: 'AUDIT_ENTRY_MISSING', seq: 3 } } });
  });

  it('names the admin token that created or revoked a token through the API', async () => {
    const created = await agent.api('/api/tokens', { token: admin, body: { role: 'customs', name: 'Nimal Silva' } });
    expect(created.status).toBe(201);
    expect((await agent.api(`/api/tokens/${created.body.id}/revoke`, { token: admin, body: {} })).status).toBe(200);
    const adminId = (await agent.api('/api/tokens', { token: admin })).body.items.find((t: { name: string }) => t.name === 'Ada Gunasekara').id;
    const rows = await sql<{ action: string; subject: string; actor_token: string; actor_name: string }>(file, "SELECT action, subject, actor_token, actor_name FROM audit_entry WHERE action LIKE 'token.%' AND subject = ?", [created.body.id]);
    expect(rows).toEqual([
      { action: 'token.create', subject: created.body.id, actor_token: adminId, actor_name: 'Ada Gunasekara' },
      { action: 'token.revoke', subject: created.body.id, actor_token: adminId, actor_name: 'Ada Gunasekara' },
    ]);
  });

  it('refuses to purge entries younger than 5 years, and deletes nothing', async () => {
    const before = await sql<{ n: number }>(file, 'SELECT COUNT(*) AS n FROM audit_entry');
    const purge = await runCli(['audit', 'purge', '--config', init.config, '--before', new Date().toISOString().slice(0, 10), '--officer', 'Ada Gunasekara', '--json']);
    expect(purge.code).toBe(1);
    expect(JSON.parse(purge.stdout).error.code).toBe('AUDIT_PURGE_REFUSED');
    expect(await sql<{ n: number }>(file, 'SELECT COUNT(*) AS n FROM audit_entry')).toEqual(before);
  });
});
