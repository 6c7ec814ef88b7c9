/**
 * The CITES permit model: the standard form of Res. Conf. 12.3 Annex 2, boxes 1–15.
 *
 * `PermitRequest` is what an officer submits (the examples in `examples/permits/`).
 * `Permit` is the credential subject of an issued permit: the request plus what the
 * Management Authority adds (box 1 number, box 6 authority, box 13 place/date/signatory,
 * block letters and the valid-until date of box 2).
 *
 * Browser-safe: the verification core reads issued permits with these types.
 */

/** Box 1 document type. Toolkit codes E, R, I, O. */
export type DocumentType = 'export' | 're-export' | 'import' | 'other';

export type AppendixCode = 'I' | 'II' | 'III';

/** Box 3 / 4: importer or exporter. `country` is ISO 3166-1 alpha-2 (box 3a). */
export interface Party {
  name: string;
  address: string;
  country: string;
}

/** A reference to another CITES document (e.g. the import permit an Appendix I export relies on, Art. III(2)(d)). */
export interface DocumentReference {
  permitNumber: string;
  /** DID of the Management Authority that issued it, when it was issued on the network. */
  issuer?: string;
  /** ISO 3166-1 alpha-2 country of the issuing authority. */
  country?: string;
  /** Date of issue, YYYY-MM-DD. */
  date?: string;
}

/** Box 12: country of origin and its export permit, for re-exports. */
export interface OriginReference {
  country: string;
  permitNumber?: string;
  date?: string;
}

/** Box 12a: country of last re-export and its certificate. */
export interface LastReExportReference {
  country: string;
  certificateNumber: string;
  date: string;
}

/** Box 11a: total exported so far this year (including this permit) against the annual quota. */
export interface Quota {
  exportedToDate: number;
  annual: number;
  unit?: string;
}

/** One block (A, B, C, D, …) of the form: boxes 7 to 12b. */
export interface Specimen {
  /** Box 7. */
  scientificName: string;
  /** Box 8. */
  commonName?: string;
  /** Box 9: description, including sex and age of live animals. */
  description: string;
  /** Box 9: term code (§5.4), e.g. LIV. */
  term: string;
  /** Box 9: identifying marks (rings, tags, microchips, serial numbers). */
  marks?: string;
  /** Box 10. */
  appendix: AppendixCode;
  /** Box 10: source code, e.g. W. */
  source: string;
  /** Box 11. */
  quantity: number;
  /** Box 11: UN/ECE Rec. 20 unit code, e.g. NAR. */
  unit: string;
  /** Box 11a. */
  quota?: Quota;
  /** Box 12. */
  origin?: OriginReference;
  /** Box 12a. */
  lastReExport?: LastReExportReference;
  /** Box 12b: registration number of the operation (source D). */
  operationNumber?: string;
  /** Box 12b: date of acquisition (source O), YYYY-MM-DD. */
  acquisitionDate?: string;
}

/** Why a permit is replaced (R1: stated in box 5 of the replacement). */
export type ReplacementReason = 'lost' | 'stolen' | 'destroyed' | 'damaged' | 'cancelled' | 'expired' | 'error';

export interface Replacement {
  permitNumber: string;
  reason: ReplacementReason;
}

/** What an officer submits to have a permit issued. */
export interface PermitRequest {
  /** Box 1. */
  documentType: DocumentType;
  /** Box 1 "Other (specify)": required when `documentType` is `other`. */
  otherDocumentType?: string;
  /** Box 2, YYYY-MM-DD. Defaults to the longest validity the document type allows. */
  validUntil?: string;
  /** Box 3 and 3a. */
  importer: Party;
  /** Box 4. */
  exporter: Party;
  /** Box 5a. */
  purpose: string;
  /** Box 5. */
  specialConditions?: string[];
  /** Box 5b. */
  securityStampNumber?: string;
  /** Blocks A, B, C, D, … */
  specimens: Specimen[];
  /** Art. III(2)(d): the import permit an Appendix I export relies on. */
  importPermit?: DocumentReference;
  /** R1: the document this one replaces (box 5 says so on the permit). */
  replaces?: Replacement;
}

/**
 * Box 6: the issuing Management Authority. Not signed into the credential: the credential's
 * issuer is its DID, and a verifier takes its name and country from the trust list (see
 * subject.ts); the address is known to the issuing agent, and to a verifier only when the
 * trust list gives it.
 */
export interface ManagementAuthority {
  name: string;
  address?: string;
  country: string;
  did: string;
}

/** Box 13: place and date of issue and the signatory. */
export interface IssueRecord {
  place: string;
  /** ISO 8601 date-time of issue. */
  date: string;
  /** Full name of the officer who issued the document. */
  signatory: string;
}

export type IssuedSpecimen = Specimen & { /** Block letter: A, B, C, … */ block: string };

/**
 * An issued permit, box by box: what the agent stores, prints and serves, and what a
 * verifier shows. Its credential signs it as `PermitSubject` (subject.ts).
 */
export interface Permit extends Omit<PermitRequest, 'specimens' | 'validUntil'> {
  /** Box 1: unique number assigned by the issuing authority. */
  permitNumber: string;
  /** Box 2, YYYY-MM-DD (valid through the end of that day, UTC). */
  validUntil: string;
  managementAuthority: ManagementAuthority;
  issued: IssueRecord;
  specimens: IssuedSpecimen[];
}

/**
 * The credential subject of an issued permit (`CITESPermit`): the permit without what the
 * credential already states. Box 2 is the credential's expirationDate (JWT `exp`), the date
 * in box 13 its issuanceDate (`nbf`), and box 6 its issuer (`iss`). Saying each once keeps
 * them from disagreeing, and keeps the QR code small (src/qr). Box 13's place and signatory
 * are `issuance`, because the VC v1 context protects the term `issued`.
 */
export type PermitSubject = Omit<Permit, 'validUntil' | 'managementAuthority' | 'issued'> & { issuance: Omit<IssueRecord, 'date'> };
