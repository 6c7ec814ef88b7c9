/**
 * Geometry of the printed permit on A4 portrait, in the order of the standard CITES form
 * (Res. Conf. 12.3 Annex 2): title, boxes 1–6, blocks A–D (boxes 7–12b), then boxes
 * 13–15 on the left and the QR code on the right. All positions are written in
 * millimetres from the top-left corner and converted to PDF points (1 mm = 72/25.4 pt).
 */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const PT_PER_MM = 72 / 25.4;
export const mm = (v: number): number => v * PT_PER_MM;
const r = (x: number, y: number, w: number, h: number): Rect => ({ x: mm(x), y: mm(y), w: mm(w), h: mm(h) });

/** A4 in points, as pdfkit's 'A4'. */
export const PAGE = { width: 595.28, height: 841.89 } as const;

/** Blocks per page (the paper form's A–D); more go on continuation sheets. */
export const BLOCKS_PER_PAGE = 4;

export const LAYOUT = {
  title: r(10, 7, 190, 9.5),
  box1: r(10, 17, 120, 19),
  box2: r(130, 17, 70, 19),
  box3: r(10, 36, 95, 16),
  box3a: r(10, 52, 95, 7),
  box4: r(105, 36, 95, 23),
  box5: r(10, 59, 95, 14),
  box5a: r(10, 73, 62, 12),
  box5b: r(72, 73, 33, 12),
  box6: r(105, 59, 95, 26),
  /** On continuation sheets, in place of boxes 5–6. */
  continuation: r(10, 59, 190, 26),
  box13: r(10, 197, 122, 21),
  box14: r(10, 218, 122, 43),
  box15: r(10, 261, 122, 9),
  footnotes: r(10, 271.5, 122, 14),
  /** The square reserved for the QR code (the code itself may be smaller), and its caption below. */
  qrSlot: r(134, 197, 66, 66),
  qrCaptionHeight: mm(11),
  footer: r(10, 287, 190, 4),
} as const;

const BLOCKS_TOP = 86;
const BLOCK_HEIGHT = 27.5;
const ROW1 = 15;

/** The cells of block `i` (0–3) on a page: boxes 7/8, 9, 10 on the first row; 11, 11a, 12, 12a, 12b on the second. */
export function blockCells(i: number) {
  const top = BLOCKS_TOP + i * BLOCK_HEIGHT;
  const row2 = top + ROW1;
  const h2 = BLOCK_HEIGHT - ROW1;
  return {
    whole: r(10, top, 190, BLOCK_HEIGHT),
    letter: r(10, top, 7, BLOCK_HEIGHT),
    names: r(17, top, 60, ROW1),
    description: r(77, top, 65, ROW1),
    appendix: r(142, top, 58, ROW1),
    quantity: r(17, row2, 33, h2),
    quota: r(50, row2, 25, h2),
    origin: r(75, row2, 42, h2),
    lastReExport: r(117, row2, 42, h2),
    operation: r(159, row2, 41, h2),
  };
}

export type BlockCells = ReturnType<typeof blockCells>;

/** Inner padding of a cell. */
export const PAD = mm(1.1);
/** Box label size in points. */
export const LABEL_SIZE = 5.6;
