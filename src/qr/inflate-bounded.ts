/**
 * Raw DEFLATE (RFC 1951) with a preset dictionary, inflated with a bound: a QR payload is
 * read whatever it is given, so a decompression bomb must cost neither memory nor time.
 * Browser-safe.
 */
import { Inflate } from 'fflate';
import { QR_MAX_INFLATED_BYTES } from '../vocab/limits.js';
import { qrError, type QrError } from './codes.js';

/** The most bytes a QR payload inflates to (src/vocab/limits.ts). */
export const MAX_INFLATED_BYTES = QR_MAX_INFLATED_BYTES;

/**
 * Compressed bytes given to the inflater at a time: 64 at first, doubling up to 1024, so a
 * permit takes a few steps and at most about 1 MB (1024 × DEFLATE's 1032:1) comes out of
 * the step in which a bomb passes the limit.
 */
const INFLATE_FIRST_STEP = 64;
const INFLATE_MAX_STEP = 1024;
let inflateBuffer: Uint8Array | undefined;

/**
 * Inflates with a preset dictionary, a few bytes at a time, keeping a running total: it
 * stops as soon as the output would pass MAX_INFLATED_BYTES, so a decompression bomb costs
 * neither memory (a 32 KiB buffer plus fflate's window) nor time.
 */
export function inflateBounded(data: Uint8Array, dictionary: Uint8Array): Uint8Array | QrError {
  // One output buffer for all calls (this runs synchronously, so calls never overlap); the result is copied out.
  const out = (inflateBuffer ??= new Uint8Array(MAX_INFLATED_BYTES));
  let length = 0;
  let tooLarge = false;
  let ended = false;
  const inflater = new Inflate({ dictionary }, (chunk, final) => {
    if (tooLarge) return;
    if (length + chunk.length > MAX_INFLATED_BYTES) {
      tooLarge = true;
      return;
    }
    out.set(chunk, length);
    length += chunk.length;
    ended = final;
  });
  try {
    for (let at = 0, step = INFLATE_FIRST_STEP; at < data.length && !tooLarge; at += step, step = Math.min(2 * step, INFLATE_MAX_STEP)) {
      const end = Math.min(at + step, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
    }
  } catch {
    if (!tooLarge) return qrError('QR_MALFORMED', 'the compressed data is corrupt or cut short');
  }
  if (tooLarge) return qrError('QR_TOO_LARGE', `more than ${MAX_INFLATED_BYTES} bytes`);
  if (!ended) return qrError('QR_MALFORMED', 'the compressed data is cut short');
  return out.slice(0, length);
}
