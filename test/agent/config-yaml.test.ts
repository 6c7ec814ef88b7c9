/**
 * agent.yml is read as YAML 1.2 with the core schema (js-yaml CORE_SCHEMA): what looks like a
 * date or a custom tag stays what YAML 1.2 says it is, and a repeated key is an error with the
 * file named, never a silent "last one wins".
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/agent/config/config.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';

const AUTHORITY = { country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'https://cites.dwc.gov.lk', didMethod: 'web' as const };

function write(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'saiga-yaml-')), 'agent.yml');
  writeFileSync(file, text);
  return file;
}

describe('reading agent.yml', () => {
  it('reads back what init writes', () => {
    const config = loadConfig(write(renderAgentYaml(AUTHORITY)));
    expect(config.saiga.authority).toEqual({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla' });
    expect(config.saiga.url).toBe('https://cites.dwc.gov.lk');
    expect(config.webDid).toBe('did:web:cites.dwc.gov.lk');
  });

  it('keeps a date-like place as text (no YAML 1.1 timestamps)', () => {
    const text = renderAgentYaml(AUTHORITY).replace('place: Battaramulla', 'place: 2026-12-01');
    expect(loadConfig(write(text)).saiga.authority.place).toBe('2026-12-01');
  });

  it('refuses a repeated key and names the file', () => {
    const file = write(renderAgentYaml(AUTHORITY).replace('    country: LK\n', '    country: LK\n    country: CH\n'));
    expect(() => loadConfig(file)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(/is not valid YAML: duplicated mapping key/) }));
    expect(readFileSync(file, 'utf8')).toContain('country: CH');
  });

  it('refuses a YAML 1.1 custom tag', () => {
    const file = write(renderAgentYaml(AUTHORITY).replace('place: Battaramulla', 'place: !!binary aGVsbG8='));
    expect(() => loadConfig(file)).toThrowError(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(/is not valid YAML: unknown tag/) }));
  });
});
