/**
 * Public verification: anyone may post a credential and get the verdict of the shared
 * core, with this agent's trust list. Rate-limited, since it costs a signature check and
 * possibly a DID fetch; the verdict has the same codes as the CLI and the verifier page.
 */
import { Router } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { ApiError, sendError } from '../errors.js';
import { publicCors } from '../cors.js';
import { MAX_CREDENTIAL_CHARS } from '../../vocab/limits.js';

/** A permit JWT is a few kilobytes; anything far larger is not one (src/vocab/limits.ts). */
const MAX_CREDENTIAL_LENGTH = MAX_CREDENTIAL_CHARS;

export function verifyRoutes(saiga: Pick<ReadCapabilities, 'config' | 'verification'>): Router {
  const router = Router();
  router.use(publicCors);
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: saiga.config.saiga.verify.rateLimitPerMinute,
      standardHeaders: 'draft-7',
      legacyHeaders: false,
      handler: (_req, res) => sendError(res, 'RATE_LIMITED'),
    }),
  );
  router.post('/', async (req, res) => {
    const body = req.body as unknown;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object { "credential": "<JWT, QR link or payload>" }.' });
    }
    const { credential, at, ...rest } = body as Record<string, unknown>;
    const extra = Object.keys(rest)[0];
    if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
    if (typeof credential !== 'string' || credential.length === 0 || credential.length > MAX_CREDENTIAL_LENGTH) {
      throw new ApiError('BAD_REQUEST', { path: '/credential', message: '"credential" must be the permit as text: a JWT, a QR payload or verifier link, a reference, or saved JSON with a JWT.' });
    }
    let when: Date | undefined;
    if (at !== undefined) {
      if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) {
        throw new ApiError('BAD_REQUEST', { path: '/at', message: '"at" must be an ISO 8601 date-time.' });
      }
      when = new Date(at);
    }
    res.json(await saiga.verification.verify(credential.trim(), when));
  });
  return router;
}
