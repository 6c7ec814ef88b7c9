/**
 * Splits a JSON text into its skeleton and its values, and joins them back byte for byte:
 * the layout of the CP2 and CP3 QR payloads (cp3.ts).
 *
 * Why: DEFLATE finds a permit's keys in the preset dictionary, but each key between two
 * values still costs a copy of 15–20 bits, and the values of one kind (names, codes, dates)
 * lie far apart. Apart, the skeleton of a permit is a few long copies of the dictionary's
 * and the values sit together; a four-line permit comes out about 40 bytes (8 %) smaller,
 * which is a QR version.
 *
 *   skeleton  the text with every string value replaced by the byte 0x01 and every number
 *             by 0x02; keys (strings followed by ":"), punctuation, white space, true,
 *             false and null stay as they are.
 *   values    the raw text of each string value (between its quotes, escapes kept) and of
 *             each number, in order.
 *   bytes     skeleton 0x00 value 0x00 value … (UTF-8).
 *
 * JSON text never holds the bytes 0x00–0x1F raw (RFC 8259 §7: control characters in
 * strings are escaped; outside strings only white space occurs), so the markers cannot
 * clash with the text: `splitJson` refuses a text that holds one. Browser-safe.
 */

const SEPARATOR = 0x00;
const STRING_VALUE = 0x01;
const NUMBER_VALUE = 0x02;

const utf8 = new TextEncoder();
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isWhiteSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
/** Characters that may occur in a JSON number after its first character. */
const isNumberPart = (c: number) => isDigit(c) || c === 0x2e || c === 0x2b || c === 0x2d || c === 0x45 || c === 0x65;

/** Index just after the string that starts with the quote at `start`, or -1 if it is not closed. */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/**
 * The CP2 bytes of a JSON text, or undefined if the text holds a byte below 0x20 other than
 * white space, or a string that is not closed (the caller passes valid JSON; this only makes
 * sure that `joinJson` gives the very same text back).
 */
export function splitJson(text: string): Uint8Array | undefined {
  let skeleton = '';
  const values: string[] = [];
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && !isWhiteSpace(c)) return undefined;
    if (c === 0x22) {
      const end = endOfString(text, i);
      if (end < 0) return undefined;
      let next = end;
      while (next < text.length && isWhiteSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === 0x3a) {
        skeleton += text.slice(i, end);
      } else {
        skeleton += String.fromCharCode(STRING_VALUE);
        values.push(text.slice(i + 1, end - 1));
      }
      i = end;
    } else if (isDigit(c) || c === 0x2d) {
      let end = i + 1;
      while (end < text.length && isNumberPart(text.charCodeAt(end))) end++;
      skeleton += String.fromCharCode(NUMBER_VALUE);
      values.push(text.slice(i, end));
      i = end;
    } else {
      skeleton += text[i];
      i++;
    }
  }
  for (const value of values) {
    for (let k = 0; k < value.length; k++) if (value.charCodeAt(k) < 0x20) return undefined;
  }
  return utf8.encode([skeleton, ...values].join(String.fromCharCode(SEPARATOR)));
}

export type Joined = { ok: true; text: string } | { ok: false; reason: 'malformed' | 'too large' };

/**
 * The JSON text of CP2 bytes; `malformed` unless they are a skeleton and as many values as
 * it has markers, in UTF-8; `too large` if the text would be longer than `maxChars`. (A
 * marker and a separator become two quotes or nothing, so the text is never longer than the
 * bytes; the bound holds whatever this function is given.) Never throws.
 */
export function joinJson(bytes: Uint8Array, maxChars: number): Joined {
  const malformed = { ok: false, reason: 'malformed' } as const;
  let decoded: string;
  try {
    decoded = strictUtf8.decode(bytes);
  } catch {
    return malformed;
  }
  const [skeleton = '', ...values] = decoded.split(String.fromCharCode(SEPARATOR));
  let out = '';
  let next = 0;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    if (c === STRING_VALUE || c === NUMBER_VALUE) {
      const value = values[next++];
      if (value === undefined) return malformed;
      out += c === STRING_VALUE ? `"${value}"` : value;
    } else {
      out += skeleton[i];
    }
    if (out.length > maxChars) return { ok: false, reason: 'too large' };
  }
  return next === values.length ? { ok: true, text: out } : malformed;
}
