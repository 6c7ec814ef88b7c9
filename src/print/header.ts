/**
 * The top of the form: the Convention title and boxes 1 to 6 (or, on a continuation
 * sheet, boxes 1 to 4 and a banner naming the sheet in place of boxes 5 and 6).
 */
import type { DocumentType } from '../permit/model.js';
import { cell } from './cell.js';
import { isoDate, type PrintContext } from './context.js';
import { LAYOUT, mm, type Rect } from './layout.js';
import { countryName, purposeMeaning } from './meanings.js';
import { BOLD, fitText, pdfSafe, REGULAR, type Run } from './text-fit.js';

const DOCUMENT_TYPES: readonly DocumentType[] = ['export', 're-export', 'import', 'other'];

export function drawTitle({ doc, labels }: PrintContext): void {
  fitText(doc, [{ text: labels.convention, font: BOLD }], LAYOUT.title, { max: 10, min: 6.5, align: 'center', valign: 'middle' });
}

function checkbox(doc: PDFKit.PDFDocument, x: number, y: number, size: number, checked: boolean): void {
  doc.save().lineWidth(0.6).rect(x, y, size, size).stroke();
  if (checked) {
    const i = size * 0.2;
    doc.lineWidth(1.1).moveTo(x + i, y + i).lineTo(x + size - i, y + size - i).moveTo(x + size - i, y + i).lineTo(x + i, y + size - i).stroke();
  }
  doc.restore();
}

/** Box 1: the permit number in large print and the four document types, the chosen one checked. */
function drawBox1(ctx: PrintContext): void {
  const { doc, permit, labels } = ctx;
  const content = cell(doc, LAYOUT.box1, '1', labels.permitNo, { labelLines: 1 });
  const rowHeight = mm(4);
  const numberBox: Rect = { ...content, h: content.h - rowHeight - 1 };
  fitText(doc, [{ text: permit.permitNumber, font: BOLD }], numberBox, { max: 20, min: 9, noWrap: true, valign: 'middle' });

  const items = DOCUMENT_TYPES.map((type) => ({
    type,
    text: type === 'other' && permit.documentType === 'other' && permit.otherDocumentType ? `${labels.documentTypes.other}${labels.colon}${pdfSafe(permit.otherDocumentType)}` : labels.documentTypes[type],
  }));
  const y = content.y + content.h - rowHeight;
  const square = mm(2.8);
  let size = 7;
  const widthAt = (s: number) => {
    doc.font(BOLD).fontSize(s);
    return items.reduce((sum, item) => sum + square + 2.5 + doc.widthOfString(item.text) + 7, 0);
  };
  while (size > 4.5 && widthAt(size) > content.w) size -= 0.25;
  let x = content.x;
  for (const item of items) {
    const checked = item.type === permit.documentType;
    checkbox(doc, x, y + (rowHeight - square) / 2, square, checked);
    x += square + 2.5;
    doc.font(checked ? BOLD : REGULAR).fontSize(size);
    const room = content.x + content.w - x;
    doc.text(item.text, x, y + (rowHeight - size) / 2 + 0.5, { lineBreak: false, width: room, height: rowHeight, ellipsis: true });
    doc.font(BOLD);
    x += Math.min(doc.widthOfString(item.text), room) + 7;
  }
}

function drawBox2({ doc, permit, labels }: PrintContext): void {
  const content = cell(doc, LAYOUT.box2, '2', labels.validUntil, { labelLines: 1 });
  fitText(doc, [{ text: isoDate(permit.validUntil), font: BOLD }], content, { max: 15, min: 8, noWrap: true, valign: 'middle' });
}

/** Paragraphs of a party: name in bold, address, and (for box 4) the country. */
function party(name: string, address: string | undefined, country?: string): Run[] {
  const runs: Run[] = [{ text: name, font: BOLD }];
  if (address) runs.push({ text: address });
  if (country) runs.push({ text: country });
  return runs;
}

function drawParties({ doc, permit, labels, language }: PrintContext): void {
  const box3 = cell(doc, LAYOUT.box3, '3', labels.importer, { labelLines: 1 });
  fitText(doc, party(permit.importer.name, permit.importer.address), box3, { max: 8.5, min: 5 });
  const box3a = cell(doc, LAYOUT.box3a, '3a', labels.countryOfImport, { labelLines: 1 });
  fitText(doc, [{ text: countryName(permit.importer.country, language), font: BOLD }], box3a, { max: 8, min: 5, noWrap: true });
  const box4 = cell(doc, LAYOUT.box4, '4', labels.exporter, { labelLines: 1 });
  fitText(doc, party(permit.exporter.name, permit.exporter.address, countryName(permit.exporter.country, language)), box4, { max: 8.5, min: 5 });
}

/**
 * Box 5 text: first the notes the form requires from the permit's data (the document this
 * one replaces, the import permit relied on), then the special conditions, so that if the
 * box must be cut at the smallest size it is the free text that loses its end.
 */
function specialConditions({ permit, labels }: PrintContext): Run[] {
  const runs: Run[] = [];
  if (permit.replaces) runs.push({ text: labels.replaces(permit.replaces.permitNumber, labels.replacementReasons[permit.replaces.reason] ?? permit.replaces.reason), font: BOLD });
  if (permit.importPermit) runs.push({ text: labels.importPermit(permit.importPermit.permitNumber) });
  return [...runs, ...(permit.specialConditions ?? []).map((text) => ({ text }))];
}

function drawBoxes5to6(ctx: PrintContext): void {
  const { doc, permit, labels, language, issuerDid } = ctx;
  const box5 = cell(doc, LAYOUT.box5, '5', labels.specialConditions, { labelLines: 1 });
  fitText(doc, specialConditions(ctx), box5, { max: 7.5, min: 4.5 });

  const box5a = cell(doc, LAYOUT.box5a, '5a', labels.purpose, { labelLines: 1 });
  const meaning = purposeMeaning(permit.purpose, language);
  fitText(doc, [{ text: meaning ? `${permit.purpose} – ${meaning}` : permit.purpose, font: BOLD }], box5a, { max: 8.5, min: 5, valign: 'middle' });

  const box5b = cell(doc, LAYOUT.box5b, '5b', labels.securityStampNo, { labelLines: 2 });
  fitText(doc, [{ text: permit.securityStampNumber ?? '', font: BOLD }], box5b, { max: 8.5, min: 5, valign: 'middle' });

  const authority = permit.managementAuthority;
  const box6 = cell(doc, LAYOUT.box6, '6', labels.managementAuthority, { labelLines: 1 });
  fitText(
    doc,
    [...party(authority.name, authority.address, countryName(authority.country, language)), { text: `${labels.did}${labels.colon}${issuerDid}`, scale: 0.75, color: '#444444' }],
    box6,
    { max: 8.5, min: 4.5 },
  );
}

function drawContinuationBanner({ doc, permit, labels, page, pages, issuerDid }: PrintContext): void {
  const content = cell(doc, LAYOUT.continuation, undefined, '', { labelLines: 1 });
  fitText(
    doc,
    [
      { text: labels.continuation(page, pages - 1), font: BOLD, scale: 1.4 },
      { text: `${labels.permitNo} ${permit.permitNumber}`, font: BOLD },
      { text: `${permit.managementAuthority.name} – ${labels.did}${labels.colon}${issuerDid}`, scale: 0.8 },
    ],
    content,
    { max: 11, min: 6, align: 'center', valign: 'middle', paragraphGap: 0.4 },
  );
}

export function drawHeader(ctx: PrintContext): void {
  drawTitle(ctx);
  drawBox1(ctx);
  drawBox2(ctx);
  drawParties(ctx);
  if (ctx.page === 0) drawBoxes5to6(ctx);
  else drawContinuationBanner(ctx);
}
