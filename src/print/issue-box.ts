/** Box 13 (place, date and signatory of issue) and the form's footnotes to boxes 12 and 12b. */
import { cell } from './cell.js';
import { isoDate, type PrintContext } from './context.js';
import { LAYOUT } from './layout.js';
import { BOLD, fitText } from './text-fit.js';

export function drawIssueBox({ doc, permit, labels }: PrintContext): void {
  const content = cell(doc, LAYOUT.box13, '13', labels.issuedBy, { labelLines: 1 });
  const { place, date, signatory } = permit.issued;
  fitText(
    doc,
    [
      { text: `${labels.place}${labels.colon}${place}     ${labels.date}${labels.colon}${isoDate(date)}` },
      { text: `${labels.signatory}${labels.colon}${signatory}`, font: BOLD },
      { text: labels.issuedElectronically, scale: 0.9 },
    ],
    content,
    { max: 8.5, min: 5, paragraphGap: 0.35 },
  );
}

export function drawFootnotes({ doc, labels }: PrintContext): void {
  fitText(doc, labels.footnotes.map((text) => ({ text, color: '#333333' })), LAYOUT.footnotes, { max: 5.2, min: 4, paragraphGap: 0.1 });
}
