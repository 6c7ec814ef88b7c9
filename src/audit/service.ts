/**
 * The audit trail as the CLI and the API use it (src/agent/wiring/capabilities.ts): verify,
 * page, export on committed reads; checkpoint and purge, which sign, on the store.
 */
import type { AuditActor, AuditEntry, AuditLogReads } from '../store/audit-log.js';
import type { AuditCheckpointStore, StoredCheckpoint } from '../store/audit-checkpoints.js';
import type { Transactions, UnitOfWork } from '../store/unit-of-work.js';
import type { AuthorityKey, CheckpointSigning } from './checkpoints.js';
import { writeCheckpoint } from './checkpoints.js';
import { purgeAuditTrail, type PurgeOutcome } from './purge.js';
import { verifyAuditTrail, type AuditVerification } from './verify.js';
import type { SignatureSuite } from '../verify/signature.js';

/** An entry as exported and served: the stored fields, details parsed. */
export interface AuditEntryView extends Omit<AuditEntry, 'detailsJson'> {
  details: unknown;
}

export const entryView = ({ detailsJson, ...rest }: AuditEntry): AuditEntryView => ({ ...rest, details: JSON.parse(detailsJson) as unknown });

export interface AuditPageQuery {
  from?: string;
  to?: string;
  permitNumber?: string;
  /** The last seq of the page before (the API's cursor). */
  afterSeq?: number;
  limit: number;
}

export interface AuditTrail {
  verify(onProgress?: (checked: number) => void): Promise<AuditVerification>;
  page(query: AuditPageQuery): Promise<{ entries: AuditEntryView[]; next: number | null }>;
  /** Streams the matching entries, one JSON line each, to `write`; returns how many. */
  export(query: Omit<AuditPageQuery, 'limit' | 'afterSeq'>, write: (line: string) => Promise<void> | void): Promise<number>;
  checkpoints(): Promise<StoredCheckpoint[]>;
}

export interface AuditSigning {
  /** Signs the head now (`saiga audit checkpoint`); undefined when the trail is empty. */
  checkpoint(): Promise<StoredCheckpoint | undefined>;
  purge(before: Date, actor: AuditActor): Promise<PurgeOutcome>;
}

export interface AuditReadDeps {
  audit: AuditLogReads;
  checkpoints: Pick<AuditCheckpointStore, 'all'>;
  authority: () => Promise<{ did: string; keys: AuthorityKey[] }>;
  suite: SignatureSuite;
}

export function auditTrail(deps: AuditReadDeps): AuditTrail {
  return {
    async verify(onProgress) {
      const { did, keys } = await deps.authority();
      return verifyAuditTrail({ audit: deps.audit, checkpoints: deps.checkpoints, authorityDid: did, authorityKeys: keys, suite: deps.suite, ...(onProgress && { onProgress }) });
    },
    async page(query) {
      const rows = await deps.audit.page({ ...query, limit: query.limit + 1 });
      const entries = rows.slice(0, query.limit);
      return { entries: entries.map(entryView), next: rows.length > query.limit ? entries[entries.length - 1]!.seq : null };
    },
    async export(query, write) {
      let afterSeq = -1;
      let count = 0;
      // Page by seq (an index), never the whole log in memory.
      for (;;) {
        const rows = await deps.audit.page({ ...query, afterSeq, limit: 1000 });
        if (rows.length === 0) return count;
        for (const row of rows) await write(`${JSON.stringify(entryView(row))}\n`);
        count += rows.length;
        afterSeq = rows[rows.length - 1]!.seq;
      }
    },
    checkpoints: () => deps.checkpoints.all(),
  };
}

/** The exchange's outbox as checkpoints use it (src/exchange/events.ts): the message commits with the checkpoint. */
export interface CheckpointWitnesses {
  record(work: UnitOfWork, event: { kind: 'auditCheckpoint'; jws: string; seq: number }): Promise<void>;
}

export function auditSigning(deps: CheckpointSigning & { store: Transactions; trail: AuditTrail; witnesses?: CheckpointWitnesses }): AuditSigning {
  return {
    checkpoint: () =>
      deps.store.transaction(async (work) => {
        const checkpoint = await writeCheckpoint(work, deps);
        // Issue 10 §3: pushed to the trusted Management Authorities, who keep it (audit-checkpoint).
        if (checkpoint) await deps.witnesses?.record(work, { kind: 'auditCheckpoint', jws: checkpoint.jws, seq: checkpoint.seq });
        return checkpoint;
      }),
    purge: (before, actor) => purgeAuditTrail({ ...deps, verify: () => deps.trail.verify() }, before, actor),
  };
}
