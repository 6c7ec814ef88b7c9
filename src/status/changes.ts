/**
 * Revoke, suspend, reinstate. Revocation is permanent and carries a reason; suspension
 * is reversible. Each change sets or clears the permit's bit, republishes its list, moves
 * the permit's state and records who, when and why — all in the caller's unit of work.
 */
import { LIFECYCLE_CODES, type LifecycleCode, type LifecycleIssue } from '../codes.js';
import type { PermitLifeRow } from '../store/lifecycle.js';
import type { UnitOfWork } from '../store/unit-of-work.js';
import type { ExchangeEvents } from '../exchange/ports.js';
import { REVOCATION_REASONS, type RevocationReason } from '../vocab/public-record.js';
import type { StatusLists } from './service.js';
import { actorOf, AUDIT_ACTIONS, auditPermitAction } from '../audit/record.js';

export type StatusAction = 'revoke' | 'suspend' | 'reinstate';

export interface StatusChange {
  action: StatusAction;
  /** Required for revoke (one of REVOCATION_REASONS); free text for suspend. */
  reason?: string;
  /** The permit that replaces this one (revoke with reason `replaced`). */
  replacedBy?: string;
  actor: string;
  actorToken?: string;
}

export type StatusChangeOutcome = { ok: true; life: PermitLifeRow; changed: boolean } | { ok: false; errors: LifecycleIssue[] };

const refuse = (code: LifecycleCode, path = '', detail?: string): StatusChangeOutcome => ({
  ok: false,
  errors: [{ code, path, message: detail ? `${LIFECYCLE_CODES[code]} ${detail}` : LIFECYCLE_CODES[code] }],
});

/** @param exchange the outbox: peers that were sent the permit hear of the change, in the same unit of work */
export async function applyStatusChange(
  work: UnitOfWork,
  lists: StatusLists,
  permitNumber: string,
  change: StatusChange,
  now: Date,
  exchange?: ExchangeEvents,
): Promise<StatusChangeOutcome> {
  const store = work.lifecycle;
  const life = await store.life({ permitNumber });
  if (!life) return refuse('NOT_OWN_PERMIT', '', `(${permitNumber})`);
  if (life.state === 'revoked') return refuse('PERMIT_REVOKED', '', `Revoked on ${life.revokedAt} (${life.revocationReason}); revocation is permanent.`);
  const at = now.toISOString();

  switch (change.action) {
    case 'revoke': {
      if (!REVOCATION_REASONS.includes(change.reason as RevocationReason)) return refuse('REVOCATION_REASON_REQUIRED', '/reason');
      await lists.set(work.statusLists, permitNumber, 'revocation', true);
      await store.setState(permitNumber, 'revoked', { reason: change.reason!, at, ...(change.replacedBy !== undefined && { replacedBy: change.replacedBy }) });
      break;
    }
    case 'suspend': {
      if (life.state === 'suspended') return refuse('PERMIT_SUSPENDED');
      if (change.reason !== undefined && (typeof change.reason !== 'string' || change.reason.length > 500)) return refuse('FIELD_INVALID', '/reason');
      await lists.set(work.statusLists, permitNumber, 'suspension', true);
      await store.setState(permitNumber, 'suspended');
      break;
    }
    case 'reinstate': {
      if (life.state !== 'suspended') return refuse('NOT_SUSPENDED');
      await lists.set(work.statusLists, permitNumber, 'suspension', false);
      await store.setState(permitNumber, 'valid');
      break;
    }
  }
  const reason = change.replacedBy !== undefined ? `${change.reason ?? ''} by ${change.replacedBy}` : (change.reason ?? null);
  await store.addEvent(permitNumber, { action: change.action, reason, actor: change.actor, at, ...(change.actorToken !== undefined && { actorToken: change.actorToken }) });
  const status = ({ revoke: 'revoked', suspend: 'suspended', reinstate: 'reinstated' } as const)[change.action];
  await exchange?.record(work, {
    kind: 'statusChanged',
    change: { permitNumber, credentialId: life.credentialId, status, reason: change.reason ?? '', changedAt: at, ...(change.replacedBy !== undefined && { replacedBy: change.replacedBy }) },
  });
  const after = (await store.life({ permitNumber }))!;
  // Issue 10 §3: who changed the permit, with its state before and after, in the change's unit of work.
  await auditPermitAction(work, {
    actor: actorOf(change),
    action: AUDIT_ACTIONS[change.action],
    permitNumber,
    before: life,
    after,
    details: { reason: change.reason ?? null, ...(change.replacedBy !== undefined && { replacedBy: change.replacedBy }) },
  });
  return { ok: true, life: after, changed: true };
}
