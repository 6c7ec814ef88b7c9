/**
 * The first start makes the first officer's console account with a random password shown
 * once (no default password), so that the console can be used from `npm start`; later starts
 * make none. The account signs in through the real API of a real agent process.
 */
import { describe, expect, it } from 'vitest';
import { usernameOf } from '../../src/cli/commands/serve.js';
import { initAuthority, runCli, serveAuthority } from '../helpers/agent-process.js';

describe('the first start\'s console account', () => {
  it('is made once for the --officer, with a random password, and signs in', { timeout: 120_000 }, async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
    const first = await serveAuthority(init);
    try {
      expect(first.consoleAccount).toEqual({ username: 'test.officer', password: expect.stringMatching(/^[A-Za-z0-9_-]{24}$/) });
      const response = await fetch(`${first.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(first.consoleAccount) });
      expect(response.status).toBe(201);
      expect(((await response.json()) as { user: unknown }).user).toMatchObject({ username: 'test.officer', displayName: 'Test Officer', role: 'officer' });
    } finally {
      await first.stop();
    }
    const again = await serveAuthority(init);
    try {
      expect(again.consoleAccount).toBeNull();
    } finally {
      await again.stop();
    }
    const users = JSON.parse((await runCli(['user', 'list', '--config', init.config, '--json'])).stdout) as { items: { username: string }[] };
    expect(users.items.map((u) => u.username)).toEqual(['test.officer']);
  });

  it('takes the username from the name: accents dropped, other characters as one dot', () => {
    expect(usernameOf('Anoma Perera')).toBe('anoma.perera');
    expect(usernameOf('José-María Núñez')).toBe('jose.maria.nunez');
    expect(usernameOf("K. O'Brien")).toBe('k.o.brien');
    expect(usernameOf('李')).toBe('officer');
  });
});
