/**
 * Per-client rate limits of the public endpoints that cost a lookup of a secret (issue 12 §2):
 * the holder pages (/holder/*, a token guessed by brute force) and the OpenID4VCI token endpoint
 * (a tx_code guessed across offers). The mechanism of /api/verify (./routes/verify.ts):
 * express-rate-limit, per client address (req.ip, which honours saiga.server.trustProxy), a
 * 429 RATE_LIMITED with Retry-After.
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { sendError } from './errors.js';

/** Requests per client address and minute: a person opening a page, its PDFs and a wallet offer needs a handful. */
export const HOLDER_RATE_LIMIT_PER_MINUTE = 120;
/** Token requests per client address and minute: a wallet needs one per offer. */
export const OID4VCI_TOKEN_RATE_LIMIT_PER_MINUTE = 30;

/**
 * `refuse` answers a client over its budget (after Retry-After is set); by default the JSON
 * error RATE_LIMITED. The holder pages pass their own, so a trader's browser gets a page.
 */
export function perClientLimit(perMinute: number, refuse: RequestHandler = (_req, res) => sendError(res, 'RATE_LIMITED')): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: refuse,
  });
}
