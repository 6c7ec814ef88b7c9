/**
 * Box 11: units of quantity (UN/ECE Recommendation 20 codes, annual-report Guidelines 2021; docs/sources.md §3).
 *
 * Since the May 2021 annual-report Guidelines, units are UN/ECE Recommendation 20
 * codes. Only those are accepted on new permits; the historical codes below are kept
 * so that a request using one gets a message saying so (and what to use instead),
 * rather than a bare "unknown unit".
 */

export interface UnitEntry {
  readonly code: string;
  readonly meaning: string;
}

/** Current units (UN/ECE Rec. 20), the only ones accepted on a new permit. */
export const UNITS = [
  { code: 'NAR', meaning: 'number of specimens' },
  { code: 'KGM', meaning: 'kilogram' },
  { code: 'GRM', meaning: 'gram' },
  { code: 'LTR', meaning: 'litre' },
  { code: 'MLT', meaning: 'millilitre' },
  { code: 'MTR', meaning: 'metre' },
  { code: 'CMQ', meaning: 'cubic centimetre' },
  { code: 'MTK', meaning: 'square metre' },
  { code: 'MTQ', meaning: 'cubic metre' },
] as const satisfies readonly UnitEntry[];

export type UnitCode = (typeof UNITS)[number]['code'];

export const UNIT_CODES: readonly UnitCode[] = UNITS.map((u) => u.code);

/** A unit that may appear in old data or permits but is no longer issued. */
export interface HistoricalUnitEntry extends UnitEntry {
  /** The current unit to use instead, where there is a direct equivalent. */
  readonly useInstead?: UnitCode;
}

/** Historical units (Guidelines Table A2.4 and pre-2021 WCMC codes). NOT accepted on new permits. */
export const HISTORICAL_UNITS: readonly HistoricalUnitEntry[] = [
  { code: 'BAK', meaning: 'back skins', useInstead: 'NAR' },
  { code: 'BAG', meaning: 'bags' },
  { code: 'BSK', meaning: 'belly skins', useInstead: 'NAR' },
  { code: 'BOT', meaning: 'bottles' },
  { code: 'BOX', meaning: 'boxes' },
  { code: 'CAN', meaning: 'cans' },
  { code: 'CRT', meaning: 'cartons' },
  { code: 'CAS', meaning: 'cases' },
  { code: 'CTM', meaning: 'centimetres', useInstead: 'MTR' },
  { code: 'CUF', meaning: 'cubic feet', useInstead: 'MTQ' },
  { code: 'FLA', meaning: 'flasks' },
  { code: 'HRN', meaning: 'hornback skins', useInstead: 'NAR' },
  { code: 'INC', meaning: 'inches', useInstead: 'MTR' },
  { code: 'ITE', meaning: 'items', useInstead: 'NAR' },
  { code: 'MYG', meaning: 'micrograms', useInstead: 'GRM' },
  { code: 'MGM', meaning: 'milligrams', useInstead: 'GRM' },
  { code: 'OUN', meaning: 'ounces', useInstead: 'GRM' },
  { code: 'PAI', meaning: 'pairs', useInstead: 'NAR' },
  { code: 'PCS', meaning: 'pieces', useInstead: 'NAR' },
  { code: 'PND', meaning: 'pounds', useInstead: 'KGM' },
  { code: 'SET', meaning: 'sets' },
  { code: 'SHP', meaning: 'shipments' },
  { code: 'SID', meaning: 'sides', useInstead: 'NAR' },
  { code: 'SKI', meaning: 'skins', useInstead: 'NAR' },
  { code: 'SQC', meaning: 'square centimetres', useInstead: 'MTK' },
  { code: 'SQD', meaning: 'square decimetres', useInstead: 'MTK' },
  { code: 'SQF', meaning: 'square feet', useInstead: 'MTK' },
  { code: 'TON', meaning: 'metric tonnes', useInstead: 'KGM' },
  { code: 'KIL', meaning: 'kilograms (pre-2021 WCMC code)', useInstead: 'KGM' },
  { code: 'SQM', meaning: 'square metres (pre-2021 WCMC code)', useInstead: 'MTK' },
  { code: 'CUM', meaning: 'cubic metres (pre-2021 WCMC code)', useInstead: 'MTQ' },
  { code: 'CCM', meaning: 'cubic centimetres (pre-2021 WCMC code)', useInstead: 'CMQ' },
  { code: 'FEE', meaning: 'feet (pre-2021 WCMC code)', useInstead: 'MTR' },
  { code: 'YAR', meaning: 'yards (pre-2021 WCMC code)', useInstead: 'MTR' },
];
