/**
 * The diagonal "REVOKED" / "SUSPENDED" watermark of a permit that is no longer valid, and
 * "PREVIEW — NOT VALID" across a preview before issuing (render.ts `preview`).
 * It crosses the blocks, translucent so the permit stays readable, and keeps clear of
 * the QR code (which must still scan: the verifier then shows the permit's state).
 */
import type { PrintContext } from './context.js';
import { mm } from './layout.js';
import { BOLD, pdfSafe } from './text-fit.js';

const ANGLE = -32;
const WIDTH = mm(165);
/** A preview has no QR code to keep clear of: its watermark may cross the page corner to corner. */
const PREVIEW_WIDTH = mm(230);

export function drawWatermark({ doc, labels }: PrintContext, status: 'revoked' | 'suspended' | 'preview'): void {
  const text = pdfSafe(labels.watermark[status]);
  const cx = mm(100);
  const cy = mm(138);
  doc.font(BOLD).fontSize(100);
  const size = Math.min(120, (100 * (status === 'preview' ? PREVIEW_WIDTH : WIDTH)) / doc.widthOfString(text));
  doc.fontSize(size);
  const width = doc.widthOfString(text);
  doc.save();
  doc.rotate(ANGLE, { origin: [cx, cy] });
  doc.fillColor('#c0141c').fillOpacity(0.2);
  doc.text(text, cx - width / 2, cy - size * 0.35, { lineBreak: false });
  doc.lineWidth(2).strokeColor('#c0141c').strokeOpacity(0.35);
  doc.rect(cx - width / 2 - 12, cy - size * 0.45, width + 24, size * 0.95).stroke();
  doc.restore();
}
