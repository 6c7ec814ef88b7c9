/**
 * The JSON form of a stored permit, as `GET /api/permits`, `GET /api/permits/{n}` and
 * `saiga permit show|list --json` answer it: the record's searchable fields, its state
 * today, the whole permit (box 6's address included) and the credential as signed.
 */
import type { StoredPermit } from './permits.js';

export function storedPermitJson(record: StoredPermit) {
  return {
    permitNumber: record.permitNumber,
    id: record.credentialId,
    documentType: record.documentType,
    issuer: record.issuerDid,
    issuedAt: record.issuedAt,
    validUntil: record.validUntil,
    state: record.state,
    signatory: record.signatory,
    permit: record.permit,
    jwt: record.jwt,
  };
}
