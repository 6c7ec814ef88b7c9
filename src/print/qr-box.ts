/**
 * The QR code, drawn as vector rectangles (docs/sources.md §6): error
 * correction M, modules of at least 0.5 mm, a 4-module white quiet zone, in a square
 * of about 60 mm (at most 66 mm) in the lower right of the page, with a caption below.
 *
 * Module sizes are whole hundredths of an inch (0.508 or 0.762 mm) and the code sits on
 * that grid, so every module is a whole number of dots at 100, 200, 300 and 600 dpi:
 * at 0.5 mm and 200 dpi a code placed anywhere had modules of 3.94 px, and whether a
 * scanner (jsQR) read it depended on where the module edges fell between pixels.
 */
import QRCode, { type QRCode as QrSymbol } from 'qrcode';
import type { PrintContext } from './context.js';
import { LAYOUT, mm, type Rect } from './layout.js';
import { fitText } from './text-fit.js';

export const QR_ERROR_CORRECTION = 'M';
export const QR_QUIET_ZONE_MODULES = 4;
/** Smallest module allowed (6 dots at 300 dpi). */
export const QR_MIN_MODULE_MM = 0.5;
/** The grid of module sizes and positions: 1/100 inch. */
export const QR_GRID_MM = 0.254;
/** Module sizes tried, largest first: 3/100 and 2/100 inch. */
export const QR_MODULE_SIZES_MM: readonly number[] = [3 * QR_GRID_MM, 2 * QR_GRID_MM];
/** A larger module is used while the square stays within this. */
export const QR_TARGET_MM = 60;
/** The largest square (quiet zone included) the page has room for. */
export const QR_MAX_MM = 66;

export interface QrGeometry {
  version: number;
  /** Modules across the symbol, without the quiet zone (17 + 4 × version). */
  modules: number;
  moduleMm: number;
  /** Side of the printed square, quiet zone included. */
  sizeMm: number;
}

/** The QR text does not fit in the printed square with the smallest module: the caller should print a reference QR instead. */
export class QrTooLargeError extends Error {
  constructor(
    readonly version: number,
    readonly requiredMm: number,
  ) {
    super(`the QR code (version ${version}, error correction M) needs ${requiredMm.toFixed(1)} mm with modules of ${QR_MODULE_SIZES_MM[QR_MODULE_SIZES_MM.length - 1]} mm; the permit has room for ${QR_MAX_MM} mm: print a reference QR instead`);
    this.name = 'QrTooLargeError';
  }
}

function geometryOf(version: number, modules: number): QrGeometry {
  const total = modules + 2 * QR_QUIET_ZONE_MODULES;
  const smallest = QR_MODULE_SIZES_MM[QR_MODULE_SIZES_MM.length - 1]!;
  const moduleMm = QR_MODULE_SIZES_MM.find((m) => m * total <= QR_TARGET_MM) ?? smallest;
  const sizeMm = moduleMm * total;
  if (sizeMm > QR_MAX_MM + 1e-9) throw new QrTooLargeError(version, sizeMm);
  return { version, modules, moduleMm, sizeMm };
}

/** Encodes the text (ECC M) and works out its printed size; throws QrTooLargeError when it would not fit. */
export function layoutQr(text: string): { qr: QrSymbol; geometry: QrGeometry } {
  let qr: QrSymbol;
  try {
    qr = QRCode.create(text, { errorCorrectionLevel: QR_ERROR_CORRECTION });
  } catch (error) {
    // More data than a version-40 code holds.
    if (/too big/i.test((error as Error).message)) throw new QrTooLargeError(41, Infinity);
    throw error;
  }
  return { qr, geometry: geometryOf(qr.version, qr.modules.size) };
}

/** The printed size of a QR text without drawing it. */
export const qrGeometry = (text: string): QrGeometry => layoutQr(text).geometry;

/** Draws the dark modules as one filled path of horizontal runs (no seams between modules). */
function drawModules(doc: PDFKit.PDFDocument, qr: QrSymbol, x0: number, y0: number, module: number): void {
  const { size, data } = qr.modules;
  doc.save().fillColor('black');
  for (let row = 0; row < size; row++) {
    let col = 0;
    while (col < size) {
      if (!data[row * size + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < size && data[row * size + col]) col++;
      doc.rect(x0 + start * module, y0 + row * module, (col - start) * module, module);
    }
  }
  doc.fill('nonzero').restore();
}

/** Draws the QR square at the top of the slot, centred across it, its thin frame, and the caption under it. Returns the square. */
export function drawQrBox(ctx: PrintContext, qr: QrSymbol, geometry: QrGeometry, slot: Rect = LAYOUT.qrSlot): Rect {
  const { doc, labels } = ctx;
  const side = mm(geometry.sizeMm);
  const module = mm(geometry.moduleMm);
  const grid = mm(QR_GRID_MM);
  const snap = (v: number) => Math.round(v / grid) * grid;
  const square: Rect = { x: snap(slot.x + (slot.w - side) / 2), y: snap(slot.y), w: side, h: side };
  doc.save().rect(square.x, square.y, side, side).fill('white').restore();
  drawModules(doc, qr, square.x + QR_QUIET_ZONE_MODULES * module, square.y + QR_QUIET_ZONE_MODULES * module, module);
  doc.save().lineWidth(0.4).strokeColor('#999999').rect(square.x, square.y, side, side).stroke().restore();
  const caption: Rect = { x: slot.x, y: square.y + side + mm(1.2), w: slot.w, h: LAYOUT.qrCaptionHeight };
  fitText(doc, [{ text: labels.qrCaption, font: 'Helvetica-Bold' }], caption, { max: 6.8, min: 4.5, align: 'center' });
  return square;
}

/**
 * A preview's stand-in for the QR code (render.ts `preview`): a dashed square of the QR's
 * usual size saying that a preview has none, so nothing on it scans as a permit.
 */
export function drawQrPlaceholder(ctx: PrintContext, slot: Rect = LAYOUT.qrSlot): Rect {
  const { doc, labels } = ctx;
  const side = mm(QR_TARGET_MM);
  const square: Rect = { x: slot.x + (slot.w - side) / 2, y: slot.y, w: side, h: side };
  doc.save().lineWidth(1.2).dash(4, { space: 3 }).strokeColor('#c0141c').rect(square.x, square.y, side, side).stroke().undash().restore();
  const inner: Rect = { x: square.x + mm(5), y: square.y + mm(5), w: side - mm(10), h: side - mm(10) };
  fitText(doc, [{ text: labels.preview.qr, font: 'Helvetica-Bold', color: '#c0141c' }], inner, { max: 11, min: 6, align: 'center', valign: 'middle' });
  return square;
}
