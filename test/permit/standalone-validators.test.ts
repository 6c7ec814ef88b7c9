/**
 * The verifier page checks documents with ajv "standalone" validators generated at build
 * time (verifier-web/schema-validators.mjs), the agent and CLI with validators ajv compiles
 * at run time (src/permit/schema-validators.ts). Both must answer alike, to the error:
 * the same errors make the same findings (codes, JSON pointers, messages).
 *
 * The generated module is checked twice: as Node loads it, and bundled by esbuild as in
 * the page, since the two resolve its CommonJS imports (ajv's runtime, ajv-formats) each
 * their own way.
 */
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaFindings } from '../../src/permit/schema-check.js';
import * as runtime from '../../src/permit/schema-validators.js';
import { context, request as endorsementRequest } from '../endorsement/fixtures.js';
import { REQUEST_CASES as ENDORSEMENT_CASES } from '../endorsement/request-cases.js';
import { endorsementSubject } from '../verify/helpers.js';
import { EXAMPLE_FILES, example, issuedFrom } from './helpers.js';
import { PERMIT_CASES } from './permit-cases.js';
import { ORCHIDS, REQUEST_CASES } from './request-cases.js';

type Name = keyof typeof runtime.SCHEMAS;
type Generated = Record<Name, () => ValidateFunction> & { SCHEMAS: typeof runtime.SCHEMAS };

const GENERATOR = pathToFileURL(resolve('verifier-web/schema-validators.mjs')).href;
const fixture = (name: string): any => JSON.parse(readFileSync(resolve('test/verify/fixtures', name), 'utf8'));
const jwtSubject = (jwt: string): unknown => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')).vc.credentialSubject;
const mutated = <T>(doc: T, mutate: (d: any) => void): T => {
  const copy = structuredClone(doc);
  mutate(copy);
  return copy;
};

const GOLDEN_PERMIT = fixture('permit.json');
const ORCHID_PERMIT = issuedFrom(ORCHIDS);
const longText = (n: number, unit = 'x') => unit.repeat(n);

/** Documents for each validator: the golden fixtures, then mutated ones (the rule tests' cases, and a few aimed at formats, lengths and types). */
const DOCUMENTS: Record<Name, Array<[string, unknown]>> = {
  requestValidator: [
    ...EXAMPLE_FILES.map((file): [string, unknown] => [file, example(file)]),
    ...REQUEST_CASES.map((c): [string, unknown] => [c.name, mutated(example(c.file), c.mutate)]),
    ['a date that is no calendar day', mutated(example(ORCHIDS), (d) => (d.validUntil = '2026-02-30'))],
    ['200 astral characters (400 UTF-16 units) in a 200-character name', mutated(example(ORCHIDS), (d) => (d.importer.name = longText(200, '🦜')))],
    ['201 astral characters in a 200-character name', mutated(example(ORCHIDS), (d) => (d.importer.name = longText(201, '🦜')))],
    ['not an object', 'a permit'],
    ['null', null],
  ],
  permitValidator: [
    ['test/verify/fixtures/permit.json', GOLDEN_PERMIT],
    ['test/verify/fixtures/valid-permit.jwt', jwtSubject(readFileSync(resolve('test/verify/fixtures/valid-permit.jwt'), 'utf8').trim())],
    ...EXAMPLE_FILES.map((file): [string, unknown] => [`${file}, issued`, issuedFrom(file)]),
    ...PERMIT_CASES.map((c): [string, unknown] => [c.name, mutated(ORCHID_PERMIT, c.mutate)]),
    ['an acquisition date with a time', mutated(GOLDEN_PERMIT, (s) => (s.specimens[0].acquisitionDate = '1969-02-15T09:30:00Z'))],
    ['a date that is no calendar day', mutated(GOLDEN_PERMIT, (s) => (s.specimens[0].acquisitionDate = '1969-02-29'))],
    ['box 2, a date in box 13 and box 6 in the subject', mutated(GOLDEN_PERMIT, (s) => Object.assign(s, { validUntil: '2026-08-14', managementAuthority: {}, issuance: { ...s.issuance, date: '2026-02-15T09:30:00Z' } }))],
    ['an extra field, a bad block letter and a lowercase unit', mutated(GOLDEN_PERMIT, (s) => Object.assign(s, { colour: 'green', specimens: [{ ...s.specimens[0], block: 'a', unit: 'mlt' }] }))],
    ['an import permit of another authority with a DID that is too long', mutated(GOLDEN_PERMIT, (s) => (s.importPermit = { permitNumber: 'CH26-I000001', issuer: `did:web:${'x'.repeat(600)}` }))],
    ['wrong types everywhere', mutated(GOLDEN_PERMIT, (s) => Object.assign(s, { purpose: 5, specimens: {}, importer: 'CH', issuance: [] }))],
    ['an empty object', {}],
    ['an array', [GOLDEN_PERMIT]],
  ],
  endorsementRequestValidator: [
    ['test/endorsement/fixtures.ts request', endorsementRequest()],
    ...ENDORSEMENT_CASES.map((c): [string, unknown] => [c.name, c.input !== undefined ? c.input : mutated(endorsementRequest(), c.mutate)]),
  ],
  endorsementValidator: [
    ['test/verify/helpers.ts endorsementSubject', endorsementSubject('did:web:cites.example.org:lk')],
    ['a negative quantity and a bad port', endorsementSubject('did:web:cites.example.org:lk', { blocks: [{ block: 'A', quantity: -1, unit: 'MLT' }], portOfExport: 'lkcmb' })],
    ['a date that is no calendar day and no officer', mutated(endorsementSubject('did:web:cites.example.org:lk'), (e) => Object.assign(e, { date: '2026-13-01', officer: undefined }))],
    ['no blocks and an unknown country', endorsementSubject('did:web:cites.example.org:lk', { blocks: [], country: 'XX' })],
    ['the permit of the fixtures instead of an endorsement', context().permit],
  ],
  // Issue 9: the import confirmation request and the signed subject.
  importConfirmationRequestValidator: [
    ['a request', { issuer: 'did:web:cites.example.ch', permitNumber: '26CH000123', blocks: [{ block: 'A', quantity: 250 }], portOfImport: 'JPTYO', date: '2026-06-11' }],
    ['a bad port, a negative quantity and an extra field', { issuer: 'did:web:x', permitNumber: '1', blocks: [{ block: 'A', quantity: -1 }], portOfImport: 'tokyo', date: '2026-06-11', note: 1 }],
    ['an empty object', {}],
  ],
  importConfirmationValidator: [
    ['test/import-confirmation/fixtures/confirmation-subject.json', JSON.parse(readFileSync(resolve('test/import-confirmation/fixtures/confirmation-subject.json'), 'utf8').replace('"ISSUER"', '"did:web:cites.example.org:lk"'))],
    ['a flag that is not true and no officer', { permit: { id: 'urn:uuid:x', permitNumber: '1', issuer: 'did:web:x' }, blocks: [{ block: 'A', quantity: 1, unit: 'NAR' }], portOfImport: 'CHZRH', date: '2026-02-25', country: 'CH', exceedsPermitted: false }],
    ['the permit of the fixtures instead of a confirmation', context().permit],
  ],
};

/** The generated module as Node loads it, and bundled for the browser as build.mjs does (no import left: loaded from a data: URL). */
const loaded: Record<string, Generated> = {};

beforeAll(async () => {
  const { generateValidators } = (await import(GENERATOR)) as { generateValidators: () => Promise<string> };
  const file = await generateValidators();
  loaded['as Node loads it'] = (await import(`${pathToFileURL(file).href}?${Date.now()}`)) as Generated;
  const bundle = await build({ entryPoints: [file], bundle: true, format: 'esm', platform: 'browser', target: ['es2022'], minify: true, write: false, logLevel: 'warning' });
  // Nothing is compiled from a string when the page runs them.
  expect(/new Function|\beval\(/.test(bundle.outputFiles[0]!.text)).toBe(false);
  loaded['bundled by esbuild for the page'] = (await import(`data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0]!.contents).toString('base64')}`)) as Generated;
});

/** What a validator answers: its verdict, its errors, and the findings src/permit/schema-check.ts makes of them. */
function answer(validate: ValidateFunction, doc: unknown) {
  const valid = validate(doc);
  return { valid, errors: structuredClone(validate.errors ?? null), findings: schemaFindings(validate, doc) };
}

describe.each(['as Node loads it', 'bundled by esbuild for the page'])('the generated standalone validators, %s', (how) => {
  it('were generated from the schemas as they are in src now', () => {
    expect(loaded[how]!.SCHEMAS).toEqual(runtime.SCHEMAS);
    expect(Object.keys(loaded[how]!).filter((k) => k !== 'SCHEMAS').sort()).toEqual(Object.keys(runtime.SCHEMAS).sort());
  });

  describe.each(Object.keys(DOCUMENTS) as Name[])('%s: the same verdict, errors and findings as ajv compiling at run time', (name) => {
    it.each(DOCUMENTS[name])('%s', (_label, doc) => {
      const standalone = answer(loaded[how]![name](), doc);
      expect(standalone).toStrictEqual(answer(runtime[name](), doc));
    });
  });
});

it('the golden fixtures are valid and the mutated ones are not, so both outcomes are compared', () => {
  const valid = (name: Name, doc: unknown) => runtime[name]()(doc);
  expect([valid('permitValidator', GOLDEN_PERMIT), valid('requestValidator', example(ORCHIDS)), valid('endorsementRequestValidator', endorsementRequest())]).toEqual([true, true, true]);
  const permitErrors = (label: string) => {
    const doc = DOCUMENTS.permitValidator.find(([l]) => l === label)![1];
    return answer(runtime.permitValidator(), doc).findings.map((f) => [f.code, f.path]);
  };
  expect(permitErrors('an acquisition date with a time')).toEqual([['FIELD_INVALID', '/specimens/0/acquisitionDate']]);
  expect(permitErrors('a date that is no calendar day')).toEqual([['FIELD_INVALID', '/specimens/0/acquisitionDate']]);
  expect(permitErrors('box 2, a date in box 13 and box 6 in the subject')).toEqual([
    ['FIELD_UNKNOWN', '/validUntil'],
    ['FIELD_UNKNOWN', '/managementAuthority'],
    ['FIELD_UNKNOWN', '/issuance/date'],
  ]);
  expect(permitErrors('an extra field, a bad block letter and a lowercase unit')).toEqual([
    ['FIELD_UNKNOWN', '/colour'],
    ['FIELD_INVALID', '/specimens/0/block'],
    ['UNKNOWN_UNIT', '/specimens/0/unit'],
  ]);
});
