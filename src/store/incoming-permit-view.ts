/**
 * An incoming permit as `saiga imports list --json` and `GET /api/imports` show it: what
 * arrives, from whom, its state at the importing side and what its issuer notified. The
 * signed permit itself stays in the store; this is the officer's summary.
 */
import type { IncomingPermit } from './incoming-permits.js';

export interface IncomingPermitJson {
  permitNumber: string;
  id: string;
  issuer: string;
  documentType: string;
  exporterCountry: string;
  importerCountry: string;
  validUntil: string;
  receivedAt: string;
  state: IncomingPermit['state'];
  /** As the issuer notified it (status-changed); `changedAt` is the issuer's time, `notifiedAt` this agent's. */
  status: { status: IncomingPermit['status']; reason?: string; replacedBy?: string; changedAt?: string; notifiedAt?: string };
  /** When the exporting country's customs endorsed the export (export-endorsed), if they did. */
  endorsedAt?: string;
  blocks: { block: string; scientificName: string; quantity: number; unit: string }[];
}

export function incomingPermitJson(p: IncomingPermit): IncomingPermitJson {
  const status: IncomingPermitJson['status'] = { status: p.status };
  if (p.statusReason !== undefined) status.reason = p.statusReason;
  if (p.replacedBy !== undefined) status.replacedBy = p.replacedBy;
  if (p.statusChangedAt !== undefined) status.changedAt = p.statusChangedAt;
  if (p.statusNotifiedAt !== undefined) status.notifiedAt = p.statusNotifiedAt;
  return {
    permitNumber: p.permitNumber,
    id: p.credentialId,
    issuer: p.issuerDid,
    documentType: p.documentType,
    exporterCountry: p.exporterCountry,
    importerCountry: p.importerCountry,
    validUntil: p.validUntil,
    receivedAt: p.receivedAt,
    state: p.state,
    status,
    ...(p.endorsedAt !== undefined && { endorsedAt: p.endorsedAt }),
    blocks: p.permit.specimens.map((s) => ({ block: s.block, scientificName: s.scientificName, quantity: s.quantity, unit: s.unit })),
  };
}
