/**
 * Byte helpers the QR layers share: UTF-8 (strict on reading, so a payload has one spelling),
 * JSON objects from bytes, hex, UUIDs as their 16 bytes, and concatenation. Base64url is
 * src/vocab/base64url.ts, the one copy every layer uses. Browser-safe.
 */

export const utf8 = new TextEncoder();
/** Refuses bytes that are not UTF-8 (WHATWG Encoding §4.2 "fatal") and keeps a BOM as text. */
export const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The JSON object the bytes hold as strict UTF-8; undefined for anything else. */
export function jsonObject(bytes: Uint8Array): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(strictUtf8.decode(bytes));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const toHex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

export const UUID_BYTES = 16;
const UUID_TEXT = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The 16 bytes of a lower-case UUID text (8-4-4-4-12 hex, RFC 9562 §4), or undefined. */
export function uuidBytes(uuid: string | undefined): Uint8Array | undefined {
  if (uuid === undefined || !UUID_TEXT.test(uuid)) return undefined;
  const hex = uuid.replaceAll('-', '');
  return Uint8Array.from({ length: UUID_BYTES }, (_, i) => parseInt(hex.slice(2 * i, 2 * i + 2), 16));
}

/** 16 bytes as a lower-case UUID text. */
export function uuidText(bytes: Uint8Array): string {
  const h = toHex(bytes);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
