/**
 * The findings of an endorsement check (src/endorsement/validate.ts): a lifecycle code, a JSON
 * pointer into the request, and a message naming the field (`block B quantity`), the value and
 * the limit; ajv's schema errors mapped to them as src/permit/schema-check.ts maps a permit's.
 * Browser-safe.
 */
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { LIFECYCLE_CODES, type LifecycleCode, type LifecycleIssue } from '../codes.js';
import { escapePointerToken, pointer, pointerTokens, quote, textOf, valueAt } from '../permit/findings.js';

/** A finding: the code's general sentence, then the detail naming the value and the limit (as src/permit/findings.ts `issue`). */
export function issue(code: LifecycleCode, path: string, detail: string): LifecycleIssue {
  return { code, path, message: `${LIFECYCLE_CODES[code]} ${detail.charAt(0).toUpperCase()}${detail.slice(1)}` };
}

/** Like `quote`, but shows NaN and Infinity (which JSON prints as null) as they are. */
const shown = (value: unknown): string => (typeof value === 'number' && !Number.isFinite(value) ? String(value) : quote(value));

/** A readable name for a field: `/blocks/1/quantity` → `block B quantity` (or `blocks entry 2 quantity`). */
function fieldLabel(path: string, input: unknown, root: string): string {
  const tokens = pointerTokens(path);
  if (tokens.length === 0) return root;
  if (tokens[0] === 'blocks' && tokens.length >= 2 && /^\d+$/.test(tokens[1]!)) {
    const letter = textOf(valueAt(input, pointer('blocks', tokens[1]!)), 'block');
    const rest = tokens.slice(2).join('.');
    const name = letter !== undefined && /^[A-Z]$/.test(letter) ? `block ${letter}` : `blocks entry ${Number(tokens[1]) + 1}`;
    return rest ? `${name} ${rest}` : name;
  }
  return tokens.join('.');
}

/** Turns ajv's errors into findings, one per path (the first), mapped as src/permit/schema-check.ts does. */
export function schemaIssues(validate: ValidateFunction, input: unknown, root: string): LifecycleIssue[] {
  if (validate(input)) return [];
  const seen = new Set<string>();
  return (validate.errors ?? []).flatMap((error) => {
    const found = schemaIssue(error, input, root);
    return seen.has(found.path) ? [] : (seen.add(found.path), [found]);
  });
}

function schemaIssue(error: ErrorObject, input: unknown, root: string): LifecycleIssue {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  const value = valueAt(input, at);
  const field = fieldLabel(at, input, root);
  switch (error.keyword) {
    case 'required': {
      const path = `${at}/${escapePointerToken(String(params['missingProperty']))}`;
      return issue('FIELD_REQUIRED', path, `Missing: ${fieldLabel(path, input, root)}.`);
    }
    case 'additionalProperties': {
      const name = String(params['additionalProperty']);
      return issue('FIELD_UNKNOWN', `${at}/${escapePointerToken(name)}`, `${quote(name)} is not expected in ${field}.`);
    }
    case 'minItems':
      return issue('FIELD_REQUIRED', at, `${field} needs at least ${String(params['limit'])} entry.`);
    default:
      return issue('FIELD_INVALID', at, invalidDetail(error, at, field, value));
  }
}

function invalidDetail(error: ErrorObject, at: string, field: string, value: unknown): string {
  const params = error.params as Record<string, unknown>;
  const last = pointerTokens(at).at(-1);
  switch (error.keyword) {
    case 'type':
      if (at === '') return `${field} must be a JSON object, found ${value === null ? 'null' : Array.isArray(value) ? 'an array' : shown(value)}.`;
      return `${field} must be ${params['type'] === 'object' || params['type'] === 'array' ? 'an' : 'a'} ${String(params['type'])}, found ${shown(value)}.`;
    case 'format':
      return `${field} must be a calendar date YYYY-MM-DD, found ${quote(value)}.`;
    case 'minimum':
      return `${field} must be ${String(params['limit'])} or more (0 for a block not shipped), found ${shown(value)}.`;
    case 'maxLength':
      return `${field} is longer than ${String(params['limit'])} characters.`;
    case 'minLength':
      return `${field} must not be empty.`;
    case 'maxItems':
      return `${field} has more than ${String(params['limit'])} entries.`;
    case 'enum':
      if (last === 'unit') return `${quote(value)} in ${field} is not a UN/ECE Rec. 20 unit accepted by CITES.`;
      if (last === 'country') return `${quote(value)} in ${field} is not an ISO 3166-1 alpha-2 country code.`;
      return `${field} has a value that is not allowed: ${quote(value)}.`;
    case 'pattern':
      if (params['pattern'] === '\\S') return `${field} must not be blank.`;
      if (last === 'block') return `${field} must be one capital letter, found ${quote(value)}.`;
      if (last === 'portOfExport') return `${field} must be a UN/LOCODE: 2-letter country, then 3 capital letters or digits 2–9 (e.g. CHGVA), found ${quote(value)}.`;
      if (last === 'issuer') return `${field} must be a DID (did:method:…), found ${quote(value)}.`;
      return `${field} has the wrong form, found ${quote(value)}.`;
    default:
      return `${field}: ${error.message ?? 'invalid'}.`;
  }
}
