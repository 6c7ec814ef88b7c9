/**
 * A small raw-DEFLATE (RFC 1951) encoder that spends effort on size: every match length at
 * every position is considered (the shortest distance for each length, from a full search of
 * the preset dictionary and the data), and the cheapest parse is found by dynamic programming
 * under a cost model that is re-estimated from the previous parse (the Huffman code lengths
 * of its symbols), much as zopfli does. The output is one block, dynamic or fixed Huffman,
 * whichever is smaller. All arithmetic is on integers: the same bytes on every engine.
 *
 * Why not fflate's deflateSync: for the QR payloads (about 2 KB of JSON against a 2 KB
 * dictionary) fflate level 9 is 5–10 % larger, which is a QR version or two. Any standard
 * inflater reads the output (fflate's inflateSync decodes it in the verifier; the tests also
 * check it against node:zlib). The output depends only on the input and the dictionary, so it
 * is stable: the golden vector in test/qr pins it.
 *
 * Browser-safe, no dependencies. Meant for small inputs (a permit); it works for any size but
 * its match search is quadratic in the worst case.
 */

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
/** Order in which the code-length code lengths are sent (RFC 1951 §3.2.7). */
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const MIN_MATCH = 3;
const MAX_MATCH = 258;
const WINDOW = 32768;
const LITLEN_SYMBOLS = 286;
const DIST_SYMBOLS = 30;
const END_OF_BLOCK = 256;
/** Passes of the cost-model refinement; more gain nothing measurable on permits. */
const ITERATIONS = 12;
/** Candidates examined per position (the whole window for permit-sized inputs). */
const MAX_CHAIN = 8192;

/** Length-code index (0–28) for every match length 3–258. */
const LENGTH_INDEX = (() => {
  const table = new Uint8Array(MAX_MATCH + 1);
  for (let i = 0; i < LENGTH_BASE.length; i++) {
    const end = i + 1 < LENGTH_BASE.length ? LENGTH_BASE[i + 1]! : MAX_MATCH + 1;
    for (let l = LENGTH_BASE[i]!; l < end && l <= MAX_MATCH; l++) table[l] = i;
  }
  table[MAX_MATCH] = 28;
  return table;
})();

function distanceIndex(distance: number): number {
  let i = DIST_BASE.length - 1;
  while (DIST_BASE[i]! > distance) i--;
  return i;
}

/** For one position: matches as (length, distance) steps; lengths up to `lengths[k]` use `distances[k]`. */
interface Matches {
  lengths: number[];
  distances: number[];
}

/** The shortest distance for every match length at every position of `data`, searching `dictionary` too. */
function findMatches(window: Uint8Array, start: number): (Matches | undefined)[] {
  const n = window.length;
  const head = new Int32Array(1 << 15).fill(-1);
  const prev = new Int32Array(n).fill(-1);
  const hash = (p: number) => ((window[p]! << 10) ^ (window[p + 1]! << 5) ^ window[p + 2]!) & 0x7fff;
  const insert = (p: number) => {
    if (p + MIN_MATCH > n) return;
    const h = hash(p);
    prev[p] = head[h]!;
    head[h] = p;
  };
  for (let p = 0; p < start; p++) insert(p);
  const result: (Matches | undefined)[] = new Array(n - start);
  for (let p = start; p < n; p++) {
    const maxLength = Math.min(MAX_MATCH, n - p);
    if (maxLength >= MIN_MATCH) {
      const lengths: number[] = [];
      const distances: number[] = [];
      let best = MIN_MATCH - 1;
      let chain = 0;
      for (let q = head[hash(p)]!; q >= 0 && p - q <= WINDOW && chain < MAX_CHAIN; q = prev[q]!, chain++) {
        if (window[q + best] !== window[p + best]) continue;
        let length = 0;
        while (length < maxLength && window[q + length] === window[p + length]) length++;
        if (length > best) {
          lengths.push(length);
          distances.push(p - q);
          best = length;
          if (best === maxLength) break;
        }
      }
      if (lengths.length > 0) result[p - start] = { lengths, distances };
    }
    insert(p);
  }
  return result;
}

/** One step of a parse: a literal (distance 0) or a match. */
interface Step {
  length: number;
  distance: number;
}

interface CostModel {
  litlen: Float64Array;
  dist: Float64Array;
}

function fixedLengths(): { litlen: Uint8Array; dist: Uint8Array } {
  const litlen = new Uint8Array(288);
  for (let s = 0; s < 288; s++) litlen[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  return { litlen, dist: new Uint8Array(DIST_SYMBOLS).fill(5) };
}

function modelFromLengths(litlen: Uint8Array, dist: Uint8Array): CostModel {
  return { litlen: Float64Array.from(litlen.subarray(0, LITLEN_SYMBOLS)), dist: Float64Array.from(dist) };
}

/**
 * Costs in whole bits from symbol counts: the lengths of the Huffman code for them; a symbol
 * not used yet costs 16. Integers only, so that the output is the same on every JavaScript
 * engine (Math.log2 is not required to round the same everywhere).
 */
function modelFromCounts(counts: { litlen: Uint32Array; dist: Uint32Array }): CostModel {
  const litlen = limitedCodeLengths(counts.litlen, 15);
  const dist = limitedCodeLengths(counts.dist, 15);
  return { litlen: Float64Array.from(litlen, (v) => v || 16), dist: Float64Array.from(dist, (v) => v || 16) };
}

/** The cheapest parse of data (positions `start`.. of the window) under `model`. */
function cheapestParse(window: Uint8Array, start: number, matches: (Matches | undefined)[], model: CostModel): Step[] {
  const n = window.length - start;
  const cost = new Float64Array(n + 1).fill(Infinity);
  const stepLength = new Uint16Array(n + 1);
  const stepDistance = new Uint16Array(n + 1);
  cost[0] = 0;
  const lengthCost = new Float64Array(MAX_MATCH + 1);
  for (let l = MIN_MATCH; l <= MAX_MATCH; l++) {
    const i = LENGTH_INDEX[l]!;
    lengthCost[l] = model.litlen[257 + i]! + LENGTH_EXTRA[i]!;
  }
  for (let i = 0; i < n; i++) {
    const here = cost[i]!;
    const literal = here + model.litlen[window[start + i]!]!;
    if (literal < cost[i + 1]!) {
      cost[i + 1] = literal;
      stepLength[i + 1] = 1;
      stepDistance[i + 1] = 0;
    }
    const m = matches[i];
    if (!m) continue;
    let length = MIN_MATCH;
    for (let k = 0; k < m.lengths.length; k++) {
      const distance = m.distances[k]!;
      const di = distanceIndex(distance);
      const distCost = model.dist[di]! + DIST_EXTRA[di]!;
      for (; length <= m.lengths[k]!; length++) {
        const c = here + lengthCost[length]! + distCost;
        if (c < cost[i + length]!) {
          cost[i + length] = c;
          stepLength[i + length] = length;
          stepDistance[i + length] = distance;
        }
      }
    }
  }
  const steps: Step[] = [];
  for (let i = n; i > 0; i -= stepLength[i]!) steps.push({ length: stepLength[i]!, distance: stepDistance[i]! });
  return steps.reverse();
}

function countSymbols(window: Uint8Array, start: number, steps: Step[]): { litlen: Uint32Array; dist: Uint32Array } {
  const litlen = new Uint32Array(LITLEN_SYMBOLS);
  const dist = new Uint32Array(DIST_SYMBOLS);
  let p = start;
  for (const s of steps) {
    if (s.distance === 0) litlen[window[p]!]!++;
    else {
      litlen[257 + LENGTH_INDEX[s.length]!]!++;
      dist[distanceIndex(s.distance)]!++;
    }
    p += s.length;
  }
  litlen[END_OF_BLOCK] = 1;
  return { litlen, dist };
}

/** Huffman code lengths limited to `maxBits` (package-merge), deterministic for equal weights. */
export function limitedCodeLengths(freqs: ArrayLike<number>, maxBits: number): Uint8Array {
  const lengths = new Uint8Array(freqs.length);
  const leaves: { weight: number; symbols: number[] }[] = [];
  for (let s = 0; s < freqs.length; s++) if (freqs[s]! > 0) leaves.push({ weight: freqs[s]!, symbols: [s] });
  if (leaves.length === 0) return lengths;
  if (leaves.length === 1) {
    lengths[leaves[0]!.symbols[0]!] = 1;
    return lengths;
  }
  if (leaves.length > 1 << maxBits) throw new RangeError('too many symbols for the code length limit');
  leaves.sort((a, b) => a.weight - b.weight || a.symbols[0]! - b.symbols[0]!);
  let list = leaves;
  for (let level = 1; level < maxBits; level++) {
    const packages: { weight: number; symbols: number[] }[] = [];
    for (let i = 0; i + 1 < list.length; i += 2) {
      packages.push({ weight: list[i]!.weight + list[i + 1]!.weight, symbols: list[i]!.symbols.concat(list[i + 1]!.symbols) });
    }
    // Merge leaves and packages by weight; a leaf goes first on a tie (stable and deterministic).
    const merged: { weight: number; symbols: number[] }[] = [];
    let a = 0;
    let b = 0;
    while (a < leaves.length || b < packages.length) {
      if (b >= packages.length || (a < leaves.length && leaves[a]!.weight <= packages[b]!.weight)) merged.push(leaves[a++]!);
      else merged.push(packages[b++]!);
    }
    list = merged;
  }
  for (let i = 0; i < 2 * leaves.length - 2; i++) for (const s of list[i]!.symbols) lengths[s]!++;
  return lengths;
}

/** Canonical codes (RFC 1951 §3.2.2), bit-reversed for the LSB-first bit stream. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const maxBits = Math.max(0, ...lengths);
  const blCount = new Uint16Array(maxBits + 1);
  for (const l of lengths) if (l) blCount[l]!++;
  const next = new Uint16Array(maxBits + 2);
  let code = 0;
  for (let bits = 1; bits <= maxBits; bits++) {
    code = (code + blCount[bits - 1]!) << 1;
    next[bits] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const l = lengths[s]!;
    if (!l) continue;
    let c = next[l]!++;
    let reversed = 0;
    for (let i = 0; i < l; i++) {
      reversed = (reversed << 1) | (c & 1);
      c >>= 1;
    }
    codes[s] = reversed;
  }
  return codes;
}

class BitWriter {
  private bytes: number[] = [];
  private buffer = 0;
  private count = 0;
  write(value: number, bits: number): void {
    for (let i = 0; i < bits; i++) {
      this.buffer |= ((value >>> i) & 1) << this.count;
      if (++this.count === 8) {
        this.bytes.push(this.buffer);
        this.buffer = 0;
        this.count = 0;
      }
    }
  }
  finish(): Uint8Array {
    if (this.count > 0) this.bytes.push(this.buffer);
    return Uint8Array.from(this.bytes);
  }
}

interface DynamicHeader {
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

/** At least two used codes, so that every tree is complete (zlib does the same). */
function atLeastTwo(counts: Uint32Array): Uint32Array {
  const c = Uint32Array.from(counts);
  let used = c.reduce((k, v) => k + (v > 0 ? 1 : 0), 0);
  for (let s = 0; used < 2 && s < c.length; s++) {
    if (c[s] === 0) {
      c[s] = 1;
      used++;
    }
  }
  return c;
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
function dynamicHeader(counts: { litlen: Uint32Array; dist: Uint32Array }): DynamicHeader & { total: number } {
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
function dataBits(counts: { litlen: Uint32Array; dist: Uint32Array }, litlen: Uint8Array, dist: Uint8Array): number {
  let bits = 0;
  for (let s = 0; s < LITLEN_SYMBOLS; s++) bits += counts.litlen[s]! * (litlen[s]! + (s > 256 ? LENGTH_EXTRA[s - 257]! : 0));
  for (let s = 0; s < DIST_SYMBOLS; s++) bits += counts.dist[s]! * (dist[s]! + DIST_EXTRA[s]!);
  return bits;
}

function writeBlock(window: Uint8Array, start: number, steps: Step[], litlen: Uint8Array, dist: Uint8Array, header?: DynamicHeader): Uint8Array {
  const out = new BitWriter();
  out.write(1, 1); // BFINAL
  if (header) {
    out.write(2, 2);
    out.write(header.hlit - 257, 5);
    out.write(header.hdist - 1, 5);
    out.write(header.hclen - 4, 4);
    for (let i = 0; i < header.hclen; i++) out.write(header.clen[CLEN_ORDER[i]!]!, 3);
    const clenCodes = canonicalCodes(header.clen);
    for (const [s, extra] of header.rle) {
      out.write(clenCodes[s]!, header.clen[s]!);
      if (s === 16) out.write(extra, 2);
      else if (s === 17) out.write(extra, 3);
      else if (s === 18) out.write(extra, 7);
    }
  } else {
    out.write(1, 2);
  }
  const litCodes = canonicalCodes(litlen);
  const distCodes = canonicalCodes(dist);
  let p = start;
  for (const step of steps) {
    if (step.distance === 0) {
      const b = window[p]!;
      out.write(litCodes[b]!, litlen[b]!);
    } else {
      const li = LENGTH_INDEX[step.length]!;
      out.write(litCodes[257 + li]!, litlen[257 + li]!);
      out.write(step.length - LENGTH_BASE[li]!, LENGTH_EXTRA[li]!);
      const di = distanceIndex(step.distance);
      out.write(distCodes[di]!, dist[di]!);
      out.write(step.distance - DIST_BASE[di]!, DIST_EXTRA[di]!);
    }
    p += step.length;
  }
  out.write(litCodes[END_OF_BLOCK]!, litlen[END_OF_BLOCK]!);
  return out.finish();
}

/** Raw DEFLATE of `data`, optionally against a preset dictionary (the inflater must be given the same one). */
export function deflateRawOptimal(data: Uint8Array, dictionary: Uint8Array = new Uint8Array(0)): Uint8Array {
  const dict = dictionary.length > WINDOW ? dictionary.subarray(dictionary.length - WINDOW) : dictionary;
  const window = new Uint8Array(dict.length + data.length);
  window.set(dict, 0);
  window.set(data, dict.length);
  const start = dict.length;
  const matches = findMatches(window, start);

  const fixed = fixedLengths();
  const fixedSteps = cheapestParse(window, start, matches, modelFromLengths(fixed.litlen, fixed.dist));
  const fixedCounts = countSymbols(window, start, fixedSteps);
  const fixedBits = 3 + dataBits(fixedCounts, fixed.litlen, fixed.dist);

  let bestSteps = fixedSteps;
  let bestHeader = dynamicHeader(fixedCounts);
  let bestBits = bestHeader.total;
  let model = modelFromCounts(fixedCounts);
  for (let i = 0; i < ITERATIONS; i++) {
    const steps = cheapestParse(window, start, matches, model);
    const counts = countSymbols(window, start, steps);
    const header = dynamicHeader(counts);
    const bits = header.total;
    if (bits < bestBits) {
      bestBits = bits;
      bestSteps = steps;
      bestHeader = header;
    }
    model = modelFromCounts(counts);
  }
  if (fixedBits <= bestBits) return writeBlock(window, start, fixedSteps, fixed.litlen, fixed.dist);
  return writeBlock(window, start, bestSteps, bestHeader.litlen, bestHeader.dist, bestHeader);
}
