/**
 * Reads the authorities file `saiga trust-list FILE` signs: `{ name, version, authorities:
 * [{ country, name, address?, role, dids }] }`. A trust anchor signs only a list every verifier
 * accepts (src/verify/trust-list.ts reads the same shape), so a bad file stops here, with the
 * JSON pointer (RFC 6901) of what is wrong, before anything is signed. Unknown fields are
 * refused too: a misspelt `dids` would otherwise sign an authority with no DID.
 */
import type { TrustList, TrustListAuthority } from './model.js';

export type TrustListFileOutcome = { ok: true; list: TrustList } | { ok: false; path: string; message: string };

/** ISO 3166-1 alpha-2, as the verifier checks it. */
const COUNTRY = /^[A-Z]{2}$/;
const ROLES = ['managementAuthority', 'customs'];
const LIST_FIELDS = ['name', 'version', 'authorities'];
const AUTHORITY_FIELDS = ['country', 'name', 'address', 'role', 'dids'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function checkAuthority(entry: unknown, at: string): { path: string; message: string } | undefined {
  if (!isObject(entry)) return { path: at, message: 'an authority must be an object { country, name, role, dids }' };
  const extra = Object.keys(entry).find((key) => !AUTHORITY_FIELDS.includes(key));
  if (extra !== undefined) return { path: `${at}/${extra}`, message: `unknown field "${extra}" (an authority has ${AUTHORITY_FIELDS.join(', ')})` };
  if (typeof entry.country !== 'string' || !COUNTRY.test(entry.country)) return { path: `${at}/country`, message: 'must be an ISO 3166-1 alpha-2 country code, e.g. "LK"' };
  if (!isText(entry.name)) return { path: `${at}/name`, message: 'must be the authority\'s name' };
  if (entry.address !== undefined && !isText(entry.address)) return { path: `${at}/address`, message: 'must be the postal address as text' };
  if (typeof entry.role !== 'string' || !ROLES.includes(entry.role)) return { path: `${at}/role`, message: `must be ${ROLES.join(' or ')}` };
  if (!Array.isArray(entry.dids) || entry.dids.length === 0) return { path: `${at}/dids`, message: 'must list the authority\'s DIDs (at least one)' };
  const bad = entry.dids.findIndex((did) => typeof did !== 'string' || !/^did:[a-z0-9]+:\S+$/.test(did));
  if (bad >= 0) return { path: `${at}/dids/${bad}`, message: 'must be a DID, e.g. "did:web:cites.example.org"' };
  return undefined;
}

export function readTrustListFile(value: unknown): TrustListFileOutcome {
  if (!isObject(value)) return { ok: false, path: '', message: 'a trust list must be a JSON object { name, version, authorities }' };
  const extra = Object.keys(value).find((key) => !LIST_FIELDS.includes(key));
  if (extra !== undefined) return { ok: false, path: `/${extra}`, message: `unknown field "${extra}" (a trust list has ${LIST_FIELDS.join(', ')})` };
  if (!isText(value.name)) return { ok: false, path: '/name', message: 'must be the name of the list' };
  if (!Number.isSafeInteger(value.version) || (value.version as number) < 0) {
    return { ok: false, path: '/version', message: 'must be a whole number that increases with every new list' };
  }
  if (!Array.isArray(value.authorities)) return { ok: false, path: '/authorities', message: 'must be a list of authorities' };
  for (const [index, entry] of value.authorities.entries()) {
    const issue = checkAuthority(entry, `/authorities/${index}`);
    if (issue) return { ok: false, ...issue };
  }
  return { ok: true, list: { name: value.name, version: value.version as number, authorities: value.authorities as TrustListAuthority[] } };
}
