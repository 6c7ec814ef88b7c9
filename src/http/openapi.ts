/**
 * OpenAPI 3.1 description of every route the agent serves, at /api/openapi.json.
 * Admin paths are in openapi-admin.ts and openapi-tokens.ts, public ones in openapi-public.ts, shared schemas and
 * responses in openapi-schemas.ts. test/http/openapi.test.ts compares the paths with the
 * routes express serves and lints the document with Redocly's recommended rules.
 */
import type { ReadCapabilities } from '../agent/wiring/capabilities.js';
import { SCHEMA_PATH } from './paths.js';
import { ADMIN_PATHS, permitRecordSchema } from './openapi-admin.js';
import { publicPaths } from './openapi-public.js';
import { TOKEN_PATHS, TOKEN_RECORD_SCHEMA } from './openapi-tokens.js';
import { RESPONSES, SCHEMAS } from './openapi-schemas.js';
import { EXCHANGE_PATHS, EXCHANGE_SCHEMAS } from './openapi-exchange.js';
import { IMPORT_PATHS } from './openapi-imports.js';
import { TOOLKIT_SECURITY_SCHEMES, TOOLKIT_XML_PATHS } from './openapi-toolkit-xml.js';
import { IMPORT_CONFIRMATION_PATHS } from './openapi-import-confirmation.js';
import { AUDIT_PATHS } from './openapi-audit.js';
import { REPORT_PATHS } from './openapi-reports.js';
import { SESSION_PATHS, SESSION_SECURITY_SCHEME } from './openapi-session.js';
import { CONSOLE_PATHS } from './openapi-console.js';
import { KEY_PATHS, SIGNING_KEY_SCHEMA } from './openapi-keys.js';
import { HOLDER_PATHS } from './openapi-holder.js';
import { oid4vciPaths } from './openapi-oid4vci.js';
import { oid4vpPaths, RELAY_SECURITY_SCHEME } from './openapi-oid4vp.js';

export function openApiDocument(saiga: Pick<ReadCapabilities, 'config'>) {
  const { saiga: config } = saiga.config;
  return {
    openapi: '3.1.0',
    info: {
      title: `Saiga agent — ${config.authority.name}`,
      version: '1',
      license: { name: 'Apache 2.0', identifier: 'Apache-2.0' },
      description:
        'CITES permits issued as W3C Verifiable Credentials (VC-JWT, EdDSA) by a Management Authority. ' +
        'Admin routes need a bearer token with the right role (officer, customs, admin) and send no CORS headers. ' +
        'Public routes (`security: []`) need none; they answer any origin (`Access-Control-Allow-Origin: *`, no credentials), ' +
        'answer the CORS preflight (OPTIONS, 204) and expose ETag, Retry-After and the RateLimit headers, ' +
        'except those marked `x-saiga-same-origin` (the verifier page\'s presentation relay), which send no CORS headers. ' +
        'Every answer under /api is sent with `Cache-Control: no-store`; every answer with `X-Content-Type-Options: nosniff`.',
    },
    servers: [{ url: config.url }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token made with `saiga token create`.' }, ...TOOLKIT_SECURITY_SCHEMES, session: SESSION_SECURITY_SCHEME, presentationReadToken: RELAY_SECURITY_SCHEME },
      schemas: { ...SCHEMAS, PermitRecord: permitRecordSchema(`${config.url}${SCHEMA_PATH}`), TokenRecord: TOKEN_RECORD_SCHEMA, SigningKey: SIGNING_KEY_SCHEMA, ...EXCHANGE_SCHEMAS },
      responses: RESPONSES,
    },
    paths: { ...ADMIN_PATHS, ...TOKEN_PATHS, ...IMPORT_PATHS, ...IMPORT_CONFIRMATION_PATHS, ...REPORT_PATHS, ...publicPaths(config), ...EXCHANGE_PATHS, ...TOOLKIT_XML_PATHS, ...AUDIT_PATHS, ...SESSION_PATHS, ...CONSOLE_PATHS, ...KEY_PATHS, ...HOLDER_PATHS, ...oid4vciPaths(config.url), ...oid4vpPaths(config.url) },
  };
}
