/**
 * The public record of a permit, as the issuing agent serves it at the URL the credential
 * names: status, the reason of a revocation, the replacement, the signed customs
 * endorsements, and the import permit an Appendix I export relied on (signed by its
 * issuer). Nothing here is more than the paper permits show (boxes 1, 5, 14, 15).
 */
import type { ImportConfirmationReads } from '../store/import-confirmations.js';
import type { LifecycleReads } from '../store/lifecycle.js';
import type { PublicPermitRecord, RevocationReason } from '../vocab/public-record.js';

export const RECORD_PATH = '/records';

/** Records are addressed by the credential id's UUID, not by the guessable permit number. */
export function recordUrl(baseUrl: string, credentialId: string): string {
  return `${baseUrl}${RECORD_PATH}/${credentialId.replace(/^urn:uuid:/, '')}`;
}

/**
 * @param store committed reads (`store.reads.lifecycle`): a record shows committed changes only
 * @param linked the import permits (JWTs) an Appendix I export relied on (Art. III(2)(d)): the record links them for every verifier
 * @param confirmations committed reads of the import confirmations received (issue 9)
 */
export async function publicRecord(
  store: LifecycleReads,
  uuid: string,
  issuerDid: string,
  linked?: (permitNumber: string) => Promise<string[]>,
  confirmations?: Pick<ImportConfirmationReads, 'byPermit'>,
): Promise<PublicPermitRecord | undefined> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(uuid)) return undefined;
  const life = await store.life({ credentialId: `urn:uuid:${uuid}` });
  if (!life) return undefined;
  const endorsements = await store.endorsements(life.permitNumber);
  const events = await store.events(life.permitNumber);
  const record: PublicPermitRecord = {
    id: life.credentialId,
    permitNumber: life.permitNumber,
    issuer: issuerDid,
    status: life.state,
    endorsements: endorsements.map((e) => e.jwt),
    updatedAt: events[events.length - 1]?.at ?? life.issuedAt,
  };
  if (confirmations) {
    // The importing authority's confirmation of this permit (direction 'received'): signed, so the record only carries it.
    const confirmation = await confirmations.byPermit(life.credentialId);
    const received = confirmation?.direction === 'received' ? confirmation : undefined;
    record.importConfirmations = received ? [received.jwt] : [];
    if (received && received.createdAt > record.updatedAt) record.updatedAt = received.createdAt;
  }
  if (life.state === 'revoked') record.revocation = { reason: life.revocationReason as RevocationReason, date: life.revokedAt! };
  if (life.replacedBy) record.replacedBy = life.replacedBy;
  const linkedPermits = linked ? await linked(life.permitNumber) : [];
  if (linkedPermits.length > 0) record.linkedPermits = linkedPermits;
  return record;
}
