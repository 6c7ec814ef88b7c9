/**
 * The `linkedPermits` check: the import permit an Appendix I export relies on.
 *
 * Art. III(2)(d): an Appendix I export permit is granted only once the Management Authority
 * of the State of export is satisfied that the importing State has granted an import permit
 * (Art. III(3)). The export names it in `importPermit` (number, issuer DID, country). The
 * exporting agent keeps the import permit it received through the exchange and its public
 * record carries it (`linkedPermits`: the import permit's own VC-JWT, signed by the
 * importing authority), so any verifier can check the link itself:
 * - the import permit verifies with this verifier's trust: a trusted Management Authority
 *   of the importer's country, a good signature, the permit rules, not revoked or suspended
 *   (its status lists, read now);
 * - it was valid on the day the export was issued (box 2 and box 13 of the import permit
 *   around the export's issuance date): an import permit that expired later is no defect;
 * - it is the one the export names (number, issuer), an import permit, and it fits the
 *   export: every species of the export on it, the same importer (box 3) and countries,
 *   and per species and unit no more exported than the import permit allows.
 *
 * `compareLinkedPermit` is shared with issuance (src/issuance/import-permit-check.ts), so
 * an exporting agent refuses exactly what every verifier would find.
 *
 * An export naming an import permit whose record carries none is reported with
 * LINKED_PERMIT_MISSING as a warning (the check passes, the code says it was not linked):
 * the export is still the exporting authority's signed statement that it saw the import
 * permit, exports issued before the exchange or against a paper import permit carry no
 * link, and at import the importing Party sees its own import permit presented with the
 * shipment (Art. III(3)). A link that is there and does not hold is a failure.
 *
 * Browser-safe: no service imports.
 */
import { VERIFY_CODES, type VerifyCode } from '../codes.js';
import type { DocumentReference, Party, Permit } from '../permit/model.js';
import type { LinkedPermitInfo, VerificationCheck, VerificationResult } from './verifier-types.js';

/** What of an export (request or issued permit) the link is compared with. */
export interface LinkingDocument {
  importer: Party;
  exporter: Party;
  specimens: readonly { scientificName: string; quantity: number; unit: string }[];
  importPermit?: DocumentReference;
}

export type LinkMismatchKind = 'number' | 'issuer' | 'notImport' | 'wrongCountry' | 'importer' | 'exporter' | 'species' | 'unit' | 'quantity';

export interface LinkMismatch {
  kind: LinkMismatchKind;
  /** JSON pointer into the export (request or permit). */
  path: string;
  detail: string;
}

/** Names compared as a person reads them: case, spacing and Unicode form aside. */
export const sameName = (a: string, b: string): boolean => {
  const norm = (s: string) => s.normalize('NFC').trim().replace(/\s+/gu, ' ').toLocaleLowerCase('en');
  return norm(a) === norm(b);
};

const key = (name: string) => name.normalize('NFC').trim().replace(/\s+/gu, ' ').toLowerCase();

/**
 * How the import permit (`held`, signed by `heldIssuer` of `heldCountry`) fails the export
 * that relies on it; none when it fits. Pure.
 */
export function compareLinkedPermit(exportDoc: LinkingDocument, held: Permit, heldIssuer: { did: string; country: string }): LinkMismatch[] {
  const found: LinkMismatch[] = [];
  const ref = exportDoc.importPermit;
  if (ref !== undefined) {
    if (ref.permitNumber !== held.permitNumber) found.push({ kind: 'number', path: '/importPermit/permitNumber', detail: `The import permit held is number ${held.permitNumber}, not ${ref.permitNumber}.` });
    if (ref.issuer !== undefined && ref.issuer !== heldIssuer.did) found.push({ kind: 'issuer', path: '/importPermit/issuer', detail: `The import permit held was issued by ${heldIssuer.did}, not ${ref.issuer}.` });
  }
  if (held.documentType !== 'import') found.push({ kind: 'notImport', path: '/importPermit', detail: `Permit ${held.permitNumber} is a document of type ${held.documentType}.` });
  if (heldIssuer.country !== exportDoc.importer.country) {
    found.push({ kind: 'wrongCountry', path: '/importPermit/issuer', detail: `Permit ${held.permitNumber} was issued in ${heldIssuer.country}; the importer is in ${exportDoc.importer.country}.` });
  }
  if (!sameName(held.importer.name, exportDoc.importer.name) || held.importer.country !== exportDoc.importer.country) {
    found.push({ kind: 'importer', path: '/importer/name', detail: `Permit ${held.permitNumber} is granted to ${held.importer.name} (${held.importer.country}).` });
  }
  if (held.exporter.country !== exportDoc.exporter.country) {
    found.push({ kind: 'exporter', path: '/exporter/country', detail: `Permit ${held.permitNumber} covers an import from ${held.exporter.country}.` });
  }
  // Box 11 per species: what the import permit allows, by unit (UN/ECE Rec. 20 codes are not converted).
  const allowed = new Map<string, Map<string, number>>();
  for (const s of held.specimens) {
    const units = allowed.get(key(s.scientificName)) ?? new Map<string, number>();
    units.set(s.unit, (units.get(s.unit) ?? 0) + s.quantity);
    allowed.set(key(s.scientificName), units);
  }
  const exported = new Map<string, { quantity: number; first: number }>();
  exportDoc.specimens.forEach((s, i) => {
    const units = allowed.get(key(s.scientificName));
    if (units === undefined) {
      found.push({ kind: 'species', path: `/specimens/${i}/scientificName`, detail: `${s.scientificName} is not on import permit ${held.permitNumber}.` });
      return;
    }
    if (!units.has(s.unit)) {
      found.push({ kind: 'unit', path: `/specimens/${i}/unit`, detail: `Import permit ${held.permitNumber} states ${s.scientificName} in ${[...units.keys()].join(', ')}, not ${s.unit}.` });
      return;
    }
    const k = `${key(s.scientificName)}\u0000${s.unit}`;
    const sum = exported.get(k);
    exported.set(k, { quantity: (sum?.quantity ?? 0) + s.quantity, first: sum?.first ?? i });
  });
  for (const [k, { quantity, first }] of exported) {
    const [species, unit] = k.split('\u0000') as [string, string];
    const limit = allowed.get(species)!.get(unit)!;
    // Compared in thousandths: box 11 has at most three decimals (src/permit/quantity.ts).
    if (Math.round(quantity * 1000) > Math.round(limit * 1000)) {
      const name = exportDoc.specimens[first]!.scientificName;
      found.push({ kind: 'quantity', path: `/specimens/${first}/quantity`, detail: `${quantity} ${unit} of ${name} exported; import permit ${held.permitNumber} allows ${limit} ${unit}.` });
    }
  }
  return found;
}

export interface LinkedCheckInput {
  permit: Permit;
  /** The export's issuance date (its `nbf`), ISO 8601. */
  issuedAt: string | undefined;
  /** The record's `linkedPermits`, unread. */
  linkedPermits: unknown;
  now: Date;
}

export interface LinkedCheckOutcome {
  check: VerificationCheck;
  linkedPermits?: LinkedPermitInfo[];
}

/** True for a document that relies on an import permit and so gets the check. */
export const reliesOnImportPermit = (permit: Permit | undefined): boolean =>
  permit !== undefined && permit.importPermit !== undefined && (permit.documentType === 'export' || permit.documentType === 're-export');

const NOT_GENUINE = new Set(['format', 'algorithm', 'issuer', 'signature', 'permit']);

/**
 * The check itself. `verifyLinked` verifies a linked JWT at `now` with this verifier's
 * options but without its own linked check (one level only).
 */
export async function checkLinkedPermits(input: LinkedCheckInput, verifyLinked: (jwt: string, at: { now: Date }) => Promise<VerificationResult>): Promise<LinkedCheckOutcome> {
  const pass = (message: string, code: VerifyCode = 'OK'): VerificationCheck => ({ check: 'linkedPermits', ok: true, code, message });
  const fail = (code: VerifyCode, detail: string): VerificationCheck => ({ check: 'linkedPermits', ok: false, code, message: `${VERIFY_CODES[code]} ${detail}`.trim() });
  const ref = input.permit.importPermit!;
  const jwts = Array.isArray(input.linkedPermits) ? input.linkedPermits.filter((j): j is string => typeof j === 'string') : [];
  if (jwts.length === 0) return { check: pass(`${VERIFY_CODES.LINKED_PERMIT_MISSING} (import permit ${ref.permitNumber})`, 'LINKED_PERMIT_MISSING') };

  // The record may link several documents: the one meant is the one verifying with the number named.
  const results = await Promise.all(jwts.slice(0, 8).map((jwt) => verifyLinked(jwt, { now: input.now })));
  const result = results.find((r) => r.permit?.permitNumber === ref.permitNumber && (ref.issuer === undefined || r.credential?.issuer === ref.issuer)) ?? results[0]!;
  const info: LinkedPermitInfo | undefined =
    result.permit !== undefined && result.credential !== undefined
      ? { permitNumber: result.permit.permitNumber, issuer: result.credential.issuer, state: result.state ?? 'unknown', ...(result.credential.validUntil !== undefined && { validUntil: result.credential.validUntil }) }
      : undefined;
  const out = (check: VerificationCheck): LinkedCheckOutcome => (info ? { check, linkedPermits: [info] } : { check });
  const of = `Import permit ${info?.permitNumber ?? ref.permitNumber}:`;

  const failing = result.checks.filter((c) => !c.ok && c.check !== 'validity');
  const first = failing[0];
  if (first?.check === 'trust') return out(fail('LINKED_PERMIT_UNTRUSTED', `${of} ${first.message}`));
  if (first !== undefined && NOT_GENUINE.has(first.check)) return out(fail('LINKED_PERMIT_INVALID', `${of} ${first.message}`));
  if (first?.code === 'REVOKED') return out(fail('LINKED_PERMIT_REVOKED', of));
  if (first?.code === 'SUSPENDED') return out(fail('LINKED_PERMIT_SUSPENDED', of));
  if (first !== undefined && first.check === 'status') return out(fail('LINKED_PERMIT_STATUS_UNAVAILABLE', `${of} ${first.message}`));
  // The import permit's record (its endorsements, later its import confirmation) is not needed for the link.
  const linked = result.permit!;
  const issuer = result.issuer!;
  const issued = input.issuedAt;
  const from = result.credential?.validFrom;
  const until = result.credential?.validUntil;
  if (issued === undefined || until === undefined || issued > until || (from !== undefined && issued < from)) {
    return out(fail('LINKED_PERMIT_NOT_VALID_AT_ISSUE', `${of} valid ${from ? `from ${from} ` : ''}until ${until ?? '(no date)'}; the export was issued ${issued ?? '(no date)'}.`));
  }
  const mismatches = compareLinkedPermit(input.permit, linked, { did: issuer.did, country: issuer.country });
  const wrongCountry = mismatches.find((m) => m.kind === 'wrongCountry');
  if (wrongCountry) return out(fail('LINKED_PERMIT_UNTRUSTED', wrongCountry.detail));
  const other = mismatches.filter((m) => m.kind !== 'quantity');
  if (other.length > 0) return out(fail('LINKED_PERMIT_MISMATCH', other.map((m) => m.detail).join(' ')));
  const over = mismatches.filter((m) => m.kind === 'quantity');
  if (over.length > 0) return out(fail('LINKED_PERMIT_QUANTITY_EXCEEDED', over.map((m) => m.detail).join(' ')));
  return out(pass(`Relies on import permit ${linked.permitNumber} of ${issuer.name} (${issuer.country}), valid until ${linked.validUntil}; it covers this export.`));
}
