/**
 * Customs confirm an import (issue 9): `POST /api/imports/confirmations` with
 * `{ issuer, permitNumber, blocks, portOfImport, date }`; the officer is the customs token's
 * holder, as for export endorsements. Refusals list every finding with its code and JSON pointer.
 */
import { Router, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import type { ConfirmationIssue } from '../../import-confirmation/validate.js';
import { isStorageFailure } from '../../store/sqlite.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { sendError } from '../errors.js';

/** Refusals due to the permit's state (409), not to the request (422); an unknown permit is 404. */
const STATE_CODES: readonly string[] = ['IMPORT_ALREADY_CONFIRMED', 'IMPORTED_PERMIT_REVOKED', 'IMPORTED_PERMIT_SUSPENDED'];

function sendRefusal(res: Response, errors: ConfirmationIssue[]): void {
  if (errors.some((e) => e.code === 'IMPORT_PERMIT_UNKNOWN')) return sendError(res, 'NOT_FOUND', { message: errors[0]!.message, errors: errors as never });
  sendError(res, errors.some((e) => STATE_CODES.includes(e.code)) ? 'LIFECYCLE_REFUSED' : 'LIFECYCLE_INVALID', { errors: errors as never });
}

export function importConfirmationRoutes(saiga: Pick<SignCapabilities, 'tokens' | 'importConfirmation'>): Router {
  const router = Router();
  router.post('/confirmations', requireRole(saiga.tokens, 'customs'), async (req: AuthedRequest, res: Response) => {
    const token = req.token!;
    let outcome;
    try {
      outcome = await saiga.importConfirmation.confirm(req.body, { name: token.name, tokenId: token.id });
    } catch (error) {
      if (!isStorageFailure(error)) throw error;
      return sendError(res, 'STORAGE_FAILED');
    }
    if (!outcome.ok) return sendRefusal(res, outcome.errors);
    res.status(201).json({ id: outcome.id, jwt: outcome.jwt, confirmation: outcome.confirmation, warnings: outcome.warnings });
  });
  return router;
}
