/**
 * The header of a dynamic-Huffman DEFLATE block (RFC 1951 §3.2.7) for the encoder of
 * src/qr/deflate.ts: the code lengths, run-length coded, in whichever of the ways to use the
 * repeat codes costs the fewest bits, and the size of the data they code.
 */
import { CLEN_ORDER, DIST_EXTRA, DIST_SYMBOLS, LENGTH_EXTRA, LITLEN_SYMBOLS } from './deflate-rfc1951.js';
import { atLeastTwo, limitedCodeLengths } from './deflate-huffman.js';

export interface DynamicHeader {
  litlen: Uint8Array;
  dist: Uint8Array;
  hlit: number;
  hdist: number;
  clen: Uint8Array;
  hclen: number;
  /** Run-length coded code lengths: [symbol, extra bits value]. */
  rle: [number, number][];
  bits: number;
}

/** Run-length codes of a code-length sequence (RFC 1951 §3.2.7), with or without each of the repeat codes. */
function runLengths(sequence: number[], use16: boolean, use17: boolean, use18: boolean): [number, number][] {
  const rle: [number, number][] = [];
  for (let i = 0; i < sequence.length; ) {
    const value = sequence[i]!;
    let run = 1;
    while (i + run < sequence.length && sequence[i + run] === value) run++;
    i += run;
    if (value === 0 && (use17 || use18)) {
      while (use18 && run >= 11) {
        const r = Math.min(run, 138);
        rle.push([18, r - 11]);
        run -= r;
      }
      while (use17 && run >= 3) {
        const r = Math.min(run, 10);
        rle.push([17, r - 3]);
        run -= r;
      }
    } else if (use16 && run >= 4) {
      rle.push([value, 0]);
      run--;
      while (run >= 3) {
        const r = Math.min(run, 6);
        rle.push([16, r - 3]);
        run -= r;
      }
    }
    for (; run > 0; run--) rle.push([value, 0]);
  }
  return rle;
}

/**
 * Counts smoothed so that neighbouring symbols get equal code lengths, which the run-length
 * coded header stores more cheaply (zopfli's OptimizeHuffmanForRle). The caller keeps
 * whichever of the plain and the smoothed codes is smaller in total.
 */
function smoothForRle(input: Uint32Array): Uint32Array {
  const counts = Uint32Array.from(input);
  let length = counts.length;
  while (length > 0 && counts[length - 1] === 0) length--;
  if (length === 0) return counts;
  // 1. Keep runs that already code well: 5+ zeros, 7+ equal non-zeros.
  const good = new Uint8Array(length);
  let symbol = counts[0]!;
  let stride = 0;
  for (let i = 0; i <= length; i++) {
    if (i === length || counts[i] !== symbol) {
      if ((symbol === 0 && stride >= 5) || (symbol !== 0 && stride >= 7)) for (let k = 0; k < stride; k++) good[i - k - 1] = 1;
      stride = 1;
      if (i !== length) symbol = counts[i]!;
    } else stride++;
  }
  // 2. Replace runs of similar counts by their average.
  stride = 0;
  let limit = counts[0]!;
  let sum = 0;
  for (let i = 0; i <= length; i++) {
    if (i === length || good[i] || Math.abs(counts[i]! - limit) >= 4) {
      if (stride >= 4 || (stride >= 3 && sum === 0)) {
        const count = sum === 0 ? 0 : Math.max(1, Math.floor((sum + Math.floor(stride / 2)) / stride));
        for (let k = 0; k < stride; k++) counts[i - k - 1] = count;
      }
      stride = 0;
      sum = 0;
      if (i < length - 3) limit = Math.floor((counts[i]! + counts[i + 1]! + counts[i + 2]! + counts[i + 3]! + 2) / 4);
      else if (i < length) limit = counts[i]!;
      else limit = 0;
    }
    stride++;
    if (i !== length) sum += counts[i]!;
  }
  return counts;
}

function headerFor(litlen: Uint8Array, dist: Uint8Array): DynamicHeader {
  let hlit = LITLEN_SYMBOLS;
  while (hlit > 257 && litlen[hlit - 1] === 0) hlit--;
  let hdist = DIST_SYMBOLS;
  while (hdist > 1 && dist[hdist - 1] === 0) hdist--;
  const sequence = [...litlen.subarray(0, hlit), ...dist.subarray(0, hdist)];
  const extraBits = (s: number) => (s === 16 ? 2 : s === 17 ? 3 : s === 18 ? 7 : 0);
  let best: DynamicHeader | undefined;
  // The cheapest of the eight ways to use the repeat codes (as zopfli does).
  for (let variant = 0; variant < 8; variant++) {
    const rle = runLengths(sequence, (variant & 1) !== 0, (variant & 2) !== 0, (variant & 4) !== 0);
    const clenCounts = new Uint32Array(19);
    for (const [s] of rle) clenCounts[s]!++;
    const clen = limitedCodeLengths(atLeastTwo(clenCounts), 7);
    let hclen = 19;
    while (hclen > 4 && clen[CLEN_ORDER[hclen - 1]!] === 0) hclen--;
    let bits = 3 + 5 + 5 + 4 + 3 * hclen;
    for (const [s] of rle) bits += clen[s]! + extraBits(s);
    if (!best || bits < best.bits) best = { litlen, dist, hlit, hdist, clen, hclen, rle, bits };
  }
  return best!;
}

/** The dynamic-block header (and its total size, with the data) that codes `counts` in the fewest bits. */
export function dynamicHeader(counts: { litlen: Uint32Array; dist: Uint32Array }): DynamicHeader & { total: number } {
  const plain = { litlen: atLeastTwo(counts.litlen), dist: atLeastTwo(counts.dist) };
  const smooth = { litlen: smoothForRle(plain.litlen), dist: smoothForRle(plain.dist) };
  let best: (DynamicHeader & { total: number }) | undefined;
  for (const litlenCounts of [plain.litlen, smooth.litlen]) {
    for (const distCounts of [plain.dist, smooth.dist]) {
      const header = headerFor(limitedCodeLengths(litlenCounts, 15), limitedCodeLengths(distCounts, 15));
      const total = header.bits + dataBits(counts, header.litlen, header.dist);
      if (!best || total < best.total) best = { ...header, total };
    }
  }
  return best!;
}

/** Bits of the block's data (not its header) with the given code lengths. */
export function dataBits(counts: { litlen: Uint32Array; dist: Uint32Array }, litlen: Uint8Array, dist: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < LITLEN_SYMBOLS; s++) bits += counts.litlen[s]! * (litlen[s]! + (s > 256 ? LENGTH_EXTRA[s - 257]! : 0));
  for (let s = 0; s < DIST_SYMBOLS; s++) bits += counts.dist[s]! * (dist[s]! + DIST_EXTRA[s]!);
  return bits;
}
