/**
 * `saiga audit purge --before DATE` (docs/audit.md): Decision 18.125(e) asks Parties to keep
 * the records of each permit for at least 5 years after it expires. A purge removes a prefix
 * of the chain — the entries before DATE — and only when every one of them is more than
 * 5 years old and every permit they concern expired more than 5 years ago; otherwise it
 * refuses (AUDIT_PURGE_REFUSED) and deletes nothing.
 *
 * The chain stays verifiable: in the purge's transaction the authority signs a purge anchor,
 * "entries up to seq S were purged, and S's hash was H", and verify starts after it.
 */
import { AUDIT_CODES, type AuditCode } from '../codes.js';
import type { Transactions } from '../store/unit-of-work.js';
import type { AuditActor } from '../store/audit-log.js';
import { AUDIT_ACTIONS } from './record.js';
import { writeCheckpoint, type CheckpointSigning } from './checkpoints.js';
import type { AuditVerification } from './verify.js';

/** Decision 18.125(e): at least 5 years after the permit expires. */
export const RETENTION_YEARS = 5;

export type PurgeOutcome =
  | { ok: true; purged: number; upToSeq: number | null; headHash: string | null }
  | { ok: false; code: AuditCode; message: string; kept: { seq: number; at: string; permitNumber: string | null; validUntil: string | null }[] };

/** The moment RETENTION_YEARS before `now` (calendar years, UTC). */
export function retentionLimit(now: Date): Date {
  const limit = new Date(now.getTime());
  limit.setUTCFullYear(limit.getUTCFullYear() - RETENTION_YEARS);
  return limit;
}

export interface PurgeDeps extends CheckpointSigning {
  store: Transactions;
  /** The chain must verify first: a purge must not launder tampering. */
  verify: () => Promise<AuditVerification>;
}

export async function purgeAuditTrail(deps: PurgeDeps, before: Date, actor: AuditActor): Promise<PurgeOutcome> {
  const now = deps.now();
  const limit = retentionLimit(now);
  const refuse = (detail: string, kept: Extract<PurgeOutcome, { ok: false }>['kept'] = []): PurgeOutcome => ({ ok: false, code: 'AUDIT_PURGE_REFUSED', message: `${AUDIT_CODES.AUDIT_PURGE_REFUSED} ${detail}`, kept });
  if (before.getTime() > limit.getTime()) return refuse(`${before.toISOString()} is less than ${RETENTION_YEARS} years ago (the earliest date that may be purged up to is ${limit.toISOString()}).`);
  const verified = await deps.verify();
  if (!verified.ok && verified.first) return { ok: false, code: verified.first.code, message: `${verified.first.message} The trail must verify before anything is purged.`, kept: [] };
  return deps.store.transaction(async (work) => {
    const upTo = await work.audit.lastSeqBefore(before.toISOString());
    if (upTo === undefined || upTo <= verified.startsAfter) return { ok: true, purged: 0, upToSeq: null, headHash: null };
    // valid_until is a date (YYYY-MM-DD): expired more than 5 years ago means before the limit's date.
    const kept = await work.audit.protectedUpTo(upTo, limit.toISOString(), limit.toISOString().slice(0, 10));
    if (kept.length > 0) {
      const k = kept[0]!;
      const why = k.permitNumber !== null ? `permit ${k.permitNumber} ${k.validUntil ? `is valid until ${k.validUntil}` : 'is not in this database'}` : `it was written at ${k.at}`;
      return refuse(`Entry ${k.seq} must be kept: ${why}.`, kept);
    }
    const last = (await work.audit.bySeq(upTo))!;
    await writeCheckpoint(work, deps, { kind: 'purge', seq: last.seq, hash: last.hash });
    const purged = await work.audit.deleteUpTo(upTo);
    await work.audit.append({ actor, action: AUDIT_ACTIONS.purge, subject: String(upTo), details: { before: before.toISOString(), upToSeq: upTo, headHash: last.hash, purged } });
    return { ok: true, purged, upToSeq: upTo, headHash: last.hash };
  });
}
