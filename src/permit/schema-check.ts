/**
 * Checks a document against a JSON Schema with ajv and turns ajv's errors into Saiga
 * findings: a stable code, a JSON pointer to the offending field and a message that
 * names the offending value. Browser-safe: the validators come from
 * `schema-validators.ts` (compiled by ajv in Node, generated at build time for the page),
 * and only ajv's types are imported here.
 */

import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { RuleCode, RuleIssue } from '../codes.js';
import {
  blockLetter,
  escapePointerToken,
  fieldLabel,
  issue,
  pointerTokens,
  quote,
  valueAt,
} from './findings.js';
import { findCountry, findHistoricalTerm, findHistoricalUnit, UNITS } from './tables/index.js';

/** Which code an `enum` failure gets, by the name of the property that failed. */
const UNKNOWN_CODE_BY_PROPERTY: Record<string, RuleCode> = {
  term: 'UNKNOWN_TERM',
  unit: 'UNKNOWN_UNIT',
  purpose: 'UNKNOWN_PURPOSE',
  source: 'UNKNOWN_SOURCE',
  appendix: 'UNKNOWN_APPENDIX',
  country: 'UNKNOWN_COUNTRY',
  documentType: 'UNKNOWN_DOCUMENT_TYPE',
};

/** Checks `input` against a compiled schema; one finding per path, in ajv's order. */
export function schemaFindings(validate: ValidateFunction, input: unknown): RuleIssue[] {
  if (validate(input)) return [];
  return (validate.errors ?? []).map((error) => toFinding(error, input));
}

function toFinding(error: ErrorObject, input: unknown): RuleIssue {
  const at = error.instancePath;
  const value = valueAt(input, at);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const path = `${at}/${escapePointerToken(String(params['missingProperty']))}`;
      return issue('FIELD_REQUIRED', path, `Missing: ${fieldLabel(path)}.`);
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      const path = `${at}/${escapePointerToken(name)}`;
      return issue('FIELD_UNKNOWN', path, `${quote(name)} is not expected in ${fieldLabel(at)}.`);
    }
    case 'enum':
      return enumFinding(at, value, Array.isArray(params['allowedValues']) ? params['allowedValues'] : []);
    case 'exclusiveMinimum':
      if (lastToken(at) === 'quantity') return issue('QUANTITY_NOT_POSITIVE', at, `${fieldLabel(at)} is ${quote(value)}.`);
      return issue('FIELD_INVALID', at, `${fieldLabel(at)} must be greater than ${String(params['limit'])}, found ${quote(value)}.`);
    case 'maxItems':
      if (at === '/specimens') {
        return issue('TOO_MANY_SPECIMENS', at, `At most ${String(params['limit'])} blocks (A to ${blockLetter(Number(params['limit']) - 1)}); this request has ${Array.isArray(value) ? value.length : '?'}.`);
      }
      return issue('FIELD_INVALID', at, `${fieldLabel(at)} has more than ${String(params['limit'])} entries.`);
    case 'minItems':
      // An empty specimen list is a missing block A, not a malformed field.
      if (at === '/specimens') return issue('FIELD_REQUIRED', at, 'At least one specimen (block A) is required.');
      return issue('FIELD_INVALID', at, `${fieldLabel(at)} needs at least ${String(params['limit'])} entries.`);
    default:
      return issue('FIELD_INVALID', at, invalidDetail(error, at, value));
  }
}

function invalidDetail(error: ErrorObject, at: string, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  const field = fieldLabel(at);
  switch (error.keyword) {
    case 'type':
      return `${field} must be ${article(String(params['type']))}, found ${quote(value)}.`;
    case 'format':
      return params['format'] === 'date'
        ? `${field} must be a calendar date YYYY-MM-DD, found ${quote(value)}.`
        : `${field} must be a date and time with time zone (ISO 8601), found ${quote(value)}.`;
    case 'maxLength':
      return `${field} is longer than ${String(params['limit'])} characters.`;
    case 'minLength':
      return `${field} must not be empty.`;
    case 'pattern':
      if (params['pattern'] === '\\S') return `${field} must not be blank.`;
      if (lastToken(at) === 'block') return `${field} must be one capital letter, found ${quote(value)}.`;
      if (lastToken(at) === 'did') return `${field} must be a DID (did:method:…), found ${quote(value)}.`;
      return `${field} has the wrong form, found ${quote(value)}.`;
    default:
      return `${field}: ${error.message ?? 'invalid'}.`;
  }
}

function enumFinding(at: string, value: unknown, allowed: readonly unknown[]): RuleIssue {
  const property = lastToken(at);
  const code = UNKNOWN_CODE_BY_PROPERTY[property];
  // A value of the wrong type is reported by the `type` keyword at the same path.
  if (!code || typeof value !== 'string') {
    return issue('FIELD_INVALID', at, `${fieldLabel(at)} has a value that is not allowed: ${quote(value)}.`);
  }
  return issue(code, at, unknownCodeDetail(code, at, value, allowed));
}

function unknownCodeDetail(code: RuleCode, at: string, value: string, allowed: readonly unknown[]): string {
  const field = fieldLabel(at);
  const sameLetters = allowed.find((a) => typeof a === 'string' && a.toLowerCase() === value.toLowerCase());
  if (sameLetters !== undefined) return `Codes are case-sensitive: use ${quote(sameLetters)} in ${field}, not ${quote(value)}.`;
  switch (code) {
    case 'UNKNOWN_TERM': {
      const historical = findHistoricalTerm(value);
      return historical
        ? `${quote(value)} (${historical.description}) in ${field} is a historical term code and is no longer issued; use a current term code.`
        : `${quote(value)} in ${field} is not a CITES term code.`;
    }
    case 'UNKNOWN_UNIT': {
      const historical = findHistoricalUnit(value);
      if (!historical) return `${quote(value)} in ${field} is not a UN/ECE Rec. 20 unit accepted by CITES.`;
      const instead = historical.useInstead ? UNITS.find((u) => u.code === historical.useInstead) : undefined;
      return (
        `${quote(value)} (${historical.meaning}) in ${field} is a historical unit and is no longer issued` +
        (instead ? `; use ${instead.code} (${instead.meaning}).` : '.')
      );
    }
    case 'UNKNOWN_COUNTRY': {
      const country = findCountry(value.toUpperCase());
      if (country?.extra) return `${quote(value)} (${country.en}) is a CITES reporting code, not allowed in ${field}: give the ISO 3166-1 country${allowed.includes('XX') ? ' (or XX if unknown)' : ''}.`;
      if (country) return `${quote(value)} (${country.en}) is not allowed in ${field}.`;
      return `${quote(value)} in ${field} is not an ISO 3166-1 alpha-2 country code.`;
    }
    default:
      return `${quote(value)} in ${field} is not one of the allowed codes.`;
  }
}

const lastToken = (path: string): string => pointerTokens(path).at(-1) ?? '';

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);
