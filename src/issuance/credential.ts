/**
 * Turns a validated permit request into the credential subject of an issued permit
 * and into the unsigned W3C credential (VC Data Model 1.1, the shape Veramo signs as a JWT).
 */
import type { IssuedSpecimen, ManagementAuthority, Permit, PermitRequest, PermitSubject } from '../permit/model.js';
import { permitSubject } from '../permit/subject.js';
import { blockLetter } from '../permit/findings.js';
import { agentResourceUrl, citesContextUrl, PERMIT_CREDENTIAL_SCHEMA_PATH, STATUS_LIST_V1_CONTEXT, VC_V1_CONTEXT } from '../vocab/contexts.js';
import { PERMIT_CREDENTIAL_TYPE } from '../vocab/credential-types.js';
import type { UnsignedVc } from '../vocab/unsigned-vc.js';


export interface IssueFacts {
  permitNumber: string;
  validUntil: string;
  authority: ManagementAuthority;
  place: string;
  issuedAt: Date;
  signatory: string;
}

/** The permit as it is signed: boxes in the order of the form, with what the authority adds. */
/** R1: a replacement states in box 5 the number of the document it replaces and why. */
export function replacementCondition(replaces: NonNullable<PermitRequest['replaces']>): string {
  return `This permit replaces permit No. ${replaces.permitNumber} (${replaces.reason}), which is cancelled.`;
}

export function buildPermit(request: PermitRequest, facts: IssueFacts): Permit {
  const specialConditions = request.replaces
    ? [...(request.specialConditions ?? []), replacementCondition(request.replaces)]
    : request.specialConditions;
  const specimens: IssuedSpecimen[] = request.specimens.map((specimen, i) => ({ block: blockLetter(i), ...specimen }));
  const permit: Permit = {
    permitNumber: facts.permitNumber,
    documentType: request.documentType,
    ...(request.otherDocumentType !== undefined && { otherDocumentType: request.otherDocumentType }),
    validUntil: facts.validUntil,
    importer: request.importer,
    exporter: request.exporter,
    ...(specialConditions !== undefined && { specialConditions }),
    purpose: request.purpose,
    ...(request.securityStampNumber !== undefined && { securityStampNumber: request.securityStampNumber }),
    managementAuthority: facts.authority,
    specimens,
    ...(request.importPermit !== undefined && { importPermit: request.importPermit }),
    ...(request.replaces !== undefined && { replaces: request.replaces }),
    issued: { place: facts.place, date: facts.issuedAt.toISOString(), signatory: facts.signatory },
  };
  return permit;
}

/** A permit is valid through the end of its valid-until day (UTC): that instant becomes the JWT `exp`. */
export function endOfDayUtc(date: string): string {
  return `${date}T23:59:59Z`;
}

export interface UnsignedCredential extends UnsignedVc<PermitSubject> {
  expirationDate: string;
  credentialSchema: { id: string; type: string };
  credentialStatus?: object[];
  /**
   * Properties placed as they are into the JWT's `vc` claim (did-jwt-vc copies `vc`; any
   * other unknown top-level property would become a bare JWT claim instead).
   * `permitRecord`: where the issuing agent publishes this permit's endorsements and status reason.
   */
  vc?: { permitRecord: string };
}

export interface CredentialLinks {
  /** The permit's BitstringStatusListEntry items (revocation and suspension). */
  credentialStatus: object[];
  permitRecord: string;
}

/**
 * The permit credential. `agentUrl` is the issuing agent's public URL (`saiga.url`): it
 * serves the CITES context and the credential's JSON Schema.
 */
export function buildPermitCredential(permit: Permit, credentialId: string, agentUrl: string, links?: CredentialLinks): UnsignedCredential {
  return {
    // VC Data Model 1.1 §4.1: the VC context first; then the Bitstring Status List v1.0
    // context (§2.1) for the status entries, and Saiga's CITES context for the rest.
    '@context': [VC_V1_CONTEXT, STATUS_LIST_V1_CONTEXT, citesContextUrl(agentUrl)],
    id: credentialId,
    type: ['VerifiableCredential', PERMIT_CREDENTIAL_TYPE],
    issuer: { id: permit.managementAuthority.did },
    // Box 13's date and box 2: the subject leaves them to these two (src/permit/subject.ts).
    issuanceDate: permit.issued.date,
    expirationDate: endOfDayUtc(permit.validUntil),
    // VC JSON Schema §3.1 `JsonSchema`: the schema validates the whole credential, so the
    // one referenced describes the whole credential, not only its subject.
    credentialSchema: { id: agentResourceUrl(agentUrl, PERMIT_CREDENTIAL_SCHEMA_PATH), type: 'JsonSchema' },
    ...(links && { credentialStatus: links.credentialStatus, vc: { permitRecord: links.permitRecord } }),
    credentialSubject: permitSubject(permit),
  };
}
