/**
 * The parse of the DEFLATE encoder (src/qr/deflate.ts): every match length at every position
 * (the shortest distance for each, from a full search of the dictionary and the data), and the
 * cheapest sequence of literals and matches under a cost model in whole bits.
 */
import { DIST_EXTRA, DIST_SYMBOLS, distanceIndex, END_OF_BLOCK, LENGTH_EXTRA, LENGTH_INDEX, LITLEN_SYMBOLS, MAX_CHAIN, MAX_MATCH, MIN_MATCH, WINDOW } from './deflate-rfc1951.js';
import { limitedCodeLengths } from './deflate-huffman.js';

/** For one position: matches as (length, distance) steps; lengths up to `lengths[k]` use `distances[k]`. */
export interface Matches {
  lengths: number[];
  distances: number[];
}

/** The shortest distance for every match length at every position of `data`, searching `dictionary` too. */
export function findMatches(window: Uint8Array, start: number): (Matches | undefined)[] {
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
export interface Step {
  length: number;
  distance: number;
}

export interface CostModel {
  litlen: Float64Array;
  dist: Float64Array;
}

export function fixedLengths(): { litlen: Uint8Array; dist: Uint8Array } {
  const litlen = new Uint8Array(288);
  for (let s = 0; s < 288; s++) litlen[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  return { litlen, dist: new Uint8Array(DIST_SYMBOLS).fill(5) };
}

export function modelFromLengths(litlen: Uint8Array, dist: Uint8Array): CostModel {
  return { litlen: Float64Array.from(litlen.subarray(0, LITLEN_SYMBOLS)), dist: Float64Array.from(dist) };
}

/**
 * Costs in whole bits from symbol counts: the lengths of the Huffman code for them; a symbol
 * not used yet costs 16. Integers only, so that the output is the same on every JavaScript
 * engine (Math.log2 is not required to round the same everywhere).
 */
export function modelFromCounts(counts: { litlen: Uint32Array; dist: Uint32Array }): CostModel {
  const litlen = limitedCodeLengths(counts.litlen, 15);
  const dist = limitedCodeLengths(counts.dist, 15);
  return { litlen: Float64Array.from(litlen, (v) => v || 16), dist: Float64Array.from(dist, (v) => v || 16) };
}

/** The cheapest parse of data (positions `start`.. of the window) under `model`. */
export function cheapestParse(window: Uint8Array, start: number, matches: (Matches | undefined)[], model: CostModel): Step[] {
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

export function countSymbols(window: Uint8Array, start: number, steps: Step[]): { litlen: Uint32Array; dist: Uint32Array } {
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
