/**
 * A permit's state as the agent's views show it (`saiga permit status`, GET /permits/:n/status):
 * reads only. Kept apart from ./permit-lifecycle.ts, whose changes import the endorsement and
 * status-change code, so that a read-only command loads only what it reads (src/agent/wiring/open-readonly.ts).
 */
import type { EndorsementRow, LifecycleReads, PermitEvent, PermitLifeRow } from '../store/lifecycle.js';
import type { ImportConfirmationReads } from '../store/import-confirmations.js';

export interface PermitStatusView {
  permitNumber: string;
  state: PermitLifeRow['state'];
  revocation?: { reason: string; date: string };
  replacedBy?: string;
  validUntil: string;
  endorsement: { id: string; jwt: string; endorsement: unknown; officer: string; at: string } | null;
  /** Issue 9: the import confirmation the importing authority sent, once one came (the permit is then used up). */
  importConfirmation?: { id: string; jwt: string; confirmation: unknown; at: string };
  history: PermitEvent[];
}

/** A permit's state, endorsement and history: reads only, so read-only commands use it without the rest of the agent. */
export async function readPermitStatus(store: LifecycleReads, permitNumber: string, confirmations?: Pick<ImportConfirmationReads, 'byPermit'>): Promise<PermitStatusView | undefined> {
  const life = await store.life({ permitNumber });
  if (!life) return undefined;
  const [endorsement] = await store.endorsements(permitNumber);
  const view: PermitStatusView = {
    permitNumber,
    state: life.state,
    validUntil: life.validUntil,
    endorsement: endorsement ? endorsementView(endorsement) : null,
    history: await store.events(permitNumber),
  };
  if (life.state === 'revoked') view.revocation = { reason: life.revocationReason ?? '', date: life.revokedAt ?? '' };
  if (life.replacedBy) view.replacedBy = life.replacedBy;
  const confirmation = await confirmations?.byPermit(life.credentialId);
  if (confirmation?.direction === 'received') view.importConfirmation = { id: confirmation.credentialId, jwt: confirmation.jwt, confirmation: confirmation.subject, at: confirmation.createdAt };
  return view;
}

function endorsementView(row: EndorsementRow) {
  return { id: row.credentialId, jwt: row.jwt, endorsement: row.subject, officer: row.officer, at: row.createdAt };
}
