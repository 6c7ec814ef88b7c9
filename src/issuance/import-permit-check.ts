/**
 * The import permit an Appendix I export relies on, checked at issuance (Art. III(2)(d):
 * the exporting Management Authority must be satisfied that the importing State granted an
 * import permit; Art. III(3)). It plugs in as `IssuerDeps.checkImportPermit` and runs after
 * the request rules (src/permit/import-permit.ts), before a number is drawn: a refusal uses
 * no number and no status index.
 *
 * The import permit must be one this authority holds: received through the exchange from the
 * importing Management Authority (table `incoming_permit`, relation 'import-permit'). An
 * officer cannot paste it instead: the exchange is authenticated as the importing authority
 * and keeps its later status notices, and a JWT pasted at the counter would come from the
 * applicant. When it is not held, the officer asks the importing authority to send it.
 *
 * What is held is verified again now, with the agent's verifier (the core): its signature,
 * a trusted Management Authority of the importer's country, its status lists, its validity;
 * and what the importing authority notified (a revocation or suspension) counts even when its
 * status list cannot be reached. Then it is compared with the export exactly as every
 * verifier compares them (src/verify/linked-permits.ts `compareLinkedPermit`).
 */
import { RULE_CODES, type RuleCode, type RuleIssue } from '../codes.js';
import type { DocumentReference, PermitRequest } from '../permit/model.js';
import type { ImportPermitCheck } from '../permit/import-permit.js';
import type { HeldPermit, HeldPermitReads } from '../store/held-permits.js';
import { compareLinkedPermit, type LinkMismatchKind } from '../verify/linked-permits.js';
import type { VerificationResult } from '../verify/verifier-types.js';

export interface ImportPermitCheckDeps {
  held: Pick<HeldPermitReads, 'find'>;
  /** The agent's verifier, at the moment of issuance. */
  verify: (jwt: string) => Promise<VerificationResult>;
}

const MISMATCH_CODE: Record<LinkMismatchKind, RuleCode> = {
  number: 'IMPORT_PERMIT_NOT_HELD',
  issuer: 'IMPORT_PERMIT_NOT_HELD',
  notImport: 'IMPORT_PERMIT_NOT_IMPORT',
  wrongCountry: 'IMPORT_PERMIT_WRONG_COUNTRY',
  importer: 'IMPORT_PERMIT_IMPORTER_MISMATCH',
  exporter: 'IMPORT_PERMIT_EXPORTER_MISMATCH',
  species: 'IMPORT_PERMIT_SPECIES_MISMATCH',
  unit: 'IMPORT_PERMIT_UNIT_MISMATCH',
  quantity: 'IMPORT_PERMIT_QUANTITY_EXCEEDED',
};

const finding = (code: RuleCode, path: string, detail?: string): RuleIssue => ({ code, path, message: detail ? `${RULE_CODES[code]} ${detail}` : RULE_CODES[code] });

/** What the verdict on the held import permit means for the export; undefined when it holds. */
function verdictIssue(result: VerificationResult, number: string): RuleIssue | undefined {
  const failing = result.checks.find((c) => !c.ok);
  if (failing === undefined) return undefined;
  const detail = `(import permit ${number}: ${failing.message})`;
  if (failing.check === 'trust') return finding('IMPORT_PERMIT_ISSUER_UNTRUSTED', '/importPermit/issuer', detail);
  if (failing.check === 'validity') return finding('IMPORT_PERMIT_EXPIRED', '/importPermit', detail);
  if (failing.code === 'REVOKED') return finding('IMPORT_PERMIT_REVOKED', '/importPermit', detail);
  if (failing.code === 'SUSPENDED') return finding('IMPORT_PERMIT_SUSPENDED', '/importPermit', detail);
  // Its status lists or record could not be read or are not genuine: whether it still stands is unknown (fail closed).
  if (failing.check === 'status' || failing.code === 'RECORD_UNAVAILABLE') return finding('IMPORT_PERMIT_STATUS_UNAVAILABLE', '/importPermit', detail);
  return finding('IMPORT_PERMIT_UNVERIFIED', '/importPermit', detail);
}

async function lookUp(deps: ImportPermitCheckDeps, reference: DocumentReference, request: PermitRequest): Promise<HeldPermit | undefined> {
  const by = reference.issuer !== undefined ? { issuerDid: reference.issuer } : { country: reference.country ?? request.importer.country };
  const held = await deps.held.find('import-permit', reference.permitNumber, by);
  return held[held.length - 1];
}

export function createImportPermitCheck(deps: ImportPermitCheckDeps): ImportPermitCheck {
  return async (reference, request) => {
    const held = await lookUp(deps, reference, request);
    if (held === undefined) {
      const from = reference.issuer ?? reference.country ?? request.importer.country;
      return [finding('IMPORT_PERMIT_NOT_HELD', '/importPermit/permitNumber', `(import permit ${reference.permitNumber} of ${from})`)];
    }
    // Notified by the importing authority through the exchange: final for us even if its list is out of reach.
    const notified = `(import permit ${held.permitNumber}: notified by the issuing authority${held.statusNotifiedAt ? ` at ${held.statusNotifiedAt}` : ''})`;
    if (held.status === 'revoked') return [finding('IMPORT_PERMIT_REVOKED', '/importPermit', notified)];
    if (held.status === 'suspended') return [finding('IMPORT_PERMIT_SUSPENDED', '/importPermit', notified)];
    const result = await deps.verify(held.jwt);
    const problem = verdictIssue(result, held.permitNumber);
    if (problem) return [problem];
    const mismatches = compareLinkedPermit(request, result.permit!, { did: result.issuer!.did, country: result.issuer!.country });
    return mismatches.map((m) => finding(MISMATCH_CODE[m.kind], m.kind === 'wrongCountry' ? '/importPermit/issuer' : m.path, `(${m.detail})`));
  };
}
