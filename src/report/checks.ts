/**
 * The checks UNEP-WCMC's annual-report upload applies to each row, run before anything is
 * written (docs/annual-report.md, "Upload checks"): the code lists of the 2021 Guidelines (the
 * tables of src/permit/tables), exporter ≠ importer, exporter ≠ origin, a numeric quantity, a
 * 4-digit year; an unusual term–unit pair is a warning, as the upload service treats it.
 */
import { REPORT_CODES, type ReportCode } from '../codes.js';
import { APPENDIX_CODES, findCountry, findTerm, isUnusualUnitForTerm, PURPOSE_CODES, SOURCES, UNIT_CODES } from '../permit/tables/index.js';
import type { AnnualColumn, AnnualRow, RowContext } from './columns.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  code: ReportCode;
  severity: Severity;
  /** The row in the written file, counted as a spreadsheet does: the header is row 1, the first shipment line row 2. */
  row: number;
  column: AnnualColumn;
  permitNumber: string;
  block: string;
  message: string;
}

const SOURCE_CODES: readonly string[] = SOURCES.map((s) => s.code);
const WARNINGS: readonly ReportCode[] = ['REPORT_TERM_UNIT_UNUSUAL'];

export function checkRow(row: AnnualRow, context: RowContext, rowNumber: number): Finding[] {
  const found: Finding[] = [];
  const add = (code: ReportCode, column: AnnualColumn, detail: string) =>
    found.push({
      code,
      severity: WARNINGS.includes(code) ? 'warning' : 'error',
      row: rowNumber,
      column,
      permitNumber: context.permitNumber,
      block: context.block,
      message: `${REPORT_CODES[code]} (${detail})`,
    });
  if (!(APPENDIX_CODES as readonly string[]).includes(row.appendix)) add('REPORT_APPENDIX_UNKNOWN', 'Appendix', `"${row.appendix}"`);
  if (row.taxon.trim() === '') add('REPORT_TAXON_MISSING', 'Taxon', 'blank');
  const term = findTerm(row.term);
  if (!term) add('REPORT_TERM_UNKNOWN', 'Term', `"${row.term}"`);
  const unit = row.unit === '' ? 'NAR' : row.unit;
  if (!(UNIT_CODES as readonly string[]).includes(unit)) add('REPORT_UNIT_UNKNOWN', 'Unit', `"${row.unit}"`);
  else if (term && isUnusualUnitForTerm(term, unit)) add('REPORT_TERM_UNIT_UNUSUAL', 'Unit', `${row.term} in ${unit}`);
  if (typeof row.quantity !== 'number' || !Number.isFinite(row.quantity) || row.quantity <= 0) add('REPORT_QUANTITY_NOT_NUMERIC', 'Quantity', `"${String(row.quantity)}"`);
  if (!/^\d{4}$/.test(row.year)) add('REPORT_YEAR_INVALID', 'Year', `"${row.year}"`);
  if (!(PURPOSE_CODES as readonly string[]).includes(row.purpose)) add('REPORT_PURPOSE_UNKNOWN', 'Purpose', `"${row.purpose}"`);
  if (!SOURCE_CODES.includes(row.source)) add('REPORT_SOURCE_UNKNOWN', 'Source', `"${row.source}"`);
  if (!findCountry(row.tradingPartner)) add('REPORT_COUNTRY_UNKNOWN', 'TradingPartner', `"${row.tradingPartner}"`);
  if (row.countryOfOrigin !== '' && !findCountry(row.countryOfOrigin)) add('REPORT_COUNTRY_UNKNOWN', 'CountryOfOrigin', `"${row.countryOfOrigin}"`);
  if (context.exporterCountry === context.importerCountry) add('REPORT_PARTNER_IS_REPORTER', 'TradingPartner', `${context.exporterCountry} to ${context.importerCountry}`);
  if (row.countryOfOrigin !== '' && row.countryOfOrigin === context.exporterCountry) add('REPORT_ORIGIN_IS_EXPORTER', 'CountryOfOrigin', `origin and exporter ${row.countryOfOrigin}`);
  return found;
}

/** At most this many findings are kept with their rows; every finding is counted. */
export const MAX_LISTED_FINDINGS = 1000;

export interface FindingsSummary {
  errors: number;
  warnings: number;
  /** Per code, how many rows. */
  byCode: Partial<Record<ReportCode, number>>;
  /** The first MAX_LISTED_FINDINGS findings, in row order. */
  findings: Finding[];
  /** True when more findings were counted than listed. */
  truncated: boolean;
}

export class FindingsCollector {
  private readonly summary: FindingsSummary = { errors: 0, warnings: 0, byCode: {}, findings: [], truncated: false };

  add(findings: readonly Finding[]): void {
    for (const f of findings) {
      if (f.severity === 'error') this.summary.errors += 1;
      else this.summary.warnings += 1;
      this.summary.byCode[f.code] = (this.summary.byCode[f.code] ?? 0) + 1;
      if (this.summary.findings.length < MAX_LISTED_FINDINGS) this.summary.findings.push(f);
      else this.summary.truncated = true;
    }
  }

  result(): FindingsSummary {
    return this.summary;
  }
}
