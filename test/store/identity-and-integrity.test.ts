/**
 * Defect 4: a deleted database beside an existing secret key does not silently become a
 * new identity under the same did:web, and a damaged database stops the agent at start
 * with a clear message naming the file (PRAGMA quick_check), both with exit status 2.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, openSync, closeSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { initAuthority, runCli } from '../helpers/agent-process.js';

const PAGE = 4096;

describe('a missing database beside an earlier identity', () => {
  it('serve and init refuse with one line naming --new-identity; --new-identity creates a new identity on purpose', async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    const database = join(init.dir, 'data', 'agent.sqlite');
    rmSync(database);
    for (const command of [['serve', '--officer', 'Kamal Perera'], ['init']]) {
      const refused = await runCli([...command, '--config', init.config]);
      expect(refused.code, command[0]).toBe(2);
      const lines = refused.stderr.trim().split('\n');
      expect(lines, refused.stderr).toHaveLength(1);
      expect(lines[0]).toBe(
        `saiga: no agent database at ${database}, but ${join(init.dir, 'data', 'secret.key')} is there: this agent had an identity, and starting now would make a new signing key under the same DID, so every permit issued before would fail its signature check. Restore the database from a backup, or start with --new-identity to create a new identity on purpose`,
      );
      expect(existsSync(database)).toBe(false);
    }
    const json = await runCli(['init', '--config', init.config, '--json']);
    expect([json.code, JSON.parse(json.stdout).error.code]).toEqual([2, 'IDENTITY_AT_RISK']);

    const renewed = await runCli(['init', '--new-identity', '--config', init.config, '--json']);
    expect(renewed.code, renewed.stderr).toBe(0);
    expect(JSON.parse(renewed.stdout)).toMatchObject({ createdIdentity: true, did: init.did });
    // From now on the database is there, and no flag is needed.
    expect((await runCli(['permit', 'list', '--config', init.config, '--json'])).code).toBe(0);
  }, 400_000);
});

describe('a damaged database', () => {
  it('stops every command at start with DATABASE_DAMAGED naming the file, exit status 2', async () => {
    const init = await initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', didMethod: 'key' });
    const database = join(init.dir, 'data', 'agent.sqlite');
    expect(existsSync(`${database}-wal`) && statSync(`${database}-wal`).size > 0).toBe(false);
    // Overwrite the b-tree page headers of every page after the first (the file header stays intact).
    const fd = openSync(database, 'r+');
    try {
      const pages = statSync(database).size / PAGE;
      expect(pages).toBeGreaterThan(4);
      const check = Buffer.alloc(16);
      readSync(fd, check, 0, 16, 0);
      expect(check.toString('latin1')).toBe('SQLite format 3\u0000');
      for (let page = 1; page < pages; page++) writeSync(fd, Buffer.alloc(12, 0xa5), 0, 12, page * PAGE);
    } finally {
      closeSync(fd);
    }
    for (const command of [['permit', 'list'], ['serve', '--officer', 'Kari Nordmann']]) {
      const result = await runCli([...command, '--config', init.config, '--json']);
      expect(result.code, command.join(' ')).toBe(2);
      const error = JSON.parse(result.stdout).error;
      expect(error.code).toBe('DATABASE_DAMAGED');
      expect(error.message.startsWith(`the agent database ${database} is damaged (`)).toBe(true);
      expect(error.message.endsWith('); the agent will not start on it: restore the file from a backup')).toBe(true);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  }, 400_000);
});
