/**
 * The CITES code tables with their meanings, and the look-ups the validator needs.
 * Browser-safe plain data (the verifier page renders the meanings).
 */

import { APPENDICES } from './appendix.js';
import { CITES_EXTRA_COUNTRIES, ISO_COUNTRIES, type CountryEntry } from './countries.js';
import { PURPOSES, PURPOSE_CODES } from './purpose.js';
import { SOURCES } from './source.js';
import { HISTORICAL_TERMS, TERMS, type HistoricalTermEntry, type TermEntry } from './term.js';
import { HISTORICAL_UNITS, UNITS, UNIT_CODES, type HistoricalUnitEntry } from './unit.js';

export * from './appendix.js';
export * from './countries.js';
export * from './purpose.js';
export * from './source.js';
export * from './term.js';
export * from './unit.js';

/** Codes of the ISO 3166-1 countries, for schema enums: the only codes a party's address may carry. */
export const ISO_COUNTRY_CODES: readonly string[] = ISO_COUNTRIES.map((c) => c.code);

/** The CITES code for "unknown" country (§5.7), allowed where a country may genuinely be unknown. */
export const UNKNOWN_COUNTRY_CODE = 'XX';

const byCode = <T extends { readonly code: string }>(entries: readonly T[]): ReadonlyMap<string, T> =>
  new Map(entries.map((e) => [e.code, e]));

const termsByCode = byCode<TermEntry>(TERMS);
const historicalTermsByCode = byCode<HistoricalTermEntry>(HISTORICAL_TERMS);
const historicalUnitsByCode = byCode<HistoricalUnitEntry>(HISTORICAL_UNITS);
const countriesByCode = byCode<CountryEntry>([...ISO_COUNTRIES, ...CITES_EXTRA_COUNTRIES]);

export const findTerm = (code: string): TermEntry | undefined => termsByCode.get(code);
export const findHistoricalTerm = (code: string): HistoricalTermEntry | undefined => historicalTermsByCode.get(code);
export const findHistoricalUnit = (code: string): HistoricalUnitEntry | undefined => historicalUnitsByCode.get(code);
/** ISO countries and CITES extras alike. */
export const findCountry = (code: string): CountryEntry | undefined => countriesByCode.get(code);

/**
 * True when the unit is a current unit, the term has pair data and the unit is not among
 * its accepted units (a warning, §4.1 I10). An unknown unit is an error, not a warning.
 */
export function isUnusualUnitForTerm(term: TermEntry, unit: string): boolean {
  return UNIT_CODES.some((u) => u === unit) && term.units !== null && !term.units.some((u) => u === unit);
}

/**
 * True when the purpose is a purpose code, the term has pair data and the purpose is not
 * among its accepted purposes (a warning, §4.1 I10). An unknown purpose is an error, not a warning.
 */
export function isUnusualPurposeForTerm(term: TermEntry, purpose: string): boolean {
  return PURPOSE_CODES.some((p) => p === purpose) && term.purposes !== null && !term.purposes.includes(purpose);
}

/** Every table in one object, e.g. for publishing next to the schema. */
export const CODE_TABLES = {
  appendix: APPENDICES,
  purpose: PURPOSES,
  source: SOURCES,
  term: TERMS,
  historicalTerm: HISTORICAL_TERMS,
  unit: UNITS,
  historicalUnit: HISTORICAL_UNITS,
  country: ISO_COUNTRIES,
  citesExtraCountry: CITES_EXTRA_COUNTRIES,
} as const;
