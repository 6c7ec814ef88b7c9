/**
 * The customs export endorsement: boxes 14 and 15 of the permit form (Res. Conf. 12.3 (Rev. CoP19); Art. VI(5); docs/sources.md §5).
 *
 * At export the inspecting official records, per block, the quantity that actually left
 * the country, the port and the date (box 14) and the bill of lading or air waybill number
 * (box 15). Convention Art. VI(5): one permit per consignment, so a permit is endorsed once;
 * a balance left unshipped cannot be shipped later under the same permit (U2).
 *
 * `EndorsementRequest` is what the officer submits; `Endorsement` is the credential subject
 * of the `CITESExportEndorsement` VC-JWT that the authority's customs DID signs.
 *
 * Browser-safe: the verification core reads endorsements with these types.
 */

/** The credential type and the signed subject are shared with every verifier: they live in the leaf vocabulary. */
export { ENDORSEMENT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
export type { EndorsedBlock, Endorsement } from '../vocab/endorsement.js';

/** One block of box 14 as submitted: the block letter and the quantity exported. */
export interface EndorsementRequestBlock {
  /** Block letter of the permit: A, B, C, … */
  block: string;
  /** Quantity that left the country; 0 for a block not shipped. */
  quantity: number;
  /** UN/ECE Rec. 20 unit; defaults to the permit's unit for that block and must equal it when given. */
  unit?: string;
}

/**
 * What a customs officer submits (API body; the CLI builds the same).
 *
 * @example
 * const request: EndorsementRequest = {
 *   blocks: [{ block: 'A', quantity: 250 }, { block: 'B', quantity: 0 }],
 *   portOfExport: 'CHGVA',
 *   date: '2026-05-04',
 *   transportDocument: '057-12345675',
 * };
 */
export interface EndorsementRequest {
  blocks: EndorsementRequestBlock[];
  /** UN/LOCODE, 5 characters: 2-letter country + 3 (e.g. LKCMB, CHGVA). */
  portOfExport: string;
  /** YYYY-MM-DD, the date of export. */
  date: string;
  /** Box 15: bill of lading or air waybill number, 1–70 characters. */
  transportDocument: string;
}
