/**
 * OpenAPI paths of the admin routes under /api/permits (routes/permits.ts, routes/lifecycle.ts):
 * every one needs a bearer token whose role may use it.
 */
import { ENDORSEMENT_REQUEST_SCHEMA, ENDORSEMENT_SCHEMA } from '../endorsement/schema.js';
import { REVOCATION_REASONS } from '../vocab/public-record.js';
import { BEARER, errorResponse, json, ref, responseRef } from './openapi-schemas.js';

const numberParameter = { name: 'number', in: 'path', required: true, description: 'The permit number, e.g. LK26-E000042', schema: { type: 'string' } };
const DOCUMENT_TYPES = ['export', 're-export', 'import', 'other'];
const PERMIT_STATES = ['valid', 'used', 'revoked', 'suspended', 'expired'];
const storageFailed = { 507: errorResponse('STORAGE_FAILED: the database could not store the change (disk full); nothing was changed') };

/** What a POST with a JSON body can be refused for before the route runs. */
const jsonBodyRefusals = {
  400: responseRef('BadBody'),
  401: responseRef('Unauthorized'),
  403: responseRef('Forbidden'),
  413: responseRef('PayloadTooLarge'),
  415: responseRef('UnsupportedMediaType'),
};

const statusChange = (operationId: string, summary: string, reasonRequired: boolean) => ({
  post: {
    operationId,
    summary,
    security: BEARER,
    parameters: [numberParameter],
    requestBody: {
      required: reasonRequired,
      content: json({
        type: 'object',
        additionalProperties: false,
        ...(reasonRequired && { required: ['reason'] }),
        properties: { reason: reasonRequired ? { enum: [...REVOCATION_REASONS] } : { type: 'string', maxLength: 500 } },
      }),
    },
    responses: {
      200: { description: 'Changed; the permit status', content: json(ref('PermitStatus')) },
      ...jsonBodyRefusals,
      403: errorResponse('FORBIDDEN: not an officer token'),
      404: errorResponse('NOT_FOUND: not a permit of this authority'),
      409: errorResponse('LIFECYCLE_REFUSED: revoked (permanent), already suspended, or not suspended'),
      422: errorResponse('LIFECYCLE_INVALID: no or unknown revocation reason'),
      ...storageFailed,
    },
  },
});

/** A stored permit as the admin routes show it. */
export function permitRecordSchema(subjectSchemaUrl: string) {
  return {
    type: 'object',
    properties: {
      permitNumber: { type: 'string' },
      id: { type: 'string' },
      documentType: { enum: DOCUMENT_TYPES },
      issuer: { type: 'string' },
      issuedAt: { type: 'string', format: 'date-time' },
      validUntil: { type: 'string', format: 'date' },
      state: { enum: PERMIT_STATES },
      signatory: { type: 'string' },
      permit: {
        type: 'object',
        description: `The whole permit: the credential subject (${subjectSchemaUrl}) with box 2 (validUntil), box 6 (managementAuthority, with its address) and the date of box 13 (issued.date), which the credential states as its expirationDate, issuer and issuanceDate.`,
      },
      jwt: { type: 'string' },
    },
  };
}

/** The permit search of GET /api/permits and GET /api/permits.csv (src/store/permit-filter.ts). */
export const PERMIT_SEARCH_PARAMETERS = [
  { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
  { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
  { name: 'documentType', in: 'query', schema: { enum: DOCUMENT_TYPES } },
  { name: 'country', in: 'query', description: "Exporter's or importer's country", schema: { type: 'string', pattern: '^[A-Z]{2}$' } },
  { name: 'species', in: 'query', description: 'Scientific name in any block', schema: { type: 'string' } },
  { name: 'issuedFrom', in: 'query', description: 'An RFC 3339 date (its midnight UTC) or date-time with Z or an offset, compared as an instant', schema: { type: 'string' } },
  { name: 'issuedTo', in: 'query', description: 'As issuedFrom', schema: { type: 'string' } },
  { name: 'state', in: 'query', description: 'The state a verifier reports', schema: { enum: PERMIT_STATES } },
  { name: 'number', in: 'query', description: 'The start of a permit number, without case', schema: { type: 'string', pattern: '^[A-Za-z0-9_.-]{1,64}$' } },
  { name: 'trader', in: 'query', description: "Part of the exporter's or importer's name (box 3 / 4), without case", schema: { type: 'string', minLength: 1, maxLength: 200 } },
];

export const ADMIN_PATHS = {
  '/api/permits': {
    post: {
      operationId: 'issuePermit',
      summary: 'Issue a permit (officer)',
      security: BEARER,
      parameters: [
        {
          name: 'share',
          in: 'query',
          required: false,
          schema: { enum: ['true', 'false'] },
          description: 'true: also make a holder link (as POST /api/permits/{number}/share would), answered as `holderLink`; the signed permit is the same',
        },
        {
          name: 'shareEmail',
          in: 'query',
          required: false,
          schema: { type: 'string', format: 'email', maxLength: 254 },
          description: "The holder's (trader's) address: the link is e-mailed to it, and `holderLink.mailed` / `mailError` say whether it went. Implies share=true. Checked before issuing: HOLDER_EMAIL_INVALID (path /shareEmail) uses no number",
        },
        {
          name: 'shareLanguage',
          in: 'query',
          required: false,
          schema: { enum: ['en', 'fr', 'es'] },
          description: 'The language of the e-mail (default en). Implies share=true. Checked before issuing: HOLDER_LANGUAGE_INVALID (path /shareLanguage) uses no number',
        },
      ],
      requestBody: { required: true, content: json(ref('PermitRequest')) },
      responses: {
        201: {
          description: 'Issued',
          headers: { Location: { description: 'The permit at /api/permits/{number}', schema: { type: 'string' } } },
          content: json(ref('IssuedPermit')),
        },
        ...jsonBodyRefusals,
        403: errorResponse('FORBIDDEN: the token may not issue permits'),
        422: errorResponse('PERMIT_INVALID: the request breaks permit rules; `errors` lists every one. HOLDER_EMAIL_INVALID / HOLDER_LANGUAGE_INVALID: ?shareEmail= or ?shareLanguage= is not one (`path` names it). No number was used.'),
        ...storageFailed,
      },
    },
    get: {
      operationId: 'listPermits',
      summary: 'List permits, newest first (officer, customs, admin)',
      security: BEARER,
      parameters: PERMIT_SEARCH_PARAMETERS,
      responses: {
        200: {
          description: 'A page of permits',
          content: json({
            type: 'object',
            properties: { items: { type: 'array', items: ref('PermitRecord') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
          }),
        },
        400: errorResponse('BAD_REQUEST: an unknown or malformed query parameter (`path` names it)'),
        401: responseRef('Unauthorized'),
        403: responseRef('Forbidden'),
      },
    },
  },
  '/api/permits/preview': {
    post: {
      operationId: 'previewPermit',
      summary: 'The PDF a permit request would print as, before issuing (officer)',
      description:
        'The same body and rules as POST /api/permits, refused the same way (422 PERMIT_INVALID), but nothing is consumed or written: no permit number, no status-list index, no signature, no record, no audit entry, no exchange message. ' +
        'The PDF is marked as a preview on every page: "PREVIEW" (APERÇU, VISTA PREVIA) in box 1 instead of a number, a "PREVIEW — NOT VALID" watermark, and a placeholder instead of the QR code.',
      security: BEARER,
      parameters: [{ name: 'lang', in: 'query', description: 'Language of the form', schema: { enum: ['en', 'fr', 'es'], default: 'en' } }],
      requestBody: { required: true, content: json(ref('PermitRequest')) },
      responses: {
        200: {
          description: 'The preview PDF, inline',
          headers: { 'Content-Disposition': { schema: { type: 'string' } } },
          content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
        },
        ...jsonBodyRefusals,
        403: errorResponse('FORBIDDEN: not an officer token'),
        422: errorResponse('PERMIT_INVALID: the request breaks permit rules; `errors` lists every one, as POST /api/permits would. Nothing was used.'),
      },
    },
  },
  '/api/permits/{number}': {
    get: {
      operationId: 'getPermit',
      summary: 'One permit with its credential (officer, customs, admin)',
      security: BEARER,
      parameters: [numberParameter],
      responses: { 200: { description: 'The permit', content: json(ref('PermitRecord')) }, 401: responseRef('Unauthorized'), 403: responseRef('Forbidden'), 404: responseRef('PermitNotFound') },
    },
  },
  '/api/permits/{number}/pdf': {
    get: {
      operationId: 'printPermit',
      summary: 'The printed permit: A4 PDF in the standard CITES layout with its QR code (officer)',
      security: BEARER,
      parameters: [numberParameter, { name: 'lang', in: 'query', description: 'Language of the form', schema: { enum: ['en', 'fr', 'es'], default: 'en' } }],
      responses: {
        200: {
          description: 'The PDF, inline, named after the permit number',
          headers: { 'Content-Disposition': { schema: { type: 'string' } } },
          content: { 'application/pdf': { schema: { type: 'string', contentMediaType: 'application/pdf' } } },
        },
        400: errorResponse('BAD_REQUEST: "lang" is not en, fr or es'),
        401: responseRef('Unauthorized'),
        403: errorResponse('FORBIDDEN: not an officer token'),
        404: responseRef('PermitNotFound'),
      },
    },
  },
  '/api/permits/{number}/qr': {
    get: {
      operationId: 'getPermitQr',
      summary: 'The permit\'s QR code as printed: an SVG image and the text it encodes (officer, customs, admin)',
      security: BEARER,
      parameters: [numberParameter],
      responses: {
        200: {
          description: 'kind is qr when the code holds the whole signed permit (CP3), reference when the permit is too large and the code links to it (CPR1)',
          content: json({
            type: 'object',
            additionalProperties: false,
            required: ['permitNumber', 'kind', 'text', 'svg'],
            properties: {
              permitNumber: { type: 'string' },
              kind: { enum: ['qr', 'reference'] },
              text: { type: 'string', description: 'What the QR code encodes: a link to the issuing agent\'s verifier page' },
              svg: { type: 'string', description: 'The QR code as an SVG document, error correction M, 4-module quiet zone' },
            },
          }),
        },
        401: responseRef('Unauthorized'),
        403: responseRef('Forbidden'),
        404: responseRef('PermitNotFound'),
      },
    },
  },
  '/api/permits/{number}/revoke': statusChange('revokePermit', 'Revoke a permit, permanently (officer)', true),
  '/api/permits/{number}/suspend': statusChange('suspendPermit', 'Suspend a permit (officer)', false),
  '/api/permits/{number}/reinstate': statusChange('reinstatePermit', 'Lift a suspension (officer)', false),
  '/api/permits/{number}/status': {
    get: {
      operationId: 'getPermitStatus',
      summary: 'State, export endorsement and history (who, when, why) of a permit (officer, customs, admin)',
      security: BEARER,
      parameters: [numberParameter],
      responses: { 200: { description: 'The status', content: json(ref('PermitStatus')) }, 401: responseRef('Unauthorized'), 403: responseRef('Forbidden'), 404: responseRef('PermitNotFound') },
    },
  },
  '/api/permits/{number}/endorsements': {
    post: {
      operationId: 'endorsePermit',
      summary: 'Record the customs export endorsement, boxes 14 and 15 (customs). One per permit: Art. VI(5).',
      security: BEARER,
      parameters: [numberParameter],
      requestBody: { required: true, content: json(ENDORSEMENT_REQUEST_SCHEMA) },
      responses: {
        201: { description: 'Endorsed: the signed CITESExportEndorsement', content: json({ type: 'object', properties: { id: { type: 'string' }, jwt: { type: 'string' }, endorsement: ENDORSEMENT_SCHEMA } }) },
        ...jsonBodyRefusals,
        403: errorResponse('FORBIDDEN: not a customs token'),
        404: errorResponse('NOT_FOUND: not a permit of this authority (NOT_OWN_PERMIT)'),
        409: errorResponse('LIFECYCLE_REFUSED: revoked, suspended, expired or already endorsed'),
        422: errorResponse('LIFECYCLE_INVALID: quantities, units, blocks, port or date wrong; `errors` lists each'),
        ...storageFailed,
      },
    },
  },
};
