/**
 * Migration 17 (docs/console-sign-in.md "The TOTP secret at rest"): a database at migration 16
 * with clear TOTP secrets gets them sealed, all in one transaction or none, and sign-in with a
 * code still works. A sealed secret that does not open refuses the sign-in (AUTH_SIGN_IN_FAILED,
 * the audit entry naming TOTP_SECRET_UNREADABLE) and unlocks nothing. Real SQLite files, the
 * agent opened in this process with a pinned clock; the 16 state is made with the sqlite3 shell.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { totpCode } from '../../src/auth/totp.js';
import { TotpSecretBox } from '../../src/auth/totp-at-rest.js';
import { migrate, MIGRATIONS } from '../../src/store/migrations.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { runCli } from '../helpers/agent-process.js';

const START = Date.parse('2026-12-02T08:00:00.000Z');
let clock = START;
const PASSWORD = 'orchid-export-2026';

let dir: string;
let configPath: string;
let database: string;
let box: TotpSecretBox;
/** username → [id, clear base32 secret], as `user create --totp` gave them. */
const users = new Map<string, [string, string]>();

const sqlite = (sql: string) => execFileSync('sqlite3', [database, sql], { encoding: 'utf8' }).trim();
const stored = (username: string) => sqlite(`SELECT totp_secret FROM app_user WHERE username = '${username}'`);
const open = () => openAgent({ configPath, env: {}, now: () => new Date(clock) });

/** Back to migration 16 as it shipped: the secrets in clear, no secret_key_check table, no row for 17. */
function backTo16(): void {
  for (const [username, [, secret]] of users) sqlite(`UPDATE app_user SET totp_secret = '${secret}' WHERE username = '${username}'`);
  sqlite('DROP TABLE secret_key_check; DELETE FROM saiga_migration WHERE version = 17');
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiga-totp-17-'));
  configPath = join(dir, 'agent.yml');
  database = join(dir, 'data', 'agent.sqlite');
  writeFileSync(configPath, renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'http://127.0.0.1:9', didMethod: 'key' }));
  const saiga = await openAgent({ configPath, initialise: true, env: {}, now: () => new Date(clock) });
  try {
    for (const [username, name] of [['anoma', 'Anoma Perera'], ['kperera', 'K. Perera']] as const) {
      const created = await saiga.capabilities.users.create({ username, displayName: name, role: 'officer', password: PASSWORD, totp: true });
      if (!created.ok) throw new Error(created.code);
      users.set(username, [created.user.id, created.totpSecret!]);
    }
    const plain = await saiga.capabilities.users.create({ username: 'ruwan', displayName: 'Ruwan Jayasinghe', role: 'admin', password: PASSWORD });
    expect(plain.ok).toBe(true);
  } finally {
    await saiga.close();
  }
  box = TotpSecretBox.fromAgentSecret(readFileSync(join(dir, 'data', 'secret.key'), 'utf8').trim());
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('migration 17: TOTP secrets sealed at rest', () => {
  it('is migration 17, right after 16: the key check table, and a code step', () => {
    const at = MIGRATIONS.findIndex((m) => m.version === 17);
    expect(MIGRATIONS[at - 1]?.version).toBe(16);
    expect(MIGRATIONS[at]).toMatchObject({ version: 17, name: 'console: TOTP secrets encrypted at rest', run: expect.any(Function) });
  });

  it('seals every clear secret of a database at migration 16; sign-in with a code still works, once', async () => {
    backTo16();
    expect(stored('anoma')).toBe(users.get('anoma')![1]);
    const saiga = await open();
    try {
      expect(sqlite('SELECT version FROM saiga_migration WHERE version = 17')).toBe('17');
      for (const [username, [id, secret]] of users) {
        expect(stored(username)).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{64}$/);
        expect(box.open(id, stored(username))).toBe(secret);
      }
      expect(stored('ruwan')).toBe('');
      expect(sqlite('.dump')).not.toContain(users.get('anoma')![1]);

      clock += 60_000;
      const code = totpCode(users.get('anoma')![1], new Date(clock));
      const signedIn = await saiga.capabilities.users.signIn('anoma', PASSWORD, code);
      expect(signedIn).toMatchObject({ ok: true, user: { username: 'anoma', totp: true } });
      // RFC 6238 §5.2: the same code is not accepted twice.
      expect(await saiga.capabilities.users.signIn('anoma', PASSWORD, code)).toEqual({ ok: false });
      expect(await saiga.capabilities.users.signIn('ruwan', PASSWORD, undefined)).toMatchObject({ ok: true });
    } finally {
      await saiga.close();
    }
  });

  it('leaves a sealed secret as it is when the agent opens again', async () => {
    const before = stored('kperera');
    const saiga = await open();
    await saiga.close();
    expect(stored('kperera')).toBe(before);
  });

  it('writes all rows or none: a failure while sealing the second leaves both clear and 17 not applied', async () => {
    backTo16();
    const db = await SqliteDatabase.open(database);
    try {
      let sealed = 0;
      const failing = async () => ({
        seal: (id: string, secret: string) => {
          if (++sealed === 2) throw new Error('disk full (test)');
          return box.seal(id, secret);
        },
      });
      await expect(migrate(db, { sealTotpSecret: failing })).rejects.toThrow('disk full (test)');
      expect(sealed).toBe(2);
      // Without a key at all: refused with the code the CLI shows, nothing written either.
      await expect(migrate(db)).rejects.toMatchObject({ code: 'SECRET_INVALID', message: 'migration 17 needs the agent secret key to encrypt the TOTP secrets of console accounts' });
    } finally {
      await db.close();
    }
    expect(stored('anoma')).toBe(users.get('anoma')![1]);
    expect(stored('kperera')).toBe(users.get('kperera')![1]);
    expect(sqlite('SELECT count(*) FROM saiga_migration WHERE version = 17')).toBe('0');
    expect(sqlite('SELECT count(*) FROM saiga_migration WHERE version = 16')).toBe('1');
  });

  it('a read-only command migrates with the key from data/secret.key; without the key it stops with SECRET_INVALID and writes nothing', async () => {
    const key = join(dir, 'data', 'secret.key');
    renameSync(key, `${key}.away`);
    try {
      const refused = await runCli(['permit', 'list', '--config', configPath, '--json'], { SAIGA_SECRET_KEY: undefined });
      expect(refused.code).toBe(2);
      expect(JSON.parse(refused.stdout).error).toEqual({
        code: 'SECRET_INVALID',
        message: `no secret key: set SAIGA_SECRET_KEY or restore ${key} (the key store was created with another key)`,
      });
      expect(stored('anoma')).toBe(users.get('anoma')![1]);
    } finally {
      renameSync(`${key}.away`, key);
    }
    const listed = await runCli(['permit', 'list', '--config', configPath, '--json'], { SAIGA_SECRET_KEY: undefined });
    expect(listed.code, listed.stderr).toBe(0);
    expect(box.open(users.get('anoma')![0], stored('anoma'))).toBe(users.get('anoma')![1]);
    expect(sqlite('SELECT version FROM saiga_migration WHERE version = 17')).toBe('17');
    // Migrated, the read-only commands need no key again (`user list` reads no secret).
    renameSync(key, `${key}.away`);
    try {
      const users = await runCli(['user', 'list', '--config', configPath, '--json'], { SAIGA_SECRET_KEY: undefined });
      expect(users.code, users.stderr).toBe(0);
      expect(JSON.parse(users.stdout).items.map((u: { username: string }) => u.username)).toEqual(['anoma', 'kperera', 'ruwan']);
    } finally {
      renameSync(`${key}.away`, key);
    }
  });
});

describe('a sealed TOTP secret that does not open', () => {
  const auditReasons = async (saiga: OpenedAgent, since: number) =>
    (await saiga.capabilities.audit.page({ limit: 1000 })).entries.slice(since).map((e) => [e.action, e.details]);

  it('refuses the sign-in, copied from another account or altered, and records TOTP_SECRET_UNREADABLE', async () => {
    const [anomaId, anomaSecret] = users.get('anoma')!;
    const [kpereraId, kpereraSecret] = users.get('kperera')!;
    const original = stored('kperera');
    // Anoma's sealed secret copied onto K. Perera's row: Anoma's codes must not open K. Perera's account.
    sqlite(`UPDATE app_user SET totp_secret = (SELECT totp_secret FROM app_user WHERE id = '${anomaId}') WHERE id = '${kpereraId}'`);
    const saiga = await open();
    try {
      const since = (await saiga.capabilities.audit.page({ limit: 1000 })).entries.length;
      clock += 120_000;
      expect(await saiga.capabilities.users.signIn('kperera', PASSWORD, totpCode(anomaSecret, new Date(clock)))).toEqual({ ok: false });
      expect(await saiga.capabilities.users.signIn('kperera', PASSWORD, totpCode(kpereraSecret, new Date(clock)))).toEqual({ ok: false });
      // One byte of the ciphertext altered.
      const altered = original.slice(0, -2) + (original.at(-2) === 'A' ? 'B' : 'A') + original.at(-1);
      sqlite(`UPDATE app_user SET totp_secret = '${altered}' WHERE id = '${kpereraId}'`);
      expect(await saiga.capabilities.users.signIn('kperera', PASSWORD, totpCode(kpereraSecret, new Date(clock)))).toEqual({ ok: false });
      // A wrong password says nothing about the secret (it is not opened then).
      expect(await saiga.capabilities.users.signIn('kperera', 'not-the-password-1', totpCode(kpereraSecret, new Date(clock)))).toEqual({ ok: false });
      const unreadable = { username: 'kperera', reason: 'one-time code secret unreadable', code: 'TOTP_SECRET_UNREADABLE' };
      expect(await auditReasons(saiga, since)).toEqual([
        ['session.sign-in-refused', unreadable],
        ['session.sign-in-refused', unreadable],
        ['session.sign-in-refused', unreadable],
        ['session.sign-in-refused', { username: 'kperera', reason: 'wrong password' }],
      ]);
      // The agent goes on: the owner of the secret signs in, and the trail still verifies.
      expect(await saiga.capabilities.users.signIn('anoma', PASSWORD, totpCode(anomaSecret, new Date(clock)))).toMatchObject({ ok: true });
      expect((await saiga.capabilities.audit.verify()).ok).toBe(true);
    } finally {
      await saiga.close();
    }
    sqlite(`UPDATE app_user SET totp_secret = '${original}', failed_attempts = 0 WHERE id = '${kpereraId}'`);
  });

  it('another SAIGA_SECRET_KEY never seals a clear secret: the agent stops before migration 17 writes anything', async () => {
    backTo16();
    // The key store does not open with it (the self-test runs before anything is sealed).
    await expect(openAgent({ configPath, env: { SAIGA_SECRET_KEY: 'ab'.repeat(32) }, now: () => new Date(clock) })).rejects.toMatchObject({ code: 'SECRET_INVALID' });
    expect(stored('anoma')).toBe(users.get('anoma')![1]);
    expect(stored('kperera')).toBe(users.get('kperera')![1]);
    expect(sqlite('SELECT count(*) FROM saiga_migration WHERE version = 17')).toBe('0');
  });
});
