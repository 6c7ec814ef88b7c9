/**
 * What a real agent (SQLite file, its own keys and trust) refuses at issuance that the
 * request schema alone cannot see: a built permit that breaks the rules because of the
 * agent's own data, an import permit of an authority it does not trust; and what it stores:
 * the request's texts in NFC. A refusal signs nothing and uses no number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, didOf, examples, SIGNATORY, type TestAgent } from '../qr/helpers.js';

let lk: TestAgent;
const elephant = () => structuredClone(examples().find((e) => e.name === 'export-lk-elephant-samples')!.request) as any;
const orchids = () => structuredClone(examples().find((e) => e.name === 'export-lk-orchids')!.request) as any;
const officer = { signatory: SIGNATORY.LK };
const pairs = (errors: { code: string; path: string }[]) => errors.map((e) => [e.code, e.path]);
const sequenceOf = (permitNumber: string) => Number(permitNumber.slice(-6));

beforeAll(async () => {
  lk = await createAgent('LK');
});

afterAll(async () => {
  await lk?.close();
});

async function issuedNumber(): Promise<number> {
  const outcome = await lk.saiga.issuer.issue(orchids(), officer);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return sequenceOf(outcome.record.permitNumber);
}

describe('the built permit is checked before signing', () => {
  it('refuses with ISSUED_PERMIT_INVALID when the signatory (from the token) is 300 characters, and uses no number', async () => {
    const before = await issuedNumber();
    const outcome = await lk.saiga.issuer.issue(orchids(), { signatory: 'A'.repeat(300) });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors.map((e) => e.code)).toEqual(['ISSUED_PERMIT_INVALID']);
    expect(outcome.errors[0]!.path).toMatch(/\/signatory$/);
    expect(outcome.errors[0]!.message).toContain('FIELD_INVALID');
    expect((await lk.saiga.permits.list({ limit: 200, offset: 0 })).total).toBe(before);
    expect(await issuedNumber()).toBe(before + 1);
  });

  it('refuses a signatory with a right-to-left override the same way', async () => {
    const outcome = await lk.saiga.issuer.issue(orchids(), { signatory: 'Kamal \u202EPerera' });
    expect(outcome.ok ? [] : outcome.errors.map((e) => e.code)).toEqual(['ISSUED_PERMIT_INVALID']);
  });
});

describe('the import permit an Appendix I export relies on (Art. III(2)(d))', () => {
  it('issues the shipped elephant export: CH is a trusted peer of LK', async () => {
    const outcome = await lk.saiga.issuer.issue(elephant(), officer);
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  });

  it.each([
    ['an authority it does not trust', { permitNumber: 'XX00-NOPE', issuer: 'did:web:evil.example' }, [['IMPORT_PERMIT_ISSUER_UNTRUSTED', '/importPermit/issuer']]],
    ["a trusted authority of another country than the importer's", { permitNumber: 'NO26-I000001', issuer: didOf('NO') }, [['IMPORT_PERMIT_WRONG_COUNTRY', '/importPermit/issuer']]],
    ['the shipped placeholder', { permitNumber: 'REPLACE-WITH-THE-CH-IMPORT-PERMIT-NUMBER', issuer: didOf('CH') }, [['IMPORT_PERMIT_NUMBER_INVALID', '/importPermit/permitNumber']]],
  ])('refuses an import permit of %s and uses no number', async (_name, importPermit, expected) => {
    const before = await issuedNumber();
    const request = elephant();
    request.importPermit = importPermit;
    const outcome = await lk.saiga.issuer.issue(request, officer);
    expect(outcome.ok ? [] : pairs(outcome.errors)).toEqual(expected);
    expect(await issuedNumber()).toBe(before + 1);
  });

  it('the agent verifier accepts the export it issued, naming a CH import permit', async () => {
    const outcome = await lk.saiga.issuer.issue(elephant(), officer);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.record.permit.importPermit).toEqual({ permitNumber: 'CH26-I000001', issuer: didOf('CH'), country: 'CH' });
    const verdict = await lk.saiga.verifier.verify(outcome.record.jwt);
    expect(verdict.verified, JSON.stringify(verdict.checks)).toBe(true);
  });
});

describe('texts are stored as validated: in NFC', () => {
  it('stores a decomposed name composed, and signs it so', async () => {
    const request = orchids();
    request.importer.name = 'Jardin botanique de Gene\u0300ve'; // e + combining grave
    const outcome = await lk.saiga.issuer.issue(request, officer);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.record.permit.importer.name).toBe('Jardin botanique de Genève');
    expect(outcome.record.permit.importer.name).toBe(outcome.record.permit.importer.name.normalize('NFC'));
    const payload = JSON.parse(Buffer.from(outcome.record.jwt.split('.')[1]!, 'base64url').toString('utf8'));
    expect(payload.vc.credentialSubject.importer.name).toBe('Jardin botanique de Gen\u00E8ve');
  });
});
