/**
 * The build's standalone validator of agent.yml's `saiga:` section (scripts/config-validator.mjs)
 * answers exactly as the schema compiled at run time does: the same verdicts and the same first
 * error, which is what the configuration loader reports with its path.
 */
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { SAIGA_SCHEMA } from '../../src/agent/config/config-schema.js';
import { CONFIG_VALIDATOR_OPTIONS } from '../../src/agent/config/config.js';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown; message?: string }[] | null };

const generated = createRequire(import.meta.url)(resolve('dist/src/agent/config/config-validator.cjs')) as Validator;
const compiled = new Ajv2020(CONFIG_VALIDATOR_OPTIONS).compile(SAIGA_SCHEMA) as Validator;

const VALID = { authority: { country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla' }, url: 'https://cites.dwc.gov.lk', didMethod: 'web' };
const CASES: [string, unknown][] = [
  ['a minimal section', VALID],
  ['every optional part', { ...VALID, server: { host: '127.0.0.1', port: 8080, trustProxy: ['loopback', '10.0.0.0/8'] }, permitNumber: { format: '{CC}{YY}-{T}{SEQ:6}' }, trust: { peers: [{ did: 'did:web:cites.blv.admin.ch', country: 'CH', name: 'FSVO' }] }, verify: { clockToleranceSeconds: 60, rateLimitPerMinute: 120, statusCacheSeconds: 60 }, audit: { checkpointEvery: 500, checkpointMaxAgeHours: 24, pollIntervalMs: 60000 } }],
  ['an SMTP server', { ...VALID, smtp: { host: 'smtp.dwc.gov.lk', port: 587, requireTLS: true, from: { address: 'permits@dwc.gov.lk', name: 'DWC' }, username: 'saiga', passwordFile: 'smtp.password' } }],
  ['an unknown key', { ...VALID, colour: 'green' }],
  ['an unknown key deep down', { ...VALID, server: { port: 8080, tls: true } }],
  ['a wrong type', { ...VALID, server: { port: '8080' } }],
  ['trustProxy true', { ...VALID, server: { trustProxy: true } }],
  ['a lower-case country', { ...VALID, authority: { ...VALID.authority, country: 'lk' } }],
  ['no url', { authority: VALID.authority, didMethod: 'web' }],
  ['not an object', 'saiga'],
  ['audit checkpoints less often than daily', { ...VALID, audit: { checkpointMaxAgeHours: 48 } }],
  ['an unknown audit setting', { ...VALID, audit: { checkpointEvry: 10 } }],
  ['an SMTP password in agent.yml', { ...VALID, smtp: { host: 'smtp.dwc.gov.lk', from: { address: 'permits@dwc.gov.lk' }, password: 'x' } }],
];

describe('the standalone validator of agent.yml', () => {
  it.each(CASES)('%s: the same verdict and errors as the schema compiled at run time', (_name, section) => {
    const a = generated(section);
    const b = compiled(section);
    expect(a).toBe(b);
    const strip = (v: Validator) => (v.errors ?? []).map(({ instancePath, keyword, params, message }) => ({ instancePath, keyword, params, message }));
    expect(strip(generated)).toEqual(strip(compiled));
  });

  it('accepts the valid sections and refuses the others', () => {
    expect(CASES.map(([name, section]) => [name, generated(section)])).toEqual(CASES.map(([name], i) => [name, i < 3]));
  });
});
