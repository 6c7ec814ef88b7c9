/**
 * `saiga audit verify` (docs/audit.md): walks the chain from its start (or from the last
 * signed purge anchor) and names the first entry that does not fit.
 *
 *   AUDIT_ENTRY_MISSING       a seq is skipped (a row deleted)
 *   AUDIT_HASH_MISMATCH       an entry's fields do not give its hash (a row edited)
 *   AUDIT_CHAIN_BROKEN        an entry's prev_hash is not the hash before it (edited with its hash recomputed, or inserted)
 *   AUDIT_CHECKPOINT_MISMATCH the entry at a signed checkpoint is not the one signed (the chain rewritten up to it)
 *   AUDIT_TAIL_TRUNCATED      a signed checkpoint names a seq beyond the last entry (the newest rows deleted)
 *   AUDIT_CHECKPOINT_SIGNATURE_INVALID  a checkpoint the authority did not sign, or one whose row was edited
 *
 * A checkpoint whose signature fails vouches for nothing: it is reported and left out.
 */
import type { AuditCode } from '../codes.js';
import { AUDIT_CODES } from '../codes.js';
import { AUDIT_GENESIS_HASH, entryHash, type AuditLogReads } from '../store/audit-log.js';
import type { AuditCheckpointStore, StoredCheckpoint } from '../store/audit-checkpoints.js';
import { checkCheckpoint, type AuthorityKey } from './checkpoints.js';
import type { SignatureSuite } from '../verify/signature.js';

export interface AuditFinding {
  code: AuditCode;
  /** The first entry that does not fit (for a checkpoint signature, the seq the checkpoint names). */
  seq: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  /** Entries checked. */
  entries: number;
  /** The chain starts after this seq (the last purge anchor), 0 when nothing was purged. */
  startsAfter: number;
  head: { seq: number; hash: string } | null;
  checkpoints: { valid: number; invalid: number; latest: { seq: number; at: string } | null };
  /** The first defect of the chain (or of a checkpoint when the chain itself fits). */
  first: AuditFinding | null;
  findings: AuditFinding[];
}

export interface AuditVerifyDeps {
  audit: Pick<AuditLogReads, 'page'>;
  checkpoints: Pick<AuditCheckpointStore, 'all'>;
  authorityDid: string;
  /** Every key of the authority's DID, revoked ones too. */
  authorityKeys: readonly AuthorityKey[];
  /** Checks the checkpoints' signatures (node:crypto in the agent). */
  suite: SignatureSuite;
  /** Entries read at a time. */
  pageSize?: number;
  onProgress?: (checked: number) => void;
}

const finding = (code: AuditCode, seq: number, detail: string): AuditFinding => ({ code, seq, message: `${AUDIT_CODES[code]} Entry ${seq}: ${detail}` });

export async function verifyAuditTrail(deps: AuditVerifyDeps): Promise<AuditVerification> {
  const findings: AuditFinding[] = [];
  const valid: StoredCheckpoint[] = [];
  let invalid = 0;
  for (const checkpoint of await deps.checkpoints.all()) {
    const check = await checkCheckpoint(checkpoint.jws, deps.authorityDid, deps.authorityKeys, deps.suite, checkpoint);
    if (check.ok) valid.push(checkpoint);
    else {
      invalid += 1;
      findings.push({ code: 'AUDIT_CHECKPOINT_SIGNATURE_INVALID', seq: checkpoint.seq, message: `${AUDIT_CODES.AUDIT_CHECKPOINT_SIGNATURE_INVALID} Checkpoint at entry ${checkpoint.seq}: ${check.reason}.` });
    }
  }
  const anchor = valid.filter((c) => c.kind === 'purge').sort((a, b) => b.seq - a.seq)[0];
  const pinned = new Map<number, StoredCheckpoint[]>();
  for (const c of valid) if (c.kind === 'checkpoint' && (!anchor || c.seq > anchor.seq)) pinned.set(c.seq, [...(pinned.get(c.seq) ?? []), c]);
  const startsAfter = anchor?.seq ?? 0;
  let expectedSeq = startsAfter + 1;
  let expectedPrev = anchor?.headHash ?? AUDIT_GENESIS_HASH;
  let lastPinned = startsAfter;
  let entries = 0;
  let chainDefect: AuditFinding | undefined;
  const pageSize = deps.pageSize ?? 1000;
  let afterSeq = startsAfter;
  walk: for (;;) {
    const page = await deps.audit.page({ afterSeq, limit: pageSize });
    if (page.length === 0) break;
    for (const entry of page) {
      afterSeq = entry.seq;
      if (entry.seq !== expectedSeq) {
        chainDefect = finding('AUDIT_ENTRY_MISSING', expectedSeq, entry.seq - expectedSeq === 1 ? `missing; the next entry stored is ${entry.seq}.` : `missing, and ${entry.seq - expectedSeq - 1} more after it; the next entry stored is ${entry.seq}.`);
        break walk;
      }
      const { hash, ...fields } = entry;
      if (entryHash(fields) !== hash) {
        chainDefect = finding('AUDIT_HASH_MISMATCH', entry.seq, `its stored fields (${entry.action}${entry.subject ? ` ${entry.subject}` : ''}, ${entry.at}) do not give its hash.`);
        break walk;
      }
      if (entry.prevHash !== expectedPrev) {
        chainDefect = finding('AUDIT_CHAIN_BROKEN', entry.seq, entry.seq === startsAfter + 1 ? 'it does not follow the start of the chain.' : `it does not hold the hash of entry ${entry.seq - 1}.`);
        break walk;
      }
      for (const c of pinned.get(entry.seq) ?? []) {
        if (c.headHash !== entry.hash) {
          chainDefect = finding('AUDIT_CHECKPOINT_MISMATCH', lastPinned + 1, `the checkpoint of ${c.at} signed entry ${entry.seq} with another hash: an entry from ${lastPinned + 1} to ${entry.seq} was rewritten.`);
          break walk;
        }
      }
      if (pinned.has(entry.seq)) lastPinned = entry.seq;
      expectedPrev = entry.hash;
      expectedSeq += 1;
      entries += 1;
    }
    deps.onProgress?.(entries);
  }
  const lastSeq = expectedSeq - 1;
  if (!chainDefect) {
    const beyond = valid.filter((c) => c.seq > lastSeq).sort((a, b) => b.seq - a.seq)[0];
    if (beyond) chainDefect = finding('AUDIT_TAIL_TRUNCATED', lastSeq + 1, `missing; the checkpoint of ${beyond.at} names entry ${beyond.seq}, but the last entry stored is ${lastSeq === 0 ? 'none' : lastSeq}.`);
  }
  if (chainDefect) findings.unshift(chainDefect);
  const latest = valid.filter((c) => c.kind === 'checkpoint').sort((a, b) => b.seq - a.seq)[0];
  return {
    ok: findings.length === 0,
    entries,
    startsAfter,
    head: lastSeq > startsAfter ? { seq: lastSeq, hash: expectedPrev } : null,
    checkpoints: { valid: valid.length, invalid, latest: latest ? { seq: latest.seq, at: latest.at } : null },
    first: findings[0] ?? null,
    findings,
  };
}
