/**
 * The two forms of an issued permit: the `Permit` the agent stores and prints, and the
 * `PermitSubject` its credential signs. The subject leaves out box 2, the date of box 13 and
 * box 6, because the credential states them already (expirationDate, issuanceDate, issuer);
 * `permitFromSubject` puts them back from the verified credential. Browser-safe.
 */
import type { ManagementAuthority, Permit, PermitSubject } from './model.js';
import { utcDate } from './validity.js';

/**
 * What the credential signs: the permit without box 2, the date of box 13 and box 6. Box 13's
 * place and signatory are signed as `issuance`: `issued` is a protected term of the VC v1
 * context (VC Data Model 1.1 §B), which a CITES context may not redefine.
 */
export function permitSubject(permit: Permit): PermitSubject {
  const { validUntil: _validUntil, managementAuthority: _authority, issued, ...rest } = permit;
  const { date: _date, ...issuance } = issued;
  return { ...rest, issuance };
}

export interface CredentialFacts {
  /** The authority that signed: its DID, and its name and country from the trust list. */
  authority: ManagementAuthority;
  /** The credential's issuanceDate (JWT `nbf`), as an ISO date-time; absent from a credential without one. */
  issuedAt?: string;
  /** The credential's expirationDate (JWT `exp`), as an ISO date-time: box 2 is its UTC day. Absent from one without. */
  expiresAt?: string;
}

/**
 * The permit box by box, from a verified credential's subject and what the credential says
 * around it. Reads the subject defensively (it may have failed the schema): whatever it
 * holds is kept, the three facts are added.
 */
export function permitFromSubject(subject: Record<string, unknown>, facts: CredentialFacts): Permit {
  const { issuance: box13, ...rest } = subject;
  const issuance = box13 !== null && typeof box13 === 'object' ? (box13 as Record<string, unknown>) : {};
  return {
    ...(rest as unknown as Omit<PermitSubject, 'issuance'>),
    validUntil: dayOf(facts.expiresAt),
    managementAuthority: { ...facts.authority },
    issued: { ...(issuance as unknown as PermitSubject['issuance']), date: facts.issuedAt ?? '' },
  };
}

/** The UTC day of an ISO date-time, or '' when there is none (never throws). */
function dayOf(iso: string | undefined): string {
  const at = iso === undefined ? undefined : new Date(iso);
  return at === undefined || Number.isNaN(at.getTime()) ? '' : utcDate(at);
}
