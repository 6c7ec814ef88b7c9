/**
 * OpenAPI paths of the console's sign-in (routes/session.ts) and of console accounts
 * (routes/users.ts). docs/console-sign-in.md says what is stored and why.
 */
import { errorResponse, json, responseRef } from './openapi-schemas.js';

/** The session cookie (saiga_session on loopback http, __Host-saiga_session otherwise). */
export const SESSION_SECURITY_SCHEME = {
  type: 'apiKey',
  in: 'cookie',
  name: 'saiga_session',
  description:
    'A console session from POST /api/session (HttpOnly, SameSite=Strict, Secure and named `__Host-saiga_session` unless the agent URL is loopback http). ' +
    'Every admin route accepts it in place of a bearer token, with the same roles; a state-changing request also needs the header `X-CSRF-Token`.',
};
const SESSION = [{ session: [] }];
const ADMIN = [{ bearer: [] }, { session: [] }];

const USER_RECORD = {
  type: 'object',
  required: ['id', 'username', 'displayName', 'role', 'totp', 'createdAt', 'disabledAt', 'lockedUntil'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    username: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._@-]{2,63}$' },
    displayName: { type: 'string', minLength: 1, maxLength: 120, description: "The person's full name: box 13's signatory and the actor recorded" },
    role: { enum: ['officer', 'customs', 'admin'] },
    totp: { type: 'boolean', description: 'Whether sign-in needs a TOTP code (RFC 6238)' },
    createdAt: { type: 'string', format: 'date-time' },
    disabledAt: { type: ['string', 'null'], format: 'date-time' },
    lockedUntil: { type: ['string', 'null'], format: 'date-time' },
  },
};

const SESSION_ANSWER = {
  type: 'object',
  required: ['user', 'csrfToken', 'createdAt', 'idleExpiresAt', 'absoluteExpiresAt'],
  properties: {
    user: { type: 'object', required: ['id', 'username', 'displayName', 'role'], properties: { id: { type: 'string' }, username: { type: 'string' }, displayName: { type: 'string' }, role: { enum: ['officer', 'customs', 'admin'] } } },
    csrfToken: { type: 'string', description: 'Send it as `X-CSRF-Token` with every state-changing request of this session' },
    createdAt: { type: 'string', format: 'date-time' },
    idleExpiresAt: { type: 'string', format: 'date-time' },
    absoluteExpiresAt: { type: 'string', format: 'date-time' },
  },
};

const adminOnly = { 401: responseRef('Unauthorized'), 403: errorResponse('FORBIDDEN (not an admin) or SESSION_CSRF_INVALID') };

export const SESSION_PATHS = {
  '/api/session': {
    post: {
      operationId: 'signIn',
      summary: 'Sign in to the console: sets the session cookie and returns the CSRF token',
      // No credential, but not a public route either: `security: []` marks the CORS-open routes
      // (test/http/cors-and-headers.test.ts); sign-in is for the agent's own origin only, so it
      // says "anonymous allowed" (OpenAPI 3.1 §4.8.30: an empty Security Requirement Object).
      security: [{}],
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          additionalProperties: false,
          required: ['username', 'password'],
          properties: { username: { type: 'string' }, password: { type: 'string' }, totp: { type: 'string', pattern: '^[0-9]{6}$' } },
        }),
      },
      responses: {
        201: { description: 'Signed in', headers: { 'Set-Cookie': { description: 'The session cookie', schema: { type: 'string' } } }, content: json(SESSION_ANSWER) },
        400: errorResponse('BAD_REQUEST: an unknown field'),
        401: errorResponse('AUTH_SIGN_IN_FAILED: the same answer for every failure (unknown user, wrong password or code, locked, disabled)'),
        415: responseRef('UnsupportedMediaType'),
      },
    },
    get: {
      operationId: 'showSession',
      summary: 'Who is signed in, the CSRF token and when the session ends',
      security: SESSION,
      responses: { 200: { description: 'The session', content: json(SESSION_ANSWER) }, 401: errorResponse('UNAUTHORIZED (no cookie) or SESSION_EXPIRED') },
    },
    delete: {
      operationId: 'signOut',
      summary: 'Sign out: the session ends on the server and the cookie is cleared',
      security: SESSION,
      responses: { 204: { description: 'Signed out' }, 401: errorResponse('UNAUTHORIZED (no cookie) or SESSION_EXPIRED'), 403: errorResponse('SESSION_CSRF_INVALID') },
    },
  },
  '/api/users': {
    get: {
      operationId: 'listUsers',
      summary: 'Every console account; never a password hash or TOTP secret (admin)',
      security: ADMIN,
      responses: { 200: { description: 'The users', content: json({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: USER_RECORD } } }) }, ...adminOnly },
    },
    post: {
      operationId: 'createUser',
      summary: 'Create a console account (admin); with totp, the otpauth URI is in this answer only',
      security: ADMIN,
      requestBody: {
        required: true,
        content: json({
          type: 'object',
          additionalProperties: false,
          required: ['username', 'displayName', 'role', 'password'],
          properties: {
            username: USER_RECORD.properties.username,
            displayName: USER_RECORD.properties.displayName,
            role: USER_RECORD.properties.role,
            password: { type: 'string', minLength: 12, maxLength: 256, description: 'At least 12 characters, not a common password' },
            totp: { type: 'boolean' },
          },
        }),
      },
      responses: {
        201: { description: 'Created', content: json({ allOf: [USER_RECORD, { type: 'object', properties: { totpUri: { type: 'string', pattern: '^otpauth://totp/' } } }] }) },
        400: errorResponse('BAD_REQUEST: an unknown field'),
        ...adminOnly,
        409: errorResponse('USER_EXISTS'),
        415: responseRef('UnsupportedMediaType'),
        422: errorResponse('USER_INVALID or USER_PASSWORD_WEAK (`path` names the field)'),
      },
    },
  },
  '/api/users/{id}/disable': {
    post: {
      operationId: 'disableUser',
      summary: 'Disable a console account; its sessions end at once (admin)',
      security: ADMIN,
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: { description: 'Disabled', content: json(USER_RECORD) }, ...adminOnly, 404: errorResponse('USER_NOT_FOUND'), 409: errorResponse('CONFLICT: disabled already') },
    },
  },
};
