/**
 * Every size limit a verifier applies to a permit, defined once: the issuing side refuses
 * to sign anything a verifier would refuse (src/issuance/size.ts), and the verifiers read
 * their bounds from here. A leaf module: it imports nothing. Browser-safe.
 *
 * How a signed permit travels, and the bound on each way:
 * - pasted or posted as the VC-JWT text (`saiga verify`, `POST /api/verify`, the page):
 *   MAX_CREDENTIAL_CHARS, inside a request body of at most HTTP_BODY_LIMIT_BYTES;
 * - fetched from its issuer for a CPR1 reference: REFERENCE_FETCH_MAX_BYTES;
 * - carried whole in a QR code (CP2): QR_MAX_INFLATED_BYTES of payload JSON, at most
 *   QR_MAX_FULL_VERSION; anything larger is printed as a CPR1 reference instead, so the
 *   QR bounds never refuse a permit, they only choose the form of its code.
 *
 * A VC-JWT is ASCII (base64url, RFC 7515 §7.1), so its characters are its bytes.
 */

/** Largest VC-JWT text (compact JWS) any verifier reads: the parser's bound (RFC 7515 §7.1 compact serialization). */
export const MAX_CREDENTIAL_CHARS = 64 * 1024;

/**
 * Largest VC-JWT issuance signs. Below MAX_CREDENTIAL_CHARS, so that the text still
 * fits when a verifier link (`https://host/VERIFY#`), a trailing newline or a JSON
 * envelope comes around it.
 */
export const MAX_ISSUED_CREDENTIAL_CHARS = 60_000;

/** Largest text the verifier input reader looks at (a raw JWT, a link or a QR payload). */
export const MAX_VERIFIER_INPUT_CHARS = 64 * 1024;

/** Largest body of `POST /api/verify` (and every JSON request) the agent parses. */
export const HTTP_BODY_LIMIT_BYTES = 256 * 1024;

/** Largest credential a verifier fetches from its issuer for a CPR1 reference. */
export const REFERENCE_FETCH_MAX_BYTES = MAX_CREDENTIAL_CHARS;

/** Largest payload JSON a CP1 or CP2 code may inflate to. Permits are 2–4 KB. */
export const QR_MAX_INFLATED_BYTES = 32 * 1024;

/**
 * Largest QR payload text read (and written). A QR code holds at most 4,296 alphanumeric
 * characters (version 40, L); pasted payloads may be longer, up to this bound on the work.
 */
export const QR_MAX_PAYLOAD_CHARS = 16 * 1024;

/** Largest QR version (at error correction M) printed with the full permit; beyond it, a CPR1 reference. */
export const QR_MAX_FULL_VERSION = 25;
