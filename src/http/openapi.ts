/**
 * OpenAPI 3.1 description of the agent's HTTP API, served at /api/openapi.json.
 * Schemas are JSON Schema 2020-12 (which OpenAPI 3.1 uses as is); the permit request
 * schema is the same object the agent validates with.
 */
import type { SaigaAgent } from '../agent/open.js';
import { SCHEMA_PATH } from '../agent/open.js';
import { API_CODES, RULE_CODES, VERIFY_CODES } from '../codes.js';
import { PERMIT_REQUEST_SCHEMA } from '../permit/schema.js';
import { didDocumentPath } from '../agent/did-web-name.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

export function openApiDocument(saiga: SaigaAgent) {
  const { saiga: config } = saiga.config;
  const officerOrReader = [{ bearer: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: `Saiga agent — ${config.authority.name}`,
      version: '1',
      description:
        'CITES permits issued as W3C Verifiable Credentials (VC-JWT, EdDSA) by a Management Authority. ' +
        'Admin routes need a bearer token with the right role (officer, customs, admin); public routes need none.',
    },
    servers: [{ url: config.url }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'A token made with `saiga token create`.' } },
      schemas: {
        PermitRequest: PERMIT_REQUEST_SCHEMA,
        RuleIssue: {
          type: 'object',
          required: ['code', 'path', 'message'],
          properties: {
            code: { enum: Object.keys(RULE_CODES) },
            path: { type: 'string', description: 'JSON pointer into the request' },
            message: { type: 'string' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { enum: Object.keys(API_CODES) },
                message: { type: 'string' },
                path: { type: 'string', description: 'JSON pointer to the offending part of the request' },
                errors: { type: 'array', items: ref('RuleIssue') },
                warnings: { type: 'array', items: ref('RuleIssue') },
              },
            },
          },
        },
        IssuedPermit: {
          type: 'object',
          required: ['permitNumber', 'id', 'jwt', 'warnings'],
          properties: {
            permitNumber: { type: 'string' },
            id: { type: 'string', description: 'Credential id (urn:uuid)' },
            jwt: { type: 'string', description: 'The signed VC-JWT' },
            warnings: { type: 'array', items: ref('RuleIssue') },
          },
        },
        PermitRecord: {
          type: 'object',
          properties: {
            permitNumber: { type: 'string' },
            id: { type: 'string' },
            documentType: { enum: ['export', 're-export', 'import', 'other'] },
            issuer: { type: 'string' },
            issuedAt: { type: 'string', format: 'date-time' },
            validUntil: { type: 'string', format: 'date' },
            signatory: { type: 'string' },
            permit: { $ref: `${config.url}${SCHEMA_PATH}` },
            jwt: { type: 'string' },
          },
        },
        VerificationResult: {
          type: 'object',
          required: ['verified', 'checks'],
          properties: {
            verified: { type: 'boolean' },
            checks: {
              type: 'array',
              items: {
                type: 'object',
                required: ['check', 'ok', 'code', 'message'],
                properties: {
                  check: { enum: ['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit'] },
                  ok: { type: 'boolean' },
                  code: { enum: Object.keys(VERIFY_CODES) },
                  message: { type: 'string' },
                },
              },
            },
            permit: { type: 'object', description: 'The permit, present only when the signature verified' },
            ruleErrors: { type: 'array', items: ref('RuleIssue') },
            ruleWarnings: { type: 'array', items: ref('RuleIssue') },
          },
        },
      },
    },
    paths: {
      '/api/permits': {
        post: {
          summary: 'Issue a permit (officer)',
          security: officerOrReader,
          requestBody: { required: true, content: json(ref('PermitRequest')) },
          responses: {
            201: { description: 'Issued', content: json(ref('IssuedPermit')) },
            400: errorResponse('Malformed JSON'),
            401: errorResponse('No or unknown token'),
            403: errorResponse('The token may not issue permits'),
            413: errorResponse('Body too large'),
            415: errorResponse('Body is not JSON'),
            422: errorResponse('The request breaks permit rules; `errors` lists every one. No number was used.'),
          },
        },
        get: {
          summary: 'List permits, newest first (officer, customs, admin)',
          security: officerOrReader,
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 200, default: 50 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } },
            { name: 'documentType', in: 'query', schema: { enum: ['export', 're-export', 'import', 'other'] } },
            { name: 'country', in: 'query', description: "Exporter's or importer's country", schema: { type: 'string', pattern: '^[A-Z]{2}$' } },
            { name: 'species', in: 'query', description: 'Scientific name in any block', schema: { type: 'string' } },
            { name: 'issuedFrom', in: 'query', schema: { type: 'string', format: 'date' } },
            { name: 'issuedTo', in: 'query', schema: { type: 'string', format: 'date' } },
          ],
          responses: {
            200: {
              description: 'A page of permits',
              content: json({
                type: 'object',
                properties: { items: { type: 'array', items: ref('PermitRecord') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
              }),
            },
            400: errorResponse('Bad query parameter (path names it)'),
            401: errorResponse('No or unknown token'),
            403: errorResponse('Role not allowed'),
          },
        },
      },
      '/api/permits/{number}': {
        get: {
          summary: 'One permit with its credential (officer, customs, admin)',
          security: officerOrReader,
          parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The permit', content: json(ref('PermitRecord')) }, 401: errorResponse('No token'), 403: errorResponse('Role not allowed'), 404: errorResponse('Unknown number') },
        },
      },
      '/api/verify': {
        post: {
          summary: 'Verify a permit credential (public, rate-limited)',
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['credential'],
              additionalProperties: false,
              properties: {
                credential: { type: 'string', description: 'The VC-JWT' },
                at: { type: 'string', format: 'date-time', description: 'Verify as at this time (default: now)' },
              },
            }),
          },
          responses: { 200: { description: 'The verdict (also for a bad permit)', content: json(ref('VerificationResult')) }, 400: errorResponse('Bad body'), 429: errorResponse('Rate limited') },
        },
      },
      [SCHEMA_PATH]: { get: { summary: 'JSON Schema of the permit credential subject', responses: { 200: { description: 'JSON Schema 2020-12' } } } },
      ...(config.didMethod === 'web' && {
        [didDocumentPath(config.url)]: { get: { summary: "This authority's DID document (did:web)", responses: { 200: { description: 'DID document' } } } },
      }),
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/health': { get: { summary: 'Liveness', responses: { 200: { description: 'ok' } } } },
    },
  };
}
