/**
 * Strict parsing of a JWS in compact serialization (RFC 7515 §7.1).
 *
 * The parser only splits and decodes; it proves nothing. `verify.ts` reads the
 * header to choose the key and reads the payload only after the signature (`signature.ts`) has
 * checked the signature over these exact bytes.
 *
 * Strictness, each to close a way of sending the same or a confusing token:
 * - exactly three parts, base64url alphabet only, no padding, no whitespace
 *   (RFC 7515 §2 "Base64url Encoding": padding omitted, no line breaks), checked by
 *   src/vocab/base64url.ts before `atob`, which would skip spaces;
 * - canonical base64url: unused trailing bits must be zero (RFC 4648 §3.5), so one
 *   signature cannot be spelled several ways;
 * - UTF-8 is decoded fatally and a byte-order mark is kept, so JSON.parse rejects it
 *   (RFC 8259 §8.1 forbids adding one);
 * - header and payload must be JSON objects (RFC 7515 §4, RFC 7519 §7.2 step 10).
 */
import { decodeBase64urlCanonical } from '../vocab/base64url.js';
import { MAX_CREDENTIAL_CHARS } from '../vocab/limits.js';

/** Upper bound on the input we are willing to decode (src/vocab/limits.ts). A permit VC-JWT is about 1.5 kB. */
export const MAX_JWS_LENGTH = MAX_CREDENTIAL_CHARS;

export interface ParsedJws {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signature: Uint8Array;
}

export type JwsParseResult = { ok: true; jws: ParsedJws } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes canonical, unpadded base64url; undefined for anything else. */
export function decodeBase64urlStrict(part: string): Uint8Array | undefined {
  return decodeBase64urlCanonical(part);
}

function decodeJsonObject(part: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64urlStrict(part);
  if (bytes === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value as Record<string, unknown>;
}

/**
 * Parses a compact JWS. Never throws.
 * @example
 * const r = parseCompactJws(token);
 * if (r.ok) console.log(r.jws.header.alg);
 */
export function parseCompactJws(input: unknown): JwsParseResult {
  if (typeof input !== 'string') return { ok: false, reason: 'The input is not text.' };
  if (input.length > MAX_JWS_LENGTH) return { ok: false, reason: 'The input is too long.' };
  const parts = input.split('.');
  if (parts.length !== 3) return { ok: false, reason: `Expected 3 parts separated by dots, found ${parts.length}.` };
  const [h, p, s] = parts as [string, string, string];
  const header = decodeJsonObject(h);
  if (header === undefined) return { ok: false, reason: 'The header is not a base64url-encoded JSON object.' };
  const payload = decodeJsonObject(p);
  if (payload === undefined) return { ok: false, reason: 'The payload is not a base64url-encoded JSON object.' };
  const signature = decodeBase64urlStrict(s);
  if (signature === undefined) return { ok: false, reason: 'The signature is not base64url.' };
  return { ok: true, jws: { header, payload, signature } };
}
