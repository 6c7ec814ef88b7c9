/**
 * OpenAPI paths and schemas of the exchange's routes (routes/exchange.ts): the public
 * POST /didcomm where peers deliver DIDComm v2 messages, and the admin operator view.
 */
import { EXCHANGE_CODES } from '../codes.js';
import { DIDCOMM_PATH } from '../exchange/endpoint.js';
import { BEARER, errorResponse, json, PUBLIC, ref, responseRef } from './openapi-schemas.js';

const exchangeError = (description: string) => ({ description, content: json(ref('ExchangeError')) });
const adminOnly = { 401: responseRef('Unauthorized'), 403: errorResponse('FORBIDDEN: not an admin token') };
const STATES = ['pending', 'delivered', 'failed', 'undeliverable'];
const nullableText = { type: ['string', 'null'] };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };

export const EXCHANGE_SCHEMAS = {
  ExchangeError: {
    type: 'object',
    required: ['error'],
    properties: {
      error: {
        type: 'object',
        required: ['code', 'message'],
        properties: {
          code: { enum: Object.keys(EXCHANGE_CODES) },
          message: { type: 'string' },
          path: { type: 'string', description: 'JSON pointer into the message body (EXCHANGE_BODY_INVALID)' },
          retryable: { const: true, description: 'The same message may be accepted later: the sender should send it again' },
        },
      },
    },
  },
  ExchangeMessage: {
    type: 'object',
    required: ['id', 'type', 'subject', 'state', 'attempts', 'createdAt', 'expiresAt', 'nextAttemptAt', 'lastAttemptAt', 'lastCode', 'lastError', 'deliveredAt'],
    properties: {
      id: { type: 'string', description: 'The DIDComm message id (the same in every attempt)' },
      type: { type: 'string', description: 'The message type URI (…/cites-exchange/1.0/…)' },
      subject: { type: 'string', description: 'The credential id of the permit (or the key) it is about' },
      state: { enum: STATES },
      attempts: { type: 'integer', minimum: 0 },
      createdAt: { type: 'string', format: 'date-time' },
      expiresAt: { type: 'string', format: 'date-time', description: 'Undeliverable from then on (saiga.exchange.maxAgeDays)' },
      nextAttemptAt: nullableTime,
      lastAttemptAt: nullableTime,
      lastCode: { ...nullableText, description: "The peer's refusal code, or why it could not be reached" },
      lastError: nullableText,
      deliveredAt: nullableTime,
    },
  },
  ExchangeStatus: {
    type: 'object',
    required: ['peers'],
    properties: {
      peers: {
        type: 'array',
        items: {
          type: 'object',
          required: ['did', 'name', 'country', 'pending', 'delivered', 'failed', 'undeliverable', 'circuit', 'messages'],
          properties: {
            did: { type: 'string' },
            name: nullableText,
            country: nullableText,
            pending: { type: 'integer' },
            delivered: { type: 'integer' },
            failed: { type: 'integer' },
            undeliverable: { type: 'integer' },
            circuit: { enum: ['closed', 'open', 'half-open', null], description: 'The delivery worker’s circuit for the peer' },
            messages: { type: 'array', description: 'Messages not delivered, oldest first (at most 500 in all)', items: ref('ExchangeMessage') },
          },
        },
      },
    },
  },
};

export const EXCHANGE_PATHS = {
  [DIDCOMM_PATH]: {
    post: {
      operationId: 'receiveExchangeMessage',
      summary: 'Receive a DIDComm v2 message from a peer authority (authcrypt; applied once per sender and id)',
      security: PUBLIC,
      requestBody: {
        required: true,
        content: { 'application/didcomm-encrypted+json': { schema: { type: 'string', description: 'A DIDComm v2 authcrypt JWE (JSON serialization)' } } },
      },
      responses: {
        202: {
          description: 'Accepted and applied; a repeat of the same message gets the same bytes again',
          content: json({ type: 'object', required: ['id', 'status', 'receivedAt'], properties: { id: { type: 'string' }, status: { const: 'accepted' }, receivedAt: { type: 'string', format: 'date-time' } } }),
        },
        400: exchangeError('Refused: malformed, not authcrypt, undecryptable, misaddressed, expired or stale, unknown type, or a body that breaks its schema'),
        403: exchangeError('EXCHANGE_SENDER_UNTRUSTED or EXCHANGE_SENDER_MISMATCH: not from a Management Authority this agent trusts'),
        409: exchangeError('EXCHANGE_MESSAGE_ID_REUSED, or a refusal with `retryable: true` (send it again later)'),
        413: responseRef('PayloadTooLarge'),
        415: errorResponse('UNSUPPORTED_MEDIA_TYPE: not a DIDComm media type'),
      },
    },
  },
  '/api/exchange': {
    get: {
      operationId: 'exchangeStatus',
      summary: 'Messages to peer authorities, per peer: pending, delivered, failed, undeliverable (admin)',
      security: BEARER,
      responses: { 200: { description: 'The outbox per peer', content: json(ref('ExchangeStatus')) }, ...adminOnly },
    },
  },
  '/api/exchange/messages/{id}/retry': {
    post: {
      operationId: 'retryExchangeMessage',
      summary: 'Re-queue a failed, undeliverable or waiting message: sent at once, its maximum age counted from now (admin)',
      security: BEARER,
      parameters: [{ name: 'id', in: 'path', required: true, description: 'The message id', schema: { type: 'string' } }],
      requestBody: { required: false, content: json({ type: 'object', additionalProperties: false, maxProperties: 0 }) },
      responses: {
        200: {
          description: 'Re-queued',
          content: json({ type: 'object', required: ['previousState', 'message'], properties: { previousState: { enum: STATES }, message: ref('ExchangeMessage') } }),
        },
        400: errorResponse('BAD_REQUEST: the body has a field (it must be empty or {})'),
        ...adminOnly,
        404: errorResponse('NOT_FOUND: no outgoing message with this id'),
        409: errorResponse('CONFLICT: the message was delivered already'),
        415: responseRef('UnsupportedMediaType'),
      },
    },
  },
};
