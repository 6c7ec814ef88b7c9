/**
 * The characters a permit's texts may hold: what is printed on the form and shown by a
 * verifier must be what is stored and signed. Browser-safe.
 *
 * - Requests are normalised to NFC (Unicode Standard Annex #15) before they are checked
 *   and stored, so that "é" typed as e + U+0301 and as U+00E9 is the same name.
 * - Refused, with TEXT_BIDI_CONTROL: the explicit direction marks, embeddings, overrides
 *   and isolates (Unicode Standard Annex #9 §2: U+061C, U+200E, U+200F, U+202A–U+202E,
 *   U+2066–U+2069). An unterminated U+202E in one field reverses the fields that follow
 *   it on a page ("quantity: 1000" read backwards), and PDF text does not apply them at
 *   all, so page and paper would differ. The page isolates each value as well.
 * - Refused, with TEXT_CONTROL_CHARACTER: control characters (general category Cc,
 *   including tab and line breaks: a box of the form is one run of text, addresses separate
 *   their lines with commas), line and paragraph separators (Zl, Zp) and format characters
 *   (Cf: zero-width space, soft hyphen, word joiner, BOM, tag characters, …), except
 *   U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER, which Persian, Indic
 *   scripts and emoji sequences need to spell names correctly.
 * - Refused, with TEXT_INVALID_CHARACTER: unpaired surrogates (not Unicode text at all,
 *   and not valid UTF-8 once encoded), noncharacters (Unicode §23.7: U+FDD0–U+FDEF and the
 *   last two code points of every plane) and private-use characters (Co: no agreed meaning,
 *   so nothing a verifier or printer can show).
 * - Refused, with TEXT_NOT_VISIBLE: a text with no letter, digit, punctuation mark or symbol
 *   (such as a lone combining accent), which prints blank. The schema's `\S` pattern stays
 *   as it is, portable to every JSON Schema validator; this rule is the stricter one.
 * Unassigned code points are not refused: which those are depends on the Unicode version
 * of each browser, and verifiers must all reach the issuer's verdict.
 */

import type { RuleCode, RuleIssue } from '../codes.js';
import { escapePointerToken, fieldLabel, isRecord, issue } from './findings.js';
import type { Rule } from './rules.js';

/** A copy of `value` with every string, at any depth, normalised to NFC (keys included). Other values are kept as they are. */
export function normaliseText<T>(value: T): T {
  if (typeof value === 'string') return value.normalize('NFC') as T;
  if (Array.isArray(value)) return value.map((item: unknown) => normaliseText(item)) as T;
  if (isRecord(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.normalize('NFC'), normaliseText(item)])) as T;
  }
  return value;
}

const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
const JOINERS = new Set([0x200c, 0x200d]);
const CONTROL_OR_FORMAT = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;
const PRIVATE_USE = /^\p{Co}$/u;
/** A visible character: a letter, digit, punctuation mark or symbol (general categories L, N, P, S). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x09: 'TAB',
  0x0a: 'LINE FEED',
  0x0d: 'CARRIAGE RETURN',
  0xad: 'SOFT HYPHEN',
  0x061c: 'ARABIC LETTER MARK',
  0x200b: 'ZERO WIDTH SPACE',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

const isNoncharacter = (cp: number): boolean => (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe;
const isSurrogate = (cp: number): boolean => cp >= 0xd800 && cp <= 0xdfff;

/** Which code a character is refused with, or undefined when it is allowed. */
export function characterProblem(ch: string): RuleCode | undefined {
  const cp = ch.codePointAt(0)!;
  if (BIDI_CONTROLS.has(cp)) return 'TEXT_BIDI_CONTROL';
  if (isSurrogate(cp) || isNoncharacter(cp) || PRIVATE_USE.test(ch)) return 'TEXT_INVALID_CHARACTER';
  if (CONTROL_OR_FORMAT.test(ch) && !JOINERS.has(cp)) return 'TEXT_CONTROL_CHARACTER';
  return undefined;
}

/** U+202E (RIGHT-TO-LEFT OVERRIDE) */
function describe(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[cp] ? `${hex} (${NAMES[cp]})` : hex;
}

/** The first refused character of a text, as a finding at `path`, or undefined. */
export function textFinding(text: string, path: string): RuleIssue | undefined {
  let position = 0;
  for (const ch of text) {
    position++;
    const code = characterProblem(ch);
    if (code) return issue(code, path, `${fieldLabel(path)} holds ${describe(ch.codePointAt(0)!)} at character ${position}.`);
  }
  // Blank and empty texts are the schema's to report (pattern \S, minLength).
  if (/\S/.test(text) && !VISIBLE.test(text)) return issue('TEXT_NOT_VISIBLE', path, `${fieldLabel(path)} is ${JSON.stringify(text)}.`);
  return undefined;
}

/** Every text of the document, at any depth (codes and dates too: they are texts a verifier shows). */
export const textCharactersAllowed: Rule = (doc) => {
  const found: RuleIssue[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node === 'string') {
      const finding = textFinding(node, path);
      if (finding) found.push(finding);
    } else if (Array.isArray(node)) node.forEach((item, i) => walk(item, `${path}/${i}`));
    else if (isRecord(node)) for (const [key, value] of Object.entries(node)) walk(value, `${path}/${escapePointerToken(key)}`);
  };
  walk(doc, '');
  return found;
};
