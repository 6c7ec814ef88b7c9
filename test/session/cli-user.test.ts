/**
 * `saiga user create|list|disable|reset-password` in its own process (the built CLI), --json,
 * on a real agent database. The password never comes from an argument.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/agent-process.js';
import { API_CODES } from '../../src/codes.js';

let dir: string;
let config: string;
const PASSWORD = { SAIGA_USER_PASSWORD: 'orchid-export-2026' };

beforeAll(async () => {
  dir = tempDir('saiga-cli-user-');
  config = join(dir, 'agent.yml');
  const init = await runCli(['init', '--config', config, '--country', 'LK', '--name', 'Department of Wildlife Conservation', '--address', 'Battaramulla', '--place', 'Battaramulla', '--url', 'http://127.0.0.1:9', '--did-method', 'key', '--json'], { SAIGA_SECRET: undefined });
  expect(init.code, init.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('saiga user', () => {
  it('creates a user (--json), with --totp printing the otpauth URI once', async () => {
    const created = await runCli(['user', 'create', 'anoma', '--name', 'Anoma Perera', '--role', 'officer', '--totp', '--config', config, '--json'], PASSWORD);
    expect(created.code, created.stderr).toBe(0);
    const body = JSON.parse(created.stdout);
    expect(body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      username: 'anoma',
      displayName: 'Anoma Perera',
      role: 'officer',
      totp: true,
      createdAt: expect.any(String),
      disabledAt: null,
      lockedUntil: null,
      totpUri: expect.stringMatching(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]{32}&/),
    });
  });

  it('refuses a weak password, a taken username (any case), a role word as name, and no password at all', async () => {
    const weak = await runCli(['user', 'create', 'kperera', '--name', 'K. Perera', '--role', 'customs', '--config', config, '--json'], { SAIGA_USER_PASSWORD: 'short' });
    expect(weak.code).toBe(2);
    expect(JSON.parse(weak.stdout).error).toEqual({ code: 'USER_PASSWORD_WEAK', path: '/password', message: 'The password must be at least 12 characters (it has 5).' });
    const taken = await runCli(['user', 'create', 'ANOMA', '--name', 'Anoma Perera', '--role', 'officer', '--config', config, '--json'], PASSWORD);
    expect(taken.code).toBe(1);
    expect(JSON.parse(taken.stdout).error.code).toBe('USER_EXISTS');
    const role = await runCli(['user', 'create', 'duty', '--name', 'Duty officer', '--role', 'officer', '--config', config, '--json'], PASSWORD);
    expect(role.code).toBe(2);
    expect(JSON.parse(role.stdout).error).toMatchObject({ code: 'USER_INVALID', path: '/displayName' });
    const none = await runCli(['user', 'create', 'kperera', '--name', 'K. Perera', '--role', 'customs', '--config', config, '--json'], { SAIGA_USER_PASSWORD: undefined });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('SAIGA_USER_PASSWORD');
  });

  it('lists users (never a hash or secret) and disables one', async () => {
    expect((await runCli(['user', 'create', 'kperera', '--name', 'K. Perera', '--role', 'customs', '--config', config, '--json'], PASSWORD)).code).toBe(0);
    const listed = await runCli(['user', 'list', '--config', config, '--json']);
    expect(listed.code).toBe(0);
    const { items } = JSON.parse(listed.stdout);
    expect(items.map((u: any) => [u.username, u.role, u.totp, u.disabledAt])).toEqual([
      ['anoma', 'officer', true, null],
      ['kperera', 'customs', false, null],
    ]);
    expect(listed.stdout).not.toMatch(/scrypt|secret/);
    const disabled = await runCli(['user', 'disable', 'KPerera', '--config', config, '--json']);
    expect(disabled.code).toBe(0);
    expect(JSON.parse(disabled.stdout)).toMatchObject({ username: 'kperera', disabledAt: expect.any(String) });
    const again = await runCli(['user', 'disable', 'kperera', '--config', config, '--json']);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error.code).toBe('CONFLICT');
    const unknown = await runCli(['user', 'disable', 'nobody', '--config', config, '--json']);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout).error).toEqual({ code: 'USER_NOT_FOUND', message: API_CODES.USER_NOT_FOUND });
    const text = await runCli(['user', 'list', '--config', config]);
    expect(text.stdout).toMatch(/kperera\s+customs\s+-\s+\S+\s+DISABLED/);
  });

  it('resets a password from SAIGA_USER_PASSWORD', async () => {
    const reset = await runCli(['user', 'reset-password', 'anoma', '--config', config, '--json'], { SAIGA_USER_PASSWORD: 'a-new-orchid-password' });
    expect(reset.code, reset.stderr).toBe(0);
    expect(JSON.parse(reset.stdout)).toMatchObject({ username: 'anoma', lockedUntil: null });
  });
});
