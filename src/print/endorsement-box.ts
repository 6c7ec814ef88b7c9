/**
 * Box 14, the export endorsement, as a ruled table with one row per block of the page:
 * empty for customs to fill in, or (on a reprint of an endorsed permit) the recorded
 * quantity, port, date and officer. Box 15: the transport document number.
 */
import type { EndorsedBlock } from '../endorsement/model.js';
import { cell, strikeOut } from './cell.js';
import { isoDate, type PrintContext } from './context.js';
import { BLOCKS_PER_PAGE, LAYOUT, mm, type Rect } from './layout.js';
import { BOLD, fitText, REGULAR } from './text-fit.js';

/** Column widths in mm: block, quantity, port, date, signature, stamp (the stamp takes the rest). */
const COLUMNS = [10, 25, 21, 18, 22] as const;
const HEADER_HEIGHT = mm(6);

function line(doc: PDFKit.PDFDocument, x1: number, y1: number, x2: number, y2: number): void {
  doc.save().lineWidth(0.4).strokeColor('black').moveTo(x1, y1).lineTo(x2, y2).stroke().restore();
}

export function drawEndorsementBox(ctx: PrintContext): void {
  const { doc, labels, endorsement, blocks } = ctx;
  const title = endorsement ? `${labels.exportEndorsement} – ${labels.endorsedElectronically}` : labels.exportEndorsement;
  const table = cell(doc, LAYOUT.box14, '14', title, { labelLines: 1 });

  const xs = [table.x];
  for (const w of COLUMNS) xs.push(xs[xs.length - 1]! + mm(w));
  xs.push(table.x + table.w);
  const headers = [labels.block, labels.quantityExported, labels.portOfExport, labels.date, labels.signature, labels.stampAndTitle];
  const rowHeight = (table.h - HEADER_HEIGHT) / BLOCKS_PER_PAGE;
  const bottom = table.y + HEADER_HEIGHT + rowHeight * BLOCKS_PER_PAGE;

  doc.save().lineWidth(0.4).rect(table.x, table.y, table.w, bottom - table.y).stroke().restore();
  for (let c = 1; c < xs.length - 1; c++) line(doc, xs[c]!, table.y, xs[c]!, bottom);
  for (let r = 0; r <= BLOCKS_PER_PAGE; r++) line(doc, table.x, table.y + HEADER_HEIGHT + r * rowHeight, table.x + table.w, table.y + HEADER_HEIGHT + r * rowHeight);

  const inCell = (c: number, y: number, h: number): Rect => ({ x: xs[c]! + 1.5, y: y + 1, w: xs[c + 1]! - xs[c]! - 3, h: h - 2 });
  headers.forEach((text, c) => fitText(doc, [{ text, color: '#333333' }], inCell(c, table.y, HEADER_HEIGHT), { max: 5.4, min: 4, valign: 'middle' }));

  for (let r = 0; r < BLOCKS_PER_PAGE; r++) {
    const y = table.y + HEADER_HEIGHT + r * rowHeight;
    const block = blocks[r];
    if (!block) {
      strikeOut(doc, { x: table.x, y, w: table.w, h: rowHeight });
      continue;
    }
    const value = { max: 7.5, min: 4.2, valign: 'middle' } as const;
    fitText(doc, [{ text: block.block, font: BOLD }], inCell(0, y, rowHeight), { ...value, align: 'center' });
    if (!endorsement) continue;
    const endorsed: EndorsedBlock | undefined = endorsement.blocks.find((b) => b.block === block.block);
    const values = [
      endorsed ? `${endorsed.quantity} ${endorsed.unit}` : '—',
      endorsement.portOfExport,
      isoDate(endorsement.date),
      endorsement.officer,
      `${labels.customsOfficer} (${endorsement.country})`,
    ];
    values.forEach((text, i) => fitText(doc, [{ text, font: i === 0 ? BOLD : REGULAR }], inCell(i + 1, y, rowHeight), value));
  }
  drawTransportBox(ctx);
}

function drawTransportBox({ doc, labels, endorsement }: PrintContext): void {
  const content = cell(doc, LAYOUT.box15, '15', labels.transportDocument, { labelLines: 1 });
  fitText(doc, [{ text: endorsement?.transportDocument ?? '', font: BOLD }], content, { max: 8.5, min: 5, noWrap: true, valign: 'middle' });
}
