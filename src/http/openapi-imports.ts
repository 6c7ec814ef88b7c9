/**
 * OpenAPI paths of the importing side (routes/imports.ts) and of the exchange's body schemas
 * (routes/exchange-schemas.ts).
 */
import { EXCHANGE_KINDS, exchangeSchemaPath } from '../exchange/schemas/bodies.js';
import { MESSAGE_TYPES } from '../exchange/message-types.js';
import { IMPORT_STATES } from '../store/incoming-permits.js';
import { BEARER, errorResponse, json, PUBLIC, responseRef } from './openapi-schemas.js';

const INCOMING_PERMIT_SCHEMA = {
  type: 'object',
  required: ['permitNumber', 'id', 'issuer', 'documentType', 'exporterCountry', 'importerCountry', 'validUntil', 'receivedAt', 'state', 'status', 'blocks'],
  properties: {
    permitNumber: { type: 'string' },
    id: { type: 'string', description: "The permit credential's id (urn:uuid:…)" },
    issuer: { type: 'string', description: 'DID of the issuing Management Authority' },
    documentType: { enum: ['export', 're-export', 'other'] },
    exporterCountry: { type: 'string' },
    importerCountry: { type: 'string' },
    validUntil: { type: 'string', format: 'date' },
    receivedAt: { type: 'string', format: 'date-time' },
    state: {
      enum: [...IMPORT_STATES],
      description: 'expected: received, not yet confirmed, in date; arrived: an import confirmation was made here; overdue: expired without arrival; revoked or suspended: as its issuer notified',
    },
    status: {
      type: 'object',
      required: ['status'],
      properties: {
        status: { enum: ['valid', 'revoked', 'suspended'] },
        reason: { type: 'string' },
        replacedBy: { type: 'string' },
        changedAt: { type: 'string', format: 'date-time', description: "The issuer's time of the change" },
        notifiedAt: { type: 'string', format: 'date-time', description: 'When this agent received the notice' },
      },
    },
    endorsedAt: { type: 'string', format: 'date-time', description: "When the exporting country's customs endorsed the export" },
    blocks: {
      type: 'array',
      items: { type: 'object', required: ['block', 'scientificName', 'quantity', 'unit'], properties: { block: { type: 'string' }, scientificName: { type: 'string' }, quantity: { type: 'number' }, unit: { type: 'string' } } },
    },
  },
};

const pascal = (kind: string) => kind[0]!.toUpperCase() + kind.slice(1);

export const IMPORT_PATHS = {
  '/api/imports': {
    get: {
      operationId: 'listImports',
      summary: 'Permits other authorities sent for import into this country, newest first, with their state (officer, admin)',
      security: BEARER,
      parameters: [{ name: 'state', in: 'query', required: false, description: 'Only permits in this state', schema: { enum: [...IMPORT_STATES] } }],
      responses: {
        200: {
          description: 'The incoming permits',
          content: json({ type: 'object', required: ['items', 'total'], properties: { items: { type: 'array', items: INCOMING_PERMIT_SCHEMA }, total: { type: 'integer', minimum: 0 } } }),
        },
        400: errorResponse('BAD_REQUEST: unknown state (`path` is /state)'),
        401: responseRef('Unauthorized'),
        403: errorResponse('FORBIDDEN: not an officer or admin token'),
      },
    },
  },
  ...Object.fromEntries(
    EXCHANGE_KINDS.map((kind) => [
      exchangeSchemaPath(kind),
      {
        get: {
          operationId: `getExchangeSchema${pascal(kind)}`,
          summary: `JSON Schema of the body of ${MESSAGE_TYPES[kind]} messages (immutable)`,
          security: PUBLIC,
          responses: { 200: { description: 'JSON Schema 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } }, 400: responseRef('MalformedJson') },
        },
      },
    ]),
  ),
};
