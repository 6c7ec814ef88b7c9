/**
 * OpenAPI paths of the routes the web console needs beyond the permit API (issue 11 §2):
 * the dashboard, drafts and the PDF preview. They take a bearer token or a console session,
 * with the same roles.
 */
import { PERMIT_SEARCH_PARAMETERS } from './openapi-admin.js';
import { errorResponse, json, responseRef } from './openapi-schemas.js';

const BEARER_OR_SESSION = [{ bearer: [] }, { session: [] }];
const count = { type: 'integer', minimum: 0 };

const DASHBOARD = {
  type: 'object',
  required: ['today', 'expiringBy', 'permits', 'incoming', 'exchange'],
  properties: {
    today: { type: 'string', format: 'date', description: 'The day (UTC) the figures were counted for' },
    expiringBy: { type: 'string', format: 'date', description: 'The last day of the "expiring soon" window (today + 30 days)' },
    permits: {
      type: 'object',
      required: ['issued', 'valid', 'exported', 'revoked', 'suspended', 'expired', 'imported', 'expiringSoon'],
      description: "This authority's permits. valid, exported (endorsed by customs, the verifier's \"used\"), revoked, suspended and expired are the verifier's states, each permit in one; imported counts the import confirmations received, whatever the state.",
      properties: {
        issued: count,
        valid: count,
        exported: count,
        revoked: count,
        suspended: count,
        expired: count,
        imported: count,
        expiringSoon: { ...count, description: 'Valid permits whose box 2 date is from today to expiringBy' },
      },
    },
    incoming: {
      type: 'object',
      required: ['total', 'import', 'importPermit', 'origin'],
      description: 'Permits other authorities sent: for import here, import permits for an export from here, re-exports of specimens from here',
      properties: { total: count, import: count, importPermit: count, origin: count },
    },
    exchange: {
      type: 'object',
      required: ['undeliverable', 'failed', 'pending'],
      description: 'Messages to peers: given up as too old, refused by the peer for good, still waiting',
      properties: { undeliverable: count, failed: count, pending: count },
    },
  },
};

export const CONSOLE_PATHS = {
  '/api/permits.csv': {
    get: {
      operationId: 'exportPermitsCsv',
      summary: 'The permit search as CSV, every match unless limit is given (officer, customs, admin)',
      description:
        'RFC 4180 with CRLF line ends. Columns: permitNumber, documentType, state, exporter, exporterCountry, importer, importerCountry, species (the blocks\' scientific names, "; " between), issuedAt, validUntil. ' +
        "A cell that starts with = + - @, a tab or a carriage return is prefixed with ' (no spreadsheet formula runs).",
      security: BEARER_OR_SESSION,
      parameters: PERMIT_SEARCH_PARAMETERS,
      responses: {
        200: { description: 'The permits, newest first, a header line first', content: { 'text/csv': { schema: { type: 'string' } } } },
        400: errorResponse('BAD_REQUEST: an unknown or malformed query parameter (`path` names it)'),
        401: responseRef('Unauthorized'),
        403: responseRef('Forbidden'),
      },
    },
  },
  '/api/dashboard': {
    get: {
      operationId: 'getDashboard',
      summary: "The console's dashboard: permits by state, incoming permits, undeliverable messages (officer, admin)",
      security: BEARER_OR_SESSION,
      responses: {
        200: { description: 'The figures, counted now', content: json(DASHBOARD) },
        401: responseRef('Unauthorized'),
        403: errorResponse('FORBIDDEN: customs may not read the dashboard'),
      },
    },
  },
};
