/**
 * The console's sign-in (issue 11 §1): POST /api/session signs in and sets the session cookie,
 * GET shows who is signed in (and the CSRF token again, for a reloaded page), DELETE signs out
 * on the server. docs/console-sign-in.md.
 */
import { Router, type Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import type { ServeCapabilities } from '../../agent/wiring/capabilities.js';
import type { SessionView } from '../../auth/sessions.js';
import { refuseWithoutCsrf, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';
import { clearCookieHeader, setCookieHeader, type SessionCookie } from '../session-cookie.js';

const SIGN_IN_FIELDS = ['username', 'password', 'totp'];

const answer = (session: SessionView) => ({
  user: { id: session.user.id, username: session.user.username, displayName: session.user.displayName, role: session.user.role },
  csrfToken: session.csrfToken,
  createdAt: session.createdAt,
  idleExpiresAt: session.idleExpiresAt,
  absoluteExpiresAt: session.absoluteExpiresAt,
});

/** The window of the per-address sign-in limit (OWASP ASVS 4.0 §2.2.1: anti-automation beside the account lockout). */
export const SIGN_IN_WINDOW_MS = 15 * 60_000;

export function sessionRoutes(saiga: Pick<ServeCapabilities, 'users' | 'sessions' | 'config'>, cookie: SessionCookie): Router {
  const router = Router();
  // The lockout stops guessing one account's password; this stops one address trying many
  // accounts. Only refused attempts count (skipSuccessfulRequests), so an office behind one
  // address is not locked out by its officers' daily sign-ins. req.ip honours trustProxy.
  const attempts = rateLimit({
    windowMs: SIGN_IN_WINDOW_MS,
    limit: saiga.config.saiga.console.signInAttemptsPerIp,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    handler: (_req, res) => sendError(res, 'CONSOLE_SIGN_IN_RATE_LIMITED'),
  });

  router.post('/', attempts, async (req: AuthedRequest, res: Response) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object.' });
    const extra = Object.keys(body).find((k) => !SIGN_IN_FIELDS.includes(k));
    if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
    const signedIn = await saiga.users.signIn(body.username, body.password, body.totp);
    if (!signedIn.ok) return sendError(res, 'AUTH_SIGN_IN_FAILED');
    // A session open in this browser ends: a new sign-in never reuses an id (ASVS 4.0 §3.2.1, session fixation).
    if (req.consoleSession?.ok) await saiga.sessions.end(req.consoleSession.idHash);
    const { id, session } = await saiga.sessions.start(signedIn.user);
    res.set('Set-Cookie', setCookieHeader(cookie, id));
    res.status(201).json(answer(session));
  });

  router.get('/', (req: AuthedRequest, res: Response) => {
    const session = req.consoleSession;
    if (session === undefined) return sendError(res, 'UNAUTHORIZED', { message: 'No one is signed in (no session cookie).' });
    if (!session.ok) return sendError(res, 'SESSION_EXPIRED');
    res.json(answer(session.session));
  });

  router.delete('/', async (req: AuthedRequest, res: Response) => {
    const session = req.consoleSession;
    if (session === undefined) return sendError(res, 'UNAUTHORIZED', { message: 'No one is signed in (no session cookie).' });
    // An ended session's cookie is of no use: it is cleared. A live one only with the CSRF token.
    if (!session.ok) {
      res.set('Set-Cookie', clearCookieHeader(cookie));
      return sendError(res, 'SESSION_EXPIRED');
    }
    if (refuseWithoutCsrf(req, res, session)) return;
    await saiga.sessions.end(session.idHash);
    res.set('Set-Cookie', clearCookieHeader(cookie));
    res.status(204).end();
  });
  return router;
}
