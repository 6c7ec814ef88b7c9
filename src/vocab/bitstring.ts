/**
 * W3C Bitstring Status List v1.0, the bits themselves (§3.1 BitstringStatusList, §3.2 algorithms).
 *
 * - A list holds at least 131,072 entries (16 KiB), so that one status says little about
 *   which credential it belongs to (§6.1 group privacy; §3.1 "minimum bitstring length").
 * - Index 0 is the most significant (left-most) bit of byte 0 (§3.2 "Bitstring Expansion").
 * - `encodedList` is the Multibase base64url (prefix `u`, no padding) of the GZIP-compressed
 *   bitstring. Earlier drafts and `@digitalbazaar/bitstring` omit the `u`, so decoding
 *   accepts both (w3c/vc-bitstring-status-list#178).
 *
 * Browser-safe: fflate for GZIP, base64url.ts.
 */
import { gunzipSync, gzipSync } from 'fflate';
import { decodeBase64url, encodeBase64url } from './base64url.js';

/** §3.1: the minimum number of entries in a status list. */
export const MIN_STATUS_LIST_LENGTH = 131_072;
/** Refuse lists that would inflate past this (a decompression bomb); 128 Mibit is far above any real list. */
export const MAX_STATUS_LIST_BYTES = 16 * 1024 * 1024;

export function newBitstring(length = MIN_STATUS_LIST_LENGTH): Uint8Array {
  if (!Number.isInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) {
    throw new RangeError(`a status list needs a multiple of 8 entries, at least ${MIN_STATUS_LIST_LENGTH}`);
  }
  return new Uint8Array(length / 8);
}

/** The bit at `index`: index 0 is the most significant bit of byte 0. */
export function getBit(bits: Uint8Array, index: number): boolean {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) throw new RangeError(`index ${index} is outside the list`);
  return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
}

export function setBit(bits: Uint8Array, index: number, value: boolean): void {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8) throw new RangeError(`index ${index} is outside the list`);
  const mask = 0x80 >> (index & 7);
  bits[index >> 3] = value ? bits[index >> 3]! | mask : bits[index >> 3]! & ~mask;
}

/** §3.2 "Generate Algorithm": GZIP, then Multibase base64url with its `u` prefix. */
export function encodeBitstring(bits: Uint8Array): string {
  // mtime 0: the same bits always give the same text, so ETags change only when a bit does.
  return `u${encodeBase64url(gzipSync(bits, { level: 9, mtime: 0 }))}`;
}

export type DecodedBitstring = { ok: true; bits: Uint8Array } | { ok: false; reason: string };

/** §3.2 "Bitstring Expansion Algorithm". Never throws. */
export function decodeBitstring(encoded: unknown): DecodedBitstring {
  if (typeof encoded !== 'string' || encoded.length === 0) return { ok: false, reason: 'encodedList is not text' };
  const text = encoded.startsWith('u') ? encoded.slice(1) : encoded;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return { ok: false, reason: 'encodedList is not base64url' };
  const compressed = decodeBase64url(text);
  if (compressed === undefined) return { ok: false, reason: 'encodedList is not base64url' };
  // GZIP's trailer states the inflated size (mod 2^32): refuse a bomb before inflating it.
  if (compressed.length < 18) return { ok: false, reason: 'encodedList is not GZIP data' };
  const n = compressed.length;
  const declared = (compressed[n - 4]! | (compressed[n - 3]! << 8) | (compressed[n - 2]! << 16) | (compressed[n - 1]! << 24)) >>> 0;
  if (declared > MAX_STATUS_LIST_BYTES) return { ok: false, reason: 'the status list is implausibly large' };
  let bits: Uint8Array;
  try {
    bits = gunzipSync(compressed, { out: new Uint8Array(declared) });
  } catch {
    return { ok: false, reason: 'encodedList is not valid GZIP data' };
  }
  if (bits.length !== declared) return { ok: false, reason: 'encodedList is not valid GZIP data' };
  if (bits.length * 8 < MIN_STATUS_LIST_LENGTH) {
    return { ok: false, reason: `the list has ${bits.length * 8} entries, fewer than the ${MIN_STATUS_LIST_LENGTH} the standard requires` };
  }
  return { ok: true, bits };
}
