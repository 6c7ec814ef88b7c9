/**
 * Text that stays inside its box: WinAnsi-safe strings for the standard PDF fonts, and
 * paragraphs that wrap, then shrink, then (at the smallest size) end with an ellipsis.
 */
import type { Rect } from './layout.js';

export type FontName = 'Helvetica' | 'Helvetica-Bold' | 'Helvetica-Oblique' | 'Helvetica-BoldOblique';

export const REGULAR: FontName = 'Helvetica';
export const BOLD: FontName = 'Helvetica-Bold';
export const ITALIC_BOLD: FontName = 'Helvetica-BoldOblique';

/** The characters of WinAnsiEncoding above Latin-1's printable ranges (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Latin letters with a stroke, which Unicode does not decompose into letter + accent. */
const NO_DECOMPOSITION: Readonly<Record<string, string>> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't', Ŀ: 'L', ŀ: 'l' };

const isWinAnsi = (ch: string) => {
  const c = ch.codePointAt(0)!;
  return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || WIN_ANSI_EXTRA.has(ch) || ch === '\n';
};

/**
 * Makes text printable with the standard fonts (WinAnsi covers French and Spanish):
 * tabs and other spaces become spaces, letters outside WinAnsi lose their accents
 * (ő → o, Ł → L), and whatever is left becomes "?".
 */
export function pdfSafe(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/[\t\f\v\u2000-\u200a\u202f\u205f\u3000]/g, ' ')) {
    if (isWinAnsi(ch)) out += ch;
    else if (NO_DECOMPOSITION[ch]) out += NO_DECOMPOSITION[ch];
    else {
      const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      out += [...base].every(isWinAnsi) && base.length > 0 ? base : '?';
    }
  }
  return out;
}

/** One paragraph of a box's content. `scale` multiplies the fitted font size. */
export interface Run {
  text: string;
  font?: FontName;
  scale?: number;
  color?: string;
}

export interface FitOptions {
  /** Largest and smallest font size tried, in points. */
  max: number;
  min: number;
  align?: 'left' | 'center' | 'right';
  /** Keep each paragraph on one line (shrink only). */
  noWrap?: boolean;
  /** Vertical position of the text block in the box. */
  valign?: 'top' | 'middle' | 'bottom';
  /** Space between paragraphs, as a fraction of the font size. */
  paragraphGap?: number;
}

export interface FitResult {
  size: number;
  height: number;
  /** True when even the smallest size did not fit and the text was cut with an ellipsis. */
  clipped: boolean;
}

const STEP = 0.25;

function measure(doc: PDFKit.PDFDocument, runs: readonly Run[], width: number, size: number, options: FitOptions): { height: number; fits: boolean } {
  let height = 0;
  let fits = true;
  runs.forEach((run, i) => {
    const fontSize = size * (run.scale ?? 1);
    doc.font(run.font ?? REGULAR).fontSize(fontSize);
    if (i > 0) height += size * (options.paragraphGap ?? 0.15);
    if (options.noWrap) {
      if (doc.widthOfString(run.text) > width) fits = false;
      height += doc.currentLineHeight(true);
    } else {
      height += doc.heightOfString(run.text, { width });
    }
  });
  return { height, fits };
}

/** Draws the paragraphs in `box` at the largest size that fits. */
export function fitText(doc: PDFKit.PDFDocument, runs: readonly Run[], box: Rect, options: FitOptions): FitResult {
  const safe = runs.filter((r) => r.text.trim() !== '').map((r) => ({ ...r, text: pdfSafe(r.text) }));
  if (safe.length === 0) return { size: options.max, height: 0, clipped: false };
  let size = options.max;
  let m = measure(doc, safe, box.w, size, options);
  while ((m.height > box.h || !m.fits) && size - STEP >= options.min) {
    size -= STEP;
    m = measure(doc, safe, box.w, size, options);
  }
  if (!m.fits && options.noWrap) return fitText(doc, runs, box, { ...options, noWrap: false });
  const clipped = m.height > box.h;
  const height = Math.min(m.height, box.h);
  let y = box.y + (options.valign === 'middle' ? (box.h - height) / 2 : options.valign === 'bottom' ? box.h - height : 0);
  safe.forEach((run, i) => {
    const fontSize = size * (run.scale ?? 1);
    doc.font(run.font ?? REGULAR).fontSize(fontSize).fillColor(run.color ?? 'black');
    if (i > 0) y += size * (options.paragraphGap ?? 0.15);
    const room = box.y + box.h - y;
    if (room < doc.currentLineHeight(true) * 0.9) return;
    const textOptions: PDFKit.Mixins.TextOptions = { width: box.w, height: room, ellipsis: true, align: options.align ?? 'left' };
    if (options.noWrap) textOptions.lineBreak = false;
    const h = options.noWrap ? doc.currentLineHeight(true) : Math.min(doc.heightOfString(run.text, { width: box.w }), room);
    doc.text(run.text, box.x, y, textOptions);
    y += h;
  });
  doc.fillColor('black');
  return { size, height, clipped };
}
