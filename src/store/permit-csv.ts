/**
 * The permit list as CSV (issue 11 §2 "CSV export"): one row per permit, RFC 4180 (CRLF line
 * ends, a field with a comma, quote or line break in double quotes, quotes doubled). A cell
 * that starts with = + - @ (or a tab or carriage return) is prefixed with ' so that a
 * spreadsheet shows it as text instead of running it as a formula (OWASP "CSV Injection"):
 * a trader's name is whatever the applicant wrote.
 */
import type { StoredPermit } from './permits.js';

export const PERMIT_CSV_COLUMNS = [
  'permitNumber',
  'documentType',
  'state',
  'exporter',
  'exporterCountry',
  'importer',
  'importerCountry',
  'species',
  'issuedAt',
  'validUntil',
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell, made inert and quoted as RFC 4180 §2 needs. */
export function csvCell(value: string): string {
  const inert = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

export const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

export const PERMIT_CSV_HEADER = csvLine(PERMIT_CSV_COLUMNS);

/** The scientific names of the permit's blocks, each once, in block order, joined by "; ". */
function speciesOf(permit: StoredPermit): string {
  return [...new Set(permit.permit.specimens.map((specimen) => specimen.scientificName))].join('; ');
}

export function permitCsvRow(permit: StoredPermit): string {
  return csvLine([
    permit.permitNumber,
    permit.documentType,
    permit.state,
    permit.permit.exporter.name,
    permit.exporterCountry,
    permit.permit.importer.name,
    permit.importerCountry,
    speciesOf(permit),
    permit.issuedAt,
    permit.validUntil,
  ]);
}
