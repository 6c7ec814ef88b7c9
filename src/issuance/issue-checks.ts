/**
 * The issuing rules that look past the request: the permit it replaces (R1) and the permit
 * as built (what every verifier checks, and the size limit). Pure: issuing (./issue.ts)
 * throws their findings inside its transaction, a preview (./preview.ts) returns them, so
 * a preview refuses exactly what issuing would.
 */
import { RULE_CODES, type RuleIssue } from '../codes.js';
import type { ManagementAuthority } from '../permit/model.js';
import type { ImportPermitTrust } from '../permit/import-permit.js';
import { credentialJwtBound, tooLargeIssue } from '../permit/size.js';
import { validatePermit } from '../permit/validate.js';
import type { PermitLifeRow } from '../store/lifecycle.js';
import { MAX_ISSUED_CREDENTIAL_CHARS } from '../vocab/limits.js';
import type { UnsignedCredential } from './credential.js';

/** R1: only a permit of ours that is neither revoked nor used can be replaced. `old` is its row, undefined when we issued none. */
export function replacedPermitIssues(old: PermitLifeRow | undefined, replaced: string): RuleIssue[] {
  const issue = (code: 'REPLACED_PERMIT_UNKNOWN' | 'REPLACED_PERMIT_REVOKED' | 'REPLACED_PERMIT_USED'): RuleIssue[] => [
    { code, path: '/replaces/permitNumber', message: `${RULE_CODES[code]} (${replaced})` },
  ];
  if (!old) return issue('REPLACED_PERMIT_UNKNOWN');
  if (old.state === 'revoked') return issue('REPLACED_PERMIT_REVOKED');
  if (old.endorsed) return issue('REPLACED_PERMIT_USED');
  return [];
}

/**
 * What the agent built must pass what every verifier checks: the subject schema and the
 * permit rules (the agent's own data, such as the signatory from the token, is not
 * validated with the request), and the size limit, bounded before signing (size.ts).
 */
export function builtCredentialIssues(
  credential: UnsignedCredential,
  facts: { authority: ManagementAuthority; issuedAt: Date; validUntil: string; trust: ImportPermitTrust },
): RuleIssue[] {
  const { authority, issuedAt, validUntil, trust } = facts;
  const check = validatePermit(credential.credentialSubject, { issuerCountry: authority.country, issuedAt, validUntil, trust });
  if (!check.ok) {
    return check.errors.map((e) => ({ code: 'ISSUED_PERMIT_INVALID', path: e.path, message: `${RULE_CODES.ISSUED_PERMIT_INVALID} (${e.code} at ${e.path || 'the root'}) ${e.message}` }));
  }
  const bound = credentialJwtBound(credential, authority.did, credential.id);
  if (bound > MAX_ISSUED_CREDENTIAL_CHARS) return [tooLargeIssue(bound, credential.credentialSubject)];
  return [];
}
