/**
 * This agent's public resources by path — status lists and permit records — as the HTTP
 * routes serve them and as the agent's own verifier reads them without a network hop.
 */
import { STATUS_PATH } from '../status/list-credential.js';
import { RECORD_PATH } from '../record/public-record.js';
import { publicRecord } from '../record/public-record.js';
import { StatusListStore, type ListPurpose } from '../store/status-lists.js';
import type { Queryable } from '../store/sqlite.js';
import type { LocalResource } from '../verification/local-fetch.js';

export const STATUS_ROUTE = new RegExp(`^${STATUS_PATH}/(revocation|suspension)/([1-9][0-9]{0,6})$`);
export const RECORD_ROUTE = new RegExp(`^${RECORD_PATH}/([0-9a-f-]{36})$`);
/** The signed permit itself, by its credential UUID: what a reference QR (too large a permit for one code) points to. */
export const CREDENTIAL_PATH = '/credentials';
export const CREDENTIAL_ROUTE = new RegExp(`^${CREDENTIAL_PATH}/([0-9a-f-]{36})$`);

/** Reads only: the lists are published (signed) when they change, so serving them signs nothing. */
export async function serveOwn(path: string, db: Queryable, issuerDid: string): Promise<LocalResource> {
  const status = STATUS_ROUTE.exec(path);
  if (status) {
    const list = await new StatusListStore(db).bySeq(status[1] as ListPurpose, Number(status[2]));
    return list && { contentType: 'application/vc+jwt', body: list.jwt };
  }
  const record = RECORD_ROUTE.exec(path);
  if (record) {
    const found = await publicRecord(db, record[1]!, issuerDid);
    return found && { contentType: 'application/json', body: JSON.stringify(found) };
  }
  const credential = CREDENTIAL_ROUTE.exec(path);
  if (credential) {
    const row = await db.get<{ jwt: string }>('SELECT jwt FROM permit WHERE credential_id = ?', [`urn:uuid:${credential[1]!}`]);
    return row && { contentType: 'application/vc+jwt', body: row.jwt };
  }
  return undefined;
}
