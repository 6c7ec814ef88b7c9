/**
 * The fixed tables of raw DEFLATE (RFC 1951 §3.2.5, §3.2.7) and the limits of this encoder
 * (src/qr/deflate.ts), shared by its parser, its Huffman coding and its block writer.
 */

export const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
export const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
export const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
export const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which the code-length code lengths are sent (RFC 1951 §3.2.7). */
export const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

export const MIN_MATCH = 3;
export const MAX_MATCH = 258;
export const WINDOW = 32768;
export const LITLEN_SYMBOLS = 286;
export const DIST_SYMBOLS = 30;
export const END_OF_BLOCK = 256;
/** Passes of the cost-model refinement; more gain nothing measurable on permits. */
export const ITERATIONS = 12;
/** Candidates examined per position (the whole window for permit-sized inputs). */
export const MAX_CHAIN = 8192;

/** Length-code index (0–28) for every match length 3–258. */
export const LENGTH_INDEX = (() => {
  const table = new Uint8Array(MAX_MATCH + 1);
  for (let i = 0; i < LENGTH_BASE.length; i++) {
    const end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1]! : MAX_MATCH + 1;
    for (let l = LENGTH_BASE[i]!; l < end && l <= MAX_MATCH; l++) table[l] = i;
  }
  table[MAX_MATCH] = 28;
  return table;
})();

export function distanceIndex(distance: number): number {
  let i = DIST_BASE.length - 1;
  while (DIST_BASE[i]! > distance) i--;
  return i;
}
