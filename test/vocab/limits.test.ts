/**
 * Every verifier bound is the one of src/vocab/limits.ts, and the largest credential
 * issuance signs fits every way a verifier reads it (pasted, in a link, posted, fetched).
 */
import { describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/http/app.js';
import { MAX_INFLATED_BYTES } from '../../src/qr/inflate-bounded.js';
import { MAX_INPUT_CHARS, parseVerifierInput } from '../../src/qr/input.js';
import { MAX_FULL_VERSION } from '../../src/qr/link.js';
import { MAX_PAYLOAD_CHARS } from '../../src/qr/payload.js';
import { MAX_JWS_LENGTH, parseCompactJws } from '../../src/verify/jws.js';
import {
  HTTP_BODY_LIMIT_BYTES,
  MAX_CREDENTIAL_CHARS,
  MAX_ISSUED_CREDENTIAL_CHARS,
  MAX_VERIFIER_INPUT_CHARS,
  QR_MAX_FULL_VERSION,
  QR_MAX_INFLATED_BYTES,
  QR_MAX_PAYLOAD_CHARS,
  REFERENCE_FETCH_MAX_BYTES,
} from '../../src/vocab/limits.js';

/** A compact JWS of exactly `length` characters, of the shape of a signed permit. */
function jwsOfLength(length: number): string {
  const header = Buffer.from('{"alg":"EdDSA","typ":"JWT"}').toString('base64url');
  const signature = 'A'.repeat(86);
  return `${header}.${'A'.repeat(length - header.length - signature.length - 2)}.${signature}`;
}

describe('one definition of each size limit', () => {
  it('the verifiers use the constants of src/vocab/limits.ts', () => {
    expect(MAX_JWS_LENGTH).toBe(MAX_CREDENTIAL_CHARS);
    expect(MAX_INPUT_CHARS).toBe(MAX_VERIFIER_INPUT_CHARS);
    expect(BODY_LIMIT).toBe('256kb');
    expect(HTTP_BODY_LIMIT_BYTES).toBe(256 * 1024);
    expect([MAX_INFLATED_BYTES, MAX_PAYLOAD_CHARS, MAX_FULL_VERSION]).toEqual([QR_MAX_INFLATED_BYTES, QR_MAX_PAYLOAD_CHARS, QR_MAX_FULL_VERSION]);
  });

  it('the largest credential issuance signs fits every way of reading it', () => {
    const jwt = jwsOfLength(MAX_ISSUED_CREDENTIAL_CHARS);
    expect(jwt.length).toBe(60_000);
    expect(parseVerifierInput(jwt)).toMatchObject({ ok: true, kind: 'jwt' });
    expect(parseVerifierInput(`https://cites.blv.admin.ch/VERIFY#${jwt}\n`)).toMatchObject({ ok: true, kind: 'jwt' });
    // The parser reads the JSON it holds; here it only must not refuse it for its length.
    expect(parseCompactJws(jwt)).not.toEqual({ ok: false, reason: 'The input is too long.' });
    expect(jwt.length + 1).toBeLessThanOrEqual(REFERENCE_FETCH_MAX_BYTES); // served with a trailing newline
    expect(JSON.stringify({ credential: jwt, at: '2026-11-29T10:00:00Z' }).length).toBeLessThanOrEqual(HTTP_BODY_LIMIT_BYTES);
  });

  it('a credential just over the verifier bound is refused by the parser', () => {
    expect(parseCompactJws(jwsOfLength(MAX_CREDENTIAL_CHARS + 1))).toEqual({ ok: false, reason: 'The input is too long.' });
  });
});
