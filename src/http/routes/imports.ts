/**
 * `GET /api/imports?state=…` (officer, admin): the permits other Management Authorities sent
 * for import into this country (docs/exchange.md), newest first, with their state at the
 * importing side. Mount with `app.use('/api/imports', importRoutes(saiga))`.
 */
import { Router } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { IMPORT_STATES, type ImportState } from '../../store/incoming-permits.js';
import { incomingPermitJson } from '../../store/incoming-permit-view.js';
import { requireRole } from '../auth.js';
import { ApiError } from '../errors.js';

export function importRoutes(saiga: Pick<ReadCapabilities, 'tokens' | 'imports'>): Router {
  const router = Router();
  router.get('/', requireRole(saiga.tokens, 'officer', 'admin'), async (req, res) => {
    const { state } = req.query;
    if (state !== undefined && !IMPORT_STATES.includes(state as ImportState)) {
      throw new ApiError('BAD_REQUEST', { path: '/state', message: `"state" must be one of ${IMPORT_STATES.join(', ')}.` });
    }
    const items = (await saiga.imports.list(state === undefined ? {} : { state: state as ImportState })).map(incomingPermitJson);
    res.json({ items, total: items.length });
  });
  return router;
}
