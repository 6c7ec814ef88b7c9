/**
 * Every stable code Saiga reports, in one place.
 *
 * The verifier page, the CLI and the HTTP API all render these same codes and
 * messages, so a verdict reads the same wherever it is shown. Codes are string
 * literals (never auto-numbered) and must never be renamed once shipped: clients
 * match on them. Messages are written for a customs officer, not a developer.
 *
 * This file is browser-safe: the verification core and the verifier page import it.
 */

/** Outcome codes of the verification core (`src/verify`). */
export const VERIFY_CODES = {
  OK: 'The check passed.',
  MALFORMED: 'This is not a readable signed document: the text is damaged or incomplete.',
  NOT_A_PERMIT: 'This is a signed document, but not a CITES permit or certificate.',
  ALG_NOT_ALLOWED: 'The document uses a signature method that is not accepted.',
  ISSUER_UNRESOLVABLE: "The issuing authority's public keys could not be obtained, so the signature cannot be checked.",
  SIGNATURE_INVALID: 'The signature does not match: the document was altered or was not signed by the authority it names.',
  ISSUER_UNTRUSTED: 'The document was not issued by a Management Authority on the trusted list.',
  NOT_YET_VALID: 'The document is not valid yet.',
  EXPIRED: 'The document has expired.',
  PERMIT_INVALID: 'The document is signed correctly but breaks the CITES permit rules.',
  NO_EXPIRY: 'The document has no expiry date. Every CITES permit has one, so it cannot be accepted.',
} as const;
export type VerifyCode = keyof typeof VERIFY_CODES;

/** Codes of permit-rule findings: errors refuse a request, warnings are kept apart. */
export const RULE_CODES = {
  FIELD_REQUIRED: 'A required field is missing.',
  FIELD_INVALID: 'The field has the wrong type or format.',
  FIELD_UNKNOWN: 'This field is not part of a CITES permit.',
  UNKNOWN_DOCUMENT_TYPE: 'The document type must be export, re-export, import or other.',
  UNKNOWN_APPENDIX: 'The appendix must be I, II or III.',
  UNKNOWN_PURPOSE: 'Unknown purpose-of-transaction code.',
  UNKNOWN_SOURCE: 'Unknown source code.',
  UNKNOWN_TERM: 'Unknown or historical term (description-of-specimen) code.',
  UNKNOWN_UNIT: 'Unknown unit of quantity.',
  UNKNOWN_COUNTRY: 'Unknown country code.',
  OTHER_DOCUMENT_TYPE_REQUIRED: 'A document of type "other" must say what it is.',
  IMPORT_PERMIT_REQUIRED: 'An Appendix I export or re-export needs the import permit already granted by the importing country.',
  OPERATION_NUMBER_REQUIRED: 'Source D needs the registration number of the captive-breeding or artificial-propagation operation.',
  ACQUISITION_DATE_REQUIRED: 'Source O (pre-Convention) needs the date of acquisition.',
  ORIGIN_REQUIRED: 'A re-export must name the country of origin and its export permit.',
  SAME_COUNTRY: 'The countries of export and import must differ.',
  ORIGIN_IS_EXPORTER: 'The country of origin of a re-export cannot be the re-exporting country.',
  EXPORTER_NOT_DOMESTIC: 'This authority issues export and re-export documents only for exporters in its own country.',
  IMPORTER_NOT_DOMESTIC: 'This authority issues import permits only for importers in its own country.',
  VALIDITY_TOO_LONG: 'The validity is longer than this document type allows.',
  VALIDITY_ENDED: 'The valid-until date is not after the date of issue.',
  DATE_IN_FUTURE: 'The date lies in the future.',
  QUANTITY_NOT_POSITIVE: 'The quantity must be greater than zero.',
  TOO_MANY_SPECIMENS: 'Too many specimen lines for one document.',
  TERM_UNIT_UNUSUAL: 'This unit is unusual for this term.',
  TERM_PURPOSE_UNUSUAL: 'This purpose is unusual for this term.',
  NOT_ISSUED_BY_AUTHORITY: 'The permit does not name the authority that signed it.',
} as const;
export type RuleCode = keyof typeof RULE_CODES;

/** Codes of HTTP API and CLI errors (anything that is not a verification verdict). */
export const API_CODES = {
  BAD_REQUEST: 'The request is not valid.',
  MALFORMED_JSON: 'The request body is not valid JSON.',
  UNSUPPORTED_MEDIA_TYPE: 'The request body must be JSON (Content-Type: application/json).',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNAUTHORIZED: 'A valid bearer token is required.',
  FORBIDDEN: "This token's role may not do this.",
  NOT_FOUND: 'Not found.',
  RATE_LIMITED: 'Too many requests; try again shortly.',
  PERMIT_INVALID: 'The permit request breaks the CITES permit rules.',
  CONFIG_INVALID: 'The configuration is not valid.',
  SECRET_INVALID: 'The secret key does not open this agent\'s key store.',
  INTERNAL_ERROR: 'Something went wrong on the server; nothing was changed.',
} as const;
export type ApiCode = keyof typeof API_CODES;

/** One finding about a permit: a JSON pointer into the checked document and a readable message. */
export interface RuleIssue {
  code: RuleCode;
  /** JSON pointer (RFC 6901) into the permit request or credential subject, e.g. `/specimens/0/unit`. */
  path: string;
  message: string;
}
