/**
 * Small helpers shared by the schema check and the domain rules: JSON pointers, reading
 * untrusted input without trusting its shape, and building findings. Browser-safe.
 */

import { RULE_CODES, type RuleCode, type RuleIssue } from '../codes.js';

/** Escapes one reference token of a JSON pointer (RFC 6901: `~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Builds a JSON pointer from reference tokens: `pointer('specimens', 0, 'unit')` → `/specimens/0/unit`. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** Splits a JSON pointer into its unescaped tokens. */
export function pointerTokens(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value a JSON pointer designates, or undefined when the path does not exist. */
export function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const token of pointerTokens(path)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (isRecord(node)) node = node[token];
    else return undefined;
  }
  return node;
}

/** A string field of an untrusted object, or undefined when absent or not a string. */
export function textOf(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

/** A nested object of an untrusted object, or undefined. */
export function recordOf(value: unknown, key: string): Record<string, unknown> | undefined {
  if (!isRecord(value)) return undefined;
  const field = value[key];
  return isRecord(field) ? field : undefined;
}

/** The specimen lines that are objects, with their index (lines of the wrong type are left to the schema). */
export function specimenLines(doc: Record<string, unknown>): Array<{ index: number; line: Record<string, unknown> }> {
  const specimens = doc['specimens'];
  if (!Array.isArray(specimens)) return [];
  return specimens.flatMap((line: unknown, index) => (isRecord(line) ? [{ index, line }] : []));
}

/** Block letter of the i-th specimen line: A, B, …, Z, then AA, AB, … for overlong input. */
export function blockLetter(index: number): string {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  return index < letters.length ? letters[index]! : blockLetter(Math.floor(index / letters.length) - 1) + letters[index % letters.length];
}

/** A readable name for the field at a path, for messages: `/specimens/1/origin/country` → `block B origin.country`. */
export function fieldLabel(path: string): string {
  const tokens = pointerTokens(path);
  if (tokens[0] === 'specimens' && tokens.length >= 2 && /^\d+$/.test(tokens[1]!)) {
    const rest = tokens.slice(2).join('.');
    return `block ${blockLetter(Number(tokens[1]))}${rest ? ` ${rest}` : ''}`;
  }
  return tokens.length ? tokens.join('.') : 'the document';
}

/** Quotes a value for a message; long or structured values are abbreviated. */
export function quote(value: unknown): string {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = Object.prototype.toString.call(value); // cyclic or otherwise unprintable input
  }
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}

export function issue(code: RuleCode, path: string, detail?: string): RuleIssue {
  const sentence = detail ? detail.charAt(0).toUpperCase() + detail.slice(1) : '';
  return { code, path, message: sentence ? `${RULE_CODES[code]} ${sentence}` : RULE_CODES[code] };
}

/** Keeps the first finding for each path: one clear message per field, schema findings first. */
export function onePerPath(issues: readonly RuleIssue[]): RuleIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.path) ? false : (seen.add(i.path), true)));
}
