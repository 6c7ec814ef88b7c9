/**
 * Admin routes of console accounts (issue 11 §1): list, create (the TOTP URI is in the answer
 * once), disable (its sessions end at once). Admin role, by bearer token or admin session.
 */
import { Router, type Response } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { totpUri } from '../../auth/totp.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';

const CREATE_FIELDS = ['username', 'displayName', 'role', 'password', 'totp'];

export function userRoutes(saiga: Pick<ReadCapabilities, 'users' | 'tokens' | 'config'>): Router {
  const router = Router();
  const admin = requireRole(saiga.tokens, 'admin');

  router.get('/', admin, async (_req, res) => {
    res.json({ items: await saiga.users.list() });
  });

  router.post('/', admin, async (req: AuthedRequest, res: Response) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object.' });
    const extra = Object.keys(body).find((k) => !CREATE_FIELDS.includes(k));
    if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
    if (body.totp !== undefined && typeof body.totp !== 'boolean') throw new ApiError('USER_INVALID', { path: '/totp', message: 'totp must be true or false.' });
    const outcome = await saiga.users.create({ username: body.username, displayName: body.displayName, role: body.role, password: body.password, totp: body.totp === true }, { tokenId: req.token!.id, name: req.token!.name });
    if (!outcome.ok) return sendError(res, outcome.code, outcome.issue);
    const uri = outcome.totpSecret && totpUri(outcome.totpSecret, saiga.config.saiga.authority.name, outcome.user.username);
    res.status(201).location(`/api/users/${outcome.user.id}`).json({ ...outcome.user, ...(uri && { totpUri: uri }) });
  });

  router.post('/:id/disable', admin, async (req: AuthedRequest, res: Response) => {
    const outcome = await saiga.users.disable(String(req.params.id), { tokenId: req.token!.id, name: req.token!.name });
    if (!outcome) return sendError(res, 'USER_NOT_FOUND');
    if (!outcome.disabled) return sendError(res, 'CONFLICT', { message: `The user ${outcome.user.username} was disabled already, at ${outcome.user.disabledAt}.` });
    res.json(outcome.user);
  });
  return router;
}
