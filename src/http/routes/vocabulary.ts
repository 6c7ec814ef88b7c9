/**
 * The vocabulary every agent publishes, public and with CORS: Saiga's CITES JSON-LD context
 * (at the path of its URL, so a JSON-LD processor without the bundled copy can get it from
 * the issuer) and the JSON Schemas of the whole permit and endorsement credentials (at the
 * URLs their `credentialSchema` names).
 *
 * All three are immutable once shipped (a change is a new version at a new path), so they
 * are served with a year's `max-age` and `immutable` (RFC 8246).
 *
 * Saiga's own verifiers (the agent, the CLI, the verifier page) never fetch a context:
 * they recognise the context URLs of src/vocab/contexts.ts and carry the context itself
 * bundled (CITES_CONTEXT_V1). These routes are for everyone else's JSON-LD and JSON Schema
 * tooling.
 *
 * Mount with `app.use(vocabularyRoutes(saiga))`.
 */
import { Router, type RequestHandler } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { endorsementCredentialSchema } from '../../endorsement/credential-schema.js';
import { permitCredentialSchema } from '../../permit/credential-schema.js';
import { CITES_CONTEXT_V1_DOCUMENT, CITES_CONTEXT_V1_PATH, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, PERMIT_CREDENTIAL_SCHEMA_PATH } from '../../vocab/contexts.js';
import { CITES_IMPORT_CONTEXT_V1_DOCUMENT, CITES_IMPORT_CONTEXT_V1_PATH, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH } from '../../vocab/contexts.js';
import { importConfirmationCredentialSchema } from '../../import-confirmation/credential-schema.js';
import { publicGet } from '../cors.js';

/** A year, and RFC 8246 `immutable`: the content at these URLs never changes, so caches need not revalidate. */
export const IMMUTABLE_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Media types registered by JSON-LD 1.1 (`application/ld+json`) and JSON Schema 2020-12 (`application/schema+json`). */
const serve = (contentType: string, body: string): RequestHandler => (_req, res) => {
  res.set('Cache-Control', IMMUTABLE_CACHE_CONTROL);
  res.type(contentType).send(body);
};

export function vocabularyRoutes(saiga: Pick<ReadCapabilities, 'config'>): Router {
  const agentUrl = saiga.config.saiga.url;
  const router = Router();
  publicGet(router, CITES_CONTEXT_V1_PATH, serve('application/ld+json', CITES_CONTEXT_V1_DOCUMENT));
  publicGet(router, PERMIT_CREDENTIAL_SCHEMA_PATH, serve('application/schema+json', JSON.stringify(permitCredentialSchema(agentUrl))));
  publicGet(router, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, serve('application/schema+json', JSON.stringify(endorsementCredentialSchema(agentUrl))));
  // Issue 9: the import confirmation's own context (CITES v1 is frozen) and its credential schema.
  publicGet(router, CITES_IMPORT_CONTEXT_V1_PATH, serve('application/ld+json', CITES_IMPORT_CONTEXT_V1_DOCUMENT));
  publicGet(router, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH, serve('application/schema+json', JSON.stringify(importConfirmationCredentialSchema(agentUrl))));
  return router;
}
