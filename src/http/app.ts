/**
 * The agent's HTTP face: public routes (DID document, permit schema, verification,
 * OpenAPI) and admin routes under /api that need a bearer token.
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import type { ServeCapabilities } from '../agent/wiring/capabilities.js';
import { SCHEMA_PATH } from './paths.js';
import { didDocumentPath } from '../agent/identity/did-web-name.js';
import { permitSchema } from '../permit/schema.js';
import { ApiError, sendError } from './errors.js';
import { publicGet } from './cors.js';
import { permitCsvRoutes, permitRoutes } from './routes/permits.js';
import { permitQrRoutes } from './routes/permit-qr.js';
import { verifyRoutes } from './routes/verify.js';
import { openApiDocument } from './openapi.js';
import { publicRoutes } from './routes/public.js';
import { verifierPageRouter } from './routes/verifier-page.js';
import { consolePageRouter } from './routes/console-page.js';
import { lifecycleRoutes } from './routes/lifecycle.js';
import { importConfirmationRoutes } from './routes/import-confirmations.js';
import { tokenRoutes } from './routes/tokens.js';
import { auditRoutes } from './routes/audit.js';
import { sessionRoutes } from './routes/session.js';
import { userRoutes } from './routes/users.js';
import { sessionAuthentication } from './session-auth.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { draftRoutes } from './routes/drafts.js';
import { keyRoutes } from './routes/keys.js';
import { holderLinkRoutes, permitShareRoutes } from './routes/holder-links.js';
import { holderBusy, holderPageRouter } from './routes/holder-page.js';
import { sessionCookieFor } from './session-cookie.js';
import { vocabularyRoutes } from './routes/vocabulary.js';
import { didcommRoutes, exchangeAdminRoutes } from './routes/exchange.js';
import { importRoutes } from './routes/imports.js';
import { reportRoutes } from './routes/reports.js';
import { exchangeSchemaRoutes } from './routes/exchange-schemas.js';
import { toolkitLookupRoutes, toolkitXmlRoutes } from './routes/toolkit-xml.js';
import { ANCHOR_PATH_SEGMENT, CUSTOMS_PATH_SEGMENT } from '../agent/identity/identity.js';
import { TRUST_LIST_PATH } from '../trust/agent-trust-list.js';
import { HTTP_BODY_LIMIT_BYTES } from '../vocab/limits.js';
import { oid4vciRequestRoutes, oid4vciRoutes, permitOfferRoutes } from './routes/oid4vci.js';
import { holderOfferRoutes } from './routes/holder-offer.js';
import { oid4vpResponseRoutes, oid4vpRoutes, RELAY_RATE_LIMIT_PER_MINUTE } from './routes/oid4vp.js';
import { OID4VCI_PATHS } from '../oid4vci/metadata.js';
import { HOLDER_RATE_LIMIT_PER_MINUTE, OID4VCI_TOKEN_RATE_LIMIT_PER_MINUTE, perClientLimit } from './rate-limit.js';

/** Permit requests and credentials are a few kilobytes; refuse bodies far larger (src/vocab/limits.ts). */
export const BODY_LIMIT = `${HTTP_BODY_LIMIT_BYTES / 1024}kb`;

export interface AppOptions {
  /** Where to report unexpected errors (never sent to clients). */
  logError?: (error: unknown) => void;
}

export function createApp(saiga: ServeCapabilities, options: AppOptions = {}): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', 'strong');
  // Behind a reverse proxy, req.ip (and so the rate limit of /api/verify) is the client
  // the named proxies report in X-Forwarded-For; without the setting the header is ignored.
  app.set('trust proxy', saiga.config.saiga.server?.trustProxy ?? false);
  const logError = options.logError ?? ((error: unknown) => console.error(error));

  const { identities } = saiga;
  const schema = permitSchema(`${saiga.config.saiga.url}${SCHEMA_PATH}`);

  // Every answer, errors included, is read as the type it says it is (no MIME sniffing).
  app.use((_req: Request, res: Response, next: NextFunction) => {
    res.set('X-Content-Type-Options', 'nosniff');
    next();
  });
  // /api answers carry signed permits, holders' names and addresses, tokens' verdicts:
  // no cache (shared or private) may keep them (RFC 9111 §5.2.2.5).
  app.use('/api', (_req: Request, res: Response, next: NextFunction) => {
    res.set('Cache-Control', 'no-store');
    next();
  });

  // Issue 9: POST /didcomm takes DIDComm media types as text, so it comes before the JSON-only parser.
  app.use(didcommRoutes(saiga));
  // Issue 12 §2: the holder pages and the OpenID4VCI token endpoint are limited per client (./rate-limit.ts).
  app.use('/holder', perClientLimit(HOLDER_RATE_LIMIT_PER_MINUTE, holderBusy));
  app.use(OID4VCI_PATHS.token, perClientLimit(OID4VCI_TOKEN_RATE_LIMIT_PER_MINUTE));
  // Issue 12 §2: the OpenID4VCI token (form-encoded) and credential endpoints, also before it (docs/oid4vci.md).
  app.use(oid4vciRequestRoutes(saiga));
  // Issue 12 §2: the holder page's form asking for a wallet offer (form-encoded, its body unread).
  app.use(holderOfferRoutes(saiga));
  // The cross-device presentation relay (docs/oid4vp.md): limited per client; the wallet's
  // direct_post answer is form-encoded, so it too comes before the JSON-only rule.
  app.use('/oid4vp', perClientLimit(RELAY_RATE_LIMIT_PER_MINUTE));
  app.use(oid4vpResponseRoutes(saiga));

  // Only POST bodies are parsed, only as JSON, and only up to BODY_LIMIT.
  app.use((req: Request, res: Response, next: NextFunction) => {
    // req.is() is false for a body of another type, null when there is no body at all.
    if (req.method === 'POST' && req.is('application/json') === false) return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
    next();
  });
  app.use(express.json({ limit: BODY_LIMIT, strict: true }));

  publicGet(app.router, '/health', (_req, res) => {
    res.set('Cache-Control', 'no-cache');
    res.json({ status: 'ok', did: identities.authority.did });
  });

  if (saiga.config.saiga.didMethod === 'web') {
    // Read at each request: a key rotated or revoked through POST /api/keys/… is published at once (issue 9 §6).
    const serveDocument = (document: () => unknown) => (_req: Request, res: Response) => {
      res.set('Cache-Control', 'public, max-age=300');
      res.type('application/did+json').send(JSON.stringify(document()));
    };
    publicGet(app.router, didDocumentPath(saiga.config.saiga.url), serveDocument(() => identities.authority.didDocument));
    publicGet(app.router, didDocumentPath(saiga.config.saiga.url, [CUSTOMS_PATH_SEGMENT]), serveDocument(() => identities.customs.didDocument));
    publicGet(app.router, didDocumentPath(saiga.config.saiga.url, [ANCHOR_PATH_SEGMENT]), serveDocument(() => identities.trustAnchor.didDocument));
  }
  publicGet(app.router, TRUST_LIST_PATH, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=300');
    res.type('application/vc+jwt').send(saiga.trust.jwt);
  });
  app.use(publicRoutes(saiga));
  app.use(vocabularyRoutes(saiga));
  app.use(exchangeSchemaRoutes(saiga));
  app.use(oid4vciRoutes(saiga));
  app.use(oid4vpRoutes(saiga));
  publicGet(app.router, SCHEMA_PATH, (_req, res) => {
    res.set('Cache-Control', 'public, max-age=86400');
    res.type('application/schema+json').send(JSON.stringify(schema));
  });
  publicGet(app.router, '/api/openapi.json', (_req, res) => {
    res.json(openApiDocument(saiga));
  });

  app.use(verifierPageRouter(saiga));
  // Issue 11: the console, and GET / sending a browser to it.
  app.use(consolePageRouter());
  // Issue 12 §1: the holder page, public to whoever has the link (its own CSP, no-store).
  app.use(holderPageRouter(saiga));
  // Issue 11 §1: console sessions (cookie) beside bearer tokens, for every /api route below.
  const sessionCookie = sessionCookieFor(saiga.config.saiga.url);
  app.use('/api', sessionAuthentication(saiga.sessions, sessionCookie));
  app.use('/api/session', sessionRoutes(saiga, sessionCookie));
  app.use('/api/users', userRoutes(saiga));
  app.use('/api/verify', verifyRoutes(saiga));
  app.use('/api/permits.csv', permitCsvRoutes(saiga));
  app.use('/api/permits', permitRoutes(saiga));
  app.use('/api/permits', permitQrRoutes(saiga));
  app.use('/api/permits', lifecycleRoutes(saiga));
  app.use('/api/tokens', tokenRoutes(saiga));
  app.use('/api/audit', auditRoutes(saiga));
  app.use('/api/exchange', exchangeAdminRoutes(saiga));
  app.use('/api/exchange', toolkitLookupRoutes(saiga));
  app.use('/api/permits', toolkitXmlRoutes(saiga));
  app.use('/api/imports', importRoutes(saiga));
  app.use('/api/imports', importConfirmationRoutes(saiga));
  app.use('/api/reports', reportRoutes(saiga));
  app.use('/api/dashboard', dashboardRoutes(saiga));
  app.use('/api/drafts', draftRoutes(saiga));
  app.use('/api/keys', keyRoutes(saiga));
  app.use('/api/permits', permitShareRoutes(saiga));
  app.use('/api/holder-links', holderLinkRoutes(saiga));
  // Issue 12 §2: wallet offers of a permit (officer).
  app.use('/api/permits', permitOfferRoutes(saiga));

  app.use((req: Request, res: Response) => sendError(res, 'NOT_FOUND', { message: `Nothing at ${req.method} ${req.path}.` }));

  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (error instanceof ApiError) return sendError(res, error.code, error.details);
    const type = (error as { type?: string }).type;
    if (type === 'entity.parse.failed') return sendError(res, 'MALFORMED_JSON');
    if (type === 'entity.too.large') return sendError(res, 'PAYLOAD_TOO_LARGE', { message: `The request body is larger than ${BODY_LIMIT}.` });
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
    logError(error);
    sendError(res, 'INTERNAL_ERROR');
  });
  return app;
}
