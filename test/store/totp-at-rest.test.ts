/**
 * The TOTP secret at rest in the database file (docs/console-sign-in.md): after
 * `saiga user create --totp` (the built CLI), the SQLite file read with the sqlite3 shell holds
 * the secret sealed (v1.…), nowhere in clear; read-only commands need the secret key only to seal one.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/agent-process.js';
import { TotpSecretBox } from '../../src/auth/totp-at-rest.js';
import { API_CODES } from '../../src/codes.js';

let dir: string;
let config: string;
let database: string;
// The key comes from data/secret.key here, never from the environment the tests run in.
const ENV = { SAIGA_USER_PASSWORD: 'orchid-export-2026', SAIGA_SECRET_KEY: undefined };

const sqlite = (sql: string) => execFileSync('sqlite3', [database, sql], { encoding: 'utf8' });

beforeAll(async () => {
  dir = tempDir('saiga-totp-at-rest-');
  config = join(dir, 'agent.yml');
  database = join(dir, 'data', 'agent.sqlite');
  const init = await runCli(['init', '--config', config, '--country', 'LK', '--name', 'Department of Wildlife Conservation', '--address', 'Battaramulla', '--place', 'Battaramulla', '--url', 'http://127.0.0.1:9', '--did-method', 'key', '--json'], ENV);
  expect(init.code, init.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the TOTP secret in the database file', () => {
  it('stores the secret sealed for its user: the database file holds no clear base32 secret', async () => {
    const created = await runCli(['user', 'create', 'anoma', '--name', 'Anoma Perera', '--role', 'officer', '--totp', '--config', config, '--json'], ENV);
    expect(created.code, created.stderr).toBe(0);
    const { id, totpUri } = JSON.parse(created.stdout) as { id: string; totpUri: string };
    const secret = /secret=([A-Z2-7]{32})&/.exec(totpUri)![1]!;

    const stored = sqlite(`SELECT totp_secret FROM app_user WHERE id = '${id}'`).trim();
    expect(stored).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/);
    expect(stored).not.toContain(secret);
    // Not in any table (the audit entry of the creation included), nor as bytes anywhere in the file.
    expect(sqlite('.dump')).not.toContain(secret);
    expect(readFileSync(database).includes(Buffer.from(secret))).toBe(false);
    // It opens with the key derived from data/secret.key, for this user only.
    const box = TotpSecretBox.fromAgentSecret(readFileSync(join(dir, 'data', 'secret.key'), 'utf8').trim());
    expect(box.open(id, stored)).toBe(secret);
    expect(box.open('another-user-id', stored)).toBeUndefined();
    expect(sqlite('SELECT version FROM saiga_migration WHERE version = 17').trim()).toBe('17');
  });

  it('without the secret key: a user without TOTP and `user list` still work; --totp is refused and writes nothing', async () => {
    const key = join(dir, 'data', 'secret.key');
    renameSync(key, `${key}.away`);
    try {
      const plain = await runCli(['user', 'create', 'kperera', '--name', 'K. Perera', '--role', 'customs', '--config', config, '--json'], ENV);
      expect(plain.code, plain.stderr).toBe(0);
      const listed = await runCli(['user', 'list', '--config', config, '--json']);
      expect(listed.code, listed.stderr).toBe(0);
      expect((JSON.parse(listed.stdout) as { items: { username: string; totp: boolean }[] }).items.map((u) => [u.username, u.totp])).toEqual([
        ['anoma', true],
        ['kperera', false],
      ]);
      const refused = await runCli(['user', 'create', 'ruwan', '--name', 'Ruwan Jayasinghe', '--role', 'admin', '--totp', '--config', config, '--json'], ENV);
      expect(refused.code).toBe(2);
      expect(JSON.parse(refused.stdout).error).toEqual({
        code: 'SECRET_INVALID',
        message: `no secret key: set SAIGA_SECRET_KEY or restore ${key} (the key store was created with another key)`,
      });
      expect(sqlite("SELECT count(*) FROM app_user WHERE username = 'ruwan'").trim()).toBe('0');
    } finally {
      renameSync(`${key}.away`, key);
    }
  });

  it('with another key in SAIGA_SECRET_KEY (not the one the agent started with): --totp and reset-totp are refused and write nothing', async () => {
    const key = join(dir, 'data', 'secret.key');
    const wrong = { ...ENV, SAIGA_SECRET_KEY: 'ab'.repeat(32) };
    const message = `the secret key in SAIGA_SECRET_KEY is not the one this agent was last started with (it does not match the database's key check): nothing was encrypted. Use the agent's key, or unset SAIGA_SECRET_KEY to use ${key}`;
    const before = sqlite("SELECT totp_secret FROM app_user WHERE username = 'anoma'").trim();
    const created = await runCli(['user', 'create', 'chamari', '--name', 'Chamari Silva', '--role', 'officer', '--totp', '--config', config, '--json'], wrong);
    expect(created.code).toBe(2);
    expect(JSON.parse(created.stdout).error).toEqual({ code: 'SECRET_INVALID', message });
    const reset = await runCli(['user', 'reset-totp', 'anoma', '--config', config, '--json'], wrong);
    expect(reset.code).toBe(2);
    expect(JSON.parse(reset.stdout).error).toEqual({ code: 'SECRET_INVALID', message });
    expect(sqlite("SELECT count(*) FROM app_user WHERE username = 'chamari'").trim()).toBe('0');
    expect(sqlite("SELECT totp_secret FROM app_user WHERE username = 'anoma'").trim()).toBe(before);
    // The check recorded is derived from the key (HKDF, its own label), never the key itself.
    const check = sqlite("SELECT value FROM secret_key_check WHERE purpose = 'totp-secret'").trim();
    const box = TotpSecretBox.fromAgentSecret(readFileSync(key, 'utf8').trim());
    expect(check).toBe(box.keyCheck);
    expect(check).not.toContain(readFileSync(key, 'utf8').trim());
  });

  it('saiga user reset-totp: a new secret, sealed, its URI shown once; the old one no longer opens the account', async () => {
    const before = sqlite("SELECT totp_secret FROM app_user WHERE username = 'anoma'").trim();
    const reset = await runCli(['user', 'reset-totp', 'anoma', '--config', config, '--json'], ENV);
    expect(reset.code, reset.stderr).toBe(0);
    const { id, username, totp, totpUri } = JSON.parse(reset.stdout) as { id: string; username: string; totp: boolean; totpUri: string };
    expect([username, totp]).toEqual(['anoma', true]);
    const secret = /secret=([A-Z2-7]{32})&/.exec(totpUri)![1]!;
    const after = sqlite(`SELECT totp_secret, totp_last_step IS NULL FROM app_user WHERE id = '${id}'`).trim().split('|');
    expect(after[0]).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/);
    expect(after[0]).not.toBe(before);
    expect(after[1]).toBe('1');
    expect(sqlite('.dump')).not.toContain(secret);
    const box = TotpSecretBox.fromAgentSecret(readFileSync(join(dir, 'data', 'secret.key'), 'utf8').trim());
    expect(box.open(id, after[0]!)).toBe(secret);
    expect(sqlite(`SELECT action FROM audit_entry WHERE subject = '${id}' ORDER BY seq DESC LIMIT 1`).trim()).toBe('user.totp-reset');

    const unknown = await runCli(['user', 'reset-totp', 'nobody', '--config', config, '--json'], ENV);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error).toEqual({ code: 'USER_NOT_FOUND', message: API_CODES.USER_NOT_FOUND });
  });
});
