/**
 * export-endorsed at the importing authority: the exporting country's customs endorsed a
 * permit (boxes 14, 15) that its Management Authority sent here. The endorsement is
 * verified with the core's signed-credential steps, and must be signed by a customs DID this
 * agent trusts for the sender's country; it must endorse a permit held here that the sender
 * issued, and only blocks that permit has. An endorsement of a permit not received yet is
 * a retryable refusal. A second, different endorsement is refused: one permit, one
 * consignment (Art. VI(5)).
 */
import type { IncomingPermit } from '../../store/incoming-permits.js';
import type { Endorsement } from '../../vocab/endorsement.js';
import type { MessageHandler, ExchangeRefusal, ReceivedMessage } from '../ports.js';
import { bodyValidator } from '../schemas/validate.js';
import type { PermitHandlerDeps } from './permit-issued.js';
import { refuse } from './refusal.js';

interface CheckedEndorsement {
  credentialId: string;
  jwt: string;
  subject: Endorsement;
  endorsedAt: string;
}

function fits(held: IncomingPermit | undefined, subject: Endorsement, message: ReceivedMessage<'exportEndorsed'>): ExchangeRefusal | undefined {
  if (held === undefined) return refuse('EXCHANGE_PERMIT_NOT_RECEIVED', `(${subject.permit.permitNumber}, ${subject.permit.id})`, { retryable: true, path: '/endorsement' });
  if (held.issuerDid !== message.from || subject.permit.issuer !== message.from) {
    return refuse('EXCHANGE_SENDER_NOT_ISSUER', `${held.permitNumber} was issued by ${held.issuerDid}.`);
  }
  if (subject.permit.permitNumber !== held.permitNumber) return refuse('EXCHANGE_ENDORSEMENT_INVALID', 'It refers to another permit.', { path: '/endorsement' });
  const blocks = new Set(held.permit.specimens.map((s) => s.block));
  const stray = subject.blocks.find((b) => !blocks.has(b.block));
  if (stray) return refuse('EXCHANGE_ENDORSEMENT_INVALID', `It names block ${stray.block}, which the permit does not have.`, { path: '/endorsement' });
  if (held.endorsementJwt !== undefined && held.endorsementJwt !== message.body.endorsement) {
    return refuse('EXCHANGE_ALREADY_ENDORSED', `(${held.permitNumber})`, { path: '/endorsement' });
  }
  return undefined;
}

export function exportEndorsedHandler(deps: PermitHandlerDeps): MessageHandler<'exportEndorsed', CheckedEndorsement> & { validate: ReturnType<typeof bodyValidator> } {
  return {
    kind: 'exportEndorsed',
    validate: bodyValidator('exportEndorsed'),
    async check(message) {
      const sender = deps.trusted().find((t) => t.did === message.from && t.role === 'managementAuthority');
      if (sender === undefined) return refuse('EXCHANGE_SENDER_NOT_ISSUER', `${message.from} is not a Management Authority this agent trusts.`);
      const verified = await deps.verifyEndorsement(message.body.endorsement, sender.country);
      if (!verified.ok) {
        if (verified.detail.startsWith('ISSUER_UNRESOLVABLE')) return refuse('EXCHANGE_CHECK_UNAVAILABLE', verified.detail, { retryable: true, path: '/endorsement' });
        return refuse('EXCHANGE_ENDORSEMENT_INVALID', verified.detail, { path: '/endorsement' });
      }
      const refused = fits(await deps.incomingPermits.get(verified.subject.permit.id), verified.subject, message);
      if (refused) return refused;
      return {
        ok: true,
        checked: { credentialId: verified.subject.permit.id, jwt: message.body.endorsement, subject: verified.subject, endorsedAt: verified.issuedAt ?? message.receivedAt.toISOString() },
      };
    },
    async apply(work, checked, message) {
      const refused = fits(await work.incomingPermits.get(checked.credentialId), checked.subject, message);
      if (refused) return refused;
      await work.incomingPermits.setEndorsement(checked.credentialId, { jwt: checked.jwt, subject: checked.subject, endorsedAt: checked.endorsedAt });
      return { ok: true };
    },
  };
}
