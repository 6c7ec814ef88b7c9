/**
 * What each action writes to the audit trail (docs/audit.md, issue 10 §3): one function per
 * kind of action, called by the action's own code with its own unit of work, so that the
 * entry commits exactly when the action does (Decision 18.125(e): who requested, approved,
 * issued, endorsed or changed each permit).
 *
 * Entries hold hashes of the data before and after, never the data itself: the permit's
 * data stays in its own tables (and goes with them), the trail proves what it was.
 */
import type { AuditActor } from '../store/audit-log.js';
import { SYSTEM_ACTOR } from '../store/audit-log.js';
import type { UnitOfWork } from '../store/unit-of-work.js';

/** Who acts from the command line without naming an officer (token and key commands): whoever may open the agent's files. */
export const CLI_ACTOR: AuditActor = { name: 'operator (command line)' };

export const AUDIT_ACTIONS = {
  requestAccepted: 'permit.request.accepted',
  requestRefused: 'permit.request.refused',
  issue: 'permit.issue',
  revoke: 'permit.revoke',
  suspend: 'permit.suspend',
  reinstate: 'permit.reinstate',
  replace: 'permit.replace',
  endorse: 'permit.endorse',
  importConfirm: 'import.confirm',
  messageSent: 'exchange.sent',
  messageDelivered: 'exchange.delivered',
  messageFailed: 'exchange.failed',
  messageUndeliverable: 'exchange.undeliverable',
  messageRequeued: 'exchange.requeued',
  messageReceived: 'exchange.received',
  messageRefused: 'exchange.refused',
  tokenCreate: 'token.create',
  tokenRevoke: 'token.revoke',
  keyRotate: 'key.rotate',
  userCreate: 'user.create',
  userDisable: 'user.disable',
  userPasswordReset: 'user.password-reset',
  userTotpReset: 'user.totp-reset',
  signIn: 'session.sign-in',
  signInRefused: 'session.sign-in-refused',
  draftSave: 'draft.save',
  draftDelete: 'draft.delete',
  holderShare: 'holder.share',
  holderRevoke: 'holder.revoke',
  holderOpen: 'holder.open',
  holderDownload: 'holder.download',
  keyRevoke: 'key.revoke',
  agentStart: 'agent.start',
  checkpoint: 'audit.checkpoint',
  purge: 'audit.purge',
  // Issue 12 §2 (docs/oid4vci.md): a permit offered to a wallet (share) and delivered to it (redeem).
  oid4vciOffer: 'oid4vci.offer',
  oid4vciRedeem: 'oid4vci.redeem',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];

/** A person as the services name them (an officer, a customs officer, a token holder). */
export const actorOf = (person: { name?: string; signatory?: string; actor?: string; tokenId?: string; actorToken?: string }): AuditActor => {
  const name = person.name ?? person.signatory ?? person.actor ?? 'unknown';
  const tokenId = person.tokenId ?? person.actorToken;
  return tokenId !== undefined ? { name, tokenId } : { name };
};

/** A finding as the entry keeps it: the code and where, not the message text. */
const findings = (issues: readonly { code: string; path: string }[]) => issues.map((i) => ({ code: i.code, path: i.path }));

export function auditRequest(
  work: Pick<UnitOfWork, 'audit'>,
  a: { actor: AuditActor; accepted: boolean; request: unknown; permitNumber?: string; errors?: readonly { code: string; path: string }[]; warnings?: readonly { code: string; path: string }[] },
) {
  return work.audit.append({
    actor: a.actor,
    action: a.accepted ? AUDIT_ACTIONS.requestAccepted : AUDIT_ACTIONS.requestRefused,
    ...(a.permitNumber !== undefined && { subject: a.permitNumber, permitNumber: a.permitNumber }),
    after: a.request,
    details: { errors: findings(a.errors ?? []), warnings: findings(a.warnings ?? []) },
  });
}

/** Any action on one of this authority's permits: issue, status changes, replace, endorse. */
export function auditPermitAction(
  work: Pick<UnitOfWork, 'audit'>,
  a: { actor: AuditActor; action: AuditAction; permitNumber: string; before?: unknown; after?: unknown; details?: Record<string, unknown> },
) {
  return work.audit.append({ actor: a.actor, action: a.action, subject: a.permitNumber, permitNumber: a.permitNumber, before: a.before, after: a.after, ...(a.details && { details: a.details }) });
}

const DELIVERY_ENDS: ReadonlySet<AuditAction> = new Set([AUDIT_ACTIONS.messageDelivered, AUDIT_ACTIONS.messageFailed, AUDIT_ACTIONS.messageUndeliverable, AUDIT_ACTIONS.messageRequeued]);

/** An exchange message: written to the outbox (sent), its delivery's end, received or refused. Never its body (personal data). */
export async function auditMessage(
  work: Pick<UnitOfWork, 'audit'>,
  a: { action: AuditAction; messageId?: string; permitNumber?: string; body?: unknown; details: Record<string, unknown>; actor?: AuditActor },
) {
  // A delivery's end concerns the permit its sending did: retention follows the permit.
  const permitNumber = a.permitNumber ?? (DELIVERY_ENDS.has(a.action) && a.messageId !== undefined ? await work.audit.permitOfMessage(a.messageId) : undefined);
  return work.audit.append({
    actor: a.actor ?? SYSTEM_ACTOR,
    action: a.action,
    ...(a.messageId !== undefined && { subject: a.messageId }),
    ...(permitNumber !== undefined && { permitNumber }),
    after: a.body,
    details: a.details,
  });
}

/** The end of a delivery (delivered, failed for good, undeliverable); a retry is not an action, it leaves no entry. */
export function auditAttempt(
  work: Pick<UnitOfWork, 'audit'>,
  message: { id: string; recipientDid: string; type: string; attempts?: number },
  result: { outcome: 'delivered' | 'retry' | 'failed' | 'undeliverable'; code?: string | null },
) {
  if (result.outcome === 'retry') return Promise.resolve(undefined);
  const action = { delivered: AUDIT_ACTIONS.messageDelivered, failed: AUDIT_ACTIONS.messageFailed, undeliverable: AUDIT_ACTIONS.messageUndeliverable }[result.outcome];
  return auditMessage(work, { action, messageId: message.id, details: { type: message.type, to: message.recipientDid, ...(result.code != null && { code: result.code }) } });
}

/** Messages the delivery worker gave up on (too old): one entry each, returned as given. */
export async function auditExpired<M extends { id: string; recipientDid: string; type: string; lastCode?: string | null }>(work: Pick<UnitOfWork, 'audit'>, expired: M[]): Promise<M[]> {
  for (const m of expired) await auditAttempt(work, m, { outcome: 'undeliverable', code: m.lastCode ?? null });
  return expired;
}
