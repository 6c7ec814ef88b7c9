/**
 * OpenAPI 3.1 description of the agent's HTTP API, served at /api/openapi.json.
 * Schemas are JSON Schema 2020-12 (which OpenAPI 3.1 uses as is); the permit request
 * schema is the same object the agent validates with.
 */
import type { SaigaAgent } from '../agent/open.js';
import { SCHEMA_PATH } from '../agent/open.js';
import { API_CODES, LIFECYCLE_CODES, QR_CODES, RULE_CODES, VERIFY_CODES } from '../codes.js';
import { ENDORSEMENT_REQUEST_SCHEMA, ENDORSEMENT_SCHEMA } from '../endorsement/schema.js';
import { REVOCATION_REASONS } from '../vocab/public-record.js';
import { PERMIT_REQUEST_SCHEMA } from '../permit/schema.js';
import { didDocumentPath } from '../agent/did-web-name.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });
const numberParameter = { name: 'number', in: 'path', required: true, schema: { type: 'string' } };
const statusChange = (summary: string, reasonRequired: boolean) => ({
  post: {
    summary,
    security: [{ bearer: [] }],
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
      401: errorResponse('No token'),
      403: errorResponse('Not an officer token'),
      404: errorResponse('Not a permit of this authority'),
      409: errorResponse('LIFECYCLE_REFUSED: revoked (permanent), already suspended, or not suspended'),
      422: errorResponse('LIFECYCLE_INVALID: no or unknown revocation reason'),
    },
  },
});

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
        LifecycleIssue: {
          type: 'object',
          required: ['code', 'path', 'message'],
          properties: { code: { enum: Object.keys(LIFECYCLE_CODES) }, path: { type: 'string' }, message: { type: 'string' } },
        },
        PermitStatus: {
          type: 'object',
          properties: {
            permitNumber: { type: 'string' },
            state: { enum: ['valid', 'revoked', 'suspended'] },
            revocation: { type: 'object', properties: { reason: { enum: [...REVOCATION_REASONS] }, date: { type: 'string', format: 'date-time' } } },
            replacedBy: { type: 'string' },
            validUntil: { type: 'string', format: 'date' },
            endorsement: { type: ['object', 'null'] },
            history: {
              type: 'array',
              items: { type: 'object', properties: { action: { enum: ['issue', 'revoke', 'suspend', 'reinstate', 'endorse'] }, reason: { type: ['string', 'null'] }, actor: { type: 'string' }, at: { type: 'string', format: 'date-time' } } },
            },
          },
        },
        PublicPermitRecord: {
          type: 'object',
          required: ['id', 'permitNumber', 'issuer', 'status', 'endorsements', 'updatedAt'],
          properties: {
            id: { type: 'string' },
            permitNumber: { type: 'string' },
            issuer: { type: 'string' },
            status: { enum: ['valid', 'revoked', 'suspended'] },
            revocation: { type: 'object', properties: { reason: { enum: [...REVOCATION_REASONS] }, date: { type: 'string' } } },
            replacedBy: { type: 'string' },
            endorsements: { type: 'array', items: { type: 'string', description: 'CITESExportEndorsement VC-JWT' } },
            updatedAt: { type: 'string', format: 'date-time' },
          },
        },
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
            permit: {
              type: 'object',
              description: `The whole permit: the credential subject (${config.url}${SCHEMA_PATH}) with box 2 (validUntil), box 6 (managementAuthority, with its address) and the date of box 13 (issued.date), which the credential states as its expirationDate, issuer and issuanceDate.`,
            },
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
                  check: { enum: ['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status', 'endorsement'] },
                  ok: { type: 'boolean' },
                  code: { enum: [...Object.keys(VERIFY_CODES), ...Object.keys(QR_CODES), 'VERIFIER_FAILED'] },
                  message: { type: 'string' },
                },
              },
            },
            permit: { type: 'object', description: 'The permit, present only when the signature verified' },
            ruleErrors: { type: 'array', items: ref('RuleIssue') },
            ruleWarnings: { type: 'array', items: ref('RuleIssue') },
            state: { enum: ['valid', 'used', 'revoked', 'suspended', 'expired', 'unknown'] },
            status: { type: 'object', description: 'revoked, suspended, checkedAt, reason?, replacedBy?' },
            blocks: { type: 'array', items: { type: 'object', description: 'block, scientificName, permitted {quantity, unit}, exported {quantity, unit} | null' } },
            endorsement: { type: 'object', description: 'date, portOfExport, transportDocument, officer, endorsedBy, authority' },
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
      '/api/permits/{number}/pdf': {
        get: {
          summary: 'The printed permit: A4 PDF in the standard CITES layout with its QR code (officer)',
          security: officerOrReader,
          parameters: [numberParameter, { name: 'lang', in: 'query', schema: { enum: ['en', 'fr', 'es'], default: 'en' } }],
          responses: { 200: { description: 'application/pdf' }, 400: errorResponse('Unknown language'), 401: errorResponse('No token'), 403: errorResponse('Not an officer token'), 404: errorResponse('Unknown number') },
        },
      },
      '/api/permits/{number}/revoke': statusChange('Revoke a permit, permanently (officer)', true),
      '/api/permits/{number}/suspend': statusChange('Suspend a permit (officer)', false),
      '/api/permits/{number}/reinstate': statusChange('Lift a suspension (officer)', false),
      '/api/permits/{number}/status': {
        get: {
          summary: 'State, export endorsement and history (who, when, why) of a permit (officer, customs, admin)',
          security: officerOrReader,
          parameters: [numberParameter],
          responses: { 200: { description: 'The status', content: json(ref('PermitStatus')) }, 401: errorResponse('No token'), 403: errorResponse('Role not allowed'), 404: errorResponse('Unknown number') },
        },
      },
      '/api/permits/{number}/endorsements': {
        post: {
          summary: 'Record the customs export endorsement, boxes 14 and 15 (customs). One per permit: Art. VI(5).',
          security: officerOrReader,
          parameters: [numberParameter],
          requestBody: { required: true, content: json(ENDORSEMENT_REQUEST_SCHEMA) },
          responses: {
            201: { description: 'Endorsed: the signed CITESExportEndorsement', content: json({ type: 'object', properties: { id: { type: 'string' }, jwt: { type: 'string' }, endorsement: ENDORSEMENT_SCHEMA } }) },
            401: errorResponse('No token'),
            403: errorResponse('Not a customs token'),
            404: errorResponse('Not a permit of this authority (NOT_OWN_PERMIT)'),
            409: errorResponse('LIFECYCLE_REFUSED: revoked, suspended, expired or already endorsed'),
            422: errorResponse('LIFECYCLE_INVALID: quantities, units, blocks, port or date wrong; `errors` lists each'),
          },
        },
      },
      '/status/{purpose}/{seq}': {
        get: {
          summary: 'A status list (Bitstring Status List v1.0) as a VC-JWT signed by this authority; public, CORS, no-cache with ETag',
          parameters: [
            { name: 'purpose', in: 'path', required: true, schema: { enum: ['revocation', 'suspension'] } },
            { name: 'seq', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: { 200: { description: 'application/vc+jwt' }, 304: { description: 'Not modified' }, 404: errorResponse('No such list') },
        },
      },
      '/records/{id}': {
        get: {
          summary: "A permit's public record: status, revocation reason, replacement and signed customs endorsements; public, CORS",
          parameters: [{ name: 'id', in: 'path', required: true, description: "The UUID of the permit credential's id", schema: { type: 'string', format: 'uuid' } }],
          responses: { 200: { description: 'The record', content: json(ref('PublicPermitRecord')) }, 404: errorResponse('No such record') },
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
                credential: { type: 'string', description: 'The VC-JWT, a CP2 (or CP1) QR payload, or a verifier link holding one (from a scanned QR code)' },
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
        [didDocumentPath(config.url, ['customs'])]: { get: { summary: "This authority's customs DID document (did:web), which signs endorsements", responses: { 200: { description: 'DID document' } } } },
      }),
      '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } } },
      '/health': { get: { summary: 'Liveness', responses: { 200: { description: 'ok' } } } },
    },
  };
}
