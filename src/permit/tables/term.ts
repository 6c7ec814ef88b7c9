/**
 * Box 9: term (description-of-specimen) codes, the current list of the May 2021
 * annual-report Guidelines (docs/sources.md §3, UNEP-WCMC Trade Database Guide v9
 * Table A2.1, 91 codes).
 *
 * `units` and `purposes` are the term–unit and term–purpose pairs that UNEP-WCMC's
 * annual-report validator accepted in 2018 (units mapped to the Rec. 20 codes). WCMC
 * treats a pair outside these lists as a warning, not an error, and so do we
 * (§4.1 I10). `null` means the 2018 pair files have no data for the term (it is newer
 * or was missing), so no warning can be given. `purposes` is the string of accepted
 * purpose letters exactly as in the table, e.g. 'ELMPQST'.
 *
 * Transcribed from the markdown table by a throwaway script; nothing reads the
 * reference document at run time.
 */

import type { UnitCode } from './unit.js';

export interface TermEntry {
  readonly code: string;
  readonly description: string;
  /** Year the Guidelines introduced the code, or 'pre-2002'. */
  readonly since: number | 'pre-2002';
  /** Accepted units (WCMC 2018, mapped to Rec. 20), or null where there is no data. */
  readonly units: readonly UnitCode[] | null;
  /** Accepted purpose letters (WCMC 2018), or null where there is no data. */
  readonly purposes: string | null;
}

export const TERMS = [
  { code: 'BAL', description: 'Baleen', since: 2006, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQST' },
  { code: 'BAR', description: 'Bark', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EGLMPQST' },
  { code: 'BOD', description: 'Body', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQSTZ' },
  { code: 'BON', description: 'Bones', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQST' },
  { code: 'CAL', description: 'Calipee', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'CAP', description: 'Carapace', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'CAR', description: 'Carving', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTQ'], purposes: 'EHLPQT' },
  { code: 'BOC', description: 'Carving – bone', since: 2017, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTQ'], purposes: 'EHLPQT' },
  { code: 'HOC', description: 'Carving – horn', since: 2017, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTQ'], purposes: 'EHLPQT' },
  { code: 'IVC', description: 'Carving – ivory (worked ivory)', since: 2017, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTQ'], purposes: 'EHLPQT' },
  { code: 'CAV', description: 'Caviar', since: 2002, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'CHP', description: 'Chips (woodchips)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'CLA', description: 'Claw', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQST' },
  { code: 'CLO', description: 'Cloth', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'ELPQT' },
  { code: 'COR', description: 'Coral (raw)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQSTZ' },
  { code: 'COS', description: 'Cosmetics', since: 2017, units: ['NAR', 'KGM'], purposes: 'ELPQST' },
  { code: 'CUL', description: 'Culture', since: 'pre-2002', units: ['NAR'], purposes: 'BEGLMNPQST' },
  { code: 'DER', description: 'Derivatives', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT', 'MTR', 'CMQ', 'MTK', 'MTQ'], purposes: 'EGHLMPQSTZ' },
  { code: 'DPL', description: 'Dried plant', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EGLPQST' },
  { code: 'EAR', description: 'Ear', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQST' },
  { code: 'EGG', description: 'Egg', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQSTZ' },
  { code: 'EGL', description: 'Egg (live)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'BELNPQSTZ' },
  { code: 'ESH', description: 'Eggshell', since: 2017, units: null, purposes: null },
  { code: 'EXT', description: 'Extract', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELMPQST' },
  { code: 'FEA', description: 'Feather', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQSTZ' },
  { code: 'FIB', description: 'Fibre', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTR'], purposes: 'ELPQST' },
  { code: 'FIN', description: 'Fin', since: 2002, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'FIG', description: 'Fingerlings', since: 2002, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'FLO', description: 'Flower', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EGLMPQST' },
  { code: 'FPT', description: 'Flower pot', since: 'pre-2002', units: ['NAR'], purposes: 'EGLPQST' },
  { code: 'FOO', description: 'Foot', since: 'pre-2002', units: ['NAR', 'KGM'], purposes: 'EHLPQST' },
  { code: 'LEG', description: 'Frog legs', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'FRU', description: 'Fruit', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EGLMPQST' },
  { code: 'FPL', description: 'Fur products (large)', since: 2017, units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQT' },
  { code: 'FPS', description: 'Fur products (small)', since: 2017, units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQT' },
  { code: 'GAL', description: 'Gall', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELMPQST' },
  { code: 'GAB', description: 'Gall bladder', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQST' },
  { code: 'GAR', description: 'Garment', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'ELPQT' },
  { code: 'GEN', description: 'Genitalia', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQST' },
  { code: 'GIL', description: 'Gill plates', since: 2017, units: ['KGM', 'GRM', 'MTK'], purposes: 'ELMPQST' },
  { code: 'GRS', description: 'Graft rootstock', since: 'pre-2002', units: ['NAR'], purposes: 'BELNPQST' },
  { code: 'HAI', description: 'Hair', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQST' },
  { code: 'HAP', description: 'Hair products', since: 2017, units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQST' },
  { code: 'HOR', description: 'Horn', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQST' },
  { code: 'JWL', description: 'Jewellery', since: 2017, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTQ'], purposes: 'EHLPQT' },
  { code: 'IJW', description: 'Jewellery – ivory (worked ivory)', since: 2017, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTQ'], purposes: 'EHLPQT' },
  { code: 'KNL', description: 'Kernel', since: 2021, units: null, purposes: null },
  { code: 'LPL', description: 'Leather product (large)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQT' },
  { code: 'LPS', description: 'Leather product (small)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQT' },
  { code: 'LIV', description: 'Live', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'BEGLMNPQSTZ' },
  { code: 'LVS', description: 'Leaf', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EGLMPQST' },
  { code: 'LOG', description: 'Logs', since: 'pre-2002', units: ['NAR', 'KGM', 'MTK', 'MTQ'], purposes: 'ELPQST' },
  { code: 'MEA', description: 'Meat', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'MED', description: 'Medicine', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELMPQST' },
  { code: 'MUS', description: 'Musk', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQST' },
  { code: 'OIL', description: 'Oil', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELMPQST' },
  { code: 'PRL', description: 'Pearl', since: 2017, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQST' },
  { code: 'KEY', description: 'Piano keys (worked ivory)', since: 2017, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQT' },
  { code: 'BOP', description: 'Piece – bone', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQST' },
  { code: 'HOP', description: 'Piece – horn', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQST' },
  { code: 'IVP', description: 'Piece – ivory (raw ivory)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQST' },
  { code: 'PLA', description: 'Plate', since: 'pre-2002', units: ['NAR', 'KGM', 'MTK'], purposes: 'EHLPQST' },
  { code: 'PLY', description: 'Plywood', since: 2006, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTK', 'MTQ'], purposes: 'ELPQT' },
  { code: 'POW', description: 'Powder', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELMPQST' },
  { code: 'PUP', description: 'Pupae', since: 2017, units: ['NAR', 'KGM', 'GRM'], purposes: 'BELMNPQSTZ' },
  { code: 'ROO', description: 'Root', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'BEGLMNPQST' },
  { code: 'RUG', description: 'Rug', since: 2017, units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQT' },
  { code: 'ROS', description: 'Sawfish rostrum', since: 2017, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQST' },
  { code: 'SAW', description: 'Sawn wood', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTK', 'MTQ'], purposes: 'ELPQST' },
  { code: 'SCA', description: 'Scale', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELMPQST' },
  { code: 'SEE', description: 'Seed', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'BEGLNPQST' },
  { code: 'SHE', description: 'Shell', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'SID', description: 'Side', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLPQST' },
  { code: 'SKE', description: 'Skeleton', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQSTZ' },
  { code: 'SKI', description: 'Skin', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLMPQSTZ' },
  { code: 'SKP', description: 'Skin piece', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTK'], purposes: 'EHLMPQST' },
  { code: 'SKU', description: 'Skull', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQSTZ' },
  { code: 'SOU', description: 'Soup', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELPQT' },
  { code: 'SPE', description: 'Specimen (scientific)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT', 'CMQ', 'MTK', 'MTQ'], purposes: 'BEGLMNPQSTZ' },
  { code: 'STE', description: 'Stem', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'MTR'], purposes: 'EGLMPQST' },
  { code: 'SWI', description: 'Swim bladder', since: 2002, units: ['NAR', 'KGM', 'GRM'], purposes: 'ELPQST' },
  { code: 'TAI', description: 'Tail', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQST' },
  { code: 'TEE', description: 'Tooth', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLMPQSTZ' },
  { code: 'TIM', description: 'Timber', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTK', 'MTQ'], purposes: 'ELPQST' },
  { code: 'TRW', description: 'Transformed wood', since: 2021, units: null, purposes: null },
  { code: 'TRO', description: 'Trophy', since: 'pre-2002', units: ['NAR', 'KGM'], purposes: 'HLPT' },
  { code: 'TRU', description: 'Trunk', since: 2017, units: null, purposes: null },
  { code: 'TUS', description: 'Tusk (raw ivory)', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM'], purposes: 'EHLPQSTZ' },
  { code: 'VEN', description: 'Veneer sheets', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTK', 'MTQ'], purposes: 'ELPQT' },
  { code: 'WAX', description: 'Wax', since: 'pre-2002', units: ['NAR', 'KGM', 'GRM', 'LTR', 'MLT'], purposes: 'ELMPQST' },
  { code: 'WPR', description: 'Wood product', since: 2017, units: ['NAR', 'KGM', 'GRM', 'CMQ', 'MTK', 'MTQ'], purposes: 'ELPQT' },
] as const satisfies readonly TermEntry[];

export type TermCode = (typeof TERMS)[number]['code'];

export const TERM_CODES: readonly TermCode[] = TERMS.map((t) => t.code);

export interface HistoricalTermEntry {
  readonly code: string;
  readonly description: string;
}

/**
 * Historical term codes: they may appear in old data but are NOT accepted on new
 * permits (Guidelines Table A2.3, plus older WCMC codes marked "no longer exist").
 * Kept so that a request using one is told it is historical.
 */
export const HISTORICAL_TERMS: readonly HistoricalTermEntry[] = [
  { code: 'BPR', description: 'Bone products' },
  { code: 'CSD', description: 'Coral sand' },
  { code: 'HEA', description: 'Heads' },
  { code: 'HPR', description: 'Horn products' },
  { code: 'HOS', description: 'Horn scraps' },
  { code: 'FRN', description: 'Items of furniture' },
  { code: 'IVS', description: 'Ivory scraps' },
  { code: 'LEA', description: 'Leather' },
  { code: 'SKO', description: 'Leather items' },
  { code: 'SHO', description: 'Pairs of shoes' },
  { code: 'PEA', description: 'Pearls' },
  { code: 'PKY', description: 'Piano keys (sets)' },
  { code: 'QUI', description: 'Quills' },
  { code: 'SCR', description: 'Scraps' },
  { code: 'SKS', description: 'Skin scraps' },
  { code: 'FRA', description: 'Spectacle frames' },
  { code: 'TIC', description: 'Timber carvings' },
  { code: 'TIP', description: 'Timber pieces' },
  { code: 'UNS', description: 'Unspecified' },
  { code: 'VNM', description: 'Venom' },
  { code: 'WOO', description: 'Wood products' },
  // Older WCMC codes, marked "no longer exist" in the WCMC term mapping.
  { code: 'BEL', description: 'Belts' },
  { code: 'HAN', description: 'Handbags' },
  { code: 'WAL', description: 'Wallets' },
  { code: 'WAT', description: 'Watchstraps' },
  { code: 'CST', description: 'Chess sets' },
  { code: 'TIS', description: 'Tissue cultures' },
  { code: 'SKD', description: 'Sides (duplicate code)' },
  { code: 'OTH', description: 'Other' },
  { code: 'PIE', description: 'Pieces' },
];
