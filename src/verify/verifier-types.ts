/**
 * The public types of the permit verifier: its options and its verdict.
 *
 * The verdict is a flat list of checks, each with a stable code from `src/codes.ts`
 * and a message for a customs officer, which the verifier page renders as it is
 * (house style practice 1).
 */
import type { SignatureSuite } from './signature.js';
import type { RuleIssue, VerifyCode } from '../codes.js';
import type { Permit } from '../permit/model.js';
import type { DidResolution } from './types.js';

export interface TrustedIssuer {
  did: string;
  role: 'managementAuthority' | 'customs';
  /** ISO 3166-1 alpha-2. */
  country: string;
  name: string;
}

export interface RuleCheckResult {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

export interface PermitVerifierOptions {
  resolveDid: (did: string) => Promise<DidResolution>;
  /** Allow-list of issuers; only role 'managementAuthority' may issue permits. */
  trustedIssuers: readonly TrustedIssuer[];
  /** JWS algorithms accepted. Default ['EdDSA']. `none` and HMAC (`HS*`) are never accepted. */
  algorithms?: readonly string[];
  /** Allowed clock skew in seconds; default `DEFAULT_CLOCK_TOLERANCE_SEC` (verify.ts). */
  clockToleranceSec?: number;
  /** Permit-rule validator; when absent the 'permit' check is skipped. */
  checkPermit?: (subject: unknown, ctx: { issuer: TrustedIssuer }) => RuleCheckResult;
  /** How keys are imported and signatures checked; default WebCrypto (`webCryptoSuite`). */
  signatureSuite?: SignatureSuite;
}

export type CheckName = 'format' | 'algorithm' | 'trust' | 'issuer' | 'signature' | 'validity' | 'permit';

export interface VerificationCheck {
  check: CheckName;
  ok: boolean;
  code: VerifyCode;
  message: string;
}

export interface VerifiedCredentialInfo {
  id?: string;
  issuer: string;
  types: string[];
  issuedAt?: string;
  validFrom?: string;
  validUntil?: string;
}

export interface VerificationResult {
  verified: boolean;
  checks: VerificationCheck[];
  /** The credential subject; present only when the signature verified. */
  permit?: Permit;
  credential?: VerifiedCredentialInfo;
  /** The trust-list entry of the issuer, when trusted. */
  issuer?: TrustedIssuer;
  ruleErrors?: RuleIssue[];
  ruleWarnings?: RuleIssue[];
}

export interface PermitVerifier {
  verify(input: string, at: { now: Date }): Promise<VerificationResult>;
}
