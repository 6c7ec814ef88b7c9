/**
 * Admin routes of the signing keys (issue 9 §6), the API of `saiga key list | rotate | revoke`:
 * - `GET /api/keys`: every key of the authority and customs identities (as `saiga key list --json`);
 * - `POST /api/keys/rotate` `{ identity }`: a new key, published and signing at once;
 * - `POST /api/keys/{kid}/revoke` `{ compromisedSince? }`: takes a key out of use (the kid is
 *   the verification-method id, URL-encoded: it holds `:` and `#`).
 * Admin role only; the audit trail names the person (the session's user or the token's holder).
 * Refusals keep the key ring's codes (KEY_ROTATION_UNSUPPORTED, LAST_ACTIVE_KEY, KEY_NOT_FOUND,
 * KEY_ALREADY_REVOKED): nothing was changed.
 */
import { Router, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { compromisedSinceOf, keyIdentityOf } from '../../agent/identity/key-input.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';

/** The body as an object with only these fields; an absent body is {}. */
function bodyOf(body: unknown, fields: readonly string[]): Record<string, unknown> {
  if (body === undefined) return {};
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object.' });
  const extra = Object.keys(body).find((k) => !fields.includes(k));
  if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
  return body as Record<string, unknown>;
}

export function keyRoutes(saiga: Pick<SignCapabilities, 'keys' | 'tokens'>): Router {
  const router = Router();
  const admin = requireRole(saiga.tokens, 'admin');
  const actorOf = (req: AuthedRequest) => ({ tokenId: req.token!.id, name: req.token!.name });

  router.get('/', admin, async (_req, res) => {
    res.json({ items: await saiga.keys.list() });
  });

  router.post('/rotate', admin, async (req: AuthedRequest, res: Response) => {
    const body = bodyOf(req.body, ['identity']);
    // Required here (the CLI defaults to the authority): an API call names which identity it rotates.
    if (body.identity === undefined) throw new ApiError('BAD_REQUEST', { path: '/identity', message: 'Name the identity whose key rotates: "authority" or "customs".' });
    const identity = keyIdentityOf(body.identity);
    if (!identity.ok) throw new ApiError('BAD_REQUEST', identity.issue);
    const outcome = await saiga.keys.rotate(identity.value, actorOf(req));
    if (!outcome.ok) return sendError(res, outcome.code, { message: outcome.message, path: '/identity' });
    res.json(outcome.value);
  });

  router.post('/:kid/revoke', admin, async (req: AuthedRequest, res: Response) => {
    const body = bodyOf(req.body, ['compromisedSince']);
    const since = compromisedSinceOf(body.compromisedSince, saiga.tokens.now());
    if (!since.ok) throw new ApiError('BAD_REQUEST', since.issue);
    const outcome = await saiga.keys.revoke(String(req.params.kid), { ...(since.value && { compromisedSince: since.value }), actor: actorOf(req) });
    // The kid is in the URL, not the body: the refusal is about the request as a whole (path '').
    if (!outcome.ok) return sendError(res, outcome.code, { message: outcome.message, path: '' });
    res.json(outcome.value);
  });
  return router;
}
