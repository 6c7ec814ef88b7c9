/** OpenAPI paths of the reports (routes/reports.ts; docs/annual-report.md): officer and admin tokens. */
import { REPORT_CODES } from '../codes.js';
import { ANNUAL_COLUMNS } from '../report/columns.js';
import { UNUSED_COLUMNS } from '../report/unused.js';
import { BEARER, errorResponse, json, responseRef } from './openapi-schemas.js';

const year = { name: 'year', in: 'query', required: true, description: 'The calendar year reported (Art. VIII(7)(a))', schema: { type: 'string', pattern: '^[0-9]{4}$' } };
const type = { name: 'type', in: 'query', required: true, description: 'exporter: what this country exported; importer: what it imported', schema: { enum: ['exporter', 'importer'] } };
const basis = {
  name: 'basis',
  in: 'query',
  required: false,
  description: 'actual (default): quantities customs recorded, in the year they were recorded; issued: permitted quantities of permits issued that year',
  schema: { enum: ['actual', 'issued'], default: 'actual' },
};
const denied = { 401: responseRef('Unauthorized'), 403: errorResponse('FORBIDDEN: not an officer or admin token') };
const reportCodes = Object.keys(REPORT_CODES);

const FINDING = {
  type: 'object',
  required: ['code', 'severity', 'row', 'column', 'permitNumber', 'block', 'message'],
  properties: {
    code: { enum: reportCodes },
    severity: { enum: ['error', 'warning'] },
    row: { type: 'integer', description: 'Row of the written file, the header being row 1' },
    column: { enum: [...ANNUAL_COLUMNS] },
    permitNumber: { type: 'string' },
    block: { type: 'string' },
    message: { type: 'string' },
  },
};
const FINDINGS = {
  type: 'object',
  properties: { errors: { type: 'integer' }, warnings: { type: 'integer' }, byCode: { type: 'object', additionalProperties: { type: 'integer' } }, findings: { type: 'array', items: FINDING }, truncated: { type: 'boolean' } },
};
const QUANTITY = { type: ['object', 'null'], properties: { quantity: { type: 'number' }, unit: { type: 'string' } } };
const SECTION = {
  type: 'object',
  properties: {
    permits: { type: 'integer' },
    agreeing: { type: 'integer' },
    discrepancies: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { enum: reportCodes.filter((c) => c.startsWith('REPORT_MIRROR_')) },
          permitNumber: { type: 'string' },
          block: { type: 'string' },
          exported: QUANTITY,
          imported: QUANTITY,
          exportedOn: { type: ['string', 'null'] },
          importedOn: { type: ['string', 'null'] },
          message: { type: 'string' },
        },
      },
    },
  },
};

export const REPORT_PATHS = {
  '/api/reports/annual': {
    get: {
      operationId: 'getAnnualReport',
      summary: `The CITES annual report, one row per shipment line, streamed; columns ${ANNUAL_COLUMNS.join(', ')} (officer, admin)`,
      security: BEARER,
      parameters: [
        year,
        type,
        basis,
        { name: 'format', in: 'query', required: false, schema: { enum: ['csv', 'xlsx'], default: 'csv' } },
        { name: 'strict', in: 'query', required: false, description: 'true: answer 422 and no rows when a row fails an upload check', schema: { enum: ['true', 'false'] } },
      ],
      responses: {
        200: {
          description: 'The rows',
          content: { 'text/csv': { schema: { type: 'string' } }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } } },
        },
        400: errorResponse('BAD_REQUEST: year, type, basis, format or strict wrong (`path` names it)'),
        ...denied,
        422: { description: 'REPORT_STRICT_FAILED: a row fails an upload check; nothing was written', content: json({ type: 'object', properties: { error: { type: 'object', properties: { code: { const: 'REPORT_STRICT_FAILED' }, message: { type: 'string' }, findings: FINDINGS } } } }) },
      },
    },
  },
  '/api/reports/annual/findings': {
    get: {
      operationId: 'getAnnualReportFindings',
      summary: "The annual report's summary and upload findings, with row numbers, without the rows (officer, admin)",
      security: BEARER,
      parameters: [year, type, basis],
      responses: {
        200: { description: 'The summary', content: json({ type: 'object', properties: { year: { type: 'integer' }, type: { type: 'string' }, basis: { type: 'string' }, country: { type: 'string' }, records: { type: 'integer' }, rows: { type: 'integer' }, findings: FINDINGS } }) },
        400: errorResponse('BAD_REQUEST: year, type or basis wrong'),
        ...denied,
      },
    },
  },
  '/api/reports/annual/unused': {
    get: {
      operationId: 'getUnusedPermits',
      summary: 'Permits issued (exporter) or received for import (importer) that year and never used, with the reason (officer, admin)',
      security: BEARER,
      parameters: [year, type, { name: 'format', in: 'query', required: false, schema: { enum: ['json', 'csv'], default: 'json' } }],
      responses: {
        200: {
          description: `The unused permits (CSV columns ${UNUSED_COLUMNS.join(', ')})`,
          content: {
            ...json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } }, count: { type: 'integer' }, byCode: { type: 'object' } } }),
            'text/csv': { schema: { type: 'string' } },
          },
        },
        400: errorResponse('BAD_REQUEST: year, type or format wrong'),
        ...denied,
      },
    },
  },
  '/api/reports/mirror': {
    get: {
      operationId: 'getMirrorComparison',
      summary: 'Block by block, what this authority and a partner recorded of each shipment between them in a year, and where they differ (officer, admin)',
      security: BEARER,
      parameters: [year, { name: 'partner', in: 'query', required: true, description: 'ISO 3166-1 alpha-2 code of the partner country', schema: { type: 'string', pattern: '^[A-Z]{2}$' } }],
      responses: {
        200: { description: 'Both directions', content: json({ type: 'object', properties: { year: { type: 'integer' }, country: { type: 'string' }, partner: { type: 'string' }, asExporter: SECTION, asImporter: SECTION } }) },
        400: errorResponse('BAD_REQUEST: year or partner wrong'),
        ...denied,
      },
    },
  },
};
