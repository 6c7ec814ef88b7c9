/**
 * Admin routes of a permit's life after issue: revoke, suspend, reinstate (officer),
 * customs export endorsement (customs), and the permit's status with its history.
 */
import { Router, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { STATE_CONFLICT_CODES, type LifecycleIssue } from '../../codes.js';
import type { StatusAction } from '../../status/changes.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';
import { isStorageFailure } from '../../store/sqlite.js';

/** Disk full or failing: the transaction rolled back, nothing changed; say so instead of a bare 500. */
async function storing<T>(res: Response, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    if (!isStorageFailure(error)) throw error;
    sendError(res, 'STORAGE_FAILED');
    return undefined;
  }
}

function sendRefusal(res: Response, errors: LifecycleIssue[]): void {
  if (errors.some((e) => e.code === 'NOT_OWN_PERMIT')) return sendError(res, 'NOT_FOUND', { message: errors[0]!.message, errors: errors as never });
  const conflict = errors.some((e) => STATE_CONFLICT_CODES.includes(e.code));
  sendError(res, conflict ? 'LIFECYCLE_REFUSED' : 'LIFECYCLE_INVALID', { errors: errors as never });
}

function bodyObject(body: unknown, allowed: string[]): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object.' });
  const extra = Object.keys(body).find((k) => !allowed.includes(k));
  if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
  return body as Record<string, unknown>;
}

export function lifecycleRoutes(saiga: Pick<SignCapabilities, 'tokens' | 'lifecycle' | 'records'>): Router {
  const router = Router();
  const officer = requireRole(saiga.tokens, 'officer');

  const statusChange = (action: StatusAction) => async (req: AuthedRequest, res: Response) => {
    const body = bodyObject(req.body, ['reason']);
    const token = req.token!;
    const reason = body.reason;
    if (reason !== undefined && typeof reason !== 'string') throw new ApiError('BAD_REQUEST', { path: '/reason', message: '"reason" must be text.' });
    const outcome = await storing(res, () =>
      saiga.lifecycle.change(String(req.params.number), {
        action,
        ...(reason !== undefined && { reason }),
        actor: token.name,
        actorToken: token.id,
      }),
    );
    if (!outcome) return;
    if (!outcome.ok) return sendRefusal(res, outcome.errors);
    res.json(await saiga.records.status(String(req.params.number)));
  };
  router.post('/:number/revoke', officer, statusChange('revoke'));
  router.post('/:number/suspend', officer, statusChange('suspend'));
  router.post('/:number/reinstate', officer, statusChange('reinstate'));

  router.post('/:number/endorsements', requireRole(saiga.tokens, 'customs'), async (req: AuthedRequest, res: Response) => {
    const token = req.token!;
    const outcome = await storing(res, () => saiga.lifecycle.endorse(String(req.params.number), req.body, { name: token.name, tokenId: token.id }));
    if (!outcome) return;
    if (!outcome.ok) return sendRefusal(res, outcome.errors);
    res.status(201).json({ id: outcome.id, jwt: outcome.jwt, endorsement: outcome.endorsement });
  });

  router.get('/:number/status', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const view = await saiga.records.status(String(req.params.number));
    if (!view) return sendError(res, 'NOT_FOUND', { message: `No permit numbered ${String(req.params.number)} was issued here.` });
    res.json(view);
  });
  return router;
}
