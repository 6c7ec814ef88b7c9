/**
 * The printed permit of an issued permit: its QR code (full or reference) and, on a
 * reprint, its recorded endorsement and status, rendered as the A4 PDF.
 */
import { PRINT_LANGUAGES, renderPermitPdf, type PrintLanguage } from './index.js';
import type { Endorsement } from '../endorsement/model.js';
import type { Permit } from '../permit/model.js';
import type { StoredPermit } from '../store/permits.js';
import { permitQr, type PermitQrConfig } from './permit-qr.js';

export { PRINT_LANGUAGES, type PrintLanguage };

/** What printing reads: the agent's URL (for the QR code), the issued permit and its state (the agent's records capability has both). */
export interface PrintSources {
  config: PermitQrConfig;
  records: {
    permit(permitNumber: string): Promise<StoredPermit | undefined>;
    status(permitNumber: string): Promise<{ state: PrintStatus; endorsement: { endorsement: unknown } | null } | undefined>;
  };
}

type PrintStatus = NonNullable<Parameters<typeof renderPermitPdf>[0]['status']>;

/** Undefined when this agent issued no permit with that number. */
export async function printPermit(saiga: PrintSources, permitNumber: string, language: PrintLanguage): Promise<Buffer | undefined> {
  const record = await saiga.records.permit(permitNumber);
  if (!record) return undefined;
  const status = await saiga.records.status(permitNumber);
  const qr = await permitQr(saiga.config, record.jwt);
  const endorsement = status?.endorsement?.endorsement as Endorsement | undefined;
  return renderPermitPdf({
    permit: record.permit,
    qrText: qr.text,
    language,
    issuerDid: record.issuerDid,
    ...(endorsement !== undefined && { endorsement }),
    ...(status !== undefined && { status: status.state }),
  });
}

/**
 * The preview of a permit not yet issued (src/issuance/preview.ts builds it): marked as a
 * preview on every page, with no number and no QR code (render.ts `preview`).
 */
export function printPreview(permit: Permit, language: PrintLanguage): Promise<Buffer> {
  return renderPermitPdf({ permit, language, issuerDid: permit.managementAuthority.did, preview: true });
}
