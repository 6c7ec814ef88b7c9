/**
 * saiga.smtp in agent.yml (issue 12 §1, docs/mail.md): its defaults, the refusal to send a permit
 * link in clear to a host off this machine, and no password in the file; every refusal a
 * ConfigError (CONFIG_INVALID) with its JSON path.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, parseSaigaSection } from '../../src/agent/config/config.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { ConfigError } from '../../src/agent/config/yaml-loader.js';

const BASE = { authority: { country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla' }, url: 'https://cites.dwc.gov.lk', didMethod: 'web' };
const FROM = { address: 'permits@dwc.gov.lk' };

function refusal(smtp: unknown): { code: string; pointer: string; message: string } {
  try {
    parseSaigaSection({ ...BASE, smtp });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return { code: (error as ConfigError).code, pointer: (error as ConfigError).pointer, message: (error as ConfigError).message };
  }
  throw new Error('accepted');
}

describe('saiga.smtp', () => {
  it('is absent by default: no mailer', () => {
    expect(parseSaigaSection(BASE).smtp).toBeUndefined();
  });

  it('defaults to STARTTLS required on port 587, from the Management Authority', () => {
    expect(parseSaigaSection({ ...BASE, smtp: { host: 'smtp.dwc.gov.lk', from: FROM } }).smtp).toEqual({
      host: 'smtp.dwc.gov.lk',
      port: 587,
      secure: false,
      requireTLS: true,
      allowCleartext: false,
      from: { address: 'permits@dwc.gov.lk', name: 'Department of Wildlife Conservation' },
      timeoutMs: 10_000,
    });
  });

  it('uses implicit TLS on port 465, and keeps a username, a password file and a sender name', () => {
    const smtp = parseSaigaSection({ ...BASE, smtp: { host: 'smtp.dwc.gov.lk', port: 465, from: { ...FROM, name: 'DWC CITES' }, username: 'saiga', passwordFile: 'smtp.password' } }).smtp;
    expect(smtp).toMatchObject({ port: 465, secure: true, from: { name: 'DWC CITES' }, username: 'saiga', passwordFile: 'smtp.password' });
  });

  it('does not require STARTTLS of a relay on this machine', () => {
    for (const host of ['localhost', '127.0.0.1', '[::1]']) expect(parseSaigaSection({ ...BASE, smtp: { host, port: 25, from: FROM } }).smtp).toMatchObject({ host, secure: false, requireTLS: false });
  });

  it('refuses to send in clear to a host off this machine, and says why', () => {
    const r = refusal({ host: 'smtp.dwc.gov.lk', port: 25, requireTLS: false, from: FROM });
    expect(r.code).toBe('CONFIG_INVALID');
    expect(r.pointer).toBe('/saiga/smtp/requireTLS');
    expect(r.message).toBe(
      'mail to smtp.dwc.gov.lk would travel in clear, and anyone on the way could read the permit link and view the permit: set secure: true (implicit TLS, port 465) or leave requireTLS on (STARTTLS), or, only for a trusted internal relay, allowCleartext: true (at /saiga/smtp/requireTLS)',
    );
  });

  it('sends in clear off this machine only when allowCleartext says so', () => {
    expect(parseSaigaSection({ ...BASE, smtp: { host: '10.0.0.25', port: 25, requireTLS: false, allowCleartext: true, from: FROM } }).smtp).toMatchObject({ requireTLS: false, allowCleartext: true });
  });

  it('refuses a password written in agent.yml', () => {
    const r = refusal({ host: 'smtp.dwc.gov.lk', from: FROM, username: 'saiga', password: 'hunter2' });
    expect(r).toMatchObject({ code: 'CONFIG_INVALID', pointer: '/saiga/smtp/password' });
    expect(r.message).toContain('SAIGA_SMTP_PASSWORD');
    expect(r.message).not.toContain('hunter2');
  });

  it.each([
    ['an unknown key', { host: 'smtp.dwc.gov.lk', from: FROM, tls: true }, '/saiga/smtp'],
    ['no host', { from: FROM }, '/saiga/smtp'],
    ['no sender', { host: 'smtp.dwc.gov.lk' }, '/saiga/smtp'],
    ['a port as text', { host: 'smtp.dwc.gov.lk', port: '587', from: FROM }, '/saiga/smtp/port'],
    ['a port out of range', { host: 'smtp.dwc.gov.lk', port: 70000, from: FROM }, '/saiga/smtp/port'],
    ['a host with a space', { host: 'smtp dwc', from: FROM }, '/saiga/smtp/host'],
    ['a sender address with a line break', { host: 'smtp.dwc.gov.lk', from: { address: 'permits@dwc.gov.lk\r\nBcc: x@example.net' } }, '/saiga/smtp/from/address'],
    ['a sender address with no domain', { host: 'smtp.dwc.gov.lk', from: { address: 'permits' } }, '/saiga/smtp/from/address'],
    ['a sender name on two lines', { host: 'smtp.dwc.gov.lk', from: { ...FROM, name: 'DWC\nBcc: x@example.net' } }, '/saiga/smtp/from/name'],
    ['a password file without a username', { host: 'smtp.dwc.gov.lk', from: FROM, passwordFile: 'smtp.password' }, '/saiga/smtp/passwordFile'],
    ['a timeout below 100 ms', { host: 'smtp.dwc.gov.lk', from: FROM, timeoutMs: 5 }, '/saiga/smtp/timeoutMs'],
  ])('refuses %s with its path', (_name, smtp, pointer) => {
    expect(refusal(smtp)).toMatchObject({ code: 'CONFIG_INVALID', pointer });
  });

  it('is read from agent.yml', () => {
    const yaml = `${renderAgentYaml({ ...BASE.authority, url: BASE.url, didMethod: 'web' })}`.replace(
      /^saiga:\n/m,
      'saiga:\n  smtp:\n    host: smtp.dwc.gov.lk\n    from:\n      address: permits@dwc.gov.lk\n    username: saiga\n    passwordFile: smtp.password\n',
    );
    const file = join(mkdtempSync(join(tmpdir(), 'saiga-smtp-')), 'agent.yml');
    writeFileSync(file, yaml);
    expect(loadConfig(file).saiga.smtp).toMatchObject({ host: 'smtp.dwc.gov.lk', requireTLS: true, username: 'saiga', passwordFile: 'smtp.password' });
  });
});
