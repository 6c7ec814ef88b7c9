/**
 * OpenAPI paths of the API-token routes (routes/tokens.ts): admin role only. A token's
 * secret is in the answer to its creation once and never again; revocation takes effect from
 * the next request, in every process, because authentication reads the table each time.
 */
import { BEARER, errorResponse, json, ref, responseRef } from './openapi-schemas.js';

export const TOKEN_RECORD_SCHEMA = {
  type: 'object',
  required: ['id', 'role', 'name', 'createdAt', 'expiresAt', 'revokedAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    role: { enum: ['officer', 'customs', 'admin'] },
    name: { type: 'string', minLength: 1, maxLength: 120, description: "The holder's full name; an officer's is box 13's signatory" },
    createdAt: { type: 'string', format: 'date-time' },
    expiresAt: { type: ['string', 'null'], format: 'date-time' },
    revokedAt: { type: ['string', 'null'], format: 'date-time' },
  },
};

const adminOnly = { 401: responseRef('Unauthorized'), 403: errorResponse('FORBIDDEN: not an admin token') };

export const TOKEN_PATHS = {
  '/api/tokens': {
    get: {
      operationId: 'listTokens',
      summary: 'Every API token: id, role, holder, created, expires, revoked; never a secret (admin)',
      security: BEARER,
      responses: {
        200: { description: 'The tokens', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('TokenRecord') } } }) },
        ...adminOnly,
      },
    },
    post: {
      operationId: 'createToken',
      summary: 'Create an API token, shown in this answer only (admin)',
      security: BEARER,
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          additionalProperties: false,
          required: ['role', 'name'],
          properties: {
            role: { enum: ['officer', 'customs', 'admin'] },
            name: { type: 'string', minLength: 1, maxLength: 120, description: "A person's full name, without control characters; not a role word" },
            expires: { type: 'string', description: 'A lifetime (`90d`, `12h`) or an RFC 3339 date or date-time, in the future and within 3660 days' },
          },
        }),
      },
      responses: {
        201: {
          description: 'Created; `token` is shown this once',
          headers: { Location: { description: '/api/tokens/{id}', schema: { type: 'string' } } },
          content: json({ allOf: [ref('TokenRecord'), { type: 'object', required: ['token'], properties: { token: { type: 'string', pattern: '^saiga_[A-Za-z0-9_-]{43}$' } } }] }),
        },
        400: errorResponse('BAD_REQUEST: role, name or expires is not valid, or a field is unknown (`path` names it)'),
        ...adminOnly,
        413: responseRef('PayloadTooLarge'),
        415: responseRef('UnsupportedMediaType'),
      },
    },
  },
  '/api/tokens/{id}/revoke': {
    post: {
      operationId: 'revokeToken',
      summary: 'Revoke a token: refused (401) from the next request on (admin)',
      security: BEARER,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'The token id', schema: { type: 'string', format: 'uuid' } }],
      requestBody: { required: false, content: json({ type: 'object', additionalProperties: false, maxProperties: 0 }) },
      responses: {
        200: { description: 'Revoked', content: json(ref('TokenRecord')) },
        400: errorResponse('BAD_REQUEST: the body has a field (it must be empty or {})'),
        ...adminOnly,
        404: errorResponse('NOT_FOUND: no token with this id'),
        409: errorResponse('CONFLICT: the token was revoked already'),
        415: responseRef('UnsupportedMediaType'),
      },
    },
  },
};
