/**
 * OpenAPI paths of the signing-key routes (routes/keys.ts, issue 9 §6): admin role only. A
 * rotation or revocation is published in the DID document at once and the next credential is
 * signed with the identity's current key; every key stays in the document (docs/keys.md).
 */
import { BEARER, errorResponse, json, ref, responseRef } from './openapi-schemas.js';

export const SIGNING_KEY_SCHEMA = {
  type: 'object',
  required: ['identity', 'did', 'kid', 'publicKeyHex', 'state'],
  properties: {
    identity: { enum: ['authority', 'customs'], description: 'authority signs permits and status lists; customs signs export endorsements' },
    did: { type: 'string' },
    kid: { type: 'string', description: 'The verification-method id, which JWTs name in their `kid` header' },
    publicKeyHex: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    state: { enum: ['current', 'active', 'revoked'], description: 'current: new credentials are signed with it; active: still verifies; revoked: out of use' },
    addedAt: { type: 'string', format: 'date-time', description: 'Absent for a key from before key history was recorded' },
    revokedAt: { type: 'string', format: 'date-time' },
    compromisedSince: { type: 'string', format: 'date-time' },
  },
};

const REVOCATION_SCHEMA = {
  type: 'object',
  required: ['key', 'current', 'statusListsResigned', 'signedWithKey'],
  properties: {
    key: ref('SigningKey'),
    current: { ...ref('SigningKey'), description: 'The key the identity signs with from now on' },
    statusListsResigned: { type: 'integer', minimum: 0 },
    signedWithKey: {
      type: 'array',
      description: 'What the revoked key signed; `reissue`: signed at or after compromisedSince, so verifiers refuse it (KEY_COMPROMISED)',
      items: {
        type: 'object',
        required: ['kind', 'permitNumber', 'credentialId', 'reissue'],
        properties: { kind: { enum: ['permit', 'endorsement'] }, permitNumber: { type: 'string' }, credentialId: { type: 'string' }, signedAt: { type: 'string', format: 'date-time' }, reissue: { type: 'boolean' } },
      },
    },
  },
};

const adminOnly = { 401: responseRef('Unauthorized'), 403: errorResponse('FORBIDDEN: not an admin token or session') };
const bodyRefusals = { 413: responseRef('PayloadTooLarge'), 415: responseRef('UnsupportedMediaType') };

export const KEY_PATHS = {
  '/api/keys': {
    get: {
      operationId: 'listSigningKeys',
      summary: 'Every signing key of the authority and customs identities, oldest first, with its state (admin)',
      security: BEARER,
      responses: {
        200: { description: 'The keys (as `saiga key list --json`)', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref('SigningKey') } } }) },
        ...adminOnly,
      },
    },
  },
  '/api/keys/rotate': {
    post: {
      operationId: 'rotateSigningKey',
      summary: 'Add a new Ed25519 key to an identity: published and signing at once; earlier keys stay active (admin)',
      security: BEARER,
      requestBody: {
        required: true,
        content: json({ type: 'object', additionalProperties: false, required: ['identity'], properties: { identity: { enum: ['authority', 'customs'] } } }),
      },
      responses: {
        200: { description: 'The new key, now current', content: json(ref('SigningKey')) },
        400: errorResponse('MALFORMED_JSON or BAD_REQUEST: no or unknown identity, or an unknown field (`path` names it)'),
        ...adminOnly,
        409: errorResponse('KEY_ROTATION_UNSUPPORTED: the identity is a did:key, whose key is the DID itself; nothing was changed'),
        ...bodyRefusals,
      },
    },
  },
  '/api/keys/{kid}/revoke': {
    post: {
      operationId: 'revokeSigningKey',
      summary: 'Take a key out of use; what it signed before (and before compromisedSince) still verifies (admin)',
      security: BEARER,
      parameters: [{ name: 'kid', in: 'path', required: true, description: 'The verification-method id, URL-encoded (it holds ":" and "#")', schema: { type: 'string' } }],
      requestBody: {
        required: false,
        content: json({
          type: 'object',
          additionalProperties: false,
          properties: { compromisedSince: { type: 'string', description: 'A date (YYYY-MM-DD, its midnight UTC) or an ISO 8601 date-time, not in the future: from then on the key may have been in other hands' } },
        }),
      },
      responses: {
        200: { description: 'Revoked: the key, the current key, the status lists signed again and what the key signed', content: json(REVOCATION_SCHEMA) },
        400: errorResponse('MALFORMED_JSON or BAD_REQUEST: compromisedSince is not a date or lies in the future, or an unknown field (`path` names it)'),
        ...adminOnly,
        404: errorResponse('KEY_NOT_FOUND: no signing key with this kid'),
        409: errorResponse('KEY_ALREADY_REVOKED: revoked already; LAST_ACTIVE_KEY: the identity has no other active key (rotate first). Nothing was changed'),
        ...bodyRefusals,
      },
    },
  },
};
