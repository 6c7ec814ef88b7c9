/**
 * The columns of the electronic annual-report upload (docs/annual-report.md): the CITES
 * Guidelines for the preparation and submission of annual reports (2021, Notification
 * 2021/044) and UNEP-WCMC's upload template, in its order. The optional IFS permit column
 * (introduction from the sea) is left out: Saiga issues no IFS certificates.
 */

/** Header names as the upload template spells them, in its order. */
export const ANNUAL_COLUMNS = [
  'Appendix',
  'Taxon',
  'Term',
  'Quantity',
  'Unit',
  'TradingPartner',
  'CountryOfOrigin',
  'ImportPermit',
  'ExportPermit',
  'OriginPermit',
  'Purpose',
  'Source',
  'Year',
] as const;

export type AnnualColumn = (typeof ANNUAL_COLUMNS)[number];

/** One row of the report: one shipment line (a block of a permit), as it is written. */
export interface AnnualRow {
  appendix: string;
  taxon: string;
  term: string;
  /** A number as written; anything else is a finding (REPORT_QUANTITY_NOT_NUMERIC). */
  quantity: unknown;
  /** Blank means number of specimens (Guidelines 2021: NAR is written as a blank unit). */
  unit: string;
  tradingPartner: string;
  /** Only for re-exports: blank when the exporter is the country of origin. */
  countryOfOrigin: string;
  importPermit: string;
  exportPermit: string;
  originPermit: string;
  purpose: string;
  source: string;
  year: string;
}

/** What the checks need beside the row: the two countries of the shipment. */
export interface RowContext {
  exporterCountry: string;
  importerCountry: string;
  permitNumber: string;
  block: string;
}

const FIELD_OF: Record<AnnualColumn, keyof AnnualRow> = {
  Appendix: 'appendix',
  Taxon: 'taxon',
  Term: 'term',
  Quantity: 'quantity',
  Unit: 'unit',
  TradingPartner: 'tradingPartner',
  CountryOfOrigin: 'countryOfOrigin',
  ImportPermit: 'importPermit',
  ExportPermit: 'exportPermit',
  OriginPermit: 'originPermit',
  Purpose: 'purpose',
  Source: 'source',
  Year: 'year',
};

export const fieldOf = (column: AnnualColumn): keyof AnnualRow => FIELD_OF[column];

/** The row's cells in column order: numbers stay numbers (for xlsx), the rest as text. */
export function cellsOf(row: AnnualRow): (string | number)[] {
  return ANNUAL_COLUMNS.map((c) => {
    const value = row[FIELD_OF[c]];
    return typeof value === 'number' ? value : value === undefined || value === null ? '' : String(value);
  });
}
