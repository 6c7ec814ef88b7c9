/**
 * Draws permit QR codes (Node only; the rest of src/qr is browser-safe): error correction M
 * and a 4-module quiet zone, as on the printed permit (docs/sources.md §6). The `qrcode`
 * package picks the segments (the CP1 payload goes in alphanumeric mode).
 */
import QRCode from 'qrcode';
import type { ErrorCorrection } from './capacity.js';

export const QR_ERROR_CORRECTION: ErrorCorrection = 'M';
export const QR_QUIET_ZONE_MODULES = 4;

/** The version (1–40) of the QR code `qrcode` draws for `text`; throws a RangeError when no version holds it. */
export function qrVersion(text: string, ecc: ErrorCorrection = QR_ERROR_CORRECTION): number {
  try {
    return QRCode.create(text, { errorCorrectionLevel: ecc }).version;
  } catch (error) {
    throw new RangeError(`no QR code version holds this text at error correction ${ecc} (${text.length} characters): ${(error as Error).message}`);
  }
}

export interface PngOptions {
  /** Pixels per module (default 8); `width` takes precedence. */
  scale?: number;
  /** Width of the whole image in pixels, quiet zone included. */
  width?: number;
  ecc?: ErrorCorrection;
}

/** Writes the QR code of `text` as a PNG file. */
export async function writeQrPng(text: string, file: string, opts: PngOptions = {}): Promise<void> {
  await QRCode.toFile(file, text, {
    type: 'png',
    errorCorrectionLevel: opts.ecc ?? QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    ...(opts.width !== undefined ? { width: opts.width } : { scale: opts.scale ?? 8 }),
  });
}

/** The QR code of `text` as an SVG document (vector, for print). */
export async function qrSvg(text: string, ecc: ErrorCorrection = QR_ERROR_CORRECTION): Promise<string> {
  return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: ecc, margin: QR_QUIET_ZONE_MODULES });
}

/** The QR code of `text` as a PNG data: URI, for a page whose CSP allows images from data: only (the holder page). */
export async function qrPngDataUri(text: string, opts: PngOptions = {}): Promise<string> {
  return QRCode.toDataURL(text, {
    type: 'image/png',
    errorCorrectionLevel: opts.ecc ?? QR_ERROR_CORRECTION,
    margin: QR_QUIET_ZONE_MODULES,
    ...(opts.width !== undefined ? { width: opts.width } : { scale: opts.scale ?? 6 }),
  });
}
