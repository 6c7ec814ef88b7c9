/**
 * The credential and status-entry types of Saiga's credentials (VC Data Model 1.1 §4.3
 * `type`, next to `VerifiableCredential`): the shared vocabulary of the issuing side and
 * every verifier. A leaf module: it imports nothing. Browser-safe.
 */

/** A CITES permit or certificate (the Convention's Art. VI, Res. Conf. 12.3 Annex 2 form). */
export const PERMIT_CREDENTIAL_TYPE = 'CITESPermit';
/** A customs export endorsement (boxes 14 and 15), signed by the authority's customs DID. */
export const ENDORSEMENT_CREDENTIAL_TYPE = 'CITESExportEndorsement';
/** An import confirmation (Art. VI(5), Art. VIII(7)(a)), signed by the importing authority's customs DID (or its MA). */
export const IMPORT_CONFIRMATION_CREDENTIAL_TYPE = 'CITESImportConfirmation';
/** The issuer trust list, signed by a trust-anchor DID. */
export const TRUST_LIST_CREDENTIAL_TYPE = 'CITESTrustList';
/** W3C Bitstring Status List v1.0 §2.2: the status list credential. */
export const STATUS_LIST_CREDENTIAL_TYPE = 'BitstringStatusListCredential';
/** W3C Bitstring Status List v1.0 §2.1: a credential's entry in a status list. */
export const STATUS_ENTRY_TYPE = 'BitstringStatusListEntry';
/** The two status purposes Saiga publishes lists for (Bitstring Status List v1.0 §2.1 `statusPurpose`). */
export type StatusPurpose = 'revocation' | 'suspension';
