/**
 * Structural types for DID documents and DID resolution results.
 *
 * They follow the shape of `did-resolver@4` (`DIDResolutionResult`, `DIDDocument`)
 * without importing it, so the browser bundle stays small and our resolvers can
 * be plugged into Veramo's `DIDResolverPlugin` unchanged. Field names follow
 * DID Core §5 (https://www.w3.org/TR/did-core/#core-properties) and the DID
 * Resolution metadata of DID Core §7.1.
 *
 * A fetched document is untrusted JSON: these types describe what a well-formed
 * document looks like, and `keys.ts` re-checks every field it reads at run time.
 */

/** A public JWK as found in `publicKeyJwk` (RFC 7517). */
export interface PublicJwk {
  kty: string;
  crv?: string;
  x?: string;
  y?: string;
  alg?: string;
  use?: string;
  [member: string]: unknown;
}

/** A verification method (DID Core §5.2). */
export interface VerificationMethod {
  id: string;
  type: string;
  controller: string;
  publicKeyJwk?: PublicJwk;
  publicKeyMultibase?: string;
  publicKeyBase58?: string;
  /** Security Vocabulary v1 `revoked` (dateTime): the key was withdrawn then (issue 9 §6). */
  revoked?: string;
  /** Saiga (docs/keys.md): from this moment on the key may have been in other hands. */
  compromisedSince?: string;
}

/** A service (DID Core §5.4). */
export interface Service {
  id: string;
  type: string;
  serviceEndpoint: string | Record<string, unknown> | (string | Record<string, unknown>)[];
}

/** A DID document (DID Core §5). Only the members the verifier reads are typed. */
export interface DidDocument {
  '@context'?: string | string[];
  id: string;
  controller?: string | string[];
  alsoKnownAs?: string[];
  verificationMethod?: VerificationMethod[];
  authentication?: (string | VerificationMethod)[];
  assertionMethod?: (string | VerificationMethod)[];
  keyAgreement?: (string | VerificationMethod)[];
  capabilityInvocation?: (string | VerificationMethod)[];
  capabilityDelegation?: (string | VerificationMethod)[];
  service?: Service[];
}

/**
 * Resolution error values. `invalidDid`, `notFound`, `representationNotSupported`
 * come from DID Core §7.1.2; `methodNotSupported`, `invalidDidDocument` and
 * `internalError` from the DID Resolution draft; `unsupportedDidMethod` is what
 * did-resolver@4 itself emits.
 */
export type DidResolutionError =
  | 'invalidDid'
  | 'notFound'
  | 'representationNotSupported'
  | 'methodNotSupported'
  | 'unsupportedDidMethod'
  | 'invalidDidDocument'
  | 'internalError';

export interface DidResolutionMetadata {
  contentType?: string;
  error?: DidResolutionError | (string & {});
  /** Human-readable detail for logs; not shown to officers verbatim. */
  message?: string;
}

/** The result of resolving one DID: the `DIDResolutionResult` shape of did-resolver@4. */
export interface DidResolution {
  didResolutionMetadata: DidResolutionMetadata;
  didDocument: DidDocument | null;
  didDocumentMetadata: Record<string, unknown>;
}

/** Builds a failed resolution result. */
export function resolutionError(error: DidResolutionError, message: string): DidResolution {
  return { didResolutionMetadata: { error, message }, didDocument: null, didDocumentMetadata: {} };
}

/**
 * How a resolution is asked for. `fresh`: the caller found the cached document out of date (a
 * JWT names a key it does not list, issue 9 §6: the issuer rotated its key), so a caching
 * resolver fetches it again rather than answer from its cache (at most once a second per DID).
 */
export interface ResolveOptions {
  fresh?: boolean;
}

/** A DID resolver as the verifier takes it. It never throws; failures are results. */
export type ResolveDid = (did: string, options?: ResolveOptions) => Promise<DidResolution>;
