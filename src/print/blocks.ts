/**
 * Blocks A to D of a page (boxes 7 to 12b), one species / specimen type each, with the
 * codes' meanings written out. Unused blocks are drawn empty and struck out.
 */
import type { IssuedSpecimen } from '../permit/model.js';
import { cell, frame, strikeOut } from './cell.js';
import { isoDate, type PrintContext } from './context.js';
import { BLOCKS_PER_PAGE, blockCells, type BlockCells } from './layout.js';
import { countryName, sourceMeaning, termMeaning, unitMeaning } from './meanings.js';
import { BOLD, fitText, ITALIC_BOLD, REGULAR, type Run } from './text-fit.js';

const VALUE = { max: 8, min: 4.3 } as const;

function labelsOf({ labels }: PrintContext) {
  return {
    names: `${labels.scientificName} – ${labels.commonName}`,
    description: labels.description,
    appendix: labels.appendixAndSource,
    quantity: labels.quantity,
    quota: labels.quota,
    origin: labels.countryOfOrigin,
    lastReExport: labels.lastReExport,
    operation: labels.operationOrAcquisition,
  };
}

/** Draws the ruled cells and labels of one block; returns their content rectangles. */
function drawCells(ctx: PrintContext, cells: BlockCells, letter: string) {
  const { doc } = ctx;
  const l = labelsOf(ctx);
  frame(doc, cells.letter);
  doc.font(BOLD).fontSize(14);
  doc.text(letter, cells.letter.x, cells.letter.y + cells.letter.h / 2 - 7, { width: cells.letter.w, align: 'center', lineBreak: false });
  return {
    names: cell(doc, cells.names, '7/8', l.names),
    description: cell(doc, cells.description, '9', l.description),
    appendix: cell(doc, cells.appendix, '10', l.appendix),
    quantity: cell(doc, cells.quantity, '11', l.quantity),
    quota: cell(doc, cells.quota, '11a', l.quota),
    origin: cell(doc, cells.origin, '12', l.origin),
    lastReExport: cell(doc, cells.lastReExport, '12a', l.lastReExport),
    operation: cell(doc, cells.operation, '12b', l.operation),
  };
}

function drawBlock(ctx: PrintContext, cells: BlockCells, s: IssuedSpecimen): void {
  const { doc, labels, language } = ctx;
  const box = drawCells(ctx, cells, s.block);

  const names: Run[] = [{ text: s.scientificName, font: ITALIC_BOLD, scale: 1.1 }];
  if (s.commonName) names.push({ text: s.commonName });
  fitText(doc, names, box.names, VALUE);

  const term = termMeaning(s.term, language);
  const description: Run[] = [{ text: s.description }, { text: `${labels.term}${labels.colon}${s.term}${term ? ` – ${term}` : ''}`, scale: 0.9 }];
  if (s.marks) description.push({ text: `${labels.marks}${labels.colon}${s.marks}`, scale: 0.9 });
  fitText(doc, description, box.description, VALUE);

  const source = sourceMeaning(s.source, language);
  const appendix: Run[] = [{ text: `${labels.appendix} ${s.appendix}  ·  ${labels.source} ${s.source}`, font: BOLD }];
  if (source) appendix.push({ text: `${s.source}${labels.colon}${source}`, scale: 0.8 });
  fitText(doc, appendix, box.appendix, VALUE);

  const unit = unitMeaning(s.unit, language);
  const quantity: Run[] = [{ text: `${s.quantity} ${s.unit}`, font: BOLD, scale: 1.1 }];
  if (unit) quantity.push({ text: `(${unit})`, scale: 0.85 });
  fitText(doc, quantity, box.quantity, VALUE);

  if (s.quota) {
    const { exportedToDate, annual, unit: quotaUnit } = s.quota;
    fitText(doc, [{ text: `${exportedToDate} / ${annual}${quotaUnit ? ` ${quotaUnit}` : ''}`, font: BOLD }], box.quota, VALUE);
  }
  if (s.origin) {
    const rest = [s.origin.permitNumber, s.origin.date && isoDate(s.origin.date)].filter(Boolean).join(', ');
    fitText(doc, [{ text: countryName(s.origin.country, language), font: BOLD }, { text: rest }], box.origin, VALUE);
  }
  if (s.lastReExport) {
    const { country, certificateNumber, date } = s.lastReExport;
    fitText(doc, [{ text: countryName(country, language), font: BOLD }, { text: `${certificateNumber}, ${isoDate(date)}` }], box.lastReExport, VALUE);
  }
  const operation: Run[] = [];
  if (s.operationNumber) operation.push({ text: `${labels.operationNumber}${labels.colon}${s.operationNumber}`, font: REGULAR });
  if (s.acquisitionDate) operation.push({ text: `${labels.acquisitionDate}${labels.colon}${isoDate(s.acquisitionDate)}`, font: REGULAR });
  fitText(doc, operation, box.operation, VALUE);
}

/** Draws the page's blocks in slots A–D; the slots left over are struck out. */
export function drawBlocks(ctx: PrintContext): void {
  for (let i = 0; i < BLOCKS_PER_PAGE; i++) {
    const cells = blockCells(i);
    const specimen = ctx.blocks[i];
    if (specimen) drawBlock(ctx, cells, specimen);
    else {
      const n = ctx.page * BLOCKS_PER_PAGE + i;
      drawCells(ctx, cells, n < 26 ? String.fromCharCode(65 + n) : '');
      strikeOut(ctx.doc, cells.whole);
    }
  }
}
