/**
 * Base43: bytes as text that is both QR-alphanumeric and safe, unescaped, in a URL fragment.
 *
 * The alphabet is RFC 9285 Base45's without space and "%" (neither may stand unescaped in a
 * URL), in the same order:
 *
 *   0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:
 *
 * QR alphanumeric mode stores 2 characters in 11 bits. Bytes are taken in blocks of 21: a
 * block is a 168-bit big-endian number, written as 31 base-43 digits, most significant
 * first (43^31 ≥ 2^168). A last, shorter block of r bytes takes the fewest digits that can
 * hold 8·r bits (1 byte → 2, 2 → 3, 3 → 5, …, 20 → 30). That is 1.476 characters a byte,
 * 8.12 QR bits a byte, against 1.6 characters (8.8 bits) for RFC 4648 Base32 and 1.5
 * (8.25 bits) for Base45's 2-bytes-in-3 grouping: one QR version less on a permit.
 *
 * Decoding is strict: an unknown character, a length no block size gives, or a block whose
 * value does not fit its bytes is refused, so every text decodes to at most one byte string
 * and every byte string has exactly one text. Letters may come in lower case (the alphabet
 * has none, so nothing is lost).
 *
 * Browser-safe; small-integer arithmetic only.
 */

export const BASE43_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ$*+-./:';
const RADIX = 43;
const BLOCK_BYTES = 21;
const BLOCK_CHARS = 31;

const DIGIT = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < BASE43_ALPHABET.length; i++) {
    table[BASE43_ALPHABET.charCodeAt(i)] = i;
    const lower = BASE43_ALPHABET[i]!.toLowerCase();
    if (lower !== BASE43_ALPHABET[i]) table[lower.charCodeAt(0)] = i;
  }
  return table;
})();

/**
 * Characters for a block of n bytes (index 0–21): the fewest digits d with 43^d ≥ 256^n
 * (test/qr/base43.test.ts recomputes it with BigInt).
 */
export const CHARS_FOR_BYTES: readonly number[] = [0, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 23, 24, 26, 27, 29, 30, 31];

/** Bytes of a short last block, by its number of characters (undefined: no block has that length). */
const BYTES_FOR_CHARS: ReadonlyMap<number, number> = new Map(CHARS_FOR_BYTES.slice(0, BLOCK_BYTES).map((chars, bytes) => [chars, bytes]));

/** Length of the Base43 text of `byteLength` bytes. */
export function base43Length(byteLength: number): number {
  return Math.floor(byteLength / BLOCK_BYTES) * BLOCK_CHARS + CHARS_FOR_BYTES[byteLength % BLOCK_BYTES]!;
}

export function encodeBase43(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += BLOCK_BYTES) {
    // The block as a big-endian number, divided by 43 again and again: the remainders are the digits.
    const block = Array.from(bytes.subarray(start, start + BLOCK_BYTES));
    const digits = new Array<string>(CHARS_FOR_BYTES[block.length]!);
    for (let i = digits.length - 1; i >= 0; i--) {
      let remainder = 0;
      for (let j = 0; j < block.length; j++) {
        const value = remainder * 256 + block[j]!;
        block[j] = Math.floor(value / RADIX);
        remainder = value % RADIX;
      }
      digits[i] = BASE43_ALPHABET[remainder]!;
    }
    text += digits.join('');
  }
  return text;
}

/** The bytes of a Base43 text, or undefined when it is not a valid Base43 text. */
export function decodeBase43(text: string): Uint8Array | undefined {
  const tail = text.length % BLOCK_CHARS;
  const tailBytes = BYTES_FOR_CHARS.get(tail);
  if (tailBytes === undefined) return undefined;
  const out = new Uint8Array(((text.length - tail) / BLOCK_CHARS) * BLOCK_BYTES + tailBytes);
  let at = 0;
  for (let start = 0; start < text.length; start += BLOCK_CHARS) {
    const end = Math.min(start + BLOCK_CHARS, text.length);
    const byteCount = end - start === BLOCK_CHARS ? BLOCK_BYTES : tailBytes;
    // value = value · 43 + digit, on the block's bytes (big-endian); a carry out of the top byte means it does not fit.
    for (let i = start; i < end; i++) {
      const code = text.charCodeAt(i);
      let carry = code < 128 ? DIGIT[code]! : -1;
      if (carry < 0) return undefined;
      for (let j = at + byteCount - 1; j >= at; j--) {
        const value = out[j]! * RADIX + carry;
        out[j] = value & 0xff;
        carry = value >>> 8;
      }
      if (carry !== 0) return undefined;
    }
    at += byteCount;
  }
  return out;
}
