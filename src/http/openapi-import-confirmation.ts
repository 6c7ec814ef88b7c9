/** OpenAPI path of the import confirmation (routes/import-confirmations.ts): customs token. */
import { IMPORT_CONFIRMATION_REQUEST_SCHEMA, IMPORT_CONFIRMATION_SCHEMA } from '../permit/import-confirmation-schema.js';
import { BEARER, errorResponse, json, responseRef } from './openapi-schemas.js';

const issues = { type: 'array', items: { type: 'object', properties: { code: { type: 'string' }, path: { type: 'string' }, message: { type: 'string' } } } };

export const IMPORT_CONFIRMATION_PATHS = {
  '/api/imports/confirmations': {
    post: {
      operationId: 'confirmImport',
      summary: "Confirm what arrived under another authority's permit, per block (customs). One per permit: Art. VI(5). Sent to the permit's issuer.",
      security: BEARER,
      requestBody: { required: true, content: json(IMPORT_CONFIRMATION_REQUEST_SCHEMA) },
      responses: {
        201: {
          description: 'Confirmed: the signed CITESImportConfirmation; `warnings` holds IMPORT_QUANTITY_ABOVE_PERMITTED when it was flagged',
          content: json({ type: 'object', properties: { id: { type: 'string' }, jwt: { type: 'string' }, confirmation: IMPORT_CONFIRMATION_SCHEMA, warnings: issues } }),
        },
        400: responseRef('BadBody'),
        401: responseRef('Unauthorized'),
        403: errorResponse('FORBIDDEN: not a customs token'),
        404: errorResponse('NOT_FOUND: the permit has not reached this authority as an expected import (IMPORT_PERMIT_UNKNOWN)'),
        409: errorResponse('LIFECYCLE_REFUSED: already confirmed, or revoked or suspended as its issuer notified'),
        413: responseRef('PayloadTooLarge'),
        415: responseRef('UnsupportedMediaType'),
        422: errorResponse('LIFECYCLE_INVALID: blocks, units, quantities, port or date wrong; `errors` lists each'),
        507: errorResponse('STORAGE_FAILED: the database could not store the confirmation; nothing was changed'),
      },
    },
  },
};
