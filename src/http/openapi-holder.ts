/**
 * OpenAPI paths of holder links (issue 12 §1, src/holder): the officer's routes under /api
 * (bearer token or console session) and the public holder page the link opens.
 */
import { errorResponse, json, PUBLIC, ref, responseRef, vcJwt } from './openapi-schemas.js';

const BEARER_OR_SESSION = [{ bearer: [] }, { session: [] }];
const number = { name: 'number', in: 'path', required: true, schema: { type: 'string' }, description: 'The permit number (box 1)' };
const token = { name: 'token', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{43}$' }, description: 'The link token: 32 random bytes, base64url' };
const lang = { name: 'lang', in: 'query', required: false, schema: { enum: ['en', 'fr', 'es'] }, description: 'The language; default the browser\'s (Accept-Language), else English' };
const html = { 'text/html': { schema: { type: 'string' } } };
const refused = {
  404: { description: 'HOLDER_LINK_UNKNOWN: no link with this token (a page that names no permit)', content: html },
  410: { description: 'HOLDER_LINK_REVOKED (withdrawn by the authority) or HOLDER_LINK_EXPIRED (the validity and the grace period have passed)', content: html },
};
/** Over the per-client limit (src/http/rate-limit.ts): a page for a browser, the JSON error for a client that asks for JSON. */
const busy = {
  description: 'RATE_LIMITED: too many requests from this client in the last minute. A page ("Too many requests", in the asked language) unless the client accepts JSON before HTML',
  headers: { 'Retry-After': { schema: { type: 'integer' } } },
  content: { ...html, ...json(ref('Error')) },
};
const auth = (roles: string) => ({ 401: responseRef('Unauthorized'), 403: errorResponse(`FORBIDDEN (not ${roles}) or SESSION_CSRF_INVALID`) });

const LINK = {
  type: 'object',
  required: ['id', 'permitNumber', 'createdAt', 'createdBy', 'expiresAt', 'state'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    permitNumber: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string', description: 'The officer who made it' },
    expiresAt: { type: 'string', format: 'date-time', description: "The end of the permit's box 2 date plus saiga.holder.graceDays (default 30)" },
    state: { enum: ['active', 'revoked', 'expired'] },
    revokedAt: { type: 'string', format: 'date-time' },
    revokedBy: { type: 'string' },
    email: { type: 'string', format: 'email', description: 'Where the link was to be sent, when an address was given' },
  },
};

export const HOLDER_PATHS = {
  '/api/permits/{number}/share': {
    post: {
      operationId: 'sharePermitWithHolder',
      summary: 'Make a holder link for an issued permit; the URL (with its token) is shown this once; audited as holder.share (officer)',
      description: 'The signed permit is not changed. With no mailer configured, `mailed` is false and the officer hands the link over.',
      security: BEARER_OR_SESSION,
      parameters: [number],
      requestBody: {
        required: false,
        content: json({
          type: 'object',
          additionalProperties: false,
          properties: { email: { type: 'string', format: 'email', maxLength: 254 }, language: { enum: ['en', 'fr', 'es'], description: 'The language of the e-mail; default en' } },
        }),
      },
      responses: {
        201: {
          description: 'The link',
          content: json({
            type: 'object',
            required: ['id', 'url', 'expiresAt', 'mailed'],
            properties: { id: { type: 'string', format: 'uuid' }, url: { type: 'string', format: 'uri', description: '${saiga.url}/holder/${token}' }, expiresAt: { type: 'string', format: 'date-time' }, email: { type: 'string' }, mailed: { type: 'boolean' }, mailError: { type: 'object', additionalProperties: false, required: ['code', 'message'], description: 'Why the e-mail asked for was not sent (MAIL_NOT_CONFIGURED, MAIL_SEND_FAILED, MAIL_AUTH_FAILED, MAIL_REJECTED…); the link is made all the same', properties: { code: { type: 'string' }, message: { type: 'string' } } } },
          }),
        },
        400: responseRef('MalformedJson'),
        ...auth('an officer'),
        404: errorResponse('HOLDER_PERMIT_NOT_FOUND'),
        409: errorResponse('HOLDER_PERMIT_EXPIRED: the link would be expired already'),
        415: responseRef('UnsupportedMediaType'),
        422: errorResponse('HOLDER_SHARE_INVALID, HOLDER_EMAIL_INVALID or HOLDER_LANGUAGE_INVALID (`path` names the field)'),
      },
    },
  },
  '/api/permits/{number}/shares': {
    get: {
      operationId: 'listHolderLinks',
      summary: "A permit's holder links, the newest first, never their tokens (officer, admin)",
      security: BEARER_OR_SESSION,
      parameters: [number],
      responses: {
        200: { description: 'The links', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: LINK } } }) },
        ...auth('an officer or an admin'),
        404: errorResponse('HOLDER_PERMIT_NOT_FOUND'),
      },
    },
  },
  '/api/holder-links/{id}/revoke': {
    post: {
      operationId: 'revokeHolderLink',
      summary: 'Withdraw a holder link: it answers 410 from now on; audited as holder.revoke (officer)',
      security: BEARER_OR_SESSION,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The link, withdrawn', content: json(LINK) },
        ...auth('an officer'),
        404: errorResponse('HOLDER_LINK_NOT_FOUND'),
        409: errorResponse('HOLDER_LINK_ALREADY_REVOKED'),
      },
    },
  },
  '/holder/holder.css': {
    get: {
      operationId: 'getHolderPageStyles',
      summary: "The holder page's style sheet",
      security: PUBLIC,
      responses: { 200: { description: 'The style sheet', content: { 'text/css': { schema: { type: 'string' } } } }, 404: errorResponse('NOT_FOUND') },
    },
  },
  '/holder/{token}': {
    get: {
      operationId: 'getHolderPage',
      summary: 'The holder page (at /holder/{token}/, where this redirects): the permit by box (box 14 once customs endorsed it), its state, the QR code, "Add to a wallet", the downloads; audited as holder.open',
      description: 'Public to whoever has the link. Cache-Control: no-store, Referrer-Policy: no-referrer, a CSP with no script. English, French, Spanish.',
      security: PUBLIC,
      parameters: [token, lang],
      responses: { 200: { description: 'The page', content: html }, 302: { description: 'To /holder/{token}/' }, ...refused, 429: busy },
    },
  },
  '/holder/{token}/offer': {
    post: {
      operationId: 'requestHolderWalletOffer',
      summary: "The holder page's form (issue 12 §2): make a wallet offer bound to the link, its tx_code e-mailed to the link's address; then 303 back to the page, which shows the offer's QR code and openid-credential-offer:// link",
      description:
        'No body is read (a plain HTML form posts it). One live offer per link: while one is live nothing new is made. Without an e-mail address on the link, or without a mailer, no offer is made and the page says to ask the issuing authority. The tx_code is never on the page. Audited as oid4vci.offer with the link id.',
      security: PUBLIC,
      parameters: [token, lang],
      responses: {
        303: { description: 'To ./?lang=… (the page); with offer=mail-failed when the code could not be e-mailed (that offer is retired)' },
        ...refused,
        429: busy,
        // A redirect is the only success: `default` (any other answer) is what the lint's 2XX rule accepts besides a 2XX.
        default: errorResponse('Any other answer: an error object (e.g. 500 INTERNAL_ERROR)'),
      },
    },
  },
  '/holder/{token}/permit.pdf': {
    get: {
      operationId: 'getHolderPermitPdf',
      summary: 'The printed permit (A4 PDF) in English, French or Spanish; audited as holder.download',
      security: PUBLIC,
      parameters: [token, lang],
      responses: { 200: { description: 'The PDF', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...refused, 429: busy },
    },
  },
  '/holder/{token}/credential.jwt': {
    get: {
      operationId: 'getHolderCredential',
      summary: 'The signed permit (VC-JWT) as issued; audited as holder.download',
      security: PUBLIC,
      parameters: [token],
      responses: { 200: { description: 'The credential', content: vcJwt }, ...refused, 429: busy },
    },
  },
};
