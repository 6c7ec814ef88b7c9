/**
 * Issue 12 §2 (docs/oid4vci.md): the OpenID4VCI 1.0 endpoints, thin; the issuer is src/oid4vci.
 * Public (a wallet has no Saiga token): the two metadata documents, the JWKS of the access-token
 * key, the credential offer (credential_offer_uri), token, nonce and credential. The token request
 * is form-encoded (RFC 6749 §4.1.3, OpenID4VCI 1.0 §6.1), so it comes before the app's JSON-only rule.
 * Every refusal is an OAuth error object (RFC 6749 §5.2), never Saiga's error shape.
 *
 * Protected: `POST /api/permits/{number}/offers` (officer) makes an offer.
 */
import express, { Router, type Request, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { OID4VCI_CODES } from '../../codes.js';
import type { HttpAnswer } from '../../oid4vci/issuer.js';
import { OID4VCI_PATHS, wellKnownPath } from '../../oid4vci/metadata.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { publicGet, publicPost } from '../cors.js';
import { ApiError } from '../errors.js';
import { HTTP_BODY_LIMIT_BYTES } from '../../vocab/limits.js';

const BODY_LIMIT_OID4VCI = `${HTTP_BODY_LIMIT_BYTES / 1024}kb`;

/** The request as the libraries take it: method, absolute URL, headers. */
function requestLike(baseUrl: string, req: Request) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  return { method: req.method as 'POST', url: `${new URL(baseUrl).origin}${req.originalUrl}`, headers };
}

function send(res: Response, answer: HttpAnswer): void {
  res.status(answer.status).set(answer.headers ?? {}).json(answer.body);
}

const oauthBodyError = (res: Response, description: string) => res.status(400).set('cache-control', 'no-store').json({ error: 'invalid_request', error_description: description });

/**
 * The token, nonce and credential endpoints, mounted before the app's JSON-only rule: the token request is
 * form-encoded, and both answer a body they cannot read with an OAuth error, not Saiga's.
 */
export function oid4vciRequestRoutes(saiga: Pick<SignCapabilities, 'oid4vci' | 'config'>): Router {
  const router = Router();
  const issuer = saiga.oid4vci;
  if (!issuer) return router;
  const base = saiga.config.saiga.url;
  const form = express.urlencoded({ extended: false, limit: BODY_LIMIT_OID4VCI });
  const json = express.json({ limit: BODY_LIMIT_OID4VCI, strict: true });
  const unreadable = (error: unknown, _req: Request, res: Response, next: (e?: unknown) => void) => {
    if ((error as { type?: string }).type === undefined) return next(error);
    oauthBodyError(res, 'The request body cannot be read.');
  };
  // Public POSTs with CORS like every public operation: a wallet may run in a browser (no cookie is read).
  publicPost(router, OID4VCI_PATHS.token, form, async (req, res) => {
    if (!req.is('application/x-www-form-urlencoded')) return oauthBodyError(res, 'The token request must be application/x-www-form-urlencoded.');
    send(res, await issuer.token(requestLike(base, req), req.body as Record<string, unknown>));
  });
  publicPost(router, OID4VCI_PATHS.credential, json, async (req, res) => {
    const body: unknown = req.body;
    if (!req.is('application/json') || body === null || typeof body !== 'object' || Array.isArray(body)) return oauthBodyError(res, 'The credential request must be a JSON object.');
    send(res, await issuer.credential(requestLike(base, req), body as Record<string, unknown>));
  });
  // OpenID4VCI 1.0 §7.1: the nonce request carries nothing (wallets send it with a form content type and no body).
  publicPost(router, OID4VCI_PATHS.nonce, async (req, res) => {
    if (Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined) return oauthBodyError(res, 'The nonce request has no body.');
    send(res, await issuer.nonce());
  });
  router.use(unreadable);
  return router;
}

/** The metadata, the JWKS and the offers: public, after the app's body rules like every public route. */
export function oid4vciRoutes(saiga: Pick<SignCapabilities, 'oid4vci' | 'config'>): Router {
  const router = Router();
  const issuer = saiga.oid4vci;
  if (!issuer) return router;
  const base = saiga.config.saiga.url;
  publicGet(router, wellKnownPath(base, 'openid-credential-issuer'), (_req, res) => void res.set('cache-control', 'public, max-age=300').json(issuer.credentialIssuerMetadata()));
  publicGet(router, wellKnownPath(base, 'oauth-authorization-server'), (_req, res) => void res.set('cache-control', 'public, max-age=300').json(issuer.authorizationServerMetadata()));
  publicGet(router, OID4VCI_PATHS.jwks, (_req, res) => void res.set('cache-control', 'public, max-age=300').type('application/jwk-set+json').send(JSON.stringify(issuer.jwks())));
  publicGet(router, `${OID4VCI_PATHS.offers}/:id`, async (req, res) => send(res, await issuer.offer(String(req.params.id))));
  return router;
}

const OFFER_FIELDS = ['holderLinkId'];

/** POST /api/permits/{number}/offers (officer): a wallet offer of one permit; the tx_code is in the answer once. */
export function permitOfferRoutes(saiga: Pick<SignCapabilities, 'oid4vci' | 'tokens'>): Router {
  const router = Router();
  router.post('/:number/offers', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res: Response) => {
    const body: unknown = req.body ?? {};
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new ApiError('BAD_REQUEST', { path: '', message: 'The body must be a JSON object (or empty).' });
    const extra = Object.keys(body).find((k) => !OFFER_FIELDS.includes(k));
    if (extra !== undefined) throw new ApiError('BAD_REQUEST', { path: `/${extra}`, message: `Unknown field "${extra}".` });
    const holderLinkId = (body as { holderLinkId?: unknown }).holderLinkId;
    if (holderLinkId !== undefined && (typeof holderLinkId !== 'string' || holderLinkId.length < 1 || holderLinkId.length > 100)) {
      throw new ApiError('BAD_REQUEST', { path: '/holderLinkId', message: '"holderLinkId" must be the id of a holder link (1 to 100 characters).' });
    }
    const issuer = saiga.oid4vci;
    if (!issuer) return void res.status(409).json({ error: { code: 'OID4VCI_UNAVAILABLE', message: OID4VCI_CODES.OID4VCI_UNAVAILABLE } });
    const token = req.token!;
    const outcome = await issuer.createOffer(String(req.params.number), { name: token.name, tokenId: token.id }, holderLinkId !== undefined ? { holderLinkId } : {});
    if (!outcome.ok) {
      const aboutLink = outcome.code.startsWith('OID4VCI_HOLDER_LINK_');
      const status = outcome.code === 'OID4VCI_PERMIT_NOT_FOUND' ? 404 : aboutLink ? 422 : 409;
      return void res.status(status).json({ error: { code: outcome.code, message: OID4VCI_CODES[outcome.code], path: aboutLink ? '/holderLinkId' : '/number' } });
    }
    const { ok: _ok, ...offer } = outcome;
    res.status(201).set('Cache-Control', 'no-store').json(offer);
  });
  return router;
}
