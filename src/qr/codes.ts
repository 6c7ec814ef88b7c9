/**
 * Codes of the permit QR transport. They are defined with every other code in src/codes.ts;
 * this module names them for the QR code's own imports, with the refusal every reader returns
 * (reading never throws). Browser-safe.
 */
import { QR_CODES, type QrCode } from '../codes.js';

export { QR_CODES, type QrCode };

export type QrError = { ok: false; code: QrCode; message: string };

/** The refusal for a code, its message followed by what exactly was wrong. */
export const qrError = (code: QrCode, detail?: string): QrError => ({ ok: false, code, message: detail ? `${QR_CODES[code]} (${detail})` : QR_CODES[code] });
