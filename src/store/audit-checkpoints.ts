/**
 * The audit_checkpoint and audit_peer_checkpoint tables (migration 12): signed chain heads
 * (docs/audit.md). A checkpoint is a compact JWS by the authority's DID over {seq, hash, at};
 * a purge anchor is one too, naming the last purged entry, so that the chain stays verifiable
 * from the entry after it.
 */
import type { Queryable } from './sqlite.js';

export interface StoredCheckpoint {
  id: number;
  kind: 'checkpoint' | 'purge';
  seq: number;
  headHash: string;
  at: string;
  jws: string;
}

type Row = { id: number; kind: 'checkpoint' | 'purge'; seq: number; head_hash: string; at: string; jws: string };
const toStored = (r: Row): StoredCheckpoint => ({ id: r.id, kind: r.kind, seq: r.seq, headHash: r.head_hash, at: r.at, jws: r.jws });

export interface PeerCheckpoint {
  fromDid: string;
  seq: number;
  headHash: string;
  at: string;
  jws: string;
  receivedAt: string;
}

/** What committed reads offer (the read-only connection cannot write). */
export type AuditCheckpointReads = Pick<AuditCheckpointStore, 'all' | 'latest' | 'peers'>;

export class AuditCheckpointStore {
  constructor(private readonly q: Queryable) {}

  async insert(c: Omit<StoredCheckpoint, 'id'>): Promise<void> {
    await this.q.run('INSERT INTO audit_checkpoint (kind, seq, head_hash, at, jws) VALUES (?, ?, ?, ?, ?)', [c.kind, c.seq, c.headHash, c.at, c.jws]);
  }

  /** Every checkpoint and anchor, in seq order. */
  async all(): Promise<StoredCheckpoint[]> {
    return (await this.q.all<Row>('SELECT id, kind, seq, head_hash, at, jws FROM audit_checkpoint ORDER BY seq, id')).map(toStored);
  }

  async latest(): Promise<StoredCheckpoint | undefined> {
    const row = await this.q.get<Row>("SELECT id, kind, seq, head_hash, at, jws FROM audit_checkpoint ORDER BY seq DESC, id DESC LIMIT 1");
    return row && toStored(row);
  }

  /** A peer's checkpoint; false when this one (sender, seq) was stored already. */
  async insertPeer(c: PeerCheckpoint): Promise<boolean> {
    const { changes } = await this.q.run('INSERT OR IGNORE INTO audit_peer_checkpoint (from_did, seq, head_hash, at, jws, received_at) VALUES (?, ?, ?, ?, ?, ?)', [
      c.fromDid,
      c.seq,
      c.headHash,
      c.at,
      c.jws,
      c.receivedAt,
    ]);
    return changes === 1;
  }

  async peers(fromDid?: string): Promise<PeerCheckpoint[]> {
    const rows = await this.q.all<{ from_did: string; seq: number; head_hash: string; at: string; jws: string; received_at: string }>(
      `SELECT from_did, seq, head_hash, at, jws, received_at FROM audit_peer_checkpoint ${fromDid ? 'WHERE from_did = ?' : ''} ORDER BY from_did, seq`,
      fromDid ? [fromDid] : [],
    );
    return rows.map((r) => ({ fromDid: r.from_did, seq: r.seq, headHash: r.head_hash, at: r.at, jws: r.jws, receivedAt: r.received_at }));
  }
}
