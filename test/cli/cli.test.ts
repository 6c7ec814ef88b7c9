/**
 * The `saiga` command line, run as a user would run it (the built CLI, real SQLite files).
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tempDir } from '../helpers/agent-process.js';

async function newKeyAgent(country = 'NO') {
  const dir = tempDir();
  const config = join(dir, 'agent.yml');
  const init = await runCli(['init', '--config', config, '--country', country, '--name', 'Norwegian Environment Agency', '--place', 'Trondheim', '--did-method', 'key', '--json']);
  expect(init.code, init.stderr).toBe(0);
  return { dir, config, init: JSON.parse(init.stdout) as { did: string; customsDid: string; wroteConfig: boolean; createdIdentity: boolean } };
}

describe('saiga init', () => {
  it('writes agent.yml and a did:key identity; running it again changes nothing', async () => {
    const { dir, config, init } = await newKeyAgent();
    expect(init.wroteConfig).toBe(true);
    expect(init.createdIdentity).toBe(true);
    expect(init.did).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(init.customsDid).toMatch(/^did:key:z6Mk[1-9A-HJ-NP-Za-km-z]+$/);
    expect(init.customsDid).not.toBe(init.did);
    const yaml = readFileSync(config, 'utf8');
    expect(yaml).not.toMatch(/[0-9a-f]{64}/); // no secret in the config
    expect(statSync(join(dir, 'data', 'secret.key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data', 'agent.sqlite')).mode & 0o777).toBe(0o600);
    const again = await runCli(['init', '--config', config, '--json']);
    expect(JSON.parse(again.stdout)).toEqual({ config, wroteConfig: false, createdIdentity: false, did: init.did, customsDid: init.customsDid });
    expect(readFileSync(config, 'utf8')).toBe(yaml);
  });

  it('derives did:web from the URL, port percent-encoded', async () => {
    const config = join(tempDir(), 'agent.yml');
    const init = await runCli(['init', '--config', config, '--country', 'LK', '--url', 'http://localhost:8123', '--json']);
    expect(JSON.parse(init.stdout)).toMatchObject({ did: 'did:web:localhost%3A8123', customsDid: 'did:web:localhost%3A8123:customs' });
  });

  it('needs a country for a new agent', async () => {
    const result = await runCli(['init', '--config', join(tempDir(), 'agent.yml'), '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toEqual({ code: 'BAD_REQUEST', message: 'a new agent needs --country (ISO 3166 alpha-2, e.g. --country LK)' });
  });
});

describe('issuing, reading and verifying from the CLI', () => {
  it('issues a permit file, shows it, lists it and verifies it', async () => {
    const { config, init } = await newKeyAgent();
    const issued = await runCli(['permit', 'issue', join(EXAMPLES, 'export-no-captive-bred-parrots.json'), '--config', config, '--signatory', 'Kari Nordmann', '--json']);
    expect(issued.code, issued.stderr).toBe(0);
    const { permitNumber, id, jwt } = JSON.parse(issued.stdout);
    expect(permitNumber).toMatch(/^NO\d{2}-E000001$/);
    expect(id).toMatch(/^urn:uuid:/);

    const shown = JSON.parse((await runCli(['permit', 'show', permitNumber, '--config', config, '--json'])).stdout);
    expect(shown).toMatchObject({ permitNumber, id, jwt, signatory: 'Kari Nordmann', issuer: init.did });
    const listed = JSON.parse((await runCli(['permit', 'list', '--config', config, '--json'])).stdout);
    expect(listed.total).toBe(1);

    const verified = await runCli(['verify', jwt, '--config', config, '--json']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout).verified).toBe(true);
    const human = await runCli(['verify', jwt, '--config', config]);
    expect(human.stdout.split("\n")[0]).toBe(`VALID [valid, not yet used] — ${permitNumber} issued by Norwegian Environment Agency (NO)`);

    // A file holding the JWT works too; a pinned clock after valid-until gives EXPIRED and exit status 1.
    const file = join(tempDir(), 'permit.jwt');
    writeFileSync(file, `${jwt}\n`);
    const expired = await runCli(['verify', file, '--config', config, '--at', '2031-01-01T00:00:00Z', '--json']);
    expect(expired.code).toBe(1);
    expect(JSON.parse(expired.stdout).checks.map((c: { code: string }) => c.code)).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'EXPIRED', 'OK', 'OK', 'OK']);
  });

  it('refuses a request that breaks the rules, with exit status 1 and every error', async () => {
    const { config } = await newKeyAgent();
    const request = JSON.parse(readFileSync(join(EXAMPLES, 'export-no-captive-bred-parrots.json'), 'utf8'));
    delete request.specimens[0].operationNumber;
    const file = join(tempDir(), 'bad.json');
    writeFileSync(file, JSON.stringify(request));
    const refused = await runCli(['permit', 'issue', file, '--config', config, '--signatory', 'Kari Nordmann', '--json']);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([
      ['OPERATION_NUMBER_REQUIRED', '/specimens/0/operationNumber'],
    ]);
    expect(JSON.parse((await runCli(['permit', 'list', '--config', config, '--json'])).stdout).total).toBe(0);
  });

  it('creates tokens shown once and stores only their hash', async () => {
    const { dir, config } = await newKeyAgent();
    const created = await runCli(['token', 'create', '--role', 'customs', '--name', 'Ola Tollbetjent', '--config', config, '--json']);
    const { token, role, name } = JSON.parse(created.stdout);
    expect([role, name]).toEqual(['customs', 'Ola Tollbetjent']);
    expect(token).toMatch(/^saiga_[A-Za-z0-9_-]{43}$/);
    expect(readFileSync(join(dir, 'data', 'agent.sqlite')).includes(Buffer.from(token))).toBe(false);
    const bad = await runCli(['token', 'create', '--role', 'root', '--name', 'x', '--config', config]);
    expect(bad.code).toBe(2);
  });
});

describe('the permit lifecycle from the CLI', () => {
  it('endorses, suspends, shows the status with its history, reinstates and revokes; refusals exit 1 with codes', async () => {
    const { config } = await newKeyAgent();
    const issued = JSON.parse((await runCli(['permit', 'issue', join(EXAMPLES, 'export-no-captive-bred-parrots.json'), '--config', config, '--signatory', 'Kari Nordmann', '--json'])).stdout);
    const n = issued.permitNumber as string;
    const today = new Date().toISOString().slice(0, 10);
    const over = await runCli(['endorse', n, '--block', 'A=5', '--port', 'NOOSL', '--transport-doc', 'AWB 1', '--date', today, '--officer', 'Ola Toll', '--config', config, '--json']);
    expect(over.code).toBe(1);
    expect(JSON.parse(over.stdout).error.errors.map((e: { code: string }) => e.code)).toEqual(['QUANTITY_EXCEEDED']);
    const endorsed = await runCli(['endorse', n, '--block', 'A=4', '--port', 'NOOSL', '--transport-doc', 'AWB 1', '--date', today, '--officer', 'Ola Toll', '--config', config, '--json']);
    expect(endorsed.code, endorsed.stderr).toBe(0);
    expect(JSON.parse(endorsed.stdout).endorsement.blocks).toEqual([{ block: 'A', quantity: 4, unit: 'NAR' }]);
    expect((await runCli(['permit', 'suspend', n, '--reason', 'inquiry', '--officer', 'Kari Nordmann', '--config', config, '--json'])).code).toBe(0);
    const status = JSON.parse((await runCli(['permit', 'status', n, '--config', config, '--json'])).stdout);
    expect(status.state).toBe('suspended');
    expect(status.history.map((h: { action: string; actor: string; reason: string | null }) => [h.action, h.actor, h.reason])).toEqual([
      ['issue', 'Kari Nordmann', null],
      ['endorse', 'Ola Toll', `A 4 NAR; NOOSL ${today}`],
      ['suspend', 'Kari Nordmann', 'inquiry'],
    ]);
    const verified = JSON.parse((await runCli(['verify', issued.jwt, '--config', config, '--json'])).stdout);
    expect([verified.verified, verified.state, verified.blocks[0].exported]).toEqual([false, 'suspended', { quantity: 4, unit: 'NAR' }]);
    expect((await runCli(['permit', 'reinstate', n, '--officer', 'Kari Nordmann', '--config', config])).code).toBe(0);
    const used = JSON.parse((await runCli(['verify', issued.jwt, '--config', config, '--json'])).stdout);
    expect([used.verified, used.state]).toEqual([true, 'used']);
    const noReason = await runCli(['permit', 'revoke', n, '--officer', 'Kari Nordmann', '--config', config, '--json']);
    expect([noReason.code, JSON.parse(noReason.stdout).error.errors[0].code]).toEqual([1, 'REVOCATION_REASON_REQUIRED']);
    expect((await runCli(['permit', 'revoke', n, '--reason', 'fraud', '--officer', 'Kari Nordmann', '--config', config])).code).toBe(0);
    const human = await runCli(['verify', issued.jwt, '--config', config]);
    expect(human.code).toBe(1);
    expect(human.stdout.split('\n')[0]).toBe('NOT VALID [REVOKED] — The issuing authority has cancelled this permit. It must not be used. Reason: fraud.');
    const badBlock = await runCli(['endorse', n, '--block', 'A:4', '--officer', 'Ola Toll', '--config', config]);
    expect(badBlock.code).toBe(2);
  });
});

describe('secrets and configuration fail at start, clearly', () => {
  it('a wrong SAIGA_SECRET_KEY fails at once with a clear message', async () => {
    const { config } = await newKeyAgent();
    // A command that opens the key store (read-only ones and the token commands never do: test/cli/read-only.test.ts).
    const result = await runCli(['trust-list', '--config', config, '--json'], { SAIGA_SECRET_KEY: '7'.repeat(64) });
    expect(result.code).toBe(2);
    const error = JSON.parse(result.stdout).error;
    expect(error.code).toBe('SECRET_INVALID');
    expect(error.message).toMatch(/^the secret key does not open the key store in .*agent\.sqlite/);
  });

  it('a secret file readable by others is refused', async () => {
    const { dir, config } = await newKeyAgent();
    chmodSync(join(dir, 'data', 'secret.key'), 0o644);
    const result = await runCli(['trust-list', '--config', config, '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toEqual({
      code: 'SECRET_INVALID',
      message: `${join(dir, 'data', 'secret.key')} has mode 644; it must be readable by its owner only (chmod 600 ${join(dir, 'data', 'secret.key')})`,
    });
  });

  it('an unknown key in agent.yml is refused with its path', async () => {
    const { config } = await newKeyAgent();
    writeFileSync(config, readFileSync(config, 'utf8').replace('saiga:\n', 'saiga:\n  colour: blue\n'));
    const result = await runCli(['permit', 'list', '--config', config, '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error).toEqual({ code: 'CONFIG_INVALID', message: 'must NOT have additional properties "colour" (at /saiga)' });
  });

  it('commands other than init and serve do not create an agent', async () => {
    const result = await runCli(['permit', 'list', '--config', join(tempDir(), 'agent.yml'), '--json']);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).error.code).toBe('CONFIG_INVALID');
  });
});
