/**
 * Step 9, the endorsement: the permit's public record, read from the URL the permit names,
 * and the customs export endorsements (box 14) in it — VC-JWTs that must be signed by a
 * customs authority trusted for the issuing country and refer to this very permit.
 * One mutated fixture per defect, exact codes, time pinned.
 */
import { describe, expect, it } from 'vitest';
import { VERIFY_CODES, type VerifyCode } from '../../src/codes.js';
import type { Endorsement } from '../../src/endorsement/model.js';
import type { PermitSubject } from '../../src/permit/model.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import type { PermitVerifierOptions, VerificationResult } from '../../src/verify/verifier-types.js';
import {
  b64json, CUSTOMS, endorsementPayload, endorsementSubject, EXP, ISSUER, issuerWorld, NOW, OTHER, PERMIT_ID, SUBJECT, permitPayload, recordUrl, sign,
  STRANGER, trustedCustoms, trustedMa,
} from './helpers.js';

const IS = ISSUER.didKey;
const RECORD = recordUrl(IS);

/** The test permit with a second block: A 40 ml of blood, B 12 g of hair. */
const TWO_BLOCKS: PermitSubject = {
  ...SUBJECT,
  specimens: [
    SUBJECT.specimens[0]!,
    { ...SUBJECT.specimens[0]!, block: 'B', description: 'Hair samples', term: 'HAI', quantity: 12, unit: 'GRM' },
  ],
};

/** Shipped: A 25 of 40 ml, B none of 12 g. */
const PARTIAL: Endorsement['blocks'] = [
  { block: 'A', quantity: 25, unit: 'MLT' },
  { block: 'B', quantity: 0, unit: 'GRM' },
];

/** Sri Lanka's Management Authority and customs are trusted; OTHER is Swiss customs. */
function setup(extra: Partial<PermitVerifierOptions> = {}) {
  const world = issuerWorld();
  const verifier = createPermitVerifier({
    checkPermit: false, // These tests are about other steps; the rules are on by default (test/verify/rules.test.ts).
    resolveDid: createDidResolver({ methods: ['key'] }),
    trustedIssuers: [trustedMa(IS), trustedCustoms(CUSTOMS.didKey), trustedCustoms(OTHER.didKey, 'CH', 'Federal Office for Customs and Border Security')],
    fetch: world.fetch,
    ...extra,
  });
  return { world, verify: async (jwt: string, now = NOW) => verifier.verify(jwt, { now }) };
}

const permit = (edit: (payload: Record<string, unknown> & { vc: Record<string, unknown> }) => void = () => {}) => {
  const payload = permitPayload(IS, TWO_BLOCKS) as Record<string, unknown> & { vc: Record<string, unknown> };
  edit(payload);
  return sign(payload);
};

/** An endorsement of the test permit (partial shipment unless overridden), signed by Sri Lanka Customs unless another signer is given. */
function endorsement(overrides: Partial<Endorsement> = {}, by: { did: string; key: object } = { did: CUSTOMS.didKey, key: CUSTOMS.privateJwk }, jti?: string): Promise<string> {
  return sign(endorsementPayload(by.did, endorsementSubject(IS, { blocks: PARTIAL, ...overrides }), jti), by.key as never);
}

const endorsementOf = (r: VerificationResult) => r.checks.find((c) => c.check === 'endorsement')!;

/** The endorsement check, and only it, failed with `code`. */
function expectEndorsement(r: VerificationResult, code: VerifyCode): void {
  expect(r.verified).toBe(false);
  expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([['endorsement', code]]);
  expect(endorsementOf(r).message.startsWith(VERIFY_CODES[code])).toBe(true);
}

const NOT_EXPORTED = [
  { block: 'A', scientificName: 'Elephas maximus', permitted: { quantity: 40, unit: 'MLT' }, exported: null },
  { block: 'B', scientificName: 'Elephas maximus', permitted: { quantity: 12, unit: 'GRM' }, exported: null },
];

describe('a permit not yet endorsed', () => {
  it('→ endorsement OK "Not yet endorsed", state valid, blocks with nothing exported', async () => {
    const { verify, world } = setup();
    const r = await verify(await permit());
    expect(r.verified).toBe(true);
    expect(endorsementOf(r)).toEqual({ check: 'endorsement', ok: true, code: 'OK', message: 'Not yet endorsed for export by customs.' });
    expect(r.state).toBe('valid');
    expect(r.blocks).toEqual(NOT_EXPORTED);
    expect(r.endorsement).toBeUndefined();
    expect(world.count(RECORD)).toBe(1);
  });
});

describe('a valid endorsement', () => {
  it('a partial shipment endorsed by customs of the same country → OK, state used, blocks and endorsement shown', async () => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement());
    const r = await verify(await permit());
    expect(r.verified).toBe(true);
    expect(r.state).toBe('used');
    expect(endorsementOf(r)).toEqual({
      check: 'endorsement',
      ok: true,
      code: 'OK',
      message: 'Used for export on 2026-02-20 at LKCMB (A: 25 of 40 MLT, B: 0 of 12 GRM), endorsed by Sri Lanka Customs.',
    });
    expect(r.blocks).toEqual([
      { block: 'A', scientificName: 'Elephas maximus', permitted: { quantity: 40, unit: 'MLT' }, exported: { quantity: 25, unit: 'MLT' } },
      { block: 'B', scientificName: 'Elephas maximus', permitted: { quantity: 12, unit: 'GRM' }, exported: { quantity: 0, unit: 'GRM' } },
    ]);
    expect(r.endorsement).toEqual({
      id: 'urn:uuid:0b7e8c52-7f44-4c1a-9d55-3c2f1e0a9b11',
      endorsedBy: CUSTOMS.didKey,
      authority: 'Sri Lanka Customs',
      date: '2026-02-20',
      portOfExport: 'LKCMB',
      transportDocument: '176-12345675',
      officer: 'N. Silva',
    });
  });

  it('the full permitted quantity is not "exceeded"', async () => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement({ blocks: [{ block: 'A', quantity: 40, unit: 'MLT' }, { block: 'B', quantity: 12, unit: 'GRM' }] }));
    const r = await verify(await permit());
    expect(r.verified).toBe(true);
    expect(r.state).toBe('used');
  });
});

describe('QUANTITY_EXCEEDED', () => {
  it('an endorsed quantity above the permitted one (41 of 40 ml)', async () => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement({ blocks: [{ block: 'A', quantity: 41, unit: 'MLT' }, PARTIAL[1]!] }));
    const r = await verify(await permit());
    expectEndorsement(r, 'QUANTITY_EXCEEDED');
    expect(endorsementOf(r).message).toContain('block A: 41 MLT endorsed, 40 MLT permitted');
    expect(r.blocks![0]!.exported).toEqual({ quantity: 41, unit: 'MLT' });
    expect(r.endorsement?.endorsedBy).toBe(CUSTOMS.didKey);
  });

  it('an endorsed quantity in another unit (25 g where the permit counts ml)', async () => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement({ blocks: [{ block: 'A', quantity: 25, unit: 'GRM' }, PARTIAL[1]!] }));
    const r = await verify(await permit());
    expectEndorsement(r, 'QUANTITY_EXCEEDED');
    expect(r.blocks![0]!.exported).toEqual({ quantity: 25, unit: 'GRM' });
  });
});

describe('ENDORSEMENT_INVALID', () => {
  const signers = {
    'an untrusted key': { did: STRANGER.didKey, key: STRANGER.privateJwk },
    'a customs key trusted for another country (CH)': { did: OTHER.didKey, key: OTHER.privateJwk },
    "the Management Authority's own key (role managementAuthority, not customs)": { did: ISSUER.didKey, key: ISSUER.privateJwk },
  };

  it.each(Object.entries(signers))('signed by %s', async (_name, by) => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement({}, by));
    const r = await verify(await permit());
    expectEndorsement(r, 'ENDORSEMENT_INVALID');
    expect(endorsementOf(r).message).toContain(`${by.did} is not a customs authority trusted for LK`);
    expect(r.endorsement).toBeUndefined();
    expect(r.blocks).toEqual(NOT_EXPORTED);
  });

  it('naming the trusted customs DID but signed with another key (bad signature)', async () => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement({}, { did: CUSTOMS.didKey, key: STRANGER.privateJwk }));
    const r = await verify(await permit());
    expectEndorsement(r, 'ENDORSEMENT_INVALID');
    expect(endorsementOf(r).message).toContain('SIGNATURE_INVALID');
  });

  it('a signed endorsement whose quantity was altered afterwards (tampered)', async () => {
    const { verify, world } = setup();
    const [h, , s] = (await endorsement()).split('.');
    const altered = endorsementPayload(CUSTOMS.didKey, endorsementSubject(IS, { blocks: [{ block: 'A', quantity: 5, unit: 'MLT' }, PARTIAL[1]!] }));
    world.endorse(IS, `${h}.${b64json(altered)}.${s}`);
    expectEndorsement(await verify(await permit()), 'ENDORSEMENT_INVALID');
  });

  it('a malformed endorsement (no officer)', async () => {
    const { verify, world } = setup();
    const subject: Partial<Endorsement> = endorsementSubject(IS, { blocks: PARTIAL });
    delete subject.officer;
    world.endorse(IS, await sign(endorsementPayload(CUSTOMS.didKey, subject), CUSTOMS.privateJwk));
    const r = await verify(await permit());
    expectEndorsement(r, 'ENDORSEMENT_INVALID');
    expect(endorsementOf(r).message).toContain('malformed');
  });

  it.each([
    ['another permit id', { id: 'urn:uuid:11111111-2222-4333-8444-555555555555', permitNumber: SUBJECT.permitNumber, issuer: IS }],
    ['another permit number', { id: PERMIT_ID, permitNumber: 'LK-2026-EX-000124', issuer: IS }],
    ['another issuing authority', { id: PERMIT_ID, permitNumber: SUBJECT.permitNumber, issuer: OTHER.didKey }],
  ])('an endorsement for %s', async (_name, ref) => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement({ permit: ref }));
    const r = await verify(await permit());
    expectEndorsement(r, 'ENDORSEMENT_INVALID');
    expect(endorsementOf(r).message).toContain('another permit');
  });

  it('two valid endorsements (one permit, one consignment: Art. VI(5))', async () => {
    const { verify, world } = setup();
    world.endorse(
      IS,
      await endorsement(),
      await endorsement({ date: '2026-03-01', transportDocument: '176-99999990' }, undefined, 'urn:uuid:5d0c6f8a-1e2b-4c3d-8e9f-a0b1c2d3e4f5'),
    );
    const r = await verify(await permit());
    expectEndorsement(r, 'ENDORSEMENT_INVALID');
    expect(endorsementOf(r).message).toContain('2 export endorsements');
    expect(endorsementOf(r).message).toContain('Art. VI(5)');
  });
});

describe('RECORD_UNAVAILABLE', () => {
  it.each([
    ['the record returns HTTP 500', () => new Response('oops', { status: 500 })],
    ['fetching the record throws', () => Promise.reject(new TypeError('fetch failed'))],
    ['the record is not JSON', () => new Response('<html>maintenance</html>', { headers: { 'content-type': 'text/html' } })],
  ])('%s', async (_name, route) => {
    const { verify, world } = setup();
    world.serve(RECORD, route);
    const r = await verify(await permit());
    expectEndorsement(r, 'RECORD_UNAVAILABLE');
    expect(r.blocks).toBeUndefined();
  });

  it('the record is for another permit id', async () => {
    const { verify, world } = setup();
    world.record(IS).id = 'urn:uuid:11111111-2222-4333-8444-555555555555';
    const r = await verify(await permit());
    expectEndorsement(r, 'RECORD_UNAVAILABLE');
    expect(endorsementOf(r).message).toContain('another permit');
  });

  it('the permit names no record', async () => {
    const { verify, world } = setup();
    const r = await verify(await permit((p) => delete p.vc.permitRecord));
    expectEndorsement(r, 'RECORD_UNAVAILABLE');
    expect(world.count(RECORD)).toBe(0);
  });
});

describe('the state a person sees first', () => {
  it('revoked and endorsed → revoked (the endorsement itself is fine)', async () => {
    const { verify, world } = setup();
    world.endorse(IS, await endorsement());
    world.revoke(IS, 'fraud');
    const r = await verify(await permit());
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([['status', 'REVOKED']]);
    expect(endorsementOf(r).ok).toBe(true);
    expect(r.state).toBe('revoked');
    expect(r.status).toMatchObject({ revoked: true, reason: 'fraud' });
    expect(r.endorsement?.endorsedBy).toBe(CUSTOMS.didKey);
  });

  it.each([
    ['not endorsed', false],
    ['endorsed', true],
  ])('an expired permit, %s → expired', async (_name, endorsed) => {
    const { verify, world } = setup();
    if (endorsed) world.endorse(IS, await endorsement());
    const r = await verify(await permit(), new Date((EXP + 86_400) * 1000));
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => !c.ok).map((c) => [c.check, c.code])).toEqual([['validity', 'EXPIRED']]);
    expect(r.state).toBe('expired');
  });
});

describe('when the endorsement check runs', () => {
  it('not when the permit rules fail: the record is not even fetched', async () => {
    const { verify, world } = setup({ checkPermit: () => ({ errors: [{ code: 'FIELD_REQUIRED', path: '/specimens', message: 'missing' }], warnings: [] }) });
    world.endorse(IS, await endorsement({}, { did: STRANGER.didKey, key: STRANGER.privateJwk }));
    const r = await verify(await permit());
    expect(r.checks.map((c) => c.check)).toEqual(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status']);
    expect(r.checks.filter((c) => !c.ok).map((c) => c.code)).toEqual(['PERMIT_INVALID']);
    expect(world.count(RECORD)).toBe(0);
  });

  it('when the permit rules pass', async () => {
    const { verify, world } = setup({ checkPermit: () => ({ errors: [], warnings: [] }) });
    world.endorse(IS, await endorsement());
    const r = await verify(await permit());
    expect(r.checks.map((c) => c.check)).toEqual(['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status', 'endorsement']);
    expect(r.verified).toBe(true);
    expect(r.state).toBe('used');
  });
});

describe('an endorsement that does not fit the permit it names', () => {
  const cases: [string, Partial<Endorsement>, string][] = [
    ['made out for another country', { country: 'CH' }, 'It is made out for CH, not LK.'],
    ['with a port abroad', { portOfExport: 'CHGVA' }, 'Its port CHGVA is not in LK.'],
    ['dated after the permit expired', { date: '2026-08-15' }, 'It is dated 2026-08-15, after the permit expired (2026-08-14).'],
    ['dated before the permit was issued', { date: '2026-02-14' }, 'It is dated 2026-02-14, before the permit was issued.'],
    ['naming a block the permit lacks', { blocks: [...PARTIAL, { block: 'Z', quantity: 999, unit: 'KGM' }] }, 'It names block Z, which the permit does not have.'],
  ];
  for (const [name, overrides, detail] of cases) {
    it(`${name} → ENDORSEMENT_INVALID, state unknown`, async () => {
      const { verify, world } = setup();
      world.endorse(IS, await endorsement(overrides));
      const r = await verify(await permit());
      expectEndorsement(r, 'ENDORSEMENT_INVALID');
      expect(endorsementOf(r).message).toBe(`${VERIFY_CODES.ENDORSEMENT_INVALID} ${detail}`);
      expect(r.state).toBe('unknown');
    });
  }
});

describe('what the verdict takes from the unsigned record', () => {
  it('a record that cannot be read leaves the use unknown: state unknown, never valid', async () => {
    const { verify, world } = setup();
    world.serve(RECORD, () => new Response('nope', { status: 500 }));
    const r = await verify(await permit());
    expectEndorsement(r, 'RECORD_UNAVAILABLE');
    expect(r.state).toBe('unknown');
  });

  it('ignores a revocation reason outside the fixed list and a replacement of a permit that is not revoked', async () => {
    const { verify, world } = setup();
    world.serve(RECORD, () =>
      Response.json({ id: PERMIT_ID, permitNumber: SUBJECT.permitNumber, issuer: IS, status: 'valid', revocation: { reason: { evil: true } }, replacedBy: 'LK26-E999999', endorsements: [], updatedAt: '2026-02-15T09:30:00Z' }),
    );
    const r = await verify(await permit());
    expect(r.verified).toBe(true);
    expect(r.status).toEqual({ revoked: false, suspended: false, checkedAt: r.status!.checkedAt });
  });

  it('a permit without a credential id (jti) cannot be matched to a record → RECORD_UNAVAILABLE', async () => {
    const { verify } = setup();
    const r = await verify(await permit((p) => delete p.jti));
    expectEndorsement(r, 'RECORD_UNAVAILABLE');
    expect(endorsementOf(r).message).toBe(`${VERIFY_CODES.RECORD_UNAVAILABLE} The permit has no credential id (jti).`);
  });

  it('a signed permit with no blocks and no rule check does not make verify throw', async () => {
    const { verify } = setup();
    const r = await verify(await permit((p) => {
      delete (p.vc.credentialSubject as Record<string, unknown>).specimens;
    }));
    expectEndorsement(r, 'RECORD_UNAVAILABLE');
    expect(endorsementOf(r).message).toBe(`${VERIFY_CODES.RECORD_UNAVAILABLE} The permit has no blocks to compare.`);
  });

  it('status.checkedAt comes from the injected real clock, not from the moment judged', async () => {
    const { verify } = setup({ clock: () => Date.parse('2026-03-01T12:00:05Z') });
    const r = await verify(await permit());
    expect(r.status!.checkedAt).toBe('2026-03-01T12:00:05.000Z');
  });
});
