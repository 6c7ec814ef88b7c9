/**
 * Credentials made outside any agent, for tests of what a verifier must refuse:
 * signed by an unknown key (or a test key), unsigned, HMAC-signed, or altered after signing.
 */
import { base64url, CompactSign, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import { encodeDidKey } from '../../src/verify/index.js';

const enc = new TextEncoder();

export function decodePayload(jwt: string): Record<string, any> {
  return JSON.parse(new TextDecoder().decode(base64url.decode(jwt.split('.')[1]!))) as Record<string, any>;
}

export function encodeSegment(value: unknown): string {
  return base64url.encode(JSON.stringify(value));
}

/** Re-signs a payload with a fresh Ed25519 key under its own did:key (an issuer nobody trusts). */
export async function signWithUnknownDidKey(payload: Record<string, any>): Promise<{ jwt: string; did: string }> {
  const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  return signAsDidKey(payload, await exportJWK(privateKey));
}

/**
 * Re-signs a payload with an Ed25519 private JWK (e.g. a test key of
 * test/verify/fixtures/test-keys.json) as its did:key: `iss` (box 6) becomes that
 * did:key, so a verifier that trusts it finds the signature valid.
 */
export async function signAsDidKey(payload: Record<string, any>, privateJwk: JWK): Promise<{ jwt: string; did: string }> {
  const did = encodeDidKey(base64url.decode(privateJwk.x!));
  // The subject names no authority: the credential's issuer is box 6 (src/permit/subject.ts).
  const forged = { ...payload, iss: did };
  const key = await importJWK(privateJwk, 'EdDSA');
  const jwt = await new CompactSign(enc.encode(JSON.stringify(forged))).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT' }).sign(key);
  return { jwt, did };
}

/** The same payload with `alg: none` and no signature (RFC 7519 §6 "unsecured JWT"). */
export function unsecured(jwt: string): string {
  const [, payload] = jwt.split('.');
  return `${encodeSegment({ alg: 'none', typ: 'JWT' })}.${payload}.`;
}

/** The same payload HMAC-signed with a key an attacker knows. */
export async function hmacSigned(jwt: string): Promise<string> {
  const payload = base64url.decode(jwt.split('.')[1]!);
  return new CompactSign(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(enc.encode('attacker-known-secret-0123456789'));
}

/** Changes bytes of the signed payload, keeping it valid JSON, and keeps the original signature. */
export function changePayloadByte(jwt: string, from: string, to: string): string {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const text = new TextDecoder().decode(base64url.decode(payload));
  if (!text.includes(from) || from.length !== to.length) throw new Error(`cannot change ${from} in the payload`);
  return `${header}.${base64url.encode(text.replace(from, to))}.${signature}`;
}
