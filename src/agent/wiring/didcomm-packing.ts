/**
 * What a received message is, read from its outside before anything is decrypted: only a
 * DIDComm v2 authcrypt message passes (DIDComm Messaging v2, "Sender Authenticated Encryption":
 * a JWE in the general JSON serialization, RFC 7516 §7.2.1, whose protected header names the
 * sender's key in `skid`, with ECDH-1PU key agreement and A256CBC-HS512 content encryption).
 *
 * Anoncrypt (no `skid`), signed (JWS) and plaintext messages are refused: Veramo accepts
 * them with any `from` (plaintext proves nothing; anoncrypt and a bare JWS do not encrypt to
 * us as the sender, or at all), and trader names and addresses are personal data.
 */
import { parse as parseDidUrl } from 'did-resolver';
import { EXCHANGE_CODES, type ExchangeCode } from '../../codes.js';
import type { ExchangeRefusal } from '../../exchange/ports.js';

export const MEDIA_TYPE_ENCRYPTED = 'application/didcomm-encrypted+json';
export const MEDIA_TYPE_SIGNED = 'application/didcomm-signed+json';
export const MEDIA_TYPE_PLAIN = 'application/didcomm-plain+json';
/** The one key agreement and content encryption this agent packs and accepts (authcrypt's content encryption is A256CBC-HS512; Veramo defaults to A256GCM). */
export const AUTHCRYPT_ALG = 'ECDH-1PU+A256KW';
export const AUTHCRYPT_ENC = 'A256CBC-HS512';

export interface AuthcryptOutside {
  ok: true;
  /** The sender's key-agreement key (a DID URL) and the DID it belongs to. */
  skid: string;
  senderDid: string;
}

export function refusal(code: ExchangeCode, detail?: string, retryable?: boolean): ExchangeRefusal {
  const message = detail === undefined ? EXCHANGE_CODES[code] : `${EXCHANGE_CODES[code]} (${detail})`;
  return { ok: false, code, message, ...(retryable === true && { retryable: true }) };
}

/** Reads the outside of `raw`: an authcrypt JWE, or the refusal that says what else it is. */
export function readOutside(raw: unknown): AuthcryptOutside | ExchangeRefusal {
  if (typeof raw !== 'string') return refusal('EXCHANGE_MESSAGE_MALFORMED', 'not text');
  if (raw.length === 0) return refusal('EXCHANGE_MESSAGE_MALFORMED', 'empty');
  let outer: unknown;
  try {
    outer = JSON.parse(raw);
  } catch {
    return refusal('EXCHANGE_MESSAGE_MALFORMED', 'not JSON');
  }
  if (outer === null || typeof outer !== 'object' || Array.isArray(outer)) return refusal('EXCHANGE_MESSAGE_MALFORMED', 'not a JSON object');
  const message = outer as Record<string, unknown>;
  if (typeof message.protected !== 'string') {
    // A plaintext DIDComm message (§5.1.1) or a general-serialization JWS (its headers are per signature).
    if (message.typ === MEDIA_TYPE_PLAIN || (typeof message.id === 'string' && typeof message.type === 'string')) return refusal('EXCHANGE_NOT_AUTHCRYPT', 'plaintext');
    if (Array.isArray(message.signatures)) return refusal('EXCHANGE_NOT_AUTHCRYPT', 'signed, not encrypted');
    return refusal('EXCHANGE_MESSAGE_MALFORMED', 'neither a JWE nor a JWS nor a plaintext message');
  }
  const header = decodeHeader(message.protected);
  if (header === undefined) return refusal('EXCHANGE_MESSAGE_MALFORMED', 'the protected header is not base64url JSON');
  if (header.typ === MEDIA_TYPE_SIGNED || typeof message.payload === 'string') return refusal('EXCHANGE_NOT_AUTHCRYPT', 'signed, not encrypted');
  if (header.typ !== MEDIA_TYPE_ENCRYPTED) return refusal('EXCHANGE_MESSAGE_MALFORMED', `unknown typ ${JSON.stringify(header.typ ?? null)}`);
  if (!['ciphertext', 'iv', 'tag'].every((member) => typeof message[member] === 'string') || !Array.isArray(message.recipients) || message.recipients.length === 0) {
    return refusal('EXCHANGE_MESSAGE_MALFORMED', 'not a JWE in the general JSON serialization');
  }
  if (typeof header.skid !== 'string') return refusal('EXCHANGE_NOT_AUTHCRYPT', 'anoncrypt: the sender is not authenticated');
  const algs = new Set([header.alg, ...message.recipients.map((r) => (r as { header?: { alg?: unknown } } | null)?.header?.alg)].filter((alg) => alg !== undefined));
  if (header.enc !== AUTHCRYPT_ENC || algs.size !== 1 || !algs.has(AUTHCRYPT_ALG)) {
    return refusal('EXCHANGE_NOT_AUTHCRYPT', `${[...algs].map(String).join(',') || 'no alg'} with ${String(header.enc)}; only ${AUTHCRYPT_ALG} with ${AUTHCRYPT_ENC} is accepted`);
  }
  const parsed = parseDidUrl(header.skid);
  if (parsed === null || parsed.fragment === undefined) return refusal('EXCHANGE_MESSAGE_MALFORMED', 'skid is not a DID URL naming a key');
  return { ok: true, skid: header.skid, senderDid: parsed.did };
}

function decodeHeader(encoded: string): Record<string, unknown> | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) return undefined;
  try {
    const header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
    return header !== null && typeof header === 'object' && !Array.isArray(header) ? (header as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
