/**
 * The printed permit of an issued permit: its QR code (full or reference) and, on a
 * reprint, its recorded endorsement and status, rendered as the A4 PDF.
 */
import { PRINT_LANGUAGES, renderPermitPdf, type PrintLanguage } from './index.js';
import type { Endorsement } from '../endorsement/model.js';
import type { SaigaAgent } from '../agent/wiring/open.js';
import { permitQr } from './permit-qr.js';

export { PRINT_LANGUAGES, type PrintLanguage };

/** Undefined when this agent issued no permit with that number. */
export async function printPermit(saiga: SaigaAgent, permitNumber: string, language: PrintLanguage): Promise<Buffer | undefined> {
  const record = await saiga.permits.get(permitNumber);
  if (!record) return undefined;
  const status = await saiga.lifecycle.status(permitNumber);
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
