/**
 * Bearer-token authentication for the admin routes under /api. No token, an unknown,
 * revoked or expired token: 401 (RFC 6750 §3.1 invalid_token), checked against the
 * database on every request. A token whose role may not use the route: 403.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Role, TokenRecord, TokenStore } from '../auth/tokens.js';
import { sendError } from './errors.js';

export type AuthedRequest = Request & { token?: TokenRecord };

export function requireRole(tokens: Pick<TokenStore, 'check'>, ...roles: Role[]) {
  return async (req: AuthedRequest, res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      res.set('WWW-Authenticate', 'Bearer');
      return sendError(res, 'UNAUTHORIZED');
    }
    const checked = await tokens.check(match[1]!);
    if (!checked.ok) {
      res.set('WWW-Authenticate', 'Bearer error="invalid_token"');
      const message = checked.reason === 'unknown' ? 'The bearer token is unknown.' : `The bearer token was ${checked.reason} at ${checked.at}.`;
      return sendError(res, 'UNAUTHORIZED', { message });
    }
    const { token } = checked;
    if (!roles.includes(token.role)) {
      return sendError(res, 'FORBIDDEN', { message: `A token with the role "${token.role}" may not do this; it needs ${roles.join(' or ')}.` });
    }
    req.token = token;
    next();
  };
}
