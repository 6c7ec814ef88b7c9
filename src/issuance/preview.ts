/**
 * A permit preview (POST /api/permits/preview): the request checked by every rule issuing
 * applies, in the same order, and the permit built as issuing would build it, but nothing
 * consumed (team rule: never consume a permit number or status index; nothing written).
 * No number is drawn, no status index allocated, nothing signed, stored, audited or sent;
 * the replaced permit (R1) is read from committed data. The built permit carries a stand-in
 * number and must only ever be printed as a preview (src/print/render.ts `preview`).
 */
import type { RuleIssue } from '../codes.js';
import type { Permit, PermitRequest } from '../permit/model.js';
import { normaliseText } from '../permit/text.js';
import { validatePermitRequest } from '../permit/validate.js';
import { maxValidUntil } from '../permit/validity.js';
import { buildPermit, buildPermitCredential } from './credential.js';
import { builtCredentialIssues, replacedPermitIssues } from './issue-checks.js';
import type { IssuerDeps, Officer } from './issue.js';
import { formatPermitNumber } from './number.js';

export type PreviewOutcome = { ok: true; permit: Permit; warnings: RuleIssue[] } | { ok: false; errors: RuleIssue[]; warnings: RuleIssue[] };

/** As long as the ids issuing makes (`urn:uuid:` and a UUID), so that the size bound is the same. */
const PLACEHOLDER_ID = 'urn:uuid:00000000-0000-0000-0000-000000000000';

export async function previewPermit(deps: IssuerDeps, input: unknown, officer: Officer): Promise<PreviewOutcome> {
  const request = normaliseText(input);
  const outcome = validatePermitRequest(request, { authorityCountry: deps.authority.country, now: deps.now(), trust: deps.trust() });
  if (!outcome.ok) return { ok: false, errors: outcome.errors, warnings: outcome.warnings };
  const refused = (errors: RuleIssue[]): PreviewOutcome => ({ ok: false, errors, warnings: outcome.warnings });
  const valid = request as PermitRequest;
  // The cross-permit checks read committed data only (src/issuance/import-permit-check.ts, origin-permit-check.ts).
  const linked = [
    ...(valid.importPermit && deps.checkImportPermit ? await deps.checkImportPermit(valid.importPermit, valid) : []),
    ...(deps.checkOriginPermits ? await deps.checkOriginPermits(valid) : []),
  ];
  if (linked.length > 0) return refused(linked);
  if (valid.replaces) {
    if (!deps.reads) throw new Error('a preview of a replacement needs the committed reads (IssuerDeps.reads)');
    const { permitNumber } = valid.replaces;
    const issues = replacedPermitIssues(await deps.reads.lifecycle.life({ permitNumber }), permitNumber);
    if (issues.length > 0) return refused(issues);
  }
  // As issuing does (./issue.ts make): whole seconds, the longest validity when none is asked.
  const issuedAt = new Date(Math.floor(deps.now().getTime() / 1000) * 1000);
  const { authority, numberFormat } = deps;
  // The longest number of the scope, never read from nor drawn on the counter: the size bound
  // below then holds for whichever number issuing draws.
  const permitNumber = formatPermitNumber(numberFormat, { country: authority.country, documentType: valid.documentType, issuedAt }, 10 ** numberFormat.seqWidth - 1);
  const validUntil = valid.validUntil ?? maxValidUntil(valid.documentType, valid.otherDocumentType, issuedAt);
  const { place, ...managementAuthority } = authority;
  const permit = buildPermit(valid, { permitNumber, validUntil, authority: managementAuthority, place, issuedAt, signatory: officer.signatory });
  const credential = buildPermitCredential(permit, PLACEHOLDER_ID, deps.agentUrl, {
    credentialStatus: deps.statusLists.placeholderEntries(),
    permitRecord: deps.recordUrl(PLACEHOLDER_ID),
  });
  const built = builtCredentialIssues(credential, { authority, issuedAt, validUntil, trust: deps.trust() });
  if (built.length > 0) return refused(built);
  return { ok: true, permit, warnings: outcome.warnings };
}
