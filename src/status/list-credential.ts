/**
 * The status list credential (W3C Bitstring Status List v1.0 §2.2), unsigned: the agent
 * signs it as a VC-JWT with the authority's own DID, the same DID that signs the permits,
 * because verifiers require the two issuers to match.
 */
import { encodeBitstring } from '../vocab/bitstring.js';
import { VC_V1_CONTEXT } from '../vocab/contexts.js';
import type { UnsignedVc } from '../vocab/unsigned-vc.js';
import type { ListPurpose } from '../store/status-lists.js';

export const STATUS_PATH = '/status';

export function statusListUrl(baseUrl: string, purpose: ListPurpose, seq: number): string {
  return `${baseUrl}${STATUS_PATH}/${purpose}/${seq}`;
}

export type StatusListCredential = UnsignedVc<{ id: string; type: 'BitstringStatusList'; statusPurpose: ListPurpose; encodedList: string }>;

export function buildStatusListCredential(a: { url: string; issuerDid: string; purpose: ListPurpose; bits: Uint8Array; now: Date }): StatusListCredential {
  return {
    '@context': [VC_V1_CONTEXT],
    id: a.url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: { id: a.issuerDid },
    issuanceDate: a.now.toISOString(),
    credentialSubject: { id: `${a.url}#list`, type: 'BitstringStatusList', statusPurpose: a.purpose, encodedList: encodeBitstring(a.bits) },
  };
}

/**
 * The two `credentialStatus` entries every permit carries (BSL §2.1 BitstringStatusListEntry).
 * The entry's own `id` is optional (BSL §2.1, VC Data Model §4.10) and says nothing the list
 * URL and index do not: it is left out, which saves the QR code about 10 bytes.
 */
export function statusEntry(url: string, purpose: ListPurpose, index: number) {
  return { type: 'BitstringStatusListEntry', statusPurpose: purpose, statusListIndex: String(index), statusListCredential: url };
}
