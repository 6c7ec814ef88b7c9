/**
 * Admin routes of API tokens: list them (never a secret), create one (the token is in the
 * answer once and never again), revoke one (refused from the next request on, in every
 * process: authentication reads the table each time). Admin role only.
 */
import { Router, type Response } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { checkExpiry, checkHolderName, checkRole } from '../../auth/token-input.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';

const CREATE_FIELDS = ['role', 'name', 'expires'];

function createBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object.' });
  const extra = Object.keys(body).find((k) => !CREATE_FIELDS.includes(k));
  if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
  return body as Record<string, unknown>;
}

export function tokenRoutes(saiga: Pick<ReadCapabilities, 'tokens'>): Router {
  const router = Router();
  const admin = requireRole(saiga.tokens, 'admin');
  const now = () => saiga.tokens.now();

  router.get('/', admin, async (_req, res) => {
    res.json({ items: await saiga.tokens.list() });
  });

  router.post('/', admin, async (req: AuthedRequest, res: Response) => {
    const body = createBody(req.body);
    const role = checkRole(body.role);
    if (!role.ok) throw new ApiError('BAD_REQUEST', role.issue);
    const name = checkHolderName(body.name, role.role);
    if (!name.ok) throw new ApiError('BAD_REQUEST', name.issue);
    let expiresAt: Date | undefined;
    if (body.expires !== undefined) {
      const expiry = checkExpiry(body.expires, now());
      if (!expiry.ok) throw new ApiError('BAD_REQUEST', expiry.issue);
      expiresAt = expiry.at;
    }
    const actor = { tokenId: req.token!.id, name: req.token!.name };
    const { token, record } = await saiga.tokens.create(role.role, name.name, expiresAt ? { expiresAt, actor } : { actor });
    res.status(201).location(`/api/tokens/${record.id}`).set('Cache-Control', 'no-store').json({ ...record, token });
  });

  router.post('/:id/revoke', admin, async (req: AuthedRequest, res: Response) => {
    const extra = req.body && typeof req.body === 'object' ? Object.keys(req.body)[0] : undefined;
    if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}"; the body is empty or {}.` });
    const outcome = await saiga.tokens.revoke(String(req.params.id), { tokenId: req.token!.id, name: req.token!.name });
    if (!outcome) return sendError(res, 'NOT_FOUND', { message: `No token with the id ${String(req.params.id)}.` });
    if (!outcome.revoked) return sendError(res, 'CONFLICT', { message: `The token ${outcome.record.id} was revoked already, at ${outcome.record.revokedAt}.` });
    res.json(outcome.record);
  });
  return router;
}
