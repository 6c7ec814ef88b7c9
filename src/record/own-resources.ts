/**
 * This agent's public resources by path — status lists and permit records — as the HTTP
 * routes serve them and as the agent's own verifier reads them without a network hop.
 */
import { STATUS_PATH } from '../status/list-credential.js';
import { publicRecord, RECORD_PATH } from './public-record.js';
import type { ListPurpose } from '../store/status-lists.js';
import type { CommittedReads } from '../store/unit-of-work.js';

/** A resource as served: what `createLocalFetch` (the agent's own verifier) and the public routes answer with. */
export type OwnResource = { contentType: string; body: string } | undefined;

export const STATUS_ROUTE = new RegExp(`^${STATUS_PATH}/(revocation|suspension)/([1-9][0-9]{0,6})$`);
export const RECORD_ROUTE = new RegExp(`^${RECORD_PATH}/([0-9a-f-]{36})$`);
/** The signed permit itself, by its credential UUID: what a reference QR (too large a permit for one code) points to. */
export const CREDENTIAL_PATH = '/credentials';
export const CREDENTIAL_ROUTE = new RegExp(`^${CREDENTIAL_PATH}/([0-9a-f-]{36})$`);

/**
 * Reads only, committed data only (`store.reads`): the lists are published (signed) when they
 * change, so serving them signs nothing.
 */
/** @param linked the import permit JWTs an export relied on (src/store/held-permits.ts `linkedJwts`), for its record's `linkedPermits` */
export async function serveOwn(
  path: string,
  reads: Pick<CommittedReads, 'statusLists' | 'lifecycle' | 'permits'> & Partial<Pick<CommittedReads, 'importConfirmations'>>,
  issuerDid: string,
  linked?: (permitNumber: string) => Promise<string[]>,
): Promise<OwnResource> {
  const status = STATUS_ROUTE.exec(path);
  if (status) {
    const list = await reads.statusLists.bySeq(status[1] as ListPurpose, Number(status[2]));
    return list && { contentType: 'application/vc+jwt', body: list.jwt };
  }
  const record = RECORD_ROUTE.exec(path);
  if (record) {
    const found = await publicRecord(reads.lifecycle, record[1]!, issuerDid, linked, reads.importConfirmations);
    return found && { contentType: 'application/json', body: JSON.stringify(found) };
  }
  const credential = CREDENTIAL_ROUTE.exec(path);
  if (credential) {
    const jwt = await reads.permits.credentialJwt(`urn:uuid:${credential[1]!}`);
    return jwt === undefined ? undefined : { contentType: 'application/vc+jwt', body: jwt };
  }
  return undefined;
}
