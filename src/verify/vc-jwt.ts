/**
 * Reading the claims of a VC-JWT that should carry a CITES permit.
 *
 * VC Data Model 1.1 §6.3.1 "JWT Encoding" (https://www.w3.org/TR/vc-data-model/#jwt-encoding)
 * as Veramo 7 / did-jwt-vc produce it: the credential sits in the `vc` claim, `iss` is
 * the issuer, `nbf` the issuanceDate, `exp` the expirationDate and `jti` the id.
 * This only checks the shape; nothing here is trusted before the signature is verified.
 */

// Shared vocabulary (src/vocab): VC Data Model 1.1 §4.1, the first `@context` item must be VC_V1_CONTEXT.
import { VC_V1_CONTEXT } from '../vocab/contexts.js';
import { PERMIT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
export { PERMIT_CREDENTIAL_TYPE, VC_V1_CONTEXT };

export type { UnsignedVc } from '../vocab/unsigned-vc.js';

/**
 * NumericDates at or above this are taken to be milliseconds by mistake (year 5138 in
 * seconds). did-jwt's `validateTimestamp` draws the same line; a millisecond `exp`
 * would otherwise make a permit valid for millennia.
 */
const MAX_NUMERIC_DATE = 100_000_000_000;

export interface CredentialClaims {
  issuer: string;
  types: string[];
  subject: Record<string, unknown>;
  /** The whole `vc` claim, for properties beside the subject (credentialStatus, permitRecord). */
  vc: Record<string, unknown>;
  id?: string;
  /** RFC 7519 §2 NumericDate, seconds since the epoch. */
  nbf?: number;
  exp?: number;
  iat?: number;
}

export type CredentialClaimsResult = { ok: true; claims: CredentialClaims } | { ok: false; reason: string };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function numericDate(payload: Record<string, unknown>, claim: 'nbf' | 'exp' | 'iat'): number | undefined | null {
  const value = payload[claim];
  if (value === undefined) return undefined;
  // RFC 7519 §4.1.4: a JSON number of seconds.
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value < MAX_NUMERIC_DATE ? value : null;
}

/**
 * Checks that a JWT payload is a VC-JWT of type CITESPermit and returns its claims.
 * @example readPermitClaims(jws.payload) // { ok: true, claims: { issuer: 'did:web:…', … } }
 */
export function readPermitClaims(payload: Record<string, unknown>): CredentialClaimsResult {
  return readCredentialClaims(payload, PERMIT_CREDENTIAL_TYPE);
}

/**
 * Checks that a JWT payload is a VC 1.1 VC-JWT whose type includes `credentialType`
 * (CITESPermit, BitstringStatusListCredential, CITESExportEndorsement) and returns its claims.
 */
export function readCredentialClaims(payload: Record<string, unknown>, credentialType: string): CredentialClaimsResult {
  const vc = payload.vc;
  if (!isObject(vc)) return { ok: false, reason: 'It has no verifiable credential (vc claim).' };
  const context = vc['@context'];
  if (!Array.isArray(context) || context[0] !== VC_V1_CONTEXT) {
    return { ok: false, reason: `The credential's first @context is not ${VC_V1_CONTEXT}.` };
  }
  const types = vc.type;
  if (!Array.isArray(types) || !types.every((t): t is string => typeof t === 'string')) {
    return { ok: false, reason: 'The credential type is not a list of names.' };
  }
  if (!types.includes('VerifiableCredential') || !types.includes(credentialType)) {
    return { ok: false, reason: `The credential type is ${types.join(', ') || 'empty'}.` };
  }
  // Each of our credentials has exactly one subject (the permit, the list, the endorsement). VC 1.1 allows an array; we do not.
  if (!isObject(vc.credentialSubject)) return { ok: false, reason: 'The credential has no single subject.' };
  if (typeof payload.iss !== 'string' || payload.iss === '') return { ok: false, reason: 'It names no issuer (iss).' };
  // VC 1.1 §6.3.1: `iss` stands for `issuer`. If both are present they must agree, or a
  // page could show one issuer while the signature was checked against the other.
  if (vc.issuer !== undefined) {
    const inner = isObject(vc.issuer) ? vc.issuer.id : vc.issuer;
    if (inner !== payload.iss) return { ok: false, reason: 'The issuer in the credential differs from the signer (iss).' };
  }
  const nbf = numericDate(payload, 'nbf');
  const exp = numericDate(payload, 'exp');
  const iat = numericDate(payload, 'iat');
  if (nbf === null || exp === null || iat === null) return { ok: false, reason: 'A date (nbf, exp or iat) is not a valid date.' };
  const id = typeof payload.jti === 'string' ? payload.jti : typeof vc.id === 'string' ? vc.id : undefined;
  const claims: CredentialClaims = { issuer: payload.iss, types, subject: vc.credentialSubject, vc };
  if (id !== undefined) claims.id = id;
  if (nbf !== undefined) claims.nbf = nbf;
  if (exp !== undefined) claims.exp = exp;
  if (iat !== undefined) claims.iat = iat;
  return { ok: true, claims };
}

/** A NumericDate (seconds) as an ISO 8601 string. */
export function numericDateToIso(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
