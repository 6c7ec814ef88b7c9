/**
 * The exchange's HTTP face (docs/exchange.md):
 *
 * - `POST /didcomm` (public: a message authenticates itself, DIDComm v2 authcrypt): the body is
 *   read as text, up to 256 KiB, whatever didcomm media type it is sent as. 202 with the
 *   acknowledgement (the same bytes again for a repeat), or a refusal `{ error: { code,
 *   message, path?, retryable? } }`: 403 for a sender that is not trusted or not who it claims,
 *   409 for a message id reused with other content and for a refusal that may pass later
 *   (`retryable: true`: the sender tries again), 400 for everything else.
 * - `GET /api/exchange` (admin): messages to peers per peer and state.
 * - `POST /api/exchange/messages/:id/retry` (admin): re-queues one message.
 */
import express, { Router, type Request, type Response } from 'express';
import type { ReadCapabilities, ServeCapabilities } from '../../agent/wiring/capabilities.js';
import { DIDCOMM_PATH } from '../../exchange/endpoint.js';
import type { ExchangeRefusal } from '../../exchange/ports.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { publicPost } from '../cors.js';
import { ApiError, sendError } from '../errors.js';
// A packed message is a few kilobytes (a permit JWT in its envelope): the API's 256 KiB bounds it.
import { HTTP_BODY_LIMIT_BYTES } from '../../vocab/limits.js';

/** DIDComm Messaging v2 §8 (IANA media types): encrypted, signed or plaintext messages. */
const DIDCOMM_MEDIA_TYPE = /^application\/didcomm-(encrypted|signed|plain)\+json$/i;

function refusalStatus(refusal: ExchangeRefusal): number {
  if (refusal.retryable || refusal.code === 'EXCHANGE_MESSAGE_ID_REUSED') return 409;
  if (refusal.code === 'EXCHANGE_SENDER_UNTRUSTED' || refusal.code === 'EXCHANGE_SENDER_MISMATCH') return 403;
  return 400;
}

/** POST /didcomm: mounted before the JSON body parser, which would refuse its media types. */
export function didcommRoutes(saiga: Pick<ServeCapabilities, 'exchange'>): Router {
  const router = Router();
  const mediaType = (req: Request, res: Response, next: () => void) => {
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim();
    if (!DIDCOMM_MEDIA_TYPE.test(type)) {
      return sendError(res, 'UNSUPPORTED_MEDIA_TYPE', { message: 'The body must be a DIDComm v2 message (application/didcomm-encrypted+json).' });
    }
    next();
  };
  const text = express.text({ type: () => true, limit: HTTP_BODY_LIMIT_BYTES });
  publicPost(router, DIDCOMM_PATH, mediaType, text, async (req: Request, res: Response) => {
    const raw = typeof req.body === 'string' ? req.body : '';
    const outcome = await saiga.exchange.receive(raw);
    if (outcome.ok) {
      res.status(202).type('application/json').send(outcome.ack);
      return;
    }
    const { code, message, path, retryable } = outcome;
    res.status(refusalStatus(outcome)).json({ error: { code, message, ...(path !== undefined && { path }), ...(retryable === true && { retryable }) } });
  });
  return router;
}

/** The admin routes under /api/exchange. */
export function exchangeAdminRoutes(saiga: Pick<ReadCapabilities, 'tokens' | 'exchange'>): Router {
  const router = Router();
  const admin = requireRole(saiga.tokens, 'admin');

  router.get('/', admin, async (_req, res) => {
    res.json(await saiga.exchange.status());
  });

  router.post('/messages/:id/retry', admin, async (req, res) => {
    const extra = req.body && typeof req.body === 'object' ? Object.keys(req.body)[0] : undefined;
    if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}"; the body is empty or {}.` });
    const token = (req as AuthedRequest).token!;
    const outcome = await saiga.exchange.retry(String(req.params.id), { tokenId: token.id, name: token.name });
    if (!outcome.ok) return sendError(res, outcome.code, { message: outcome.message });
    res.json({ previousState: outcome.previousState, message: outcome.message });
  });
  return router;
}
