/** OpenAPI paths of the toolkit XML routes (routes/toolkit-xml.ts). */
import { XML_CODES } from '../codes.js';
import { BEARER, errorResponse, json, ref, responseRef } from './openapi-schemas.js';

/** A peer authority's DID-signed request (docs/toolkit-xml.md §7): not a browser's, so no CORS. */
export const TOOLKIT_SECURITY_SCHEMES = {
  didJwt: {
    type: 'http',
    scheme: 'DIDJWT',
    description: 'A compact JWS signed EdDSA by an authentication key of the calling authority: iss (its DID), aud (this agent\'s DID), iat, exp (at most 300 s later), jti (used once), permit (the number asked for).',
  },
};

const xml = { 'application/xml': { schema: { type: 'string', description: 'A UN/CEFACT CITESEPermit (version 2) document, or CBFShip (version 1); docs/toolkit-xml.md' } } };
const lookupError = (description: string) => ({ description, content: json({ allOf: [ref('Error'), { type: 'object', properties: { error: { type: 'object', properties: { code: { enum: Object.keys(XML_CODES).filter((c) => c.startsWith('XML_LOOKUP_')) } } } } }] }) });

export const TOOLKIT_XML_PATHS = {
  '/api/permits/{number}/xml': {
    get: {
      operationId: 'getPermitToolkitXml',
      summary: 'The permit as CITES toolkit XML, with boxes 14 and 15 once customs endorsed it (officer, admin)',
      security: BEARER,
      parameters: [
        { name: 'number', in: 'path', required: true, schema: { type: 'string' } },
        { name: 'version', in: 'query', required: false, description: 'The toolkit version: 2 (CITESEPermit, the default) or 1 (CBFShip)', schema: { enum: ['1', '2'] } },
      ],
      responses: {
        200: { description: 'The toolkit XML', content: xml },
        400: errorResponse('BAD_REQUEST: version is not 1 or 2 (`path` is /version)'),
        401: responseRef('Unauthorized'),
        403: errorResponse('FORBIDDEN: not an officer or admin token'),
        404: errorResponse('NOT_FOUND: no permit with that number was issued here'),
      },
    },
  },
  '/api/exchange/toolkit/permits/{number}': {
    get: {
      operationId: 'lookupPermitToolkitXml',
      summary: "A trusted peer authority's lookup of a permit's toolkit XML, as EPIX's GetFinalCitesCertificate (Authorization: DIDJWT <compact JWS>, docs/toolkit-xml.md §6)",
      security: [{ didJwt: [] }],
      parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'The toolkit XML (version 2)', content: xml },
        401: lookupError('XML_LOOKUP_UNAUTHENTICATED, _CLAIMS_INVALID, _STALE, _SIGNATURE_INVALID or _REPLAY'),
        403: lookupError('XML_LOOKUP_CALLER_UNTRUSTED or XML_LOOKUP_NOT_PARTY'),
        404: lookupError('XML_LOOKUP_NOT_FOUND'),
        503: lookupError("XML_LOOKUP_CHECK_UNAVAILABLE: the caller's DID document could not be read"),
      },
    },
  },
};
