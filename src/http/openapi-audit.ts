/** OpenAPI path of the audit trail (routes/audit.ts): admin role only. */
import { BEARER, errorResponse, json, responseRef } from './openapi-schemas.js';

const ENTRY = {
  type: 'object',
  required: ['seq', 'at', 'actorToken', 'actorName', 'action', 'subject', 'permitNumber', 'beforeHash', 'afterHash', 'details', 'prevHash', 'hash'],
  properties: {
    seq: { type: 'integer', minimum: 1 },
    at: { type: 'string', format: 'date-time' },
    actorToken: { type: ['string', 'null'], description: 'The API token that acted' },
    actorName: { type: 'string', description: "The token holder's or the named officer's name; `system` for the agent's own acts" },
    action: { type: 'string', description: 'e.g. permit.issue, permit.revoke, exchange.sent (docs/audit.md)' },
    subject: { type: ['string', 'null'], description: 'A permit number, message id, token id or key id' },
    permitNumber: { type: ['string', 'null'] },
    beforeHash: { type: ['string', 'null'], description: 'SHA-256 (hex) of the canonical JSON of the data before' },
    afterHash: { type: ['string', 'null'], description: 'SHA-256 (hex) of the canonical JSON of the data after' },
    details: { type: 'object' },
    prevHash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    hash: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
};

export const AUDIT_PATHS = {
  '/api/audit': {
    get: {
      operationId: 'listAuditEntries',
      summary: 'The audit trail, in order, a page at a time (admin)',
      security: BEARER,
      parameters: [
        { name: 'from', in: 'query', schema: { type: 'string' }, description: 'Entries at or after this date (ISO 8601)' },
        { name: 'to', in: 'query', schema: { type: 'string' }, description: 'Entries before this date (ISO 8601)' },
        { name: 'permit', in: 'query', schema: { type: 'string' }, description: 'Entries about this permit number' },
        { name: 'cursor', in: 'query', schema: { type: 'string' }, description: '`nextCursor` of the page before' },
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } },
      ],
      responses: {
        200: {
          description: 'One page',
          content: json({ type: 'object', required: ['items', 'nextCursor'], properties: { items: { type: 'array', items: ENTRY }, nextCursor: { type: ['string', 'null'] } } }),
        },
        400: errorResponse('BAD_REQUEST: a parameter is not valid (`path` names it)'),
        401: responseRef('Unauthorized'),
        403: errorResponse('FORBIDDEN: not an admin token'),
      },
    },
  },
};
