/**
 * Holder links, the officer's side (issue 12 §1, src/holder): make one
 * (POST /api/permits/{number}/share, officer), list a permit's (GET …/shares, officer and
 * admin, never a token), withdraw one (POST /api/holder-links/{id}/revoke, officer).
 */
import { Router, type Response } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { HOLDER_CODES, type HolderCode } from '../../codes.js';
import { readShareInput } from '../../holder/input.js';
import type { HolderLinkView } from '../../holder/links.js';
import { requireRole, type AuthedRequest } from '../auth.js';

/** HTTP statuses of the holder codes (as ../errors.ts HTTP_STATUS does for API_CODES). */
export const HOLDER_HTTP_STATUS: Record<HolderCode, number> = {
  HOLDER_SHARE_INVALID: 422,
  HOLDER_EMAIL_INVALID: 422,
  HOLDER_LANGUAGE_INVALID: 422,
  HOLDER_PERMIT_NOT_FOUND: 404,
  HOLDER_PERMIT_EXPIRED: 409,
  HOLDER_LINK_NOT_FOUND: 404,
  HOLDER_LINK_ALREADY_REVOKED: 409,
  HOLDER_LINK_UNKNOWN: 404,
  HOLDER_LINK_REVOKED: 410,
  HOLDER_LINK_EXPIRED: 410,
};

/** The API's error body (`{ error: { code, message, path? } }`, ../errors.ts) for a holder code. */
export function sendHolderError(res: Response, code: HolderCode, details: { path?: string; message?: string } = {}): void {
  res.status(HOLDER_HTTP_STATUS[code]).json({ error: { code, message: details.message ?? HOLDER_CODES[code], ...(details.path !== undefined && { path: details.path }) } });
}

const actorOf = (req: AuthedRequest) => ({ tokenId: req.token!.id, name: req.token!.name });

/** A made link's answer: its URL (with the token) this once. */
export const sharedJson = (link: HolderLinkView, url: string, mailed: boolean, mailError?: { code: string; message: string }) => ({
  id: link.id,
  url,
  expiresAt: link.expiresAt,
  ...(link.email !== undefined && { email: link.email }),
  mailed,
  ...(mailError && { mailError }),
});

type Sources = Pick<ReadCapabilities, 'tokens' | 'holderLinks'>;

/** Mounted at /api/permits. */
export function permitShareRoutes(saiga: Sources): Router {
  const router = Router();
  router.post('/:number/share', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res) => {
    const input = readShareInput(req.body);
    if (!input.ok) return sendHolderError(res, input.code, { path: input.path, ...(input.message !== undefined && { message: input.message }) });
    const permitNumber = String(req.params.number);
    const outcome = await saiga.holderLinks.share(permitNumber, { ...(input.email !== undefined && { email: input.email }), language: input.language }, actorOf(req));
    if (!outcome.ok) return sendHolderError(res, outcome.code);
    res.status(201).json(sharedJson(outcome.link, outcome.url, outcome.mailed, outcome.mailError));
  });
  router.get('/:number/shares', requireRole(saiga.tokens, 'officer', 'admin'), async (req, res) => {
    const items = await saiga.holderLinks.list(String(req.params.number));
    if (!items) return sendHolderError(res, 'HOLDER_PERMIT_NOT_FOUND');
    res.json({ items });
  });
  return router;
}

/** Mounted at /api/holder-links. */
export function holderLinkRoutes(saiga: Sources): Router {
  const router = Router();
  router.post('/:id/revoke', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res) => {
    const outcome = await saiga.holderLinks.revoke(String(req.params.id), actorOf(req));
    if (!outcome.ok) return sendHolderError(res, outcome.code);
    res.json(outcome.link);
  });
  return router;
}
