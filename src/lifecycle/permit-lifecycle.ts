/**
 * The agent's permit lifecycle operations, each one transaction: status changes
 * (revoke, suspend, reinstate), customs endorsements, and the views of a permit's state.
 */
import type { LifecycleIssue } from '../codes.js';
import { endorsePermit, type CustomsOfficer, type EndorseDeps, type EndorseOutcome } from '../endorsement/endorse.js';
import { applyStatusChange, type StatusChange, type StatusChangeOutcome } from '../status/changes.js';
import type { StatusLists } from '../status/service.js';
import type { EndorsementRow, LifecycleReads, PermitEvent, PermitLifeRow } from '../store/lifecycle.js';
import { isConstraintViolation } from '../store/sqlite.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import type { ExchangeEvents } from '../exchange/ports.js';
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

export class PermitLifecycle {
  constructor(
    /** Each change is one unit of work; views read committed changes only (`store.reads`). */
    private readonly store: Transactions & { reads: Pick<CommittedReads, 'lifecycle'> & Partial<Pick<CommittedReads, 'importConfirmations'>> },
    private readonly lists: StatusLists,
    private readonly endorseDeps: EndorseDeps,
    private readonly now: () => Date,
    /** The exchange's outbox: status changes reach the peers that were sent the permit (endorsements: EndorseDeps.exchange). */
    private readonly exchange?: ExchangeEvents,
  ) {}

  change(permitNumber: string, change: StatusChange): Promise<StatusChangeOutcome> {
    return this.store.transaction((work) => applyStatusChange(work, this.lists, permitNumber, change, this.now(), this.exchange));
  }

  async endorse(permitNumber: string, input: unknown, officer: CustomsOfficer): Promise<EndorseOutcome> {
    try {
      return await this.store.transaction((work) => endorsePermit(work, this.endorseDeps, permitNumber, input, officer));
    } catch (error) {
      // Another process endorsed between our check and our insert: the primary key kept it to one.
      if (isConstraintViolation(error)) {
        const errors: LifecycleIssue[] = [{ code: 'ALREADY_ENDORSED', path: '', message: 'The permit was endorsed by someone else at the same moment.' }];
        return { ok: false, errors };
      }
      throw error;
    }
  }

  status(permitNumber: string): Promise<PermitStatusView | undefined> {
    return readPermitStatus(this.store.reads.lifecycle, permitNumber, this.store.reads.importConfirmations);
  }
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
