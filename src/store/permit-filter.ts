/**
 * The permit search of `GET /api/permits` and `saiga permit list`: paging and filters read
 * from query parameters, each checked, and anything unknown or malformed refused with its
 * name (never ignored, so a typo does not silently widen a search).
 */
import type { DocumentType } from '../permit/model.js';
import { PERMIT_LIST_STATES, type PermitFilter, type PermitListState } from './permits.js';

/** A malformed search: `path` names the parameter (`/issuedFrom`). Code BAD_REQUEST, as the API answers it. */
export class PermitFilterError extends Error {
  readonly code = 'BAD_REQUEST';
  constructor(readonly details: { path: string; message: string }) {
    super(details.message);
    this.name = 'PermitFilterError';
  }
}

const DOCUMENT_TYPES: readonly DocumentType[] = ['export', 're-export', 'import', 'other'];
const KNOWN = ['limit', 'offset', 'documentType', 'country', 'species', 'issuedFrom', 'issuedTo', 'state', 'number', 'trader'];

/**
 * RFC 3339 §5.6 full-date, or date-time with `Z` or a numeric offset. A "+" left unencoded
 * in a URL arrives as a space (application/x-www-form-urlencoded), so " 02:00" is read as
 * "+02:00" rather than refused.
 */
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+\- ]\d{2}:\d{2}))?$/;

/** The instant a date filter names, as issued_at is stored (toISOString, UTC); a plain date is its midnight UTC. */
export function filterInstant(value: string): string | undefined {
  const match = RFC3339.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', offset = 'Z'] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  // Refuses 2026-02-30 and the like, which Date would roll over into March.
  if (date.getUTCFullYear() !== Number(year) || date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const zone = offset.toUpperCase() === 'Z' ? 'Z' : `${offset.startsWith('-') ? '-' : '+'}${offset.slice(1)}`;
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4, 6)) > 59)) return undefined;
  const instant = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}${fraction.slice(0, 4)}${zone}`);
  return Number.isNaN(instant) ? undefined : new Date(instant).toISOString();
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new PermitFilterError({ path: `/${name}`, message: `"${name}" must be given once.` });
  return value;
}

/** Reads paging and filters from query parameters; throws PermitFilterError naming the parameter at fault. */
export function parsePermitFilter(query: Record<string, unknown>): PermitFilter {
  const unknown = Object.keys(query).find((key) => !KNOWN.includes(key));
  if (unknown) throw new PermitFilterError({ path: `/${unknown}`, message: `Unknown query parameter "${unknown}".` });
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = single(query, name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new PermitFilterError({ path: `/${name}`, message: `"${name}" must be a whole number from ${min} to ${max}.` });
    }
    return value;
  };
  const filter: PermitFilter = { limit: integer('limit', 50, 1, 200), offset: integer('offset', 0, 0, 1_000_000_000) };
  const documentType = single(query, 'documentType');
  if (documentType !== undefined) {
    if (!DOCUMENT_TYPES.includes(documentType as DocumentType)) {
      throw new PermitFilterError({ path: '/documentType', message: `"documentType" must be one of ${DOCUMENT_TYPES.join(', ')}.` });
    }
    filter.documentType = documentType as DocumentType;
  }
  const country = single(query, 'country');
  if (country !== undefined) {
    if (!/^[A-Z]{2}$/.test(country)) throw new PermitFilterError({ path: '/country', message: '"country" must be an ISO 3166 alpha-2 code.' });
    filter.country = country;
  }
  const species = single(query, 'species');
  if (species !== undefined) {
    if (species.length < 1 || species.length > 200) throw new PermitFilterError({ path: '/species', message: '"species" must be 1 to 200 characters.' });
    filter.species = species;
  }
  const number = single(query, 'number');
  if (number !== undefined) {
    // Permit numbers are written with the number format's letters, digits and separators - _ . (src/issuance/number.ts).
    if (!/^[A-Za-z0-9_.-]{1,64}$/.test(number)) {
      throw new PermitFilterError({ path: '/number', message: '"number" must be 1 to 64 letters, digits or - _ . (the start of a permit number).' });
    }
    filter.number = number;
  }
  const trader = single(query, 'trader');
  if (trader !== undefined) {
    if (trader.trim().length < 1 || trader.length > 200) throw new PermitFilterError({ path: '/trader', message: '"trader" must be 1 to 200 characters.' });
    filter.trader = trader;
  }
  const state = single(query, 'state');
  if (state !== undefined) {
    if (!PERMIT_LIST_STATES.includes(state as PermitListState)) {
      throw new PermitFilterError({ path: '/state', message: `"state" must be one of ${PERMIT_LIST_STATES.join(', ')}.` });
    }
    filter.state = state as PermitListState;
  }
  for (const name of ['issuedFrom', 'issuedTo'] as const) {
    const value = single(query, name);
    if (value === undefined) continue;
    const instant = filterInstant(value);
    if (instant === undefined) {
      throw new PermitFilterError({
        path: `/${name}`,
        message: `"${name}" must be a date (YYYY-MM-DD) or an RFC 3339 date-time with Z or an offset (2026-12-01T21:00:00+02:00).`,
      });
    }
    filter[name] = instant;
  }
  return filter;
}
