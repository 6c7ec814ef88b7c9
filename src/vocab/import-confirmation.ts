/**
 * The credential subject of an import confirmation, as the importing country's customs sign
 * it and every verifier reads it. A leaf module: it imports nothing. Browser-safe.
 *
 * Convention Art. VI(5): a permit covers one consignment, so it is confirmed once, and
 * Art. VIII(7)(a) asks each Party to report the trade that actually took place: the
 * importing authority says, per block of the permit, what arrived, where and when.
 */

/** One block as confirmed at import: every block of the permit, with 0 for a block of which nothing arrived. */
export interface ImportedBlock {
  block: string;
  quantity: number;
  unit: string;
}

/** The credential subject of a CITESImportConfirmation VC-JWT (signed by the importing authority's customs DID). */
export interface ImportConfirmation {
  /** The permit credential's id, its box 1 number and the issuing (exporting) Management Authority's DID. */
  permit: { id: string; permitNumber: string; issuer: string };
  /** Every block of the permit, in the permit's order. */
  blocks: ImportedBlock[];
  /** UN/LOCODE of the port (or border post) of import, in the importing country. */
  portOfImport: string;
  /** YYYY-MM-DD, the date of import. */
  date: string;
  /** The customs officer's name. */
  officer: string;
  /** ISO 3166-1 alpha-2 country of the importing authority (= the permit's importer country). */
  country: string;
  /**
   * Present (true) only when the importing authority held no export endorsement of the
   * permit and more arrived than the permit allows for a block: the import was recorded as
   * it happened, and this says so in what is signed (docs/vocabulary.md, "Import confirmation").
   */
  exceedsPermitted?: true;
}

/** The block quantities an import confirmation is held against: the export endorsement's, else the permit's. */
export interface QuantityLimit {
  block: string;
  quantity: number;
  unit: string;
}

export interface ImportedAgainstLimit {
  block: string;
  imported: { quantity: number; unit: string } | null;
  limit: { quantity: number; unit: string } | null;
  /** More arrived than the limit (same unit). */
  exceeded: boolean;
  unitMismatch: boolean;
}

/**
 * Per block of the limit: what was imported. A block named more than once counts with the
 * sum of its entries (the safe direction: a second entry cannot hide a quantity).
 *
 * @example
 * importedAgainst([{ block: 'A', quantity: 250, unit: 'NAR' }], { blocks: [{ block: 'A', quantity: 251, unit: 'NAR' }] })
 * // [{ block: 'A', imported: { quantity: 251, unit: 'NAR' }, limit: { quantity: 250, unit: 'NAR' }, exceeded: true, unitMismatch: false }]
 */
export function importedAgainst(limits: readonly QuantityLimit[], confirmation: Pick<ImportConfirmation, 'blocks'>): ImportedAgainstLimit[] {
  return limits.map((l) => {
    const limit = { quantity: l.quantity, unit: l.unit };
    const named = confirmation.blocks.filter((b) => b.block === l.block);
    if (named.length === 0) return { block: l.block, imported: null, limit, exceeded: false, unitMismatch: false };
    const unitMismatch = named.some((b) => b.unit !== l.unit);
    const imported = { quantity: named.reduce((sum, b) => sum + b.quantity, 0), unit: unitMismatch ? named.find((b) => b.unit !== l.unit)!.unit : l.unit };
    return { block: l.block, imported, limit, exceeded: !unitMismatch && imported.quantity > l.quantity, unitMismatch };
  });
}
