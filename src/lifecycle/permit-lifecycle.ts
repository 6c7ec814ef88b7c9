/**
 * The agent's permit lifecycle operations, each one transaction: status changes
 * (revoke, suspend, reinstate), customs endorsements, and the views of a permit's state.
 */
import type { LifecycleIssue } from '../codes.js';
import { endorsePermit, type CustomsOfficer, type EndorseDeps, type EndorseOutcome } from '../endorsement/endorse.js';
import { applyStatusChange, type StatusChange, type StatusChangeOutcome } from '../status/changes.js';
import type { StatusLists } from '../status/service.js';
import { isConstraintViolation } from '../store/sqlite.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';
import type { ExchangeEvents } from '../exchange/ports.js';
// The views live in ./permit-status.ts: a read-only command loads them without the endorsement and
// status-change code this file imports (and through it the 300 kB of compiled schema validators).
import { readPermitStatus, type PermitStatusView } from './permit-status.js';

export { readPermitStatus, type PermitStatusView } from './permit-status.js';

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
