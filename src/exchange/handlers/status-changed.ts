/**
 * status-changed at the receiving authority: the issuer revoked, suspended or reinstated a
 * permit it sent here. The copy held is updated at once, so that this agent's verifier shows
 * the notified state (the core's `notices`) even when the issuer's status lists cannot be
 * reached. A change for a permit not received yet is a retryable refusal: the delivery
 * worker keeps a permit's messages in order, so the permit comes first and the retry applies.
 */
import type { StatusNotice } from '../../store/incoming-permits.js';
import type { MessageHandler, ExchangeRefusal, ReceivedMessage } from '../ports.js';
import { bodyValidator } from '../schemas/validate.js';
import type { PermitHandlerDeps } from './permit-issued.js';
import { refuse } from './refusal.js';

interface CheckedChange {
  credentialId: string;
  notice: StatusNotice;
}

type HeldView = { issuerDid: string; permitNumber: string; status: string } | undefined;

function checkAgainst(held: HeldView, message: ReceivedMessage<'statusChanged'>): ExchangeRefusal | undefined {
  const { body } = message;
  if (held === undefined) return refuse('EXCHANGE_PERMIT_NOT_RECEIVED', `(${body.permitNumber}, ${body.credentialId})`, { retryable: true, path: '/credentialId' });
  if (held.issuerDid !== message.from) return refuse('EXCHANGE_SENDER_NOT_ISSUER', `${body.permitNumber} was issued by ${held.issuerDid}.`);
  if (held.permitNumber !== body.permitNumber) {
    return refuse('EXCHANGE_PERMIT_MISMATCH', `It names ${body.permitNumber}; the permit held is ${held.permitNumber}.`, { path: '/permitNumber' });
  }
  // Revocation is permanent (the issuer's own lifecycle refuses the same); a later revocation notice is applied again, harmlessly.
  if (held.status === 'revoked' && body.status !== 'revoked') return refuse('EXCHANGE_STATUS_REFUSED', undefined, { path: '/status' });
  return undefined;
}

export function statusChangedHandler(deps: PermitHandlerDeps): MessageHandler<'statusChanged', CheckedChange> & { validate: ReturnType<typeof bodyValidator> } {
  return {
    kind: 'statusChanged',
    validate: bodyValidator('statusChanged'),
    async check(message) {
      const { body } = message;
      const refused = checkAgainst(await deps.incomingPermits.get(body.credentialId), message);
      if (refused) return refused;
      const notice: StatusNotice = {
        status: body.status === 'reinstated' ? 'valid' : body.status,
        reason: body.reason,
        changedAt: body.changedAt,
        notifiedAt: message.receivedAt.toISOString(),
        ...(body.replacedBy !== undefined && { replacedBy: body.replacedBy }),
      };
      return { ok: true, checked: { credentialId: body.credentialId, notice } };
    },
    async apply(work, checked, message) {
      // Re-checked inside the unit of work: what the check read may have changed since.
      const refused = checkAgainst(await work.incomingPermits.get(checked.credentialId), message);
      if (refused) return refused;
      await work.incomingPermits.setStatus(checked.credentialId, checked.notice);
      return { ok: true };
    },
  };
}
