/**
 * The mirror comparison (docs/annual-report.md, "Mirror comparison"): permit by permit and block
 * by block, what the exporting side recorded (the customs export endorsement) against what the
 * importing side recorded (the import confirmation), for one partner and one year, both ways:
 * - as exporter: this authority's endorsements against the confirmations the partner sent;
 * - as importer: the endorsements the partner sent with its permits against this authority's confirmations.
 * The Secretariat's comparative tabulations find these differences years later, from the two
 * annual reports; here they come from the two agents' signed records, as soon as both exist.
 */
import { REPORT_CODES, type ReportCode } from '../codes.js';
import type { MirrorRecord } from '../store/report-source.js';

export type MirrorSide = 'exporter' | 'importer';

export interface Quantity {
  quantity: number;
  unit: string;
}

export interface Discrepancy {
  code: ReportCode;
  permitNumber: string;
  /** The block, or '' for the permit as a whole. */
  block: string;
  exported: Quantity | null;
  imported: Quantity | null;
  exportedOn: string | null;
  importedOn: string | null;
  message: string;
}

export interface MirrorSection {
  /** Permits with a record on either side in the year. */
  permits: number;
  /** Permits whose records agree block by block. */
  agreeing: number;
  discrepancies: Discrepancy[];
}

type Recorded = { date?: unknown; blocks?: { block?: unknown; quantity?: unknown; unit?: unknown }[] } | null;

/** The quantity per block (the sum of a block named twice, as src/vocab/endorsement.ts reads it). */
function perBlock(record: Recorded): Map<string, Quantity> {
  const blocks = new Map<string, Quantity>();
  for (const b of record?.blocks ?? []) {
    const block = String(b.block);
    const quantity = typeof b.quantity === 'number' ? b.quantity : Number.NaN;
    const held = blocks.get(block);
    blocks.set(block, held ? { quantity: held.quantity + quantity, unit: held.unit } : { quantity, unit: String(b.unit) });
  }
  return blocks;
}

const dateOf = (record: Recorded): string | null => (typeof record?.date === 'string' ? record.date : null);

export function compareShipment(record: MirrorRecord): Discrepancy[] {
  const exported = record.exported as Recorded;
  const imported = record.imported as Recorded;
  const exportedOn = dateOf(exported);
  const importedOn = dateOf(imported);
  const found: Discrepancy[] = [];
  const add = (code: ReportCode, block: string, e: Quantity | null, i: Quantity | null) =>
    found.push({ code, permitNumber: record.permitNumber, block, exported: e, imported: i, exportedOn, importedOn, message: REPORT_CODES[code] });
  if (exported === null) {
    add('REPORT_MIRROR_EXPORT_MISSING', '', null, null);
    return found;
  }
  if (imported === null) {
    add('REPORT_MIRROR_IMPORT_MISSING', '', null, null);
    return found;
  }
  const e = perBlock(exported);
  const i = perBlock(imported);
  for (const block of [...new Set([...e.keys(), ...i.keys()])].sort()) {
    const out = e.get(block) ?? null;
    const into = i.get(block) ?? null;
    // Both documents list every block of the permit, with 0 for nothing: a block one side lacks matters only if the other recorded some of it.
    if (out === null || into === null) {
      if ((out ?? into)!.quantity !== 0) add('REPORT_MIRROR_BLOCK_MISSING', block, out, into);
    } else if (out.unit !== into.unit) add('REPORT_MIRROR_UNIT_MISMATCH', block, out, into);
    else if (out.quantity !== into.quantity) add('REPORT_MIRROR_QUANTITY_DIFFERS', block, out, into);
  }
  if (exportedOn !== null && importedOn !== null && exportedOn.slice(0, 4) !== importedOn.slice(0, 4)) add('REPORT_MIRROR_YEAR_DIFFERS', '', null, null);
  return found;
}

export async function compareAll(records: AsyncIterable<MirrorRecord>): Promise<MirrorSection> {
  const section: MirrorSection = { permits: 0, agreeing: 0, discrepancies: [] };
  for await (const record of records) {
    section.permits += 1;
    const found = compareShipment(record);
    if (found.length === 0) section.agreeing += 1;
    section.discrepancies.push(...found);
  }
  return section;
}
