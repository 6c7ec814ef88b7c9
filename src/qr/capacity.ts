/**
 * The smallest QR code version (1–40) that holds a text, without drawing it: the text is cut
 * into numeric, alphanumeric and byte segments in the cheapest way (dynamic programming over
 * the characters, as in Nayuki's QR Code generator), and its bits are compared with the data
 * capacity of each version (ISO/IEC 18004 table 7). test/qr checks it against the `qrcode`
 * package, which draws the permits' codes.
 *
 * Browser-safe: link.ts uses it to choose between a full and a reference QR code.
 */

export type ErrorCorrection = 'L' | 'M' | 'Q' | 'H';

/** Data codewords (8 bits) of versions 1–40, by error-correction level. */
const DATA_CODEWORDS: Record<ErrorCorrection, readonly number[]> = {
  L: [19, 34, 55, 80, 108, 136, 156, 194, 232, 274, 324, 370, 428, 461, 523, 589, 647, 721, 795, 861, 932, 1006, 1094, 1174, 1276, 1370, 1468, 1531, 1631, 1735, 1843, 1955, 2071, 2191, 2306, 2434, 2566, 2702, 2812, 2956],
  M: [16, 28, 44, 64, 86, 108, 124, 154, 182, 216, 254, 290, 334, 365, 415, 453, 507, 563, 627, 669, 714, 782, 860, 914, 1000, 1062, 1128, 1193, 1267, 1373, 1455, 1541, 1631, 1725, 1812, 1914, 1992, 2102, 2216, 2334],
  Q: [13, 22, 34, 48, 62, 76, 88, 110, 132, 154, 180, 206, 244, 261, 295, 325, 367, 397, 445, 485, 512, 568, 614, 664, 718, 754, 808, 871, 911, 985, 1033, 1115, 1171, 1231, 1286, 1354, 1426, 1502, 1582, 1666],
  H: [9, 16, 26, 36, 46, 60, 66, 86, 100, 122, 140, 158, 180, 197, 223, 253, 283, 313, 341, 385, 406, 442, 464, 514, 538, 596, 628, 661, 701, 745, 793, 845, 901, 961, 986, 1054, 1096, 1142, 1222, 1276],
};

const NUMERIC = 0;
const ALPHANUMERIC = 1;
const BYTE = 2;
/** Character-count bits by mode, for versions 1–9, 10–26 and 27–40. */
const COUNT_BITS = [
  [10, 12, 14],
  [9, 11, 13],
  [8, 16, 16],
];
const QR_ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/**
 * Bits of the text's data in the cheapest segmentation, for one group of versions (0: 1–9,
 * 1: 10–26, 2: 27–40). Costs are kept in sixths of a bit: a numeric digit is 10/3 bits
 * (20), an alphanumeric character 11/2 (33), a byte 8 (48); a segment's bits round up.
 */
export function segmentedBits(text: string, group: 0 | 1 | 2): number {
  const head = [0, 1, 2].map((mode) => (4 + COUNT_BITS[mode]![group]!) * 6);
  let cost = [Infinity, Infinity, Infinity];
  let first = true;
  for (const ch of text) {
    const codePoint = ch.codePointAt(0)!;
    const charCost = [
      ch >= '0' && ch <= '9' ? 20 : Infinity,
      QR_ALPHANUMERIC.includes(ch) ? 33 : Infinity,
      utf8Length(codePoint) * 48,
    ];
    const closed = first ? 0 : Math.min(...cost.map((c) => Math.ceil(c / 6) * 6));
    cost = [NUMERIC, ALPHANUMERIC, BYTE].map((mode) => Math.min(cost[mode]! + charCost[mode]!, closed + head[mode]! + charCost[mode]!));
    first = false;
  }
  return first ? 0 : Math.ceil(Math.min(...cost) / 6);
}

/** The smallest version (1–40) that holds `text` at this error-correction level, or undefined if none does. */
export function qrVersionFor(text: string, errorCorrection: ErrorCorrection = 'M'): number | undefined {
  const bits: (number | undefined)[] = [undefined, undefined, undefined];
  for (let version = 1; version <= 40; version++) {
    const group = version < 10 ? 0 : version < 27 ? 1 : 2;
    const needed = (bits[group] ??= segmentedBits(text, group));
    if (needed <= DATA_CODEWORDS[errorCorrection][version - 1]! * 8) return version;
  }
  return undefined;
}
