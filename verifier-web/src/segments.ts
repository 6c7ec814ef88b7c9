/**
 * Text with values kept apart from the words around them. A value taken from a permit
 * (a name, an address, a port) may hold right-to-left text or an unterminated bidi
 * override (U+202E); shown inline it could reverse the sentence around it (Unicode
 * Standard Annex #9, §2.4 and §2.7). The page renders every value segment in its own
 * `<bdi>` (HTML §4.5.24: an isolate with direction from its content), so nothing inside
 * leaks out. Pure: no DOM.
 */
export type Segment = string | { value: string };

export type Segments = Segment[];

/** Replaces `{name}` placeholders by value segments (a Segments value is inlined as it is). */
export function fillSegments(template: string, vars: Record<string, string | number | Segments> = {}): Segments {
  const out: Segments = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1]!;
    if (!(name in vars)) continue;
    if (match.index > last) out.push(template.slice(last, match.index));
    const v = vars[name]!;
    if (Array.isArray(v)) out.push(...v);
    else out.push({ value: String(v) });
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/** The plain text of segments (for tests and for attributes). */
export const segmentsText = (segments: Segments): string => segments.map((s) => (typeof s === 'string' ? s : s.value)).join('');
