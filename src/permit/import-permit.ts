/**
 * Art. III(2)(d): an Appendix I export permit is granted only once the Management Authority
 * of the importing State has granted an import permit. The export names that import permit
 * (`importPermit`); these rules check what can be checked without fetching it. Browser-safe.
 *
 * The permit-number form. CITES sets no format: Art. VI(3) asks only for a control number
 * assigned by the Management Authority, and the standard form (Res. Conf. 12.3 Annex 2,
 * box 1) has one line for it. Parties' numbers are letters and digits with separators:
 * FR1007533178-E, 23CZ034504, 26US123456/9, AU-2026-0012, LK26-E000001 (this agent's
 * `{CC}{YY}-{T}{SEQ:6}`). The toolkit v2 EDIFACT element for another document's number is
 * an..70, the WCO data model v3 identifier an..35. So a number here is:
 * - 3 to 70 characters (LIMITS.referencedNumber);
 * - ASCII letters and digits, separated by single "-", "/" or "." (no spaces: a number
 *   printed with spaces is entered without them);
 * - starting and ending with a letter or digit, and holding at least one digit (it is a
 *   control number);
 * - not a placeholder left in a template (REPLACE…, PLACEHOLDER, EXAMPLE, TODO, XXX…).
 *
 * The issuer. When the import permit was issued on the network, `importPermit.issuer` is
 * its authority's DID: it must be a Management Authority the checker trusts, of the
 * importer's country (box 3a), and `importPermit.country`, when given, that country too.
 * Issuance judges with the agent's own trust (itself, its peers, its trust list) and refuses
 * an issuer it does not know; a verifier judges with its trusted issuers, and leaves an
 * issuer it does not know unjudged, since its trust list may be narrower than the issuer's.
 *
 * Checking the import permit itself (fetch it from its issuer, verify it, compare species,
 * quantities and parties) needs the network and is asynchronous: it plugs in at issuance as
 * `IssuerDeps.checkImportPermit` (src/issuance/issue.ts), with the `ImportPermitCheck`
 * signature below, and runs after these rules.
 */

import type { RuleIssue } from '../codes.js';
import { issue, pointer, recordOf, textOf } from './findings.js';
import type { DocumentReference, PermitRequest } from './model.js';
import type { Rule } from './rules.js';
import { LIMITS } from './schema.js';

/** What a rule needs to know of the checker's trust. */
export interface ImportPermitTrust {
  /** The ISO country of the trusted Management Authority with this DID, or undefined when this DID is not one. */
  managementAuthorityCountry(did: string): string | undefined;
  /** Refuse an issuer the lookup does not know (issuance), or leave it unjudged (a verifier). */
  refuseUnknown: boolean;
}

/** Builds the lookup from a list of trusted issuers (src/verify TrustedIssuer, src/verification/agent-verifier.ts trustedIssuersOf). */
export function importPermitTrust(issuers: ReadonlyArray<{ did: string; role: string; country: string }>, refuseUnknown: boolean): ImportPermitTrust {
  const countries = new Map(issuers.filter((t) => t.role === 'managementAuthority').map((t) => [t.did, t.country.toUpperCase()]));
  return { managementAuthorityCountry: (did) => countries.get(did), refuseUnknown };
}

/**
 * The later check of the import permit itself (exchange issue): given the reference and the
 * request that relies on it, its findings (paths under `/importPermit`), none when it holds.
 */
export type ImportPermitCheck = (reference: DocumentReference, request: PermitRequest) => Promise<RuleIssue[]>;

const FORM = /^[A-Za-z0-9]+(?:[-/.][A-Za-z0-9]+)*$/;
const PLACEHOLDER = /REPLACE|PLACEHOLDER|EXAMPLE|TODO|XXX/i;
const MIN_LENGTH = 3;

/** Why a text is not a permit number, or undefined when it fits the form above. */
export function permitNumberProblem(value: string): string | undefined {
  if (PLACEHOLDER.test(value)) return `${JSON.stringify(value)} is a placeholder, not a number.`;
  if (value.length < MIN_LENGTH || value.length > LIMITS.referencedNumber) return `${JSON.stringify(value)} is not ${MIN_LENGTH} to ${LIMITS.referencedNumber} characters long.`;
  if (!FORM.test(value)) return `${JSON.stringify(value)} must be letters and digits, separated by single "-", "/" or ".".`;
  if (!/\d/.test(value)) return `${JSON.stringify(value)} holds no digit.`;
  return undefined;
}

/** Box 1 of the import permit: a number of the permit-number form. */
export const importPermitNumberForm: Rule = (doc) => {
  const number = textOf(recordOf(doc, 'importPermit'), 'permitNumber');
  const problem = number === undefined ? undefined : permitNumberProblem(number);
  return problem ? [issue('IMPORT_PERMIT_NUMBER_INVALID', pointer('importPermit', 'permitNumber'), problem)] : [];
};

/** The import permit's authority: trusted, and of the importer's country (Art. III(2)(d): the importing State grants it). */
export const importPermitIssuedByImportingCountry: Rule = (doc, ctx) => {
  const reference = recordOf(doc, 'importPermit');
  const importer = textOf(recordOf(doc, 'importer'), 'country');
  if (!reference) return [];
  const found: RuleIssue[] = [];
  const country = textOf(reference, 'country');
  if (country !== undefined && importer !== undefined && country !== importer) {
    found.push(issue('IMPORT_PERMIT_WRONG_COUNTRY', pointer('importPermit', 'country'), `The import permit is from ${country}; the importer is in ${importer}.`));
  }
  const did = textOf(reference, 'issuer');
  if (did === undefined || !ctx.trust) return found;
  const issuerCountry = ctx.trust.managementAuthorityCountry(did);
  if (issuerCountry === undefined) {
    if (ctx.trust.refuseUnknown) found.push(issue('IMPORT_PERMIT_ISSUER_UNTRUSTED', pointer('importPermit', 'issuer'), `${did} is not on this authority's trust list.`));
  } else if (importer !== undefined && issuerCountry !== importer) {
    found.push(issue('IMPORT_PERMIT_WRONG_COUNTRY', pointer('importPermit', 'issuer'), `${did} is the Management Authority of ${issuerCountry}; the importer is in ${importer}.`));
  }
  return found;
};
