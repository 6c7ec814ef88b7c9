/**
 * Base64url without padding (RFC 4648 §5; RFC 7515 §2 "Base64url Encoding"), the one copy
 * every layer uses: JWS parts, JWK `x` values, status-list bits and the QR codec.
 *
 * Built on the platform's `atob` and `btoa`, which Node 20 and every browser have, so it
 * loads nothing. `atob` skips whitespace and accepts padding, so the alphabet is checked
 * first; the canonical form (unused trailing bits zero, RFC 4648 §3.5) is checked where one
 * value must have one spelling (JWS parts, keys, QR payloads).
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const BASE64URL_TEXT = /^[A-Za-z0-9_-]*$/;
/** Bytes per `String.fromCharCode` call: far below any engine's argument limit. */
const CHUNK = 0x8000;

export function encodeBase64url(bytes: Uint8Array): string {
  let binary = '';
  // `apply` takes the typed array as it is; a spread (`...bytes`) runs the iterator, about 4×
  // slower in V8 for a permit's 3 KB, and this encoder rebuilds every JWT a QR code carries.
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode.apply(null, bytes.subarray(i, i + CHUNK) as unknown as number[]);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes unpadded base64url; undefined for any other character or an impossible length. */
export function decodeBase64url(text: string): Uint8Array | undefined {
  if (typeof text !== 'string' || !BASE64URL_TEXT.test(text) || text.length % 4 === 1) return undefined;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Decodes canonical unpadded base64url only: the unused bits of the last character must be zero (RFC 4648 §3.5). */
export function decodeBase64urlCanonical(text: string): Uint8Array | undefined {
  if (typeof text !== 'string') return undefined;
  const rest = text.length % 4;
  if (rest === 2 || rest === 3) {
    // 2 leftover characters carry 1 byte and 4 unused bits, 3 carry 2 bytes and 2 unused bits.
    const last = ALPHABET.indexOf(text[text.length - 1]!);
    if (last < 0 || (last & (rest === 2 ? 0x0f : 0x03)) !== 0) return undefined;
  }
  return decodeBase64url(text);
}
