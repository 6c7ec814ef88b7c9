/**
 * The report queries as the CLI and the API take them, checked once for both: a clear error
 * with the path of the bad parameter, never a report of the wrong year.
 */
import type { ReportBasis, ReportType } from './rows.js';
import { REPORT_FORMATS, type ReportFormat } from './sinks.js';
import type { AnnualQuery } from './service.js';
import { findCountry } from '../permit/tables/index.js';

export type QueryResult<T> = { ok: true; value: T } | { ok: false; path: string; message: string };

const TYPES: readonly ReportType[] = ['exporter', 'importer'];
const BASES: readonly ReportBasis[] = ['actual', 'issued'];

function year(value: unknown): QueryResult<number> {
  // Art. VIII(7)(a) reports cover a calendar year; the Convention entered into force in 1975.
  if (typeof value !== 'string' || !/^\d{4}$/.test(value) || Number(value) < 1975) return { ok: false, path: '/year', message: '"year" must be a 4-digit year (1975 or later), e.g. 2026.' };
  return { ok: true, value: Number(value) };
}

export function annualQuery(input: { year?: unknown; type?: unknown; basis?: unknown }): QueryResult<AnnualQuery> {
  const y = year(input.year);
  if (!y.ok) return y;
  if (typeof input.type !== 'string' || !TYPES.includes(input.type as ReportType)) return { ok: false, path: '/type', message: '"type" must be exporter or importer.' };
  const basis = input.basis ?? 'actual';
  if (typeof basis !== 'string' || !BASES.includes(basis as ReportBasis)) return { ok: false, path: '/basis', message: '"basis" must be actual or issued.' };
  return { ok: true, value: { year: y.value, type: input.type as ReportType, basis: basis as ReportBasis } };
}

export function reportFormat(value: unknown): QueryResult<ReportFormat> {
  const format = value ?? 'csv';
  if (typeof format !== 'string' || !REPORT_FORMATS.includes(format as ReportFormat)) return { ok: false, path: '/format', message: '"format" must be csv or xlsx.' };
  return { ok: true, value: format as ReportFormat };
}

export function mirrorQuery(input: { year?: unknown; partner?: unknown }): QueryResult<{ year: number; partner: string }> {
  const y = year(input.year);
  if (!y.ok) return y;
  if (typeof input.partner !== 'string' || !/^[A-Z]{2}$/.test(input.partner) || !findCountry(input.partner)) {
    return { ok: false, path: '/partner', message: '"partner" must be the ISO 3166-1 alpha-2 code of a country, e.g. CH.' };
  }
  return { ok: true, value: { year: y.value, partner: input.partner } };
}
