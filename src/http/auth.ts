/**
 * Authentication for the routes under /api: a bearer token (machines) or a console session
 * cookie (people, issue 11 §1; src/http/session-auth.ts reads it). No credential, an unknown,
 * revoked or expired token: 401 (RFC 6750 §3.1 invalid_token); an ended or expired session:
 * 401 SESSION_EXPIRED. Both are checked against the database on every request. A state-changing
 * request made with a session must carry its CSRF token (403 SESSION_CSRF_INVALID); a bearer
 * token needs none, since no browser sends one by itself. A role that may not use the route: 403.
 */
import type { NextFunction, Request, Response } from 'express';
import type { Role, TokenRecord, TokenStore } from '../auth/tokens.js';
import type { SessionCheck } from '../auth/sessions.js';
import { csrfMatches } from '../auth/sessions.js';
import { sendError } from './errors.js';

export type AuthedRequest = Request & {
  /** Who acts: the bearer token, or, for a session, its user as a principal of the same shape (id `user:<id>`, the display name). */
  token?: TokenRecord;
  /** Set by session-auth.ts when the request carried a session cookie and no Authorization header. */
  consoleSession?: SessionCheck;
};

/** RFC 9110 §9.2.1: the safe methods change nothing, so they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function sessionPrincipal(check: Extract<SessionCheck, { ok: true }>): TokenRecord {
  const { user } = check.session;
  return { id: `user:${user.id}`, role: user.role, name: user.displayName, createdAt: check.session.createdAt, expiresAt: check.session.absoluteExpiresAt, revokedAt: null };
}

/** Refuses a session request that changes something without the session's CSRF token; true when it answered. */
export function refuseWithoutCsrf(req: Request, res: Response, check: Extract<SessionCheck, { ok: true }>): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (csrfMatches(req.get('x-csrf-token'), check.session.csrfToken)) return false;
  sendError(res, 'SESSION_CSRF_INVALID');
  return true;
}

export function requireRole(tokens: Pick<TokenStore, 'check'>, ...roles: Role[]) {
  return async (req: AuthedRequest, res: Response, next: NextFunction) => {
    const header = req.get('authorization');
    const session = req.consoleSession;
    if (header === undefined && session !== undefined) {
      if (!session.ok) return sendError(res, 'SESSION_EXPIRED');
      if (refuseWithoutCsrf(req, res, session)) return;
      const principal = sessionPrincipal(session);
      if (!roles.includes(principal.role)) {
        return sendError(res, 'FORBIDDEN', { message: `A user with the role "${principal.role}" may not do this; it needs ${roles.join(' or ')}.` });
      }
      req.token = principal;
      return next();
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
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
