/**
 * The permit's public record as the issuing agent serves it (`GET /records/:id`) and every
 * verifier reads it, and the reasons a permit may be revoked. A leaf module: it imports
 * nothing. Browser-safe.
 */

/** Why an issuer revoked a permit (shown to whoever checks it). */
export type RevocationReason = 'cancelled' | 'lost' | 'stolen' | 'destroyed' | 'replaced' | 'fraud';
export const REVOCATION_REASONS: readonly RevocationReason[] = ['cancelled', 'lost', 'stolen', 'destroyed', 'replaced', 'fraud'];

/** What `GET /records/:id` serves. Nothing in it is more than the paper permit shows. */
export interface PublicPermitRecord {
  /** The permit credential's id. */
  id: string;
  permitNumber: string;
  issuer: string;
  status: 'valid' | 'revoked' | 'suspended';
  revocation?: { reason: RevocationReason; date: string };
  /** Box 5 of the replacement: the permit that replaced this one. */
  replacedBy?: string;
  /** CITESExportEndorsement VC-JWTs. */
  endorsements: string[];
  /**
   * The import permit(s) an Appendix I export relied on when it was issued (Art. III(2)(d)),
   * as the importing authority signed them (VC-JWTs), received through the exchange. Absent
   * when the export relied on none.
   */
  linkedPermits?: string[];
  /**
   * CITESImportConfirmation VC-JWTs the importing authority sent (issue 9): at most one
   * (Art. VI(5)). Every agent since issue 9 serves it; a verifier reads a record without it as none.
   */
  importConfirmations?: string[];
  updatedAt: string;
}
