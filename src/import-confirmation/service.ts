/**
 * The import confirmations of an agent, each one unit of work (src/store/unit-of-work.ts).
 */
import { EXCHANGE_CODES } from '../codes.js';
import { isConstraintViolation } from '../store/sqlite.js';
import type { Transactions } from '../store/unit-of-work.js';
import { confirmImport, type ConfirmDeps, type ConfirmingOfficer, type ConfirmOutcome } from './confirm.js';

export class ImportConfirmations {
  constructor(
    private readonly store: Transactions,
    private readonly deps: ConfirmDeps,
  ) {}

  async confirm(input: unknown, officer: ConfirmingOfficer): Promise<ConfirmOutcome> {
    try {
      return await this.store.transaction((work) => confirmImport(work, this.deps, input, officer));
    } catch (error) {
      // Another officer confirmed between our check and our insert: the primary key kept it to one (Art. VI(5)).
      if (isConstraintViolation(error)) {
        return { ok: false, errors: [{ code: 'IMPORT_ALREADY_CONFIRMED', path: '', message: `${EXCHANGE_CODES.IMPORT_ALREADY_CONFIRMED} It was confirmed by someone else at the same moment.` }] };
      }
      throw error;
    }
  }
}
