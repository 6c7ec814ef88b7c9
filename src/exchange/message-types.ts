/**
 * The messages Management Authorities exchange (docs/exchange.md): versioned type URIs and
 * their bodies. Each body has one JSON Schema (src/exchange/schemas/); a message whose body
 * breaks it is refused before anything of it is stored.
 *
 * Every signed document travels as the VC-JWT its signer made, so the receiver checks it
 * with the verification core exactly as a verifier at the border would: the envelope
 * (DIDComm v2 authcrypt) authenticates the sending authority and hides personal data on the
 * way; the credential inside proves what was issued, endorsed or confirmed.
 */

/** The protocol's base; a new major version gets a new base, never a changed meaning. */
export const EXCHANGE_PROTOCOL = 'https://w3id.org/saiga/cites-exchange/1.0/';

export const MESSAGE_TYPES = {
  /** Exporting or re-exporting MA → MA of the importer's country (and of the country of origin for a re-export). */
  permitIssued: `${EXCHANGE_PROTOCOL}permit-issued`,
  /** Art. III(3): importing MA → MA of the exporting country, for the Appendix I export that will rely on it. */
  importPermit: `${EXCHANGE_PROTOCOL}import-permit`,
  /** Issuing MA → every MA that received the permit: revoked, suspended, reinstated. */
  statusChanged: `${EXCHANGE_PROTOCOL}status-changed`,
  /** Exporting MA → MA of the importer's country: the customs export endorsement (boxes 14, 15). */
  exportEndorsed: `${EXCHANGE_PROTOCOL}export-endorsed`,
  /** Importing MA → the permit's issuing MA: what arrived, per block (Art. VIII(7)(a) reports the actual trade). */
  importConfirmed: `${EXCHANGE_PROTOCOL}import-confirmed`,
  /** Issuing MA → its peers: a signing key was revoked (Decision 18.125: old permits stay verifiable). */
  keyRevoked: `${EXCHANGE_PROTOCOL}key-revoked`,
  /** Issuing MA → its peers: a signed checkpoint of its audit trail's head (issue 10 §3), kept as a witness. */
  auditCheckpoint: `${EXCHANGE_PROTOCOL}audit-checkpoint`,
} as const;

/**
 * Several messages to one peer in one envelope, each a whole plaintext DIDComm message in an
 * attachment (DIDComm Messaging v2 §"Attachments", as Message Pickup 3.0's `delivery` carries
 * messages). Not a message kind: the receiver unfolds it and treats each attachment as the
 * message it is — its own id (applied once), type, schema and handler — and answers one result
 * per attachment. One authcrypt envelope then carries many messages: the key agreement and the
 * HTTP round trip are paid once per batch (docs/exchange.md, "Batches").
 */
export const BATCH_MESSAGE_TYPE = `${EXCHANGE_PROTOCOL}batch`;

export type MessageKind = keyof typeof MESSAGE_TYPES;
export type MessageType = (typeof MESSAGE_TYPES)[MessageKind];

/** permit-issued and import-permit: the permit or certificate as its issuer signed it. */
export interface PermitIssuedBody {
  /** The CITESPermit VC-JWT. */
  permit: string;
}

export interface StatusChangedBody {
  permitNumber: string;
  /** The permit credential's id (`urn:uuid:…`). */
  credentialId: string;
  status: 'revoked' | 'suspended' | 'reinstated';
  /** For a revocation, one of REVOCATION_REASONS (src/vocab/public-record.ts); free text otherwise. */
  reason: string;
  /** Box 5 of the replacement, when a replacement revoked this permit. */
  replacedBy?: string;
  /** When the issuer changed the status (ISO 8601). */
  changedAt: string;
}

export interface ExportEndorsedBody {
  /** The CITESExportEndorsement VC-JWT, signed by the exporting country's customs DID. */
  endorsement: string;
}

export interface ImportConfirmedBody {
  /** The CITESImportConfirmation VC-JWT, signed by the importing country's customs DID (or its MA). */
  confirmation: string;
}

export interface KeyRevokedBody {
  /** The verification method (absolute DID URL) that no longer signs. */
  kid: string;
  revokedAt: string;
  /** Anything it signed from this moment on is refused (KEY_COMPROMISED); absent when it was retired, not stolen. */
  compromisedSince?: string;
}

export interface AuditCheckpointBody {
  /** The checkpoint VC-JWT (type SaigaAuditCheckpoint), signed by the sender's Management Authority DID: {kind, seq, hash, at}. */
  checkpoint: string;
}

export interface MessageBodies {
  permitIssued: PermitIssuedBody;
  importPermit: PermitIssuedBody;
  statusChanged: StatusChangedBody;
  exportEndorsed: ExportEndorsedBody;
  importConfirmed: ImportConfirmedBody;
  keyRevoked: KeyRevokedBody;
  auditCheckpoint: AuditCheckpointBody;
}

export function messageKindOf(type: string): MessageKind | undefined {
  return (Object.keys(MESSAGE_TYPES) as MessageKind[]).find((kind) => MESSAGE_TYPES[kind] === type);
}
