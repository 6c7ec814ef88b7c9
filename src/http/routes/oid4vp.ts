/**
 * The cross-device presentation relay (src/presentation-relay, docs/oid4vp.md "Cross-device"), thin:
 *
 * - `POST /oid4vp/requests` (JSON, the verifier page): a request for the page's nonce;
 * - `POST /oid4vp/responses/{id}` (form-encoded, the wallet's direct_post, OpenID4VP 1.0 §8.2),
 *   refusals as OAuth-style error objects, since a wallet reads them;
 * - `GET /oid4vp/requests/{id}/response` (the page, `Authorization: Bearer <readToken>`).
 *
 * Public (no Saiga token) but same-origin: the page the agent serves at /verify calls them, so
 * they send no CORS headers (a page elsewhere cannot read a request's answer). The wallet's POST is
 * form-encoded and reads nothing back, so it needs no CORS either. Every answer is no-store.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { PresentationRelay } from '../../presentation-relay/relay.js';
import { RELAY_REQUEST_PATH, RELAY_RESPONSE_PATH } from '../../presentation-relay/relay.js';
import { sendError } from '../errors.js';

/** A wallet's answer is one VP JWT around one permit VC-JWT: a few kilobytes; 64 kB is far more. */
export const RELAY_RESPONSE_BODY_LIMIT = '64kb';
/**
 * Requests per client address and minute on /oid4vp: a page polls every 2 s for at most 5 minutes
 * (30 a minute) and makes a request now and then; a wallet posts once.
 */
export const RELAY_RATE_LIMIT_PER_MINUTE = 120;

const noStore = (_req: Request, res: Response, next: NextFunction) => {
  res.set('Cache-Control', 'no-store');
  next();
};

const walletError = (res: Response, description: string) => res.status(400).json({ error: 'invalid_request', error_description: description });

/** The wallet's direct_post, mounted before the app's JSON-only rule: it is form-encoded. */
export function oid4vpResponseRoutes(saiga: { presentationRelay?: PresentationRelay }): Router {
  const router = Router();
  const relay = saiga.presentationRelay;
  if (!relay) return router;
  const form = express.urlencoded({ extended: false, limit: RELAY_RESPONSE_BODY_LIMIT, parameterLimit: 10 });
  router.post(`${RELAY_RESPONSE_PATH}/:id`, noStore, form, async (req: Request, res: Response) => {
    if (!req.is('application/x-www-form-urlencoded')) return void walletError(res, 'The answer must be application/x-www-form-urlencoded (response_mode direct_post).');
    const outcome = await relay.answer(String(req.params.id), (req.body ?? {}) as Record<string, unknown>);
    if (!outcome.ok) return void walletError(res, outcome.description);
    res.status(200).json({});
  });
  // A body too large or unreadable: an OAuth-style error too, never Saiga's shape (a wallet reads it).
  router.use(RELAY_RESPONSE_PATH, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const type = (error as { type?: string }).type;
    if (type === undefined) return next(error);
    res.status(type === 'entity.too.large' ? 413 : 400).json({ error: 'invalid_request', error_description: type === 'entity.too.large' ? `The answer is larger than ${RELAY_RESPONSE_BODY_LIMIT}.` : 'The answer cannot be read.' });
  });
  return router;
}

/** The page's side: make a request, poll for its answer. After the app's JSON body rules. */
export function oid4vpRoutes(saiga: { presentationRelay?: PresentationRelay }): Router {
  const router = Router();
  const relay = saiga.presentationRelay;
  if (!relay) return router;
  router.post(RELAY_REQUEST_PATH, noStore, async (req: Request, res: Response) => {
    const outcome = await relay.create(req.body);
    if (!outcome.ok) return sendError(res, 'BAD_REQUEST', { path: outcome.path, message: outcome.message });
    const { ok: _ok, ...created } = outcome;
    res.status(201).json(created);
  });
  router.get(`${RELAY_REQUEST_PATH}/:id/response`, noStore, async (req: Request, res: Response) => {
    const header = req.get('authorization');
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    const outcome = await relay.read(String(req.params.id), token);
    switch (outcome.kind) {
      case 'not-found':
        return sendError(res, 'NOT_FOUND', { message: 'No such presentation request (unknown, or expired and deleted).' });
      case 'unauthorized':
        res.set('WWW-Authenticate', 'Bearer');
        return sendError(res, 'UNAUTHORIZED', { message: 'The read token of this presentation request is missing or wrong.' });
      case 'pending':
        return void res.status(202).json({ state: 'pending', expiresAt: outcome.expiresAt });
      case 'expired':
        return void res.status(410).json({ state: 'expired', expiresAt: outcome.expiresAt });
      case 'answered':
        return void res.status(200).json({ state: 'answered', response: outcome.response });
    }
  });
  return router;
}
