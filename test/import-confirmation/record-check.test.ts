/**
 * The core's record check reads the import confirmation on the permit's public record
 * (issue 9): signed by a customs or Management Authority trusted for the importer's country
 * (CH), for this permit, within what was exported. A golden confirmation (its subject is a
 * fixture file), then one mutated confirmation per defect; exact codes, time pinned.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PermitSubject } from '../../src/permit/model.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { VerificationResult } from '../../src/verify/verifier-types.js';
import { IMPORT_CONFIRMATION_CREDENTIAL_TYPE } from '../../src/vocab/credential-types.js';
import { agentBase } from '../verify/helpers.js';
import { citesContextUrl, citesImportContextUrl, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH, VC_V1_CONTEXT } from '../../src/vocab/contexts.js';
import type { ImportConfirmation } from '../../src/vocab/import-confirmation.js';
import { CUSTOMS, endorsementPayload, endorsementSubject, ISSUER, issuerWorld, NOW, OTHER, permitPayload, sign, STRANGER, SUBJECT, trustedCustoms, trustedMa } from '../verify/helpers.js';

const IS = ISSUER.didKey;

/** The golden subject: A 25 of the 25 ml exported, B none, at Zurich airport on 25 February. Must exist: never regenerated. */
const GOLDEN = JSON.parse(readFileSync(new URL('./fixtures/confirmation-subject.json', import.meta.url), 'utf8').replace('"ISSUER"', JSON.stringify(IS))) as ImportConfirmation;

const TWO_BLOCKS: PermitSubject = {
  ...SUBJECT,
  specimens: [SUBJECT.specimens[0]!, { ...SUBJECT.specimens[0]!, block: 'B', description: 'Hair samples', term: 'HAI', quantity: 12, unit: 'GRM' }],
};

/** A CITESImportConfirmation VC-JWT payload, as an importing agent signs it. */
function confirmationPayload(iss: string, subject: unknown): Record<string, unknown> {
  return {
    vc: {
      '@context': [VC_V1_CONTEXT, citesContextUrl(agentBase(iss)), citesImportContextUrl(agentBase(iss))],
      type: ['VerifiableCredential', IMPORT_CONFIRMATION_CREDENTIAL_TYPE],
      credentialSchema: { id: `${agentBase(iss)}${IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH}`, type: 'JsonSchema' },
      credentialSubject: subject,
    },
    iss,
    nbf: Date.UTC(2026, 1, 25, 16) / 1000,
    jti: 'urn:uuid:5d3b6a8e-1c2f-4e5a-8b7c-9d0e1f2a3b4c',
  };
}

const signers = { chCustoms: OTHER, lkCustoms: CUSTOMS, stranger: STRANGER };
const confirmation = (edit: (s: any) => void = () => {}, by: keyof typeof signers = 'chCustoms') => {
  const subject = structuredClone(GOLDEN) as any;
  edit(subject);
  return sign(confirmationPayload(signers[by].didKey, subject), signers[by].privateJwk);
};

/** LK's MA and customs, and Swiss customs (OTHER), are trusted. */
async function verifyWith(record: { endorse?: boolean; confirmations: string[] }): Promise<VerificationResult> {
  const world = issuerWorld();
  if (record.endorse !== false) {
    world.endorse(IS, await sign(endorsementPayload(CUSTOMS.didKey, endorsementSubject(IS, { blocks: [{ block: 'A', quantity: 25, unit: 'MLT' }, { block: 'B', quantity: 0, unit: 'GRM' }] })), CUSTOMS.privateJwk));
  }
  world.record(IS).importConfirmations = record.confirmations;
  const verifier = createPermitVerifier({
    checkPermit: false,
    resolveDid: createDidResolver({ methods: ['key'] }),
    trustedIssuers: [trustedMa(IS), trustedCustoms(CUSTOMS.didKey), trustedCustoms(OTHER.didKey, 'CH', 'Federal Office for Customs and Border Security')],
    fetch: world.fetch,
  });
  return verifier.verify(await sign(permitPayload(IS, TWO_BLOCKS)), { now: NOW });
}

const importCheck = (r: VerificationResult) => r.checks.find((c) => c.check === 'import');
const failed = (r: VerificationResult) => r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code]);

describe('a genuine import confirmation on the record', () => {
  it('→ state imported, "used up, on DATE, at PORT", per block permitted, exported and imported', async () => {
    const r = await verifyWith({ confirmations: [await confirmation()] });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.state).toBe('imported');
    expect(importCheck(r)).toEqual({
      check: 'import',
      ok: true,
      code: 'OK',
      message: 'Used up: imported on 2026-02-25 at CHZRH (A: 25 MLT, B: 0 GRM), confirmed by Federal Office for Customs and Border Security.',
    });
    expect(r.blocks).toEqual([
      { block: 'A', scientificName: 'Elephas maximus', permitted: { quantity: 40, unit: 'MLT' }, exported: { quantity: 25, unit: 'MLT' }, imported: { quantity: 25, unit: 'MLT' } },
      { block: 'B', scientificName: 'Elephas maximus', permitted: { quantity: 12, unit: 'GRM' }, exported: { quantity: 0, unit: 'GRM' }, imported: { quantity: 0, unit: 'GRM' } },
    ]);
    expect(r.imported).toEqual({
      id: 'urn:uuid:5d3b6a8e-1c2f-4e5a-8b7c-9d0e1f2a3b4c',
      confirmedBy: OTHER.didKey,
      authority: 'Federal Office for Customs and Border Security',
      country: 'CH',
      date: '2026-02-25',
      portOfImport: 'CHZRH',
      officer: 'M. Keller',
    });
  });

  it('a record without confirmations has no import check and no imported quantities (as before issue 9)', async () => {
    const r = await verifyWith({ confirmations: [] });
    expect(importCheck(r)).toBeUndefined();
    expect(r.state).toBe('used');
    expect(r.blocks!.every((b) => !('imported' in b))).toBe(true);
  });
});

describe('one mutated confirmation per defect', () => {
  const CASES: { name: string; make: () => Promise<string[]>; endorse?: boolean; code: string; detail: string }[] = [
    { name: 'signed by an untrusted DID', make: async () => [await confirmation(undefined, 'stranger')], code: 'CONFIRMATION_INVALID', detail: 'ISSUER_UNTRUSTED: ' },
    { name: 'signed by customs of another country (LK, the exporter)', make: async () => [await confirmation((s) => (s.country = 'LK'), 'lkCustoms')], code: 'CONFIRMATION_INVALID', detail: 'ISSUER_UNTRUSTED: ' },
    { name: 'made out for another country than the importer', make: async () => [await confirmation((s) => (s.country = 'NO'))], code: 'CONFIRMATION_INVALID', detail: 'It is made out for NO, not CH' },
    { name: 'a port outside the importing country', make: async () => [await confirmation((s) => (s.portOfImport = 'DEFRA'))], code: 'CONFIRMATION_INVALID', detail: 'Its port DEFRA is not in CH.' },
    { name: 'for another permit', make: async () => [await confirmation((s) => (s.permit.id = 'urn:uuid:00000000-0000-4000-8000-000000000000'))], code: 'CONFIRMATION_INVALID', detail: 'refers to another permit' },
    { name: 'a block the permit lacks', make: async () => [await confirmation((s) => s.blocks.push({ block: 'C', quantity: 1, unit: 'NAR' }))], code: 'CONFIRMATION_INVALID', detail: 'block C' },
    { name: 'two confirmations (Art. VI(5))', make: async () => [await confirmation(), await confirmation()], code: 'CONFIRMATION_INVALID', detail: '2 import confirmations' },
    { name: 'altered after signing', make: async () => [(await confirmation()).replace(/\.[^.]+$/, '.AAAA')], code: 'CONFIRMATION_INVALID', detail: 'SIGNATURE_INVALID' },
    { name: 'more imported than exported', make: async () => [await confirmation((s) => (s.blocks[0].quantity = 26))], code: 'IMPORTED_QUANTITY_EXCEEDED', detail: 'block A: 26 MLT imported, 25 MLT exported.' },
    {
      name: 'with no endorsement, more than permitted (even when flagged)',
      endorse: false,
      make: async () => [await confirmation((s) => ((s.blocks[1].quantity = 13), (s.exceedsPermitted = true)))],
      code: 'IMPORTED_QUANTITY_EXCEEDED',
      detail: 'block B: 13 GRM imported, 12 GRM permitted.',
    },
  ];

  it.each(CASES)('$name → import $code', async ({ make, endorse, code, detail }) => {
    const r = await verifyWith({ confirmations: await make(), ...(endorse === false && { endorse }) });
    expect(r.verified).toBe(false);
    expect(failed(r)).toEqual([['import', code]]);
    expect(importCheck(r)!.message).toContain(detail);
    expect(r.state).toBe(code === 'IMPORTED_QUANTITY_EXCEEDED' ? 'imported' : 'used');
  });

  it('a record whose importConfirmations is not a list of JWTs is not a permit record', async () => {
    const r = await verifyWith({ confirmations: [42 as never] });
    expect(failed(r)).toEqual([['endorsement', 'RECORD_UNAVAILABLE']]);
  });
});
