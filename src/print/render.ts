/**
 * The printed permit: an A4 PDF in the layout of the standard CITES form (Res. Conf. 12.3
 * Annex 2), in English, French or Spanish, with the QR code that carries the signed
 * permit. Blocks beyond D go on continuation sheets that repeat boxes 1–4. Node only
 * (pdfkit); standard PDF fonts only (Helvetica family, WinAnsi).
 */
import PDFDocument from 'pdfkit';
import type { Endorsement } from '../endorsement/model.js';
import type { Permit } from '../permit/model.js';
import { drawBlocks } from './blocks.js';
import type { PrintContext } from './context.js';
import { drawEndorsementBox } from './endorsement-box.js';
import { drawHeader } from './header.js';
import { drawFootnotes, drawIssueBox } from './issue-box.js';
import { FORM_LABELS, type PrintLanguage } from './labels.js';
import { BLOCKS_PER_PAGE, LAYOUT } from './layout.js';
import { drawQrBox, drawQrPlaceholder, layoutQr } from './qr-box.js';
import { fitText } from './text-fit.js';
import { drawWatermark } from './watermark.js';

export type PrintStatus = 'valid' | 'revoked' | 'suspended';

export interface RenderPermitInput {
  permit: Permit;
  /** The text the QR code carries (the compact permit encoding, or a reference link). Absent only on a preview. */
  qrText?: string;
  language: PrintLanguage;
  /** Given on a reprint of an endorsed permit: boxes 14 and 15 show what customs recorded. */
  endorsement?: Endorsement;
  /** The issuing Management Authority's DID, printed in small type in box 6. */
  issuerDid: string;
  /** A revoked or suspended permit is printed with a diagonal watermark. */
  status?: PrintStatus;
  /**
   * A preview before issuing (POST /api/permits/preview): unmistakably not a permit. Box 1,
   * the footer and the title say "PREVIEW" in the language instead of the permit's number
   * (a preview has none), a "PREVIEW — NOT VALID" watermark crosses every page, and a
   * placeholder stands where the QR code of the signed credential goes (a preview is signed by no one).
   */
  preview?: boolean;
}

function drawFooter(ctx: PrintContext): void {
  const { labels, permit, page, pages } = ctx;
  const parts = [labels.page(page + 1, pages), `${labels.permitNo} ${permit.permitNumber}`];
  if (page === 0 && pages > 1) parts.push(labels.blocksOnContinuation(pages - 1));
  fitText(ctx.doc, [{ text: parts.join('   ·   '), color: '#333333' }], LAYOUT.footer, { max: 6.5, min: 4.5, noWrap: true, align: 'center' });
}

/**
 * Renders the permit as an A4 PDF. Throws QrTooLargeError (from qr-box.ts) when `qrText`
 * needs a QR code larger than the page has room for at 0.5 mm per module.
 */
export async function renderPermitPdf(input: RenderPermitInput): Promise<Buffer> {
  const { language, endorsement, issuerDid, status, preview } = input;
  const labels = FORM_LABELS[language];
  if (!labels) throw new Error(`unsupported print language "${String(language)}" (en, fr or es)`);
  const permit: Permit = preview ? { ...input.permit, permitNumber: labels.preview.number } : input.permit;
  if (!preview && input.qrText === undefined) throw new Error('a permit is printed with its QR code: give qrText');
  const code = preview ? undefined : layoutQr(input.qrText!);
  const pages = Math.max(1, Math.ceil(permit.specimens.length / BLOCKS_PER_PAGE));

  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    lang: language,
    info: {
      Title: `CITES ${labels.permitNo} ${permit.permitNumber}`,
      Author: permit.managementAuthority.name,
      Subject: labels.convention,
      Creator: 'Saiga',
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  for (let page = 0; page < pages; page++) {
    doc.addPage({ size: 'A4', margin: 0 });
    const ctx: PrintContext = {
      doc,
      permit,
      language,
      labels,
      issuerDid,
      page,
      pages,
      blocks: permit.specimens.slice(page * BLOCKS_PER_PAGE, (page + 1) * BLOCKS_PER_PAGE),
    };
    if (endorsement) ctx.endorsement = endorsement;
    drawHeader(ctx);
    drawBlocks(ctx);
    drawIssueBox(ctx);
    drawEndorsementBox(ctx);
    drawFootnotes(ctx);
    if (code) drawQrBox(ctx, code.qr, code.geometry);
    else drawQrPlaceholder(ctx);
    drawFooter(ctx);
    if (preview) drawWatermark(ctx, 'preview');
    else if (status === 'revoked' || status === 'suspended') drawWatermark(ctx, status);
  }
  doc.end();
  return done;
}
