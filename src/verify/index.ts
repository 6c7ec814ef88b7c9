/**
 * Saiga's verification core: the one place a CITES permit VC-JWT is verified, shared
 * by the agent, the CLI and the browser verifier page.
 *
 * Browser-safe by construction: no Node built-ins or globals, only `jose` (WebCrypto),
 * `@scure/base` and our own codes and permit model. Time, DID resolution and fetching
 * are passed in; algorithms and trusted issuers are allow-lists.
 *
 * @example
 * import { createDidResolver, createPermitVerifier } from './verify/index.js';
 * const verifier = createPermitVerifier({ resolveDid: createDidResolver({ fetch }), trustedIssuers });
 * const result = await verifier.verifyInput(scannedText, { now: new Date() });
 */
export { createPermitVerifier, DEFAULT_ALGORITHMS, DEFAULT_CLOCK_TOLERANCE_SEC } from './verify.js';
export { readInput, REFERENCE_FETCH_LIMITS } from './input.js';
export type { InputReading, InputReaderOptions } from './input.js';
export type { PresentationExpectation, PresentationInput } from './presentation.js';
export { citesPermitRules } from './rules.js';
export type { PermitRules } from './rules.js';
export type {
  CheckName,
  PermitVerifier,
  PermitVerifierOptions,
  RuleCheckResult,
  TrustedIssuer,
  VerificationCheck,
  VerificationResult,
  VerifiedCredentialInfo,
  VerifierInput,
} from './verifier-types.js';

export { createDidResolver } from './resolver.js';
export type { CachingDidResolver, DidMethod, DidResolverOptions } from './resolver.js';
export { createDidWebResolver, didWebToUrl, getDidWebResolver } from './did-web.js';
export type { DidWebResolverOptions, FetchLike } from './did-web.js';
export { decodeDidKey, didKeyDocument, encodeDidKey, resolveDidKey } from './did-key.js';
export type {
  DidDocument,
  DidResolution,
  DidResolutionError,
  DidResolutionMetadata,
  PublicJwk,
  ResolveDid,
  ResolveOptions,
  Service,
  VerificationMethod,
} from './types.js';

export { assertionKeyJwks } from './keys.js';
export type { AssertionKeyJwk, RetiredKey } from './keys.js';
export { retiredKeyOf } from './keys.js';
export { decodeEd25519Multikey, ed25519RawToJwk, encodeEd25519Multikey } from './multikey.js';
export type { Ed25519PublicJwk } from './multikey.js';
export { MAX_JWS_LENGTH, parseCompactJws } from './jws.js';
export { signingInput, SUPPORTED_ALGORITHMS, webCryptoSuite } from './signature.js';
export type { SignatureSuite } from './signature.js';
export type { JwsParseResult, ParsedJws } from './jws.js';
export { PERMIT_CREDENTIAL_TYPE, readCredentialClaims, readPermitClaims, VC_V1_CONTEXT } from './vc-jwt.js';
export type { CredentialClaims, CredentialClaimsResult, UnsignedVc } from './vc-jwt.js';

export { createRecordChecker } from './record.js';
export { checkImportConfirmations, createImportConfirmationChecker } from './import-confirmations.js';
export type { ImportCheckInput, ImportOutcome } from './import-confirmations.js';
export type { RecordOutcome } from './record.js';
export { REVOCATION_REASONS } from '../vocab/public-record.js';
export type { PublicPermitRecord, RevocationReason } from '../vocab/public-record.js';
export { createStatusChecker, readStatusEntries, STATUS_ENTRY_TYPE, STATUS_LIST_CREDENTIAL_TYPE } from './status.js';
export type { StatusEntry, StatusOutcome, StatusPurpose } from './status.js';
export { isFetchableUrl } from './http-fetch.js';
export type { BlockQuantities, EndorsementInfo, ImportInfo, LinkedPermitInfo, PermitState, StatusInfo, StatusNotice } from './verifier-types.js';
export { checkLinkedPermits, compareLinkedPermit, reliesOnImportPermit, sameName } from './linked-permits.js';
export type { LinkingDocument, LinkMismatch, LinkMismatchKind } from './linked-permits.js';
export { verifyTrustList } from './trust-list.js';
export type { TrustListOutcome } from './trust-list.js';
export { verifySignedCredential } from './signed-credential.js';
export type { SignedCredentialContext, TrustDecision } from './signed-credential.js';
export { createAssertionKeyStore } from './keys.js';
