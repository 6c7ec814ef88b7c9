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
import { CLEN_ORDER, DIST_BASE, DIST_EXTRA, END_OF_BLOCK, ITERATIONS, LENGTH_BASE, LENGTH_EXTRA, LENGTH_INDEX, WINDOW, distanceIndex } from './deflate-rfc1951.js';
import { BitWriter, canonicalCodes } from './deflate-huffman.js';
import { dataBits, dynamicHeader, type DynamicHeader } from './deflate-header.js';
import { cheapestParse, countSymbols, findMatches, fixedLengths, modelFromCounts, modelFromLengths, type Step } from './deflate-parse.js';

export { limitedCodeLengths } from './deflate-huffman.js';

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
