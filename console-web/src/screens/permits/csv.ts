/**
 * The search's CSV (RFC 4180: CRLF line ends, a field with a comma, quote or line end in
 * double quotes, quotes doubled). The columns are fixed English names so a spreadsheet or
 * script reads the same file whatever the officer's language. Made in the browser from the
 * search's own JSON pages: GET /api/permits has no CSV answer on this branch.
 */
import type { StoredPermit } from '../permit/types.js';

export const CSV_HEADER = ['permitNumber', 'documentType', 'state', 'issuedAt', 'validUntil', 'exporter', 'exporterCountry', 'importer', 'importerCountry', 'species'];

const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

export function permitsCsv(items: StoredPermit[]): string {
  const rows = items.map((p) => [
    p.permitNumber,
    p.documentType,
    p.state,
    p.issuedAt,
    p.validUntil,
    p.permit.exporter.name,
    p.permit.exporter.country,
    p.permit.importer.name,
    p.permit.importer.country,
    p.permit.specimens.map((s) => s.scientificName).join('; '),
  ]);
  return [CSV_HEADER, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
