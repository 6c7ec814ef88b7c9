/**
 * The serving agent's `mail` capability (issue 12 §1, docs/mail.md): built from saiga.smtp at
 * start, absent without it, and an exposed password file stops the start with its path.
 */
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { openAgent } from '../../src/agent/wiring/open.js';
import { parseMail, startSink, type Sink } from './smtp-sink.js';

const AUTHORITY = { country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'http://localhost:9', didMethod: 'key' as const };

let sink: Sink | undefined;
afterEach(async () => {
  await sink?.close();
  sink = undefined;
});

function agentYml(smtp: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-mail-serve-'));
  const configPath = join(dir, 'agent.yml');
  writeFileSync(configPath, renderAgentYaml(AUTHORITY).replace(/^saiga:\n/m, `saiga:\n${smtp}`));
  return configPath;
}

describe('the mail capability of a serving agent', () => {
  it('is absent without saiga.smtp', async () => {
    const saiga = await openAgent({ configPath: agentYml(''), initialise: true, env: {} });
    try {
      expect(saiga.capabilities.mail).toBeUndefined();
    } finally {
      await saiga.close();
    }
  });

  it('sends through the SMTP server of agent.yml, signed in with the password of the environment', async () => {
    sink = await startSink({ authOptional: false, allowInsecureAuth: true, onAuth: (auth, _s, cb) => (auth.password === 's3cret pass' ? cb(null, { user: auth.username }) : cb(new Error('no'))) });
    const configPath = agentYml(`  smtp:\n    host: 127.0.0.1\n    port: ${sink.port}\n    from:\n      address: permits@dwc.gov.lk\n    username: saiga\n`);
    const saiga = await openAgent({ configPath, initialise: true, env: { SAIGA_SMTP_PASSWORD: 's3cret pass' } });
    try {
      await saiga.capabilities.mail!.sendHolderLink({ to: 'trader@example.org', url: 'http://localhost:9/holder/abc', permitNumber: 'LK26-E000001', expiresAt: '2027-01-15T00:00:00Z', language: 'es' });
    } finally {
      await saiga.close();
    }
    expect(sink.received.map((r) => [r.user, r.mailFrom, r.rcptTo])).toEqual([['saiga', 'permits@dwc.gov.lk', ['trader@example.org']]]);
    expect(parseMail(sink.received[0]!.raw).headers.get('subject')).toBe('Permiso CITES LK26-E000001: su enlace para consultarlo');
  });

  it('stops the start when the password file is readable by others, with its path, before anything is written', async () => {
    const configPath = agentYml('  smtp:\n    host: 127.0.0.1\n    port: 2525\n    from:\n      address: permits@dwc.gov.lk\n    username: saiga\n    passwordFile: smtp.password\n');
    const file = join(configPath, '..', 'smtp.password');
    writeFileSync(file, 'hunter2\n');
    chmodSync(file, 0o644);
    const failure = await openAgent({ configPath, initialise: true, env: {} }).then(
      () => undefined,
      (e: unknown) => e as { code: string; pointer: string; message: string },
    );
    expect(failure).toMatchObject({ code: 'CONFIG_INVALID', pointer: '/saiga/smtp/passwordFile' });
    expect(failure!.message).toMatch(/^MAIL_PASSWORD_FILE_INSECURE: The mail password file can be read by other users/);
    expect(failure!.message).not.toContain('hunter2');
    expect(readdirSync(join(configPath, '..')).sort()).toEqual(['agent.yml', 'smtp.password']);
  });
});
