/**
 * Reads the console's session cookie on every /api request that has no Authorization header,
 * and leaves the verdict on the request for requireRole (./auth.ts) and the session routes.
 * A bearer token, when present, wins: machines never depend on a cookie.
 */
import type { NextFunction, Response } from 'express';
import type { Sessions } from '../agent/wiring/capabilities.js';
import type { AuthedRequest } from './auth.js';
import { readCookie, type SessionCookie } from './session-cookie.js';

export function sessionAuthentication(sessions: Sessions, cookie: SessionCookie) {
  return async (req: AuthedRequest, _res: Response, next: NextFunction) => {
    if (req.get('authorization') !== undefined) return next();
    const id = readCookie(req.get('cookie'), cookie.name);
    if (id !== undefined) req.consoleSession = await sessions.check(id);
    next();
  };
}
