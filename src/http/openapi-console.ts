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

const DRAFT_SUMMARY_PROPERTIES = {
  id: { type: 'string', format: 'uuid' },
  title: { type: 'string', minLength: 1, maxLength: 200 },
  ownerId: { type: 'string', description: 'Who saved it last: an API token id or `user:<id>` for a console user' },
  ownerName: { type: 'string', description: "That person's name" },
  createdAt: { type: 'string', format: 'date-time' },
  updatedAt: { type: 'string', format: 'date-time' },
};
const DRAFT_SUMMARY = { type: 'object', required: Object.keys(DRAFT_SUMMARY_PROPERTIES), properties: DRAFT_SUMMARY_PROPERTIES };
const DRAFT = {
  type: 'object',
  required: [...Object.keys(DRAFT_SUMMARY_PROPERTIES), 'request'],
  properties: { ...DRAFT_SUMMARY_PROPERTIES, request: { type: 'object', description: 'The permit request as saved, complete or not; never checked against the permit rules' } },
};
const DRAFT_INPUT = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'request'],
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200, description: 'Without control characters' },
    request: { type: 'object', description: 'The permit request (POST /api/permits body), complete or not; at most 64 KiB as JSON' },
  },
};
const draftId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
const officerOnly = { 401: responseRef('Unauthorized'), 403: errorResponse('FORBIDDEN (not an officer) or SESSION_CSRF_INVALID') };
const draftNotFound = { 404: errorResponse('CONSOLE_DRAFT_NOT_FOUND') };
const draftRefusals = {
  400: responseRef('MalformedJson'),
  413: errorResponse('CONSOLE_DRAFT_TOO_LARGE (the request over 64 KiB) or PAYLOAD_TOO_LARGE (the body)'),
  415: responseRef('UnsupportedMediaType'),
  422: errorResponse('CONSOLE_DRAFT_INVALID: a title or request missing or malformed, or an unknown field (`path` names it)'),
};

export const CONSOLE_PATHS = {
  '/api/drafts': {
    get: {
      operationId: 'listDrafts',
      summary: 'Every saved draft, the last saved first, without their requests (officer)',
      security: BEARER_OR_SESSION,
      responses: { 200: { description: 'The drafts', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: DRAFT_SUMMARY } } }) }, ...officerOnly },
    },
    post: {
      operationId: 'createDraft',
      summary: 'Save a new draft of a permit request; audited as draft.save (officer)',
      security: BEARER_OR_SESSION,
      requestBody: { required: true, content: json(DRAFT_INPUT) },
      responses: {
        201: { description: 'Saved', headers: { Location: { description: '/api/drafts/{id}', schema: { type: 'string' } } }, content: json(DRAFT) },
        ...draftRefusals,
        ...officerOnly,
      },
    },
  },
  '/api/drafts/{id}': {
    get: {
      operationId: 'getDraft',
      summary: 'One draft with its request (officer)',
      security: BEARER_OR_SESSION,
      parameters: [draftId],
      responses: { 200: { description: 'The draft', content: json(DRAFT) }, ...officerOnly, ...draftNotFound },
    },
    put: {
      operationId: 'updateDraft',
      summary: "Replace a draft's title and request; audited as draft.save (officer)",
      security: BEARER_OR_SESSION,
      parameters: [draftId],
      requestBody: { required: true, content: json(DRAFT_INPUT) },
      responses: { 200: { description: 'Saved', content: json(DRAFT) }, ...draftRefusals, ...officerOnly, ...draftNotFound },
    },
    delete: {
      operationId: 'deleteDraft',
      summary: 'Delete a draft; audited as draft.delete (officer)',
      security: BEARER_OR_SESSION,
      parameters: [draftId],
      responses: { 204: { description: 'Deleted' }, ...officerOnly, ...draftNotFound },
    },
  },
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
