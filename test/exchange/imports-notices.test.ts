/**
 * How the core's status check weighs a notice the issuer sent directly (the `notices` input)
 * against its status lists, case by case, at a pinned time: the lists' outcome is what the
 * status checker would answer (reachable and clear, reachable and set, unreachable).
 */
import { describe, expect, it } from 'vitest';
import { checkLifecycle, stateOf, type LifecycleInput } from '../../src/verify/lifecycle.js';
import type { StatusNotice } from '../../src/verify/verifier-types.js';
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
  return { code: check.code, message: check.message, status: out.fields.status, state: stateOf({ valid: true, expired: false, useKnown: true, used: false, ...out }) };
}

const revocation: StatusNotice = { status: 'revoked', reason: 'stolen', replacedBy: 'LK26-E000043', at: AT };
const suspension: StatusNotice = { status: 'suspended', reason: 'under investigation', at: AT };

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
