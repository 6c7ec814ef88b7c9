/**
 * CORS for the public routes (Fetch Standard §3.2 "CORS protocol"): the verifier page may
 * be hosted anywhere, and it reads DID documents, trust lists, status lists, records and
 * credentials straight from each authority's agent. Every public operation (`security: []`
 * in the OpenAPI document) is registered with `publicGet` or `publicPost`, which also answer
 * the browser's preflight (`OPTIONS`, 204).
 *
 * `POST /api/verify` is public and cross-origin on purpose: a verifier page hosted by
 * another authority or a third party may ask this agent for a verdict. It carries no
 * cookies or tokens (no `Access-Control-Allow-Credentials`), and it is rate-limited per
 * client, so allowing any origin gives a web page nothing it could not get with curl.
 *
 * Admin routes get no CORS headers: browsers on other origins cannot call them.
 */
import type { NextFunction, Request, RequestHandler, Response, Router } from 'express';

/** How long a browser may reuse a preflight answer (seconds). */
export const PREFLIGHT_MAX_AGE = 600;
/**
 * Response headers a cross-origin script may read besides the safelisted ones
 * (Cache-Control, Content-Type, Content-Length, Expires, Last-Modified, Pragma):
 * the ETag to revalidate a status list, and the rate-limit headers of /api/verify
 * (draft-ietf-httpapi-ratelimit-headers, RFC 9110 §10.2.3 Retry-After).
 */
export const EXPOSED_HEADERS = ['ETag', 'Retry-After', 'RateLimit', 'RateLimit-Policy'];
/**
 * Request headers a cross-origin script may send: a JSON body, conditional GETs, and
 * `Authorization` for the bearer tokens of the public OAuth-style endpoints (a browser
 * wallet's OpenID4VCI access token, RFC 6750 §2.1; the verifier page's read token for a
 * presentation it requested). No cookies: `Access-Control-Allow-Credentials` is never sent.
 */
export const ALLOWED_HEADERS = ['Accept', 'Authorization', 'Content-Type', 'If-None-Match'];

function corsFor(methods: string[]): RequestHandler {
  const allowMethods = [...methods, 'OPTIONS'].join(', ');
  return (req: Request, res: Response, next: NextFunction) => {
    res.set('Access-Control-Allow-Origin', '*');
    res.set('Access-Control-Expose-Headers', EXPOSED_HEADERS.join(', '));
    if (req.method === 'OPTIONS') {
      res.set('Access-Control-Allow-Methods', allowMethods);
      res.set('Access-Control-Allow-Headers', ALLOWED_HEADERS.join(', '));
      res.set('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE));
      res.status(204).end();
      return;
    }
    next();
  };
}

/** CORS headers for a public GET (and HEAD) route. */
export const getCors = corsFor(['GET', 'HEAD']);
/** CORS headers for a public POST route. */
export const postCors = corsFor(['POST']);

type Path = string | string[];

/** A public GET route: CORS headers on every answer, and its preflight. */
export function publicGet(router: Router, path: Path, ...handlers: RequestHandler[]): void {
  router.options(path, getCors);
  router.get(path, getCors, ...handlers);
}

/** A public POST route: CORS headers on every answer, and its preflight. */
export function publicPost(router: Router, path: Path, ...handlers: RequestHandler[]): void {
  router.options(path, postCors);
  router.post(path, postCors, ...handlers);
}

/**
 * CORS middleware for a router that serves one public POST operation on every path it
 * handles (`router.use(publicCors)` in routes/verify.ts): answers the preflight itself.
 */
export const publicCors = postCors;
