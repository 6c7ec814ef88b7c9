/**
 * A ruled box of the form with its small label ("3. Importer (name and address)") and
 * the rectangle left for its content.
 */
import { LABEL_SIZE, PAD, type Rect } from './layout.js';
import { BOLD, fitText, REGULAR } from './text-fit.js';

export const RULE_WIDTH = 0.6;

export function frame(doc: PDFKit.PDFDocument, rect: Rect, width = RULE_WIDTH): void {
  doc.save().lineWidth(width).strokeColor('black').rect(rect.x, rect.y, rect.w, rect.h).stroke().restore();
}

/** Strikes out an unused area with one diagonal, as unused blocks are on the paper form. */
export function strikeOut(doc: PDFKit.PDFDocument, rect: Rect): void {
  doc.save().lineWidth(0.5).strokeColor('#888888').moveTo(rect.x, rect.y + rect.h).lineTo(rect.x + rect.w, rect.y).stroke().restore();
}

/**
 * Draws the box frame and its label (box number in bold, up to two lines, shrunk if
 * longer) and returns the content rectangle under the label.
 */
export function cell(doc: PDFKit.PDFDocument, rect: Rect, number: string | undefined, label: string, options: { labelLines?: number } = {}): Rect {
  frame(doc, rect);
  const x = rect.x + PAD;
  const top = rect.y + PAD * 0.7;
  let indent = 0;
  if (number) {
    doc.font(BOLD).fontSize(LABEL_SIZE);
    const text = `${number}.`;
    doc.text(text, x, top, { lineBreak: false });
    indent = doc.widthOfString(text) + 1.5;
  }
  const lines = options.labelLines ?? 2;
  const labelBox = { x: x + indent, y: top, w: rect.w - 2 * PAD - indent, h: LABEL_SIZE * 1.2 * lines };
  const used = fitText(doc, [{ text: label, font: REGULAR, color: '#333333' }], labelBox, { max: LABEL_SIZE, min: 4.2 });
  const contentTop = top + Math.max(used.height, LABEL_SIZE * 1.2) + 1;
  return { x, y: contentTop, w: rect.w - 2 * PAD, h: rect.y + rect.h - contentTop - PAD * 0.6 };
}
