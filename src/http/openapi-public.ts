/**
 * OpenAPI paths of the public routes: no token (`security: []`), CORS with a preflight
 * answer (cors.ts). They take no body, so their only refusal besides 404 is a body that
 * was sent anyway and does not parse (the JSON parser runs for every route).
 */
import { SCHEMA_PATH } from './paths.js';
import { didDocumentPath } from '../agent/identity/did-web-name.js';
import { ANCHOR_PATH_SEGMENT, CUSTOMS_PATH_SEGMENT } from '../agent/identity/identity.js';
import { TRUST_LIST_PATH } from '../trust/agent-trust-list.js';
import { CITES_CONTEXT_V1_PATH, ENDORSEMENT_CREDENTIAL_SCHEMA_PATH, PERMIT_CREDENTIAL_SCHEMA_PATH } from '../vocab/contexts.js';
import { CITES_IMPORT_CONTEXT_V1_PATH, IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH } from '../vocab/contexts.js';
import type { SaigaConfig } from '../agent/config/config.js';
import { errorResponse, json, PUBLIC, ref, responseRef, vcJwt } from './openapi-schemas.js';

const etag = { ETag: { description: 'Send it back in If-None-Match to get a 304 when nothing changed', schema: { type: 'string' } } };
const notModified = { description: 'Not modified since the ETag sent in If-None-Match' };
const malformed = { 400: responseRef('MalformedJson') };
const text = (description: string) => ({ description, content: { 'text/plain': { schema: { type: 'string' } } } });
const html = { 'text/html': { schema: { type: 'string' } } };

function get(operationId: string, summary: string, responses: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { get: { operationId, summary, security: PUBLIC, ...extra, responses } };
}

const uuidParameter = (description: string) => ({ name: 'id', in: 'path', required: true, description, schema: { type: 'string', format: 'uuid' } });

const didDocument = (operationId: string, summary: string) =>
  get(operationId, summary, { 200: { description: 'The DID document', content: { 'application/did+json': { schema: ref('DidDocument') } } }, ...malformed });

const verifierPage = (operationId: string, summary: string) =>
  get(operationId, summary, {
    200: { description: 'The page', content: html },
    ...malformed,
    503: text('The page is not built (npm run build)'),
  });

export function publicPaths(config: Pick<SaigaConfig, 'url' | 'didMethod'>) {
  return {
    '/health': get('getHealth', 'Liveness: the agent answers, with its DID', {
      200: { description: 'ok', content: json({ type: 'object', required: ['status', 'did'], properties: { status: { const: 'ok' }, did: { type: 'string' } } }) },
      ...malformed,
    }),
    '/api/openapi.json': get('getOpenApi', 'This document', { 200: { description: 'OpenAPI 3.1', content: json({ type: 'object' }) }, ...malformed }),
    '/api/verify': {
      post: {
        operationId: 'verifyCredential',
        summary: 'Verify a permit credential (public, cross-origin, rate-limited per client)',
        security: PUBLIC,
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            required: ['credential'],
            additionalProperties: false,
            properties: {
              credential: { type: 'string', maxLength: 65536, description: 'The VC-JWT, a CP3 (or CP2, CP1) QR payload, a CPR1 reference, or a verifier link holding one (from a scanned QR code)' },
              at: { type: 'string', format: 'date-time', description: 'Verify as at this time (default: now)' },
            },
          }),
        },
        responses: {
          200: { description: 'The verdict (also for a bad permit)', content: json(ref('VerificationResult')) },
          400: responseRef('BadBody'),
          413: responseRef('PayloadTooLarge'),
          415: responseRef('UnsupportedMediaType'),
          429: responseRef('RateLimited'),
        },
      },
    },
    [SCHEMA_PATH]: get('getPermitSubjectSchema', 'JSON Schema of the permit credential subject as signed before box 13 became `issuance` (immutable, for permits issued then)', {
      200: { description: 'JSON Schema 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } },
      ...malformed,
    }),
    [CITES_CONTEXT_V1_PATH]: get('getCitesContext', "Saiga's CITES JSON-LD context, version 1 (immutable; Saiga's own verifiers carry it bundled)", {
      200: { description: 'JSON-LD 1.1 context', content: { 'application/ld+json': { schema: { type: 'object', required: ['@context'], properties: { '@context': { type: 'object' } } } } } },
      ...malformed,
    }),
    [PERMIT_CREDENTIAL_SCHEMA_PATH]: get('getPermitCredentialSchema', 'JSON Schema of the whole permit credential, as its credentialSchema (type JsonSchema) names it (immutable)', {
      200: { description: 'JSON Schema 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } },
      ...malformed,
    }),
    [ENDORSEMENT_CREDENTIAL_SCHEMA_PATH]: get('getEndorsementCredentialSchema', 'JSON Schema of the whole export-endorsement credential (immutable)', {
      200: { description: 'JSON Schema 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } },
      ...malformed,
    }),
    [CITES_IMPORT_CONTEXT_V1_PATH]: get('getCitesImportContext', "Saiga's CITES import JSON-LD context, version 1: the import confirmation's terms (immutable)", {
      200: { description: 'JSON-LD 1.1 context', content: { 'application/ld+json': { schema: { type: 'object', required: ['@context'], properties: { '@context': { type: 'object' } } } } } },
      ...malformed,
    }),
    [IMPORT_CONFIRMATION_CREDENTIAL_SCHEMA_PATH]: get('getImportConfirmationCredentialSchema', 'JSON Schema of the whole import-confirmation credential (immutable)', {
      200: { description: 'JSON Schema 2020-12', content: { 'application/schema+json': { schema: { type: 'object' } } } },
      ...malformed,
    }),
    [TRUST_LIST_PATH]: get('getTrustList', "This agent's trust list: the authorities it trusts, signed by its trust-anchor DID", {
      200: { description: 'The trust list credential', content: vcJwt },
      ...malformed,
    }),
    '/status/{purpose}/{seq}': get(
      'getStatusList',
      'A status list (Bitstring Status List v1.0) as a VC-JWT signed by this authority; no-cache with an ETag',
      { 200: { description: 'The status list credential', headers: etag, content: vcJwt }, 304: notModified, 400: responseRef('MalformedJson'), 404: errorResponse('NOT_FOUND: no such list') },
      {
        parameters: [
          { name: 'purpose', in: 'path', required: true, schema: { enum: ['revocation', 'suspension'] } },
          { name: 'seq', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
        ],
      },
    ),
    '/records/{id}': get(
      'getPermitRecord',
      "A permit's public record: status, revocation reason, replacement and signed customs endorsements; no-cache with an ETag",
      { 200: { description: 'The record', headers: etag, content: json(ref('PublicPermitRecord')) }, 304: notModified, 400: responseRef('MalformedJson'), 404: errorResponse('NOT_FOUND: no such record') },
      { parameters: [uuidParameter("The UUID of the permit credential's id")] },
    ),
    '/credentials/{id}': get(
      'getPermitCredential',
      'The signed permit itself, by the UUID of its credential id (for reference QR codes); no-cache with an ETag',
      { 200: { description: 'The permit credential', headers: etag, content: vcJwt }, 304: notModified, 400: responseRef('MalformedJson'), 404: errorResponse('NOT_FOUND: no permit with this id') },
      { parameters: [uuidParameter("The UUID of the permit credential's id")] },
    ),
    '/verify': verifierPage('getVerifierPage', 'The verifier page (also at /verify/); the permit travels in the URL fragment, never to the server'),
    '/VERIFY': verifierPage('getVerifierPageUpperCase', 'The verifier page at the upper-case path that alphanumeric QR codes use'),
    '/verify/index.html': verifierPage('getVerifierPageIndex', 'The verifier page'),
    '/': get('getRoot', 'A browser (Accept: text/html) is sent to the console; any other client gets where things are', {
      200: {
        description: "The agent's main addresses",
        content: json({ type: 'object', required: ['console', 'verify', 'openapi'], properties: { console: { type: 'string' }, verify: { type: 'string' }, openapi: { type: 'string' } } }),
      },
      302: { description: 'To /console/' },
      ...malformed,
    }),
    '/console': {
      get: {
        operationId: 'getConsole',
        summary: 'The console (also at /console/, which answers the app itself; /console redirects there)',
        security: PUBLIC,
        responses: { 200: { description: 'The app', content: html }, 301: { description: 'To /console/' }, ...malformed, 503: text('The console is not built (npm run build)') },
      },
    },
    '/console/{screen}': get('getConsoleScreen', "A console screen's address: the app, which shows the screen", { 200: { description: 'The app', content: html }, ...malformed, 503: text('The console is not built (npm run build)') }, { parameters: [{ name: 'screen', in: 'path', required: true, schema: { type: 'string' } }] }),
    '/console/permits/{number}': get('getConsolePermitScreen', "A permit's page in the console: the app, which shows the permit", { 200: { description: 'The app', content: html }, ...malformed, 503: text('The console is not built (npm run build)') }, { parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }] }),
    '/console/assets/{file}': get('getConsoleAsset', "The console's scripts and styles (content-hashed names, immutable)", { 200: { description: 'The file', content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } }, 404: text('No such file') }, { parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string' } }] }),
    '/verify/config.json': get('getVerifierConfig', "The verifier page's configuration: the trust anchor, the trust list URL and a fallback copy of the list", {
      200: {
        description: 'The configuration',
        content: json({
          type: 'object',
          required: ['anchorDid', 'trustListUrl', 'fallbackTrustList'],
          properties: { anchorDid: { type: 'string' }, trustListUrl: { type: 'string', format: 'uri' }, fallbackTrustList: { type: 'string' } },
        }),
      },
      ...malformed,
    }),
    '/verify/{file}': get(
      'getVerifierAsset',
      "A file of the verifier page (script, style sheet, WebAssembly); names with a content hash are immutable",
      {
        200: {
          description: 'The file',
          content: {
            'text/javascript': { schema: { type: 'string' } },
            'text/css': { schema: { type: 'string' } },
            'application/wasm': { schema: { type: 'string', contentMediaType: 'application/wasm' } },
          },
        },
        400: responseRef('MalformedJson'),
        404: errorResponse('NOT_FOUND: no such file'),
      },
      { parameters: [{ name: 'file', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-][A-Za-z0-9._-]*$' } }] },
    ),
    ...(config.didMethod === 'web' && {
      [didDocumentPath(config.url)]: didDocument('getDidDocument', "This authority's DID document (did:web)"),
      [didDocumentPath(config.url, [CUSTOMS_PATH_SEGMENT])]: didDocument('getCustomsDidDocument', "This authority's customs DID document (did:web), which signs export endorsements"),
      [didDocumentPath(config.url, [ANCHOR_PATH_SEGMENT])]: didDocument('getTrustAnchorDidDocument', "This agent's trust-anchor DID document (did:web), which signs its trust list"),
    }),
  };
}
