/**
 * Steps 8 and 9 of verifying a permit: is it revoked or suspended (status lists), and
 * has customs endorsed it for export (the public record)? Both come from the issuing
 * authority, fetched in parallel. A status that could not be checked is a failed check:
 * the verdict then says so and never says "valid".
 */
import type { VerifyCode } from '../codes.js';
import type { Permit } from '../permit/model.js';
import type { RecordOutcome } from './record.js';
import { REVOCATION_REASONS, type RevocationReason } from '../vocab/public-record.js';
import { readStatusEntries, type StatusEntry, type StatusOutcome } from './status.js';
import type { CredentialClaims } from './vc-jwt.js';
import type { BlockQuantities, CheckName, EndorsementInfo, ImportInfo, PermitState, StatusInfo, StatusNotice, TrustedIssuer } from './verifier-types.js';

export interface LifecycleInput {
  claims: CredentialClaims;
  issuer: TrustedIssuer;
  permit: Permit;
  /** The endorsement check reads blocks, so it runs only on a permit whose shape passed the rules. */
  rulesOk: boolean;
  now: Date;
  checkStatus: (entries: StatusEntry[], issuer: TrustedIssuer, now: Date) => Promise<StatusOutcome>;
  checkRecord: (url: unknown, credentialId: string | undefined, permit: Permit, issuer: TrustedIssuer) => Promise<RecordOutcome>;
  /** A revocation or suspension the issuer notified directly (PermitVerifierOptions.notices). */
  notice?: StatusNotice;
}

export interface LifecycleOutput {
  checks: { check: CheckName; ok: boolean; code: VerifyCode; message: string }[];
  fields: { status?: StatusInfo; blocks?: BlockQuantities[]; endorsement?: EndorsementInfo; imported?: ImportInfo };
  revoked: boolean;
  suspended: boolean;
  statusKnown: boolean;
  /** Whether it is known if customs endorsed the permit (record read, endorsements genuine). */
  useKnown: boolean;
  used: boolean;
  /** The record's `linkedPermits`, unread (linked-permits.ts checks them); undefined when the record was not read. */
  linkedPermits?: unknown;
  recordRead: boolean;
  /** A genuine import confirmation is on the record (issue 9): the permit is used up. */
  imported: boolean;
}

/** Issue 9: "used up, on DATE, at PORT", with the quantities per block. */
const describeImport = (i: ImportInfo, blocks: BlockQuantities[]) =>
  `Used up: imported on ${i.date} at ${i.portOfImport} (${blocks.map((b) => `${b.block}: ${b.imported?.quantity ?? 0} ${b.imported?.unit ?? b.permitted.unit}`).join(', ')}), confirmed by ${i.authority}.`;

const describeUse = (e: EndorsementInfo, blocks: BlockQuantities[]) =>
  `Used for export on ${e.date} at ${e.portOfExport} (${blocks.map((b) => `${b.block}: ${b.exported?.quantity ?? 0} of ${b.permitted.quantity} ${b.permitted.unit}`).join(', ')}), endorsed by ${e.authority}.`;

export async function checkLifecycle(input: LifecycleInput): Promise<LifecycleOutput> {
  const out: LifecycleOutput = { checks: [], fields: {}, revoked: false, suspended: false, statusKnown: false, useKnown: false, used: false, recordRead: false, imported: false };
  const entries = readStatusEntries(input.claims.vc);
  const [status, record] = await Promise.all([
    entries.ok ? input.checkStatus(entries.entries, input.issuer, input.now) : Promise.resolve(undefined),
    input.rulesOk ? input.checkRecord(input.claims.vc.permitRecord, input.claims.id, input.permit, input.issuer) : Promise.resolve(undefined),
  ]);
  const known = record?.ok ? record.record : undefined;
  out.recordRead = known !== undefined;
  if (known !== undefined) out.linkedPermits = known.linkedPermits;
  // The record is unsigned: take from it only a reason from the fixed list, and a replacement only for a revoked permit.
  const reason = REVOCATION_REASONS.includes(known?.revocation?.reason as RevocationReason) ? known!.revocation!.reason : undefined;
  const replacedBy = typeof known?.replacedBy === 'string' && known.replacedBy.length <= 70 ? known.replacedBy : undefined;

  // 8. status
  const notice = input.notice;
  const listed = entries.ok && status!.ok ? status! : undefined;
  if (notice !== undefined && !(listed?.revoked ?? false) && (notice.status === 'revoked' || !(listed?.suspended ?? false))) {
    // The issuer told this verifier directly: shown whether or not its lists can be reached, and
    // never outweighed by a list that says otherwise (a cached or unreachable list is the likelier fault).
    const revoked = notice.status === 'revoked';
    const info: StatusInfo = { revoked, suspended: !revoked || (listed?.suspended ?? false), checkedAt: listed?.checkedAt ?? notice.at, notifiedAt: notice.at };
    if (revoked && (reason ?? notice.reason)) info.reason = reason ?? notice.reason;
    if (revoked && (replacedBy ?? notice.replacedBy)) info.replacedBy = replacedBy ?? notice.replacedBy;
    out.fields.status = info;
    Object.assign(out, { statusKnown: true, revoked: info.revoked, suspended: info.suspended });
    const why = info.reason ? ` Reason: ${info.reason}.` : '';
    const replaced = info.replacedBy ? ` It was replaced by permit ${info.replacedBy}.` : '';
    const noticed = `(notified by the issuing authority at ${notice.at})`;
    out.checks.push(revoked
      ? { check: 'status', ok: false, code: 'REVOKED', message: `Revoked ${noticed}.${why}${replaced}` }
      : { check: 'status', ok: false, code: 'SUSPENDED', message: `Suspended ${noticed}.` });
  } else if (!entries.ok) out.checks.push({ check: 'status', ok: false, code: 'STATUS_UNAVAILABLE', message: entries.reason });
  else if (!status!.ok) out.checks.push({ check: 'status', ok: false, code: status!.code, message: status!.detail });
  else {
    const info: StatusInfo = { revoked: status!.revoked, suspended: status!.suspended, checkedAt: status!.checkedAt };
    if (status!.revoked && (reason ?? notice?.reason)) info.reason = reason ?? notice?.reason;
    if (status!.revoked && (replacedBy ?? notice?.replacedBy)) info.replacedBy = replacedBy ?? notice?.replacedBy;
    if (notice !== undefined) info.notifiedAt = notice.at;
    out.fields.status = info;
    out.statusKnown = true;
    out.revoked = status!.revoked;
    out.suspended = status!.suspended;
    if (info.revoked) {
      const why = info.reason ? ` Reason: ${info.reason}.` : '';
      const replaced = info.replacedBy ? ` It was replaced by permit ${info.replacedBy}.` : '';
      out.checks.push({ check: 'status', ok: false, code: 'REVOKED', message: `${why}${replaced}`.trim() });
    } else if (info.suspended) {
      out.checks.push({ check: 'status', ok: false, code: 'SUSPENDED', message: '' });
    } else {
      out.checks.push({ check: 'status', ok: true, code: 'OK', message: `Not cancelled or suspended (status lists as of ${info.checkedAt}).` });
    }
  }

  // 9. endorsement (box 14): how much of the permit customs recorded as exported.
  if (record !== undefined) {
    if (!record.ok) out.checks.push({ check: 'endorsement', ok: false, code: record.code, message: record.detail });
    else {
      out.fields.blocks = record.blocks;
      if (record.endorsement) out.fields.endorsement = record.endorsement;
      out.used = record.endorsement !== undefined;
      // Over-quantity is a known use; an endorsement that is not genuine leaves the use unknown.
      out.useKnown = record.problem?.code !== 'ENDORSEMENT_INVALID';
      if (record.problem) out.checks.push({ check: 'endorsement', ok: false, code: record.problem.code, message: record.problem.detail });
      else if (record.endorsement) out.checks.push({ check: 'endorsement', ok: true, code: 'OK', message: describeUse(record.endorsement, record.blocks) });
      else out.checks.push({ check: 'endorsement', ok: true, code: 'OK', message: 'Not yet endorsed for export by customs.' });
      // 10. import (issue 9): only when the record carries an import confirmation, so a verdict without one is as before.
      const imports = record.imports;
      if (imports) {
        if (imports.imported) out.fields.imported = imports.imported;
        out.imported = imports.imported !== undefined;
        if (imports.problem) out.checks.push({ check: 'import', ok: false, code: imports.problem.code, message: imports.problem.detail });
        else if (imports.imported) out.checks.push({ check: 'import', ok: true, code: 'OK', message: describeImport(imports.imported, record.blocks) });
      }
    }
  }
  return out;
}

/** The one-word state a person sees first; revocation outranks everything else. */
export function stateOf(s: { valid: boolean; expired: boolean; revoked: boolean; suspended: boolean; statusKnown: boolean; useKnown: boolean; used: boolean; imported?: boolean }): PermitState {
  if (s.revoked) return 'revoked';
  if (s.suspended) return 'suspended';
  // Issue 9: imported is final; the permit's expiry after its use no longer matters.
  if (s.imported && s.statusKnown) return 'imported';
  if (s.expired) return 'expired';
  if (!s.statusKnown) return 'unknown';
  if (s.used) return 'used';
  // "valid" only when both the status and the (absence of) use were checked.
  return s.valid && s.useKnown ? 'valid' : 'unknown';
}
