/**
 * The core's `linkedPermits` check (src/verify/linked-permits.ts): an Appendix I export
 * whose public record links the import permit it relies on (Art. III(2)(d)). The golden
 * pair — the LK export of test/verify/fixtures/permit.json naming a CH import permit, and
 * that import permit signed by the CH key — verifies; each mutation fails with its own code.
 * Ed25519 signatures are deterministic and time is pinned (NOW), so the credentials are the
 * same on every run.
 */
import { base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES } from '../../src/codes.js';
import { resolveDidKey } from '../../src/verify/did-key.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { VerificationResult } from '../../src/verify/verifier-types.js';
import { compareLinkedPermit } from '../../src/verify/linked-permits.js';
import { b64json, CUSTOMS, EXP, ISSUER, issuerWorld, listUrl, NBF, NOW, OTHER, permitPayload, sign, STRANGER, stubResolver, SUBJECT, trustedMa } from '../verify/helpers.js';

const LK = ISSUER;
const CH = OTHER;
/** A third trusted Management Authority, of Norway (the customs test key, trusted here as an MA). */
const NO = CUSTOMS;
const IMPORT_NUMBER = 'CH26-I000001';

const EXPORT_SUBJECT = { ...structuredClone(SUBJECT), importPermit: { permitNumber: IMPORT_NUMBER, issuer: CH.didKey, country: 'CH' } };
/** The CH import permit the export relies on: the same importer, exporter and species, 40 ml. */
const IMPORT_SUBJECT = {
  documentType: 'import',
  permitNumber: IMPORT_NUMBER,
  importer: SUBJECT.importer,
  exporter: SUBJECT.exporter,
  purpose: 'S',
  specimens: [{ ...SUBJECT.specimens[0]! }],
  issuance: { place: 'Bern', signatory: 'A. MÜLLER' },
};

type Mutation = { subject?: (s: typeof IMPORT_SUBJECT) => void; payload?: (p: Record<string, unknown>) => void; iss?: typeof CH };

async function importJwt(m: Mutation = {}): Promise<string> {
  const signer = m.iss ?? CH;
  const subject = structuredClone(IMPORT_SUBJECT);
  m.subject?.(subject);
  const payload = permitPayload(signer.didKey, subject);
  m.payload?.(payload);
  return sign(payload, signer.privateJwk);
}

function setup() {
  const world = issuerWorld([LK, CH, NO, STRANGER].map((s) => ({ did: s.didKey, key: s.privateJwk })));
  const resolveDid = stubResolver(Object.fromEntries([LK, CH, NO, STRANGER].map((s) => [s.didKey, resolveDidKey(s.didKey).didDocument!])));
  const verifier = createPermitVerifier({
    resolveDid,
    trustedIssuers: [trustedMa(LK.didKey), trustedMa(CH.didKey, 'Federal Food Safety and Veterinary Office', 'CH'), trustedMa(NO.didKey, 'Norwegian Environment Agency', 'NO')],
    fetch: world.fetch,
  });
  return { world, verifier };
}

async function verifyLinked(linked: string[] | undefined, prepare?: (world: ReturnType<typeof setup>['world']) => void): Promise<VerificationResult> {
  const { world, verifier } = setup();
  if (linked !== undefined) world.record(LK.didKey).linkedPermits = linked;
  prepare?.(world);
  return verifier.verify(await sign(permitPayload(LK.didKey, EXPORT_SUBJECT), LK.privateJwk), { now: NOW });
}

const linkedCheck = (r: VerificationResult) => r.checks.find((c) => c.check === 'linkedPermits');

describe('the golden pair', () => {
  it('an export linking its genuine import permit verifies, with the import permit\'s number and state', async () => {
    const result = await verifyLinked([await importJwt()]);
    expect(result.checks.map((c) => [c.check, c.code])).toEqual([
      ['format', 'OK'], ['algorithm', 'OK'], ['trust', 'OK'], ['issuer', 'OK'], ['signature', 'OK'], ['validity', 'OK'], ['permit', 'OK'], ['status', 'OK'], ['endorsement', 'OK'], ['linkedPermits', 'OK'],
    ]);
    expect(result.verified).toBe(true);
    expect(linkedCheck(result)!.message).toBe('Relies on import permit CH26-I000001 of Federal Food Safety and Veterinary Office (CH), valid until 2026-08-14; it covers this export.');
    expect(result.linkedPermits).toEqual([{ permitNumber: IMPORT_NUMBER, issuer: CH.didKey, state: 'valid', validUntil: '2026-08-14T23:59:59.000Z' }]);
  });

  it('a permit that names no import permit gets no linked check', async () => {
    const { verifier } = setup();
    const appendixII = { ...structuredClone(SUBJECT), specimens: [{ ...SUBJECT.specimens[0]!, appendix: 'II' }] };
    const result = await verifier.verify(await sign(permitPayload(LK.didKey, appendixII), LK.privateJwk), { now: NOW });
    expect(result.verified).toBe(true);
    expect(linkedCheck(result)).toBeUndefined();
  });

  it('an import permit that expired after the export was issued is no defect (validity at the export\'s issuance date)', async () => {
    const result = await verifyLinked([await importJwt({ payload: (p) => (p.exp = Date.UTC(2026, 1, 27, 23, 59, 59) / 1000) })]);
    expect(linkedCheck(result)!.code).toBe('OK');
    expect(result.linkedPermits![0]!.state).toBe('expired');
  });
});

describe('an export whose record links no import permit', () => {
  it('passes with the reservation LINKED_PERMIT_MISSING: not verified as linked, a warning', async () => {
    const result = await verifyLinked(undefined);
    expect(linkedCheck(result)).toEqual({ check: 'linkedPermits', ok: true, code: 'LINKED_PERMIT_MISSING', message: `${VERIFY_CODES.LINKED_PERMIT_MISSING} (import permit CH26-I000001)` });
    expect(result.verified).toBe(true);
    expect(result.state).toBe('valid');
  });
});

describe('one mutated import permit per defect, each with its own code', () => {
  const cases: [string, () => Promise<string[]>, string, ((w: ReturnType<typeof setup>['world']) => void)?][] = [
    ['signed by an authority not on the list', async () => [await importJwt({ iss: STRANGER })], 'LINKED_PERMIT_UNTRUSTED'],
    [
      'of another country (NO, for an importer in NO)',
      async () => [await importJwt({ iss: NO, subject: (s) => (s.importer = { ...s.importer, country: 'NO', address: 'Brattørkaia 15, 7010 Trondheim' }) })],
      'LINKED_PERMIT_UNTRUSTED',
    ],
    ['signed by a trusted authority of another country (NO) for an importer in CH: it breaks the rules', async () => [await importJwt({ iss: NO })], 'LINKED_PERMIT_INVALID'],
    [
      'altered after signing (quantity raised in the payload)',
      async () => {
        const [h, , s] = (await importJwt()).split('.');
        const payload = permitPayload(CH.didKey, { ...IMPORT_SUBJECT, specimens: [{ ...IMPORT_SUBJECT.specimens[0]!, quantity: 400 }] });
        return [`${h}.${b64json(payload)}.${s}`];
      },
      'LINKED_PERMIT_INVALID',
    ],
    ['not a JWT at all', async () => ['not-a-jwt'], 'LINKED_PERMIT_INVALID'],
    ['revoked by the importing authority', async () => [await importJwt()], 'LINKED_PERMIT_REVOKED', (w) => w.revoke(CH.didKey, 'cancelled')],
    ['suspended by the importing authority', async () => [await importJwt()], 'LINKED_PERMIT_SUSPENDED', (w) => w.suspend(CH.didKey)],
    ['whose status list cannot be read', async () => [await importJwt()], 'LINKED_PERMIT_STATUS_UNAVAILABLE', (w) => w.serve(listUrl(CH.didKey, 'revocation'), () => new Response('down', { status: 503 }))],
    ['that expired before the export was issued', async () => [await importJwt({ payload: (p) => ((p.nbf = NBF - 200 * 86400), (p.exp = NBF - 86400)) })], 'LINKED_PERMIT_NOT_VALID_AT_ISSUE'],
    ['for another species', async () => [await importJwt({ subject: (s) => (s.specimens[0]!.scientificName = 'Panthera tigris') })], 'LINKED_PERMIT_MISMATCH'],
    ['for another importer', async () => [await importJwt({ subject: (s) => (s.importer = { ...s.importer, name: 'Zoo Basel' }) })], 'LINKED_PERMIT_MISMATCH'],
    ['with another number', async () => [await importJwt({ subject: (s) => (s.permitNumber = 'CH26-I000002') })], 'LINKED_PERMIT_MISMATCH'],
    ['for a smaller quantity (39 ml for 40 exported)', async () => [await importJwt({ subject: (s) => (s.specimens[0]!.quantity = 39) })], 'LINKED_PERMIT_QUANTITY_EXCEEDED'],
  ];
  it.each(cases)('an import permit %s', async (_name, linked, code, prepare) => {
    const result = await verifyLinked(await linked(), prepare);
    const check = linkedCheck(result)!;
    expect([check.ok, check.code]).toEqual([false, code]);
    expect(check.message.startsWith(VERIFY_CODES[code as keyof typeof VERIFY_CODES])).toBe(true);
    expect(result.verified).toBe(false);
    // The export itself is fine: only the link fails.
    expect(result.checks.filter((c) => !c.ok).map((c) => c.check)).toEqual(['linkedPermits']);
  });

  it('a revoked import permit shows as such in the details', async () => {
    const result = await verifyLinked([await importJwt()], (w) => w.revoke(CH.didKey, 'cancelled'));
    expect(result.linkedPermits).toEqual([{ permitNumber: IMPORT_NUMBER, issuer: CH.didKey, state: 'revoked', validUntil: new Date(EXP * 1000).toISOString() }]);
  });

  it('the golden import permit fixture is what was signed: its payload reads back', async () => {
    const payload = JSON.parse(new TextDecoder().decode(base64url.decode((await importJwt()).split('.')[1]!)));
    expect(payload.vc.credentialSubject.permitNumber).toBe(IMPORT_NUMBER);
  });
});

describe('compareLinkedPermit (shared with issuance)', () => {
  const held = { ...IMPORT_SUBJECT, validUntil: '2026-08-14', specimens: [{ ...IMPORT_SUBJECT.specimens[0]!, block: 'A' }] } as never;
  const exportDoc = () => structuredClone(EXPORT_SUBJECT) as never as Parameters<typeof compareLinkedPermit>[0];
  const ch = { did: CH.didKey, country: 'CH' };

  it('finds nothing for the golden pair, whatever the case and spacing of the names', () => {
    const doc = exportDoc();
    doc.importer.name = '  institute of genetics,  University of Bern ';
    (doc.specimens[0] as { scientificName: string }).scientificName = 'elephas  maximus';
    expect(compareLinkedPermit(doc, held, ch)).toEqual([]);
  });

  it('sums blocks of one species and unit before comparing (two blocks of 25 ml against 40)', () => {
    const doc = exportDoc();
    (doc as unknown as { specimens: unknown[] }).specimens = [{ ...doc.specimens[0]!, quantity: 25 }, { ...doc.specimens[0]!, quantity: 25 }];
    expect(compareLinkedPermit(doc, held, ch).map((m) => [m.kind, m.path])).toEqual([['quantity', '/specimens/0/quantity']]);
  });

  it('names each defect with its path', () => {
    const doc = exportDoc();
    doc.exporter.country = 'IN';
    (doc.specimens[0] as { unit: string }).unit = 'KGM';
    expect(compareLinkedPermit(doc, held, { did: NO.didKey, country: 'NO' }).map((m) => [m.kind, m.path])).toEqual([
      ['issuer', '/importPermit/issuer'],
      ['wrongCountry', '/importPermit/issuer'],
      ['exporter', '/exporter/country'],
      ['unit', '/specimens/0/unit'],
    ]);
  });
});

describe('the page\'s verdict for the linked check', () => {
  it('an unreadable status of the import permit is "status unchecked"; any other link failure is "invalid"', async () => {
    const { verdictForCode } = await import('../../verifier-web/src/verdict.js');
    expect(verdictForCode('LINKED_PERMIT_STATUS_UNAVAILABLE')).toBe('status-unchecked');
    for (const code of ['LINKED_PERMIT_REVOKED', 'LINKED_PERMIT_MISMATCH', 'LINKED_PERMIT_QUANTITY_EXCEEDED', 'LINKED_PERMIT_UNTRUSTED']) expect(verdictForCode(code)).toBe('invalid');
  });
});
