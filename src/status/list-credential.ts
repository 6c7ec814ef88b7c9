/**
 * The status list credential (W3C Bitstring Status List v1.0 §2.2), unsigned: the agent
 * signs it as a VC-JWT with the authority's own DID, the same DID that signs the permits,
 * because verifiers require the two issuers to match.
 */
import { encodeBitstring } from '../vocab/bitstring.js';
import { STATUS_LIST_V1_CONTEXT, VC_V1_CONTEXT } from '../vocab/contexts.js';
import type { UnsignedVc } from '../vocab/unsigned-vc.js';
import type { ListPurpose } from '../store/status-lists.js';

export const STATUS_PATH = '/status';

export function statusListUrl(baseUrl: string, purpose: ListPurpose, seq: number): string {
  return `${baseUrl}${STATUS_PATH}/${purpose}/${seq}`;
}

export type StatusListCredential = UnsignedVc<{ id: string; type: 'BitstringStatusList'; statusPurpose: ListPurpose; encodedList: string }>;

export function buildStatusListCredential(a: { url: string; issuerDid: string; purpose: ListPurpose; bits: Uint8Array; now: Date }): StatusListCredential {
  return {
    // Bitstring Status List v1.0 §2.2: its context defines BitstringStatusListCredential and its terms.
    '@context': [VC_V1_CONTEXT, STATUS_LIST_V1_CONTEXT],
    id: a.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: a.issuerDid },
    issuanceDate: a.now.toISOString(),
    credentialSubject: { id: `${a.url}#list`, type: 'BitstringStatusList', statusPurpose: a.purpose, encodedList: encodeBitstring(a.bits) },
  };
}

/**
 * One of the two `credentialStatus` entries every permit carries (BSL §2.1
 * BitstringStatusListEntry). VC Data Model 1.1 §4.9 requires an `id` for a status entry;
 * `<list URL>#<index>` is the form BSL §2.1's examples use.
 */
export function statusEntry(url: string, purpose: ListPurpose, index: number) {
  return { id: `${url}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
}
