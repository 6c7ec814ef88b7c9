/**
 * Shared parts of the OpenAPI document (openapi.ts): helpers, the error envelope and the
 * reusable responses, and the schemas of the API's bodies. Schemas are JSON Schema 2020-12,
 * which OpenAPI 3.1 uses as is; the permit request schema is the object the agent validates with.
 */
import { API_CODES, LIFECYCLE_CODES, QR_CODES, RULE_CODES, TEXT_CODES, VERIFY_CODES } from '../codes.js';
import { REVOCATION_REASONS } from '../vocab/public-record.js';
import { PERMIT_REQUEST_SCHEMA } from '../permit/schema.js';

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: keyof typeof RESPONSES) => ({ $ref: `#/components/responses/${name}` });
export const json = (schema: unknown) => ({ 'application/json': { schema } });
export const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });
/** A VC-JWT (compact JWS, RFC 7515 §7.1) served as application/vc+jwt. */
export const vcJwt = { 'application/vc+jwt': { schema: { type: 'string', pattern: '^[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$' } } };
/** Public operations need no token (OpenAPI 3.1 §4.8.10: an empty requirement list). */
export const PUBLIC: never[] = [];
export const BEARER = [{ bearer: [] }];

/** Reusable answers: the body parser and the token check answer alike on every route. */
export const RESPONSES = {
  MalformedJson: errorResponse('MALFORMED_JSON: a body was sent as application/json and does not parse (this route takes no body)'),
  BadBody: errorResponse('MALFORMED_JSON: the body does not parse; BAD_REQUEST: the body is not the object this route takes (`path` names the field)'),
  PayloadTooLarge: errorResponse('PAYLOAD_TOO_LARGE: the body is larger than 256 KB'),
  UnsupportedMediaType: errorResponse('UNSUPPORTED_MEDIA_TYPE: the body is not application/json'),
  Unauthorized: { ...errorResponse('UNAUTHORIZED: no bearer token, or an unknown or revoked one'), headers: { 'WWW-Authenticate': { schema: { type: 'string' } } } },
  Forbidden: errorResponse("FORBIDDEN: the token's role may not do this"),
  PermitNotFound: errorResponse('NOT_FOUND: no permit with this number was issued here'),
  RateLimited: { ...errorResponse('RATE_LIMITED: too many requests from this client in the last minute'), headers: { 'Retry-After': { schema: { type: 'integer' } } } },
} as const;

const issueSchema = (codes: Record<string, unknown>) => ({
  type: 'object',
  required: ['code', 'path', 'message'],
  properties: { code: { enum: Object.keys(codes) }, path: { type: 'string', description: 'JSON pointer into the request' }, message: { type: 'string' } },
});

export const SCHEMAS = {
  PermitRequest: PERMIT_REQUEST_SCHEMA,
  LifecycleIssue: issueSchema({ ...LIFECYCLE_CODES, ...Object.fromEntries(TEXT_CODES.map((code) => [code, RULE_CODES[code]])) }),
  RuleIssue: issueSchema(RULE_CODES),
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
          errors: { type: 'array', items: { anyOf: [ref('RuleIssue'), ref('LifecycleIssue')] } },
          warnings: { type: 'array', items: ref('RuleIssue') },
        },
      },
    },
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
      importConfirmation: { type: 'object', description: 'Issue 9: the import confirmation the importing authority sent (id, jwt, confirmation, at); absent until one came' },
      history: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            action: { enum: ['issue', 'revoke', 'suspend', 'reinstate', 'endorse'] },
            reason: { type: ['string', 'null'] },
            actor: { type: 'string' },
            at: { type: 'string', format: 'date-time' },
          },
        },
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
      linkedPermits: { type: 'array', items: { type: 'string', description: 'The import permit VC-JWT an Appendix I export relied on (Art. III(2)(d)), signed by the importing authority' } },
      importConfirmations: { type: 'array', items: { type: 'string', description: 'CITESImportConfirmation VC-JWT (issue 9; at most one, Art. VI(5))' } },
      updatedAt: { type: 'string', format: 'date-time' },
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
      holderLink: {
        type: 'object',
        description: 'With ?share=true: the holder link made for the permit (issue 12 §1), its URL shown this once',
        required: ['id', 'url', 'expiresAt', 'mailed'],
        properties: { id: { type: 'string', format: 'uuid' }, url: { type: 'string', format: 'uri' }, expiresAt: { type: 'string', format: 'date-time' }, mailed: { type: 'boolean' }, mailError: { type: 'object', additionalProperties: false, required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
      },
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
            check: { enum: ['format', 'algorithm', 'trust', 'issuer', 'signature', 'validity', 'permit', 'status', 'endorsement', 'import', 'linkedPermits'] },
            ok: { type: 'boolean' },
            code: { enum: [...Object.keys(VERIFY_CODES), ...Object.keys(QR_CODES), 'VERIFIER_FAILED'] },
            message: { type: 'string' },
          },
        },
      },
      permit: { type: 'object', description: 'The permit, present only when the signature verified' },
      ruleErrors: { type: 'array', items: ref('RuleIssue') },
      ruleWarnings: { type: 'array', items: ref('RuleIssue') },
      state: { enum: ['valid', 'used', 'imported', 'revoked', 'suspended', 'expired', 'unknown'] },
      status: { type: 'object', description: 'revoked, suspended, checkedAt, reason?, replacedBy?' },
      blocks: { type: 'array', items: { type: 'object', description: 'block, scientificName, permitted {quantity, unit}, exported {quantity, unit} | null, and imported {quantity, unit} | null once an import confirmation is on the record' } },
      endorsement: { type: 'object', description: 'date, portOfExport, transportDocument, officer, endorsedBy, authority' },
      linkedPermits: { type: 'array', items: { type: 'object', description: 'The import permit an export relies on: permitNumber, issuer, state, validUntil' } },
      imported: { type: 'object', description: 'Issue 9: the import confirmation: date, portOfImport, officer, country, confirmedBy, authority, exceedsPermitted?' },
    },
  },
  DidDocument: {
    type: 'object',
    required: ['id'],
    description: 'A DID document (DID Core §5) with Ed25519 verification methods',
    properties: {
      '@context': {},
      id: { type: 'string', pattern: '^did:web:' },
      verificationMethod: {
        type: 'array',
        items: { type: 'object', required: ['id', 'type', 'controller'], properties: { id: { type: 'string' }, type: { type: 'string' }, controller: { type: 'string' }, publicKeyJwk: { type: 'object' } } },
      },
      assertionMethod: { type: 'array' },
      authentication: { type: 'array' },
    },
  },
} as const;
