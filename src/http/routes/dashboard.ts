/**
 * GET /api/dashboard (issue 11 §2): the console's first screen for permit officers and admins.
 * The figures are counted in SQL (src/store/dashboard.ts); this route only checks the role.
 */
import { Router } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { requireRole } from '../auth.js';

export function dashboardRoutes(saiga: Pick<SignCapabilities, 'tokens' | 'records'>): Router {
  const router = Router();
  router.get('/', requireRole(saiga.tokens, 'officer', 'admin'), async (_req, res) => {
    res.json(await saiga.records.dashboard());
  });
  return router;
}
