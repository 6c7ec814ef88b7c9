/**
 * How the core's status check weighs a notice the issuer sent directly (the `notices` input)
 * against its status lists, case by case, at a pinned time: the lists' outcome is what the
 * status checker would answer (reachable and clear, reachable and set, unreachable); then the
 * permit verifier with a `notices` input, against an issuer whose lists cannot be reached.
 */
import { describe, expect, it } from 'vitest';
import { checkLifecycle, stateOf, type LifecycleInput } from '../../src/verify/lifecycle.js';
import type { PermitVerifierOptions, StatusNotice } from '../../src/verify/verifier-types.js';
import { createPermitVerifier } from '../../src/verify/verify.js';
import { createDidResolver } from '../../src/verify/resolver.js';
import { ISSUER, issuerWorld, listUrl, NOW, OTHER, PERMIT_ID, permitPayload, sign, trustedMa } from '../verify/helpers.js';
import type { StatusOutcome } from '../../src/verify/status.js';

const AT = '2026-12-01T10:00:00.000Z';
const LISTED_AT = '2026-12-01T11:59:00.000Z';
const clear: StatusOutcome = { ok: true, revoked: false, suspended: false, checkedAt: LISTED_AT };
const revokedList: StatusOutcome = { ok: true, revoked: true, suspended: false, checkedAt: LISTED_AT };
const suspendedList: StatusOutcome = { ok: true, revoked: false, suspended: true, checkedAt: LISTED_AT };
const unreachable: StatusOutcome = { ok: false, code: 'STATUS_UNAVAILABLE', detail: 'connection refused' };

async function statusWith(list: StatusOutcome, notice?: StatusNotice) {
  const input: LifecycleInput = {
    claims: {
      issuer: 'did:web:lk.example',
      types: ['VerifiableCredential', 'CITESPermit'],
      subject: {},
      vc: { credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://lk.example/status/revocation/1' } },
      id: 'urn:uuid:6f1c2a8e-3b4d-4e5f-8a9b-0c1d2e3f4a5b',
    },
    issuer: { did: 'did:web:lk.example', role: 'managementAuthority', country: 'LK', name: 'DWC' },
    permit: {} as LifecycleInput['permit'],
    rulesOk: false,
    now: new Date('2026-12-01T12:00:00Z'),
    checkStatus: async () => list,
    checkRecord: async () => ({ ok: false, code: 'RECORD_UNAVAILABLE', detail: 'not asked' }),
    ...(notice !== undefined && { notice }),
  };
  const out = await checkLifecycle(input);
  const check = out.checks.find((c) => c.check === 'status')!;
  return { code: check.code, message: check.message, status: out.fields.status, state: stateOf({ ...out, valid: true, expired: false }) };
}

const revocation: StatusNotice = { status: 'revoked', issuer: 'did:web:lk.example', reason: 'stolen', replacedBy: 'LK26-E000043', at: AT };
const suspension: StatusNotice = { status: 'suspended', issuer: 'did:web:lk.example', reason: 'under investigation', at: AT };

describe('notified status in the core', () => {
  it('without a notice, an unreachable list leaves the status unchecked', async () => {
    expect(await statusWith(unreachable)).toMatchObject({ code: 'STATUS_UNAVAILABLE', state: 'unknown' });
  });

  it('a notified revocation is shown when the lists cannot be reached', async () => {
    expect(await statusWith(unreachable, revocation)).toEqual({
      code: 'REVOKED',
      message: `Revoked (notified by the issuing authority at ${AT}). Reason: stolen. It was replaced by permit LK26-E000043.`,
      status: { revoked: true, suspended: false, checkedAt: AT, notifiedAt: AT, reason: 'stolen', replacedBy: 'LK26-E000043' },
      state: 'revoked',
    });
  });

  it('a notified revocation outweighs a list that says the permit is clear (a cached list is the likelier fault)', async () => {
    expect(await statusWith(clear, revocation)).toMatchObject({ code: 'REVOKED', status: { revoked: true, checkedAt: LISTED_AT, notifiedAt: AT }, state: 'revoked' });
  });

  it('a list that says revoked keeps its own verdict, with the notice\'s reason when the record gives none', async () => {
    expect(await statusWith(revokedList, revocation)).toEqual({
      code: 'REVOKED',
      message: 'Reason: stolen. It was replaced by permit LK26-E000043.',
      status: { revoked: true, suspended: false, checkedAt: LISTED_AT, notifiedAt: AT, reason: 'stolen', replacedBy: 'LK26-E000043' },
      state: 'revoked',
    });
  });

  it('a notified suspension is shown when the lists cannot be reached or say clear; a revoked list outranks it', async () => {
    expect(await statusWith(unreachable, suspension)).toMatchObject({ code: 'SUSPENDED', message: `Suspended (notified by the issuing authority at ${AT}).`, state: 'suspended' });
    expect(await statusWith(clear, suspension)).toMatchObject({ code: 'SUSPENDED', state: 'suspended' });
    expect(await statusWith(suspendedList, suspension)).toMatchObject({ code: 'SUSPENDED', message: '', status: { suspended: true, notifiedAt: AT } });
    expect(await statusWith(revokedList, suspension)).toMatchObject({ code: 'REVOKED', state: 'revoked' });
  });
});

describe('notices given to the permit verifier', () => {
  const IS = ISSUER.didKey;
  function verifierWith(notices: PermitVerifierOptions['notices']) {
    const world = issuerWorld();
    // The issuer's lists cannot be reached: only a notice can tell the status.
    world.serve(listUrl(IS, 'revocation'), () => new Response('gone', { status: 503 }));
    const verifier = createPermitVerifier({
      checkPermit: false,
      resolveDid: createDidResolver({ methods: ['key'] }),
      trustedIssuers: [trustedMa(IS), trustedMa(OTHER.didKey, 'Federal Food Safety and Veterinary Office', 'CH')],
      fetch: world.fetch,
      notices,
    });
    return async () => {
      const r = await verifier.verify(await sign(permitPayload(IS)), { now: NOW });
      return [r.state, r.checks.find((c) => c.check === 'status')!.code];
    };
  }

  it('are looked up by the permit credential id and shown', async () => {
    const asked: string[] = [];
    const verify = verifierWith(async (id) => {
      asked.push(id);
      return { status: 'revoked', issuer: IS, reason: 'lost', at: AT };
    });
    expect(await verify()).toEqual(['revoked', 'REVOKED']);
    expect(asked).toEqual([PERMIT_ID]);
  });

  it('count only when the permit\'s own issuer notified them', async () => {
    expect(await verifierWith(async () => ({ status: 'revoked', issuer: OTHER.didKey, at: AT }))()).toEqual(['unknown', 'STATUS_UNAVAILABLE']);
  });

  it('leave the status unchecked, never valid, when the lookup fails', async () => {
    expect(
      await verifierWith(async () => {
        throw new Error('database locked');
      })(),
    ).toEqual(['unknown', 'STATUS_UNAVAILABLE']);
  });
});
