/**
 * From a permit and what was recorded of its shipment to the rows of the annual report, one
 * per block (docs/annual-report.md, "Column mapping"). Basis 'actual' takes the quantities
 * customs recorded (the export endorsement, boxes 14–15; or the import confirmation) and the
 * year of that record, as Res. Conf. 11.17 (Rev. CoP19) and the 2021 Guidelines recommend; a
 * block of which nothing left (quantity 0) is no trade and gives no row. Basis 'issued' takes
 * the permitted quantities of box 11 and the year of issue.
 */
import type { Permit } from '../permit/model.js';
import type { TradeRecord } from '../store/report-source.js';
import type { AnnualRow, RowContext } from './columns.js';

export type ReportType = 'exporter' | 'importer';
export type ReportBasis = 'actual' | 'issued';

export interface ShipmentLine {
  row: AnnualRow;
  context: RowContext;
}

type Block = { block?: unknown; quantity?: unknown; unit?: unknown };

/** NAR (number of specimens) is written as a blank unit (Guidelines 2021, §"Units"). */
const unitCell = (unit: unknown): string => (unit === 'NAR' ? '' : typeof unit === 'string' ? unit : '');
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function linesOf(record: TradeRecord, type: ReportType, basis: ReportBasis): ShipmentLine[] {
  const permit = (record.permit ?? {}) as Partial<Permit>;
  const specimens = Array.isArray(permit.specimens) ? permit.specimens : [];
  const recorded = basis === 'actual' ? ((record.quantities as { blocks?: Block[] } | null)?.blocks ?? []) : null;
  const exporter = record.exporterCountry;
  const importer = record.importerCountry;
  const lines: ShipmentLine[] = [];
  for (const specimen of specimens) {
    let quantity: unknown = specimen.quantity;
    let unit: unknown = specimen.unit;
    if (recorded !== null) {
      const named = recorded.filter((b) => b.block === specimen.block);
      if (named.length === 0) continue;
      // A block named twice counts with the sum (src/vocab/endorsement.ts exportedQuantities does the same).
      quantity = named.every((b) => typeof b.quantity === 'number') ? named.reduce((sum, b) => sum + (b.quantity as number), 0) : named[0]!.quantity;
      unit = named[0]!.unit ?? specimen.unit;
      if (quantity === 0) continue;
    }
    // Country of origin only for re-exports, and blank when the exporter is the origin (Guidelines 2021).
    const origin = record.documentType === 're-export' ? text(specimen.origin?.country) : '';
    lines.push({
      row: {
        appendix: text(specimen.appendix),
        taxon: text(specimen.scientificName),
        term: text(specimen.term),
        quantity,
        unit: unitCell(unit),
        tradingPartner: type === 'exporter' ? importer : exporter,
        countryOfOrigin: origin,
        importPermit: text(permit.importPermit?.permitNumber),
        exportPermit: record.permitNumber,
        originPermit: record.documentType === 're-export' ? text(specimen.origin?.permitNumber) : '',
        purpose: text(permit.purpose),
        source: text(specimen.source),
        year: record.date.slice(0, 4),
      },
      context: { exporterCountry: exporter, importerCountry: importer, permitNumber: record.permitNumber, block: text(specimen.block) },
    });
  }
  return lines;
}
