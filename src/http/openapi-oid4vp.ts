/**
 * OpenAPI paths of the cross-device presentation relay (routes/oid4vp.ts, docs/oid4vp.md
 * "Cross-device"). Public but same-origin (`x-saiga-same-origin`): no CORS headers, the verifier
 * page served by this agent calls them. The wallet's answer is refused with OAuth-style error
 * objects, since a wallet reads them. Listed only when the agent serves them (saiga.url https, or
 * http on loopback).
 */
import { oid4vciUrlAllowed } from '../oid4vci/metadata.js';
import { PRESENTATION_REQUEST_SECONDS } from '../vocab/presentation.js';
import { PUBLIC, errorResponse, json, responseRef } from './openapi-schemas.js';

/** The page's read token of one request (the `readToken` of POST /oid4vp/requests). */
export const RELAY_SECURITY_SCHEME = { type: 'http', scheme: 'bearer', description: 'The `readToken` POST /oid4vp/requests gave (32 random bytes; the agent keeps only its SHA-256).' };
const READ_TOKEN = [{ presentationReadToken: [] }];

const WALLET_ERROR = {
  description: 'invalid_request: unknown or expired request, answered already, wrong state, no vp_token nor error, or not form-encoded. Nothing is written.',
  content: json({ type: 'object', required: ['error'], properties: { error: { const: 'invalid_request' }, error_description: { type: 'string' } } }),
};
const EXPIRES_AT = { type: 'string', format: 'date-time' };
const ID = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' } }];

export function oid4vpPaths(url: string) {
  if (!oid4vciUrlAllowed(url)) return {};
  return {
    '/oid4vp/requests': {
      post: {
        operationId: 'createPresentationRequest',
        summary: `Make a cross-device OpenID4VP request for one permit (response_mode direct_post) around the page's nonce; answerable for ${PRESENTATION_REQUEST_SECONDS} s`,
        security: PUBLIC,
        'x-saiga-same-origin': true,
        requestBody: {
          required: true,
          content: json({ type: 'object', additionalProperties: false, required: ['nonce'], properties: { nonce: { type: 'string', pattern: '^[A-Za-z0-9_-]{22,128}$', description: "The page's own nonce (it checks the answer against it)" } } }),
        },
        responses: {
          201: {
            description: 'The request',
            content: json({
              type: 'object',
              required: ['id', 'readToken', 'authorizationRequest', 'clientId', 'expiresAt'],
              properties: {
                id: { type: 'string' },
                readToken: { type: 'string', description: 'Shown this once: the bearer token of GET /oid4vp/requests/{id}/response' },
                authorizationRequest: { type: 'string', description: 'openid4vp://?… (the QR code a wallet scans), the request passed by value' },
                clientId: { type: 'string', description: 'redirect_uri:<response_uri>: the audience the VP must name' },
                expiresAt: EXPIRES_AT,
              },
            }),
          },
          400: errorResponse('MALFORMED_JSON, or BAD_REQUEST: no nonce, a nonce that is not base64url of 22 to 128 characters, an unknown field (`path` names it)'),
          413: responseRef('PayloadTooLarge'),
          415: responseRef('UnsupportedMediaType'),
          429: responseRef('RateLimited'),
        },
      },
    },
    '/oid4vp/responses/{id}': {
      post: {
        operationId: 'answerPresentationRequest',
        summary: "The wallet's answer (OpenID4VP 1.0 §8.2 direct_post): vp_token and state, or error and state; the first valid one is kept, for the request's lifetime",
        security: PUBLIC,
        'x-saiga-same-origin': true,
        parameters: ID,
        requestBody: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: { type: 'object', required: ['state'], properties: { vp_token: { type: 'string', description: 'JSON: { "permit": ["<VP JWT>"] }' }, state: { type: 'string' }, error: { type: 'string' }, error_description: { type: 'string' } } },
            },
          },
        },
        responses: {
          200: { description: 'Kept', content: json({ type: 'object', maxProperties: 0 }) },
          400: WALLET_ERROR,
          413: { description: 'invalid_request: the answer is larger than 64 kB', content: WALLET_ERROR.content },
          429: responseRef('RateLimited'),
        },
      },
    },
    '/oid4vp/requests/{id}/response': {
      get: {
        operationId: 'readPresentationResponse',
        summary: "The wallet's answer, for the page that made the request (its read token); the page verifies it",
        security: READ_TOKEN,
        'x-saiga-same-origin': true,
        parameters: ID,
        responses: {
          200: {
            description: "The wallet's answer, its form fields as received",
            content: json({
              type: 'object',
              required: ['state', 'response'],
              properties: {
                state: { const: 'answered' },
                response: { type: 'object', properties: { vp_token: { type: 'string' }, state: { type: 'string' }, error: { type: 'string' }, error_description: { type: 'string' } } },
              },
            }),
          },
          202: { description: 'No answer yet', content: json({ type: 'object', required: ['state', 'expiresAt'], properties: { state: { const: 'pending' }, expiresAt: EXPIRES_AT } }) },
          401: responseRef('Unauthorized'),
          404: errorResponse('NOT_FOUND: no such request (or an expired one already deleted)'),
          410: { description: 'Expired (answered or not): nothing more will come', content: json({ type: 'object', required: ['state', 'expiresAt'], properties: { state: { const: 'expired' }, expiresAt: EXPIRES_AT } }) },
          429: responseRef('RateLimited'),
        },
      },
    },
  };
}
