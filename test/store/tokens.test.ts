/**
 * Defect 5: tokens can be listed, revoked and made to expire. A token revoked by the CLI
 * (its own process) is refused by the running agent at the very next request; an expired
 * one too (the clock is passed in). Holder names are checked alike in the CLI and the API.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { initAuthority, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { migrate } from '../../src/store/migrations.js';
import { inProcessAgent, type InProcessAgent } from './helpers.js';

let agent: InProcessAgent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

describe('tokens through the admin API', () => {
  it('creates (answering the token once), lists without secrets, revokes; a revoked token is 401 at once', async () => {
    agent = await inProcessAgent();
    const a = agent;
    const created = await a.api('/api/tokens', { token: a.adminToken, body: { role: 'officer', name: 'Sanduni Fernando', expires: '90d' } });
    expect(created.status).toBe(201);
    expect(Object.keys(created.body).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'name', 'revokedAt', 'role', 'token']);
    expect(created.body).toMatchObject({ role: 'officer', name: 'Sanduni Fernando', createdAt: '2026-12-01T12:00:00.000Z', expiresAt: '2027-03-01T12:00:00.000Z', revokedAt: null });
    const token = created.body.token as string;
    expect((await a.api('/api/permits', { token })).status).toBe(200);

    const listed = await a.api('/api/tokens', { token: a.adminToken });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((t: { name: string }) => t.name).sort()).toEqual(['Kamal Perera', 'Nadeesha Silva', 'Ruwan Jayasinghe', 'Sanduni Fernando']);
    expect(JSON.stringify(listed.body)).not.toContain('saiga_');
    expect(Object.keys(listed.body.items[0]).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'name', 'revokedAt', 'role']);

    const revoked = await a.api(`/api/tokens/${created.body.id}/revoke`, { token: a.adminToken, body: {} });
    expect([revoked.status, revoked.body.revokedAt]).toEqual([200, '2026-12-01T12:00:00.000Z']);
    const refused = await a.api('/api/permits', { token });
    expect([refused.status, refused.body.error]).toEqual([401, { code: 'UNAUTHORIZED', message: 'The bearer token was revoked at 2026-12-01T12:00:00.000Z.' }]);
    const again = await a.api(`/api/tokens/${created.body.id}/revoke`, { token: a.adminToken, body: {} });
    expect([again.status, again.body.error.code]).toEqual([409, 'CONFLICT']);
    expect((await a.api(`/api/tokens/${created.body.id}/revoke`, { token: a.adminToken, body: { reason: 'x' } })).body.error.path).toBe('/reason');
    expect((await a.api('/api/tokens/00000000-0000-4000-8000-000000000000/revoke', { token: a.adminToken, body: {} })).status).toBe(404);
  }, 60_000);

  it('only an admin token may manage tokens', async () => {
    agent = await inProcessAgent();
    const a = agent;
    expect((await a.api('/api/tokens', { token: a.officerToken })).status).toBe(403);
    expect((await a.api('/api/tokens', { token: a.customsToken, body: { role: 'admin', name: 'Mallory Smith' } })).status).toBe(403);
    expect((await a.api('/api/tokens')).status).toBe(401);
  }, 60_000);

  it('an expired token is 401 from the moment it expires', async () => {
    agent = await inProcessAgent();
    const a = agent;
    const created = await a.api('/api/tokens', { token: a.adminToken, body: { role: 'customs', name: 'Nimali Wickramasinghe', expires: '12h' } });
    expect(created.body.expiresAt).toBe('2026-12-02T00:00:00.000Z');
    a.clock.now = new Date('2026-12-01T23:59:59Z');
    expect((await a.api('/api/permits', { token: created.body.token })).status).toBe(200);
    a.clock.now = new Date('2026-12-02T00:00:00Z');
    const expired = await a.api('/api/permits', { token: created.body.token });
    expect([expired.status, expired.body.error.message]).toEqual([401, 'The bearer token was expired at 2026-12-02T00:00:00.000Z.']);
  }, 60_000);

  it('refuses bad names, roles, expiries and fields, with the path at fault', async () => {
    agent = await inProcessAgent();
    const a = agent;
    const cases: [unknown, string, RegExp][] = [
      [{ role: 'officer', name: 'Duty officer' }, '/name', /names a role, not a person/],
      [{ role: 'officer', name: 'A\nB' }, '/name', /control, invisible or direction characters or line breaks \(it holds U\+000A\)/],
      // Box 13 prints the name: what the permit's texts refuse, the name refuses (src/permit/text.ts).
      [{ role: 'officer', name: 'Kamal \u202ePerera' }, '/name', /\(it holds U\+202E\)/],
      [{ role: 'officer', name: 'Kamal\u200bPerera' }, '/name', /\(it holds U\+200B\)/],
      [{ role: 'officer', name: 'x'.repeat(121) }, '/name', /1 to 120 characters/],
      [{ role: 'officer', name: '   ' }, '/name', /1 to 120 characters/],
      [{ role: 'officer', name: '12345' }, '/name', /letters/],
      [{ role: 'officer' }, '/name', /must be text/],
      [{ role: 'root', name: 'Kamal Perera' }, '/role', /officer, customs, admin/],
      [{ role: 'officer', name: 'Kamal Perera', expires: 'soon' }, '/expires', /lifetime such as 90d/],
      [{ role: 'officer', name: 'Kamal Perera', expires: '2026-11-30' }, '/expires', /not in the future/],
      [{ role: 'officer', name: 'Kamal Perera', colour: 'blue' }, '/colour', /Unknown field/],
    ];
    for (const [body, path, message] of cases) {
      const answer = await a.api('/api/tokens', { token: a.adminToken, body });
      expect([answer.status, answer.body.error.code, answer.body.error.path], JSON.stringify(body)).toEqual([400, 'BAD_REQUEST', path]);
      expect(answer.body.error.message).toMatch(message);
    }
    expect((await a.api('/api/tokens', { token: a.adminToken })).body.items).toHaveLength(3);
  }, 60_000);
});

describe('the token expiry migration', () => {
  it('upgrades a database from before it (version 2): existing tokens keep working and never expire', async () => {
    agent = await inProcessAgent();
    const { saiga, officerToken } = agent;
    const versions = async () => (await saiga.db.all<{ version: number }>('SELECT version FROM saiga_migration ORDER BY version')).map((r) => r.version);
    const all = await versions();
    // Back to the schema of version 2, as a database made before expiry existed.
    await saiga.db.exec('ALTER TABLE api_token DROP COLUMN expires_at; DELETE FROM saiga_migration WHERE version = 3');
    expect(await versions()).toEqual(all.filter((v) => v !== 3));
    await migrate(saiga.db);
    expect(await versions()).toEqual(all);
    expect(all.slice(0, 3)).toEqual([1, 2, 3]);
    expect((await saiga.tokens.authenticate(officerToken))?.expiresAt).toBeNull();
    expect((await agent.api('/api/permits', { token: officerToken })).status).toBe(200);
  }, 60_000);
});

describe('tokens through the CLI, with a real agent serving', () => {
  let served: AuthorityProcess | undefined;
  afterAll(async () => served?.stop());

  it('token create shows the id and expiry, token list never a secret, token revoke makes the agent answer 401 at once', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    served = await serveAuthority(init);
    const created = await runCli(['token', 'create', '--role', 'officer', '--name', 'Sanduni Fernando', '--expires', '90d', '--config', init.config, '--json']);
    expect(created.code, created.stderr).toBe(0);
    const { id, token, expiresAt } = JSON.parse(created.stdout);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(89 * 86_400_000);
    expect((await served.api('/api/permits', { token })).status).toBe(200);

    const listed = await runCli(['token', 'list', '--config', init.config, '--json']);
    expect(listed.stdout).not.toContain('saiga_');
    expect(JSON.parse(listed.stdout).items.map((t: { name: string; revokedAt: null }) => [t.name, t.revokedAt]).sort()).toEqual([
      ['Sanduni Fernando', null],
      ['Test Officer', null],
    ]);
    const human = await runCli(['token', 'list', '--config', init.config]);
    expect(human.stdout).toMatch(new RegExp(`^${id}  officer  .*  expires \\d{4}-\\d{2}-\\d{2}  +active  +Sanduni Fernando$`, 'm'));

    const revoked = await runCli(['token', 'revoke', id, '--config', init.config, '--json']);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(JSON.parse(revoked.stdout).revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const refused = await served.api('/api/permits', { token });
    expect([refused.status, refused.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
    expect((await served.api('/api/permits', { token: served.officerToken })).status).toBe(200);
    expect((await runCli(['token', 'revoke', id, '--config', init.config])).code).toBe(1);
    expect((await runCli(['token', 'revoke', '--config', init.config])).code).toBe(2);
  }, 400_000);

  it('token create refuses role words, control characters and bad expiries with exit status 2', async () => {
    const init = await initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', didMethod: 'key' });
    for (const args of [
      ['--role', 'officer', '--name', 'Duty officer'],
      ['--role', 'officer', '--name', 'Kari\u0007Nordmann'],
      ['--role', 'officer', '--name', 'Kari Nordmann', '--expires', '90 days'],
    ]) {
      const result = await runCli(['token', 'create', ...args, '--config', init.config, '--json']);
      expect(result.code, args.join(' ')).toBe(2);
      expect(JSON.parse(result.stdout).error.code).toBe('BAD_REQUEST');
    }
    expect(JSON.parse((await runCli(['token', 'list', '--config', init.config, '--json'])).stdout).items).toEqual([]);
  }, 400_000);
});
