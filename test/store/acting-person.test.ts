/**
 * Defect 18: box 13 and the history name a person. `serve` creates its first token for
 * `--officer NAME` (never "Duty officer"); CLI issue, revoke, suspend, reinstate and
 * endorse take `--officer`/`--signatory NAME` or a token (`--token`, SAIGA_TOKEN) and record
 * that person, never the login name running the command.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { EXAMPLES, initAuthority, runCli } from '../helpers/agent-process.js';
import { decodePayload } from '../helpers/forge.js';

const PARROTS = join(EXAMPLES, 'export-no-captive-bred-parrots.json');

describe('the acting person in the CLI', () => {
  it('needs a name or a token, and the history and box 13 show that person', async () => {
    const init = await initAuthority({ country: 'NO', name: 'Norwegian Environment Agency', didMethod: 'key' });
    const config = ['--config', init.config, '--json'];
    const nameless = await runCli(['permit', 'issue', PARROTS, ...config]);
    expect([nameless.code, JSON.parse(nameless.stdout).error.code]).toEqual([2, 'BAD_REQUEST']);
    expect(JSON.parse(nameless.stdout).error.message).toBe('name the person who acts: --signatory "Full Name", or --token TOKEN (or SAIGA_TOKEN) of an officer token');
    const generic = await runCli(['permit', 'issue', PARROTS, '--signatory', 'Duty officer', ...config]);
    expect(generic.code).toBe(2);

    const officer = JSON.parse((await runCli(['token', 'create', '--role', 'officer', '--name', 'Kari Nordmann', ...config])).stdout).token as string;
    const customs = JSON.parse((await runCli(['token', 'create', '--role', 'customs', '--name', 'Ola Tollbetjent', ...config])).stdout).token as string;
    const issued = await runCli(['permit', 'issue', PARROTS, '--token', officer, ...config]);
    expect(issued.code, issued.stderr).toBe(0);
    const { permitNumber: n, jwt } = JSON.parse(issued.stdout);
    // Box 13 (the subject's `issued`, renamed `issuance` by the conformance work).
    const subject = decodePayload(jwt).vc.credentialSubject as { issued?: { signatory: string }; issuance?: { signatory: string } };
    expect((subject.issuance ?? subject.issued)?.signatory).toBe('Kari Nordmann');

    expect((await runCli(['permit', 'suspend', n, '--reason', 'inquiry', ...config])).code).toBe(2);
    const wrongRole = await runCli(['permit', 'suspend', n, '--reason', 'inquiry', ...config], { SAIGA_TOKEN: customs });
    expect([wrongRole.code, JSON.parse(wrongRole.stdout).error.code]).toEqual([2, 'UNAUTHORIZED']);
    expect((await runCli(['permit', 'suspend', n, '--reason', 'inquiry', ...config], { SAIGA_TOKEN: officer })).code).toBe(0);
    expect((await runCli(['permit', 'reinstate', n, '--officer', 'Ingrid Solberg', ...config])).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const endorsed = await runCli(['endorse', n, '--block', 'A=4', '--port', 'NOOSL', '--transport-doc', 'AWB 1', '--date', today, '--token', customs, ...config]);
    expect(endorsed.code, endorsed.stdout).toBe(0);
    const revokedToken = JSON.parse((await runCli(['token', 'list', ...config])).stdout).items.find((t: { name: string }) => t.name === 'Ola Tollbetjent').id;
    expect((await runCli(['token', 'revoke', revokedToken, ...config])).code).toBe(0);
    const refused = await runCli(['permit', 'revoke', n, '--reason', 'fraud', '--token', customs, ...config]);
    expect(JSON.parse(refused.stdout).error.message).toMatch(/^the token was revoked at /);
    expect((await runCli(['permit', 'revoke', n, '--reason', 'fraud', '--officer', 'Ingrid Solberg', ...config])).code).toBe(0);

    const status = JSON.parse((await runCli(['permit', 'status', n, ...config])).stdout);
    expect(status.history.map((h: { action: string; actor: string }) => [h.action, h.actor])).toEqual([
      ['issue', 'Kari Nordmann'],
      ['suspend', 'Kari Nordmann'],
      ['reinstate', 'Ingrid Solberg'],
      ['endorse', 'Ola Tollbetjent'],
      ['revoke', 'Ingrid Solberg'],
    ]);
    const listed = await runCli(['permit', 'list', '--state', 'revoked', '--config', init.config]);
    expect(listed.stdout.split('\n').slice(0, 2).map((l) => l.split(/\s+/).slice(0, 2))).toEqual([
      ['NUMBER', 'STATE'],
      [n, 'revoked'],
    ]);
    expect((await runCli(['permit', 'list', '--state', 'valid', ...config])).stdout).toContain('"total": 0');
    const badState = await runCli(['permit', 'list', '--state', 'gone', ...config]);
    expect([badState.code, JSON.parse(badState.stdout).error.message]).toEqual([2, '--state: "state" must be one of revoked, suspended, expired, used, valid.']);
  }, 600_000);

  it('serve creates its first token for a named officer only', async () => {
    const init = await initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office FSVO', didMethod: 'key' });
    const nameless = await runCli(['serve', '--config', init.config]);
    expect(nameless.code).toBe(2);
    expect(nameless.stderr.split('\n')[0]).toBe('saiga: the first start creates the first officer token: name its holder with --officer "Full Name" (printed as signatory in box 13)');
    const generic = await runCli(['serve', '--officer', 'Duty officer', '--config', init.config]);
    expect(generic.code).toBe(2);
    expect(generic.stderr.split('\n')[0]).toMatch(/^saiga: --officer: "Duty officer" names a role, not a person/);
    expect(JSON.parse((await runCli(['token', 'list', '--config', init.config, '--json'])).stdout).items).toEqual([]);
  }, 400_000);
});
