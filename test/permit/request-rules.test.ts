import { describe, it, expect } from 'vitest';
import { RULE_CODES } from '../../src/codes.js';
import { validatePermitRequest } from '../../src/permit/validate.js';
import { authorityOf, example, NOW, pairs } from './helpers.js';
import { ORCHIDS, PARROTS, REQUEST_CASES, WATCH_STRAPS } from './request-cases.js';

describe('validatePermitRequest: one mutation per rule', () => {
  it.each(REQUEST_CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const doc = example(c.file);
    c.mutate(doc);
    const outcome = validatePermitRequest(doc, { authorityCountry: c.authority ?? authorityOf(c.file), now: NOW, ...(c.trust && { trust: c.trust }) });
    expect(pairs(outcome.errors)).toEqual(c.errors);
    expect(pairs(outcome.warnings)).toEqual(c.warnings ?? []);
    expect(outcome.ok).toBe(c.errors.length === 0);
  });
});

describe('messages', () => {
  const run = (file: string, mutate: (d: any) => void, authority = authorityOf(file)) => {
    const doc = example(file);
    mutate(doc);
    return validatePermitRequest(doc, { authorityCountry: authority, now: NOW });
  };

  it('say a historical term is historical and no longer issued', () => {
    const [error] = run(WATCH_STRAPS, (d) => (d.specimens[0].term = 'LEA')).errors;
    expect(error?.message).toContain('"LEA"');
    expect(error?.message).toContain('Leather');
    expect(error?.message).toMatch(/historical.*no longer issued/);
  });

  it('say a historical unit is historical and what to use instead', () => {
    const [error] = run(WATCH_STRAPS, (d) => (d.specimens[1].unit = 'PCS')).errors;
    expect(error?.message).toContain('"PCS"');
    expect(error?.message).toMatch(/historical.*no longer issued/);
    expect(error?.message).toContain('NAR');
  });

  it('name an unknown code that is not historical', () => {
    const [error] = run(ORCHIDS, (d) => (d.specimens[0].term = 'ZZZ')).errors;
    expect(error?.code).toBe('UNKNOWN_TERM');
    expect(error?.message).toContain('"ZZZ"');
    expect(error?.message).not.toContain('is a historical');
  });

  it('point out that country codes are uppercase', () => {
    const [error] = run(ORCHIDS, (d) => (d.exporter.country = 'lk')).errors;
    expect(error?.message).toContain('"LK"');
  });

  it('say why XX is refused for a party', () => {
    const [error] = run(ORCHIDS, (d) => (d.importer.country = 'XX')).errors;
    expect(error?.message).toContain('reporting code');
  });

  it('name the countries of a non-domestic exporter', () => {
    const [error] = run(ORCHIDS, () => {}, 'CH').errors;
    expect(error?.message).toContain('LK');
    expect(error?.message).toContain('CH');
  });

  it('name the limit of a validity that is too long', () => {
    const [error] = run(ORCHIDS, (d) => (d.validUntil = '2027-05-30')).errors;
    expect(error?.message).toContain('2027-05-29');
  });

  it('start with the generic text of the code', () => {
    const [error] = run(PARROTS, (d) => delete d.specimens[0].operationNumber).errors;
    expect(error?.message.startsWith(RULE_CODES.OPERATION_NUMBER_REQUIRED)).toBe(true);
  });
});

describe('input that is not a permit', () => {
  it.each([
    ['null', null],
    ['an array', [{ documentType: 'export' }]],
    ['a string', 'export'],
    ['a number', 42],
    ['undefined', undefined],
  ])('%s gives FIELD_INVALID at the root', (_name, input) => {
    const outcome = validatePermitRequest(input, { authorityCountry: 'LK', now: NOW });
    expect(pairs(outcome.errors)).toEqual([['FIELD_INVALID', '']]);
    expect(outcome.ok).toBe(false);
  });

  it('an empty object lists every missing field', () => {
    const outcome = validatePermitRequest({}, { authorityCountry: 'LK', now: NOW });
    expect(pairs(outcome.errors)).toEqual([
      ['FIELD_REQUIRED', '/documentType'],
      ['FIELD_REQUIRED', '/importer'],
      ['FIELD_REQUIRED', '/exporter'],
      ['FIELD_REQUIRED', '/purpose'],
      ['FIELD_REQUIRED', '/specimens'],
    ]);
  });

  it('wrong types deep inside do not stop the rules that can still run', () => {
    const doc = example(PARROTS);
    doc.importer = 'Papageien-Zucht Keller GmbH';
    doc.specimens.push(7);
    delete doc.specimens[0].operationNumber;
    const outcome = validatePermitRequest(doc, { authorityCountry: 'NO', now: NOW });
    expect(pairs(outcome.errors)).toEqual([
      ['FIELD_INVALID', '/importer'],
      ['FIELD_INVALID', '/specimens/1'],
      ['OPERATION_NUMBER_REQUIRED', '/specimens/0/operationNumber'],
    ]);
  });
});
