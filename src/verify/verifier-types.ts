/**
 * The public types of the permit verifier: its options and its verdict.
 *
 * The verdict is a flat list of checks, each with a stable code from `src/codes.ts`
 * and a message for a customs officer, which the verifier page renders as it is
 * (house style practice 1).
 */
import type { SignatureSuite } from './signature.js';
import type { FetchLike } from './did-web.js';
import type { PresentationCode, QrCode, RuleIssue, VerifierCode, VerifyCode } from '../codes.js';
import type { Permit } from '../permit/model.js';
import type { ResolveDid } from './types.js';

/** An entry of the verifier's allow-list of issuers: shared vocabulary (src/vocab/trust-list.ts). */
export type { TrustedIssuer } from '../vocab/trust-list.js';
import type { TrustedIssuer } from '../vocab/trust-list.js';

/** What the verified credential says around the permit subject, for the permit rules. */
export interface PermitCheckContext {
  /** The trusted authority that signed it (box 6). */
  issuer: TrustedIssuer;
  /** The credential's issuanceDate (date of box 13), when it has one. */
  issuedAt?: Date;
  /** Box 2: the UTC day of the credential's expirationDate, YYYY-MM-DD, when it has one. */
  validUntil?: string;
}

export interface RuleCheckResult {
  errors: RuleIssue[];
  warnings: RuleIssue[];
}

export interface PermitVerifierOptions {
  /** Asked again with `{ fresh: true }` when a JWT names a key the document it gave does not list (types.ts ResolveOptions). */
  resolveDid: ResolveDid;
  /** Allow-list of issuers; only role 'managementAuthority' may issue permits. */
  trustedIssuers: readonly TrustedIssuer[];
  /** JWS algorithms accepted. Default ['EdDSA']. `none` and HMAC (`HS*`) are never accepted. */
  algorithms?: readonly string[];
  /** Allowed clock skew in seconds; default `DEFAULT_CLOCK_TOLERANCE_SEC` (verify.ts). */
  clockToleranceSec?: number;
  /**
   * The permit rules. Default: the CITES permit rules (rules.ts `citesPermitRules`, the same
   * as issuance). `false` turns the 'permit' check off, which only a caller that checks the
   * rules itself should do.
   */
  checkPermit?: ((subject: unknown, ctx: PermitCheckContext) => RuleCheckResult) | false;
  /** How keys are imported and signatures checked; default WebCrypto (`webCryptoSuite`). */
  signatureSuite?: SignatureSuite;
  /**
   * Fetches status lists and permit records from the issuing authority. Without it the
   * verifier is offline: the status cannot be checked and nothing is reported valid.
   */
  fetch?: FetchLike;
  /**
   * How long a verified status list is reused; default 60 000 ms. A function gives a time
   * per list URL (an agent re-reads its own lists every time: they are local and must be fresh).
   */
  statusCacheTtlMs?: number | ((listUrl: string) => number);
  /**
   * Revocations and suspensions the issuing authority notified this verifier of directly
   * (an agent receives them through the exchange, docs/exchange.md), by credential id.
   * Consulted by the status check beside the status lists: a notified revocation or
   * suspension is shown even when the issuer's lists cannot be reached, and is never
   * outweighed by a list that says otherwise (fail closed; a reinstatement clears the notice).
   * Passed in like `fetch`; the public verifier page has none.
   */
  notices?: (credentialId: string) => Promise<StatusNotice | undefined>;
  /**
   * The real clock (ms since the epoch) for cache ages and `status.checkedAt`; default
   * Date.now. Distinct from `at.now`, the moment a permit is judged for, which may be past.
   */
  clock?: () => number;
}

/** A status change the issuer notified directly: what, why, and when the issuer made it (ISO 8601). */
export interface StatusNotice {
  status: 'revoked' | 'suspended';
  /** The DID that notified it: a notice counts only for a permit that DID issued. */
  issuer: string;
  reason?: string;
  replacedBy?: string;
  at: string;
}

/** What the permit is now, for the verdict a person sees first. */
/** `imported` (issue 9) is final: the importing country's customs confirmed the shipment; the permit is used up. */
export type PermitState = 'valid' | 'used' | 'imported' | 'revoked' | 'suspended' | 'expired' | 'unknown';

export interface StatusInfo {
  revoked: boolean;
  suspended: boolean;
  /** When the status lists used were fetched (ISO 8601): a cached list is this old. */
  checkedAt: string;
  /** The issuer's reason, when it publishes one. */
  reason?: string;
  /** The permit number of the replacement, when this permit was replaced. */
  replacedBy?: string;
  /** When the issuer made the change it notified this verifier of directly (`notices`), if it did. */
  notifiedAt?: string;
}

/** Per block: what the permit allows and what customs endorsed as exported (null: not endorsed). */
export interface BlockQuantities {
  block: string;
  scientificName?: string;
  permitted: { quantity: number; unit: string };
  exported: { quantity: number; unit: string } | null;
  /** What the importing country's customs confirmed as arrived (null: the confirmation does not name the block); present only when the record carries a genuine import confirmation. */
  imported?: { quantity: number; unit: string } | null;
}

/** The import confirmation (issue 9), signed by the importing country's customs or Management Authority. */
export interface ImportInfo {
  id?: string;
  /** DID of the authority that signed it. */
  confirmedBy: string;
  authority: string;
  /** ISO 3166-1 alpha-2: the importer's country. */
  country: string;
  date: string;
  portOfImport: string;
  officer: string;
  /** No export endorsement was held, and more arrived than the permit allows: the importing authority flagged it. */
  exceedsPermitted?: true;
}

/** The customs export endorsement (box 14, 15), when the permit has been used. */
export interface EndorsementInfo {
  id?: string;
  /** DID of the customs authority that signed it. */
  endorsedBy: string;
  authority: string;
  date: string;
  portOfExport: string;
  transportDocument: string;
  officer: string;
}

export type CheckName = 'format' | 'algorithm' | 'trust' | 'issuer' | 'signature' | 'validity' | 'permit' | 'status' | 'endorsement' | 'import' | 'linkedPermits' | 'presentation' | 'holder';

/** The import permit an Appendix I export relies on (linked-permits.ts), as its check found it: what the page shows. */
export interface LinkedPermitInfo {
  permitNumber: string;
  /** DID of the importing Management Authority that signed it. */
  issuer: string;
  /** Its own state, as this verifier judged it now. */
  state: PermitState;
  validUntil?: string;
}

export interface VerificationCheck {
  check: CheckName;
  ok: boolean;
  /**
   * A VerifyCode; 'OK' when passed, except for a passed check with a reservation
   * (LINKED_PERMIT_MISSING: the import permit was not linked, linked-permits.ts). A QrCode when the scanned or pasted text could not be read as a permit; VERIFIER_FAILED for a fault of the verifier. */
  code: VerifyCode | PresentationCode | QrCode | VerifierCode;
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
  /** Present once the signature verified. */
  state?: PermitState;
  status?: StatusInfo;
  blocks?: BlockQuantities[];
  endorsement?: EndorsementInfo;
  /** The import permit(s) the export relies on, when its record links them (Art. III(2)(d)). */
  linkedPermits?: LinkedPermitInfo[];
  /** The import confirmation, when the record carries a genuine one (issue 9). */
  imported?: ImportInfo;
}

/** When a permit is verified, and how far. */
export interface VerifyAt {
  now: Date;
  /**
   * false: steps 1–7 only (the credential: signature, trust, validity, the permit rules); the
   * status lists and the public record are not read, and a failed 'status' check
   * STATUS_NOT_CHECKED says so (never verified). For a receiver that learns status and use
   * from the issuer's own messages (the exchange, src/exchange/handlers/permit-issued.ts).
   */
  lifecycle?: boolean;
}

export interface PermitVerifier {
  /** Verifies one VC-JWT. */
  verify(jwt: string, at: VerifyAt): Promise<VerificationResult>;
  /**
   * The one entry for whatever a user has: a VC-JWT, a CP2/CP1 payload, a verifier link from
   * any host, a CPR1 reference (fetched from a trusted issuer only), or saved JSON holding a
   * JWT. Input that is none of these is a failed 'format' check with a QR_* code. Or a wallet's
   * presentation with what it must answer (presentation.ts): PRESENTATION_* codes, then the permit's.
   */
  verifyInput(input: VerifierInput, at: VerifyAt): Promise<VerificationResult>;
}

/** What `verifyInput` takes: text a user has, or a wallet's VP JWT with the nonce and audience it must answer (presentation.ts). */
export type VerifierInput = string | { presentation: string; expected: { nonce: string; audience: string } };
