/**
 * The one way in to Saiga's tables: a unit of work for writes, committed reads for the rest.
 *
 * `store.transaction(async (work) => …)` runs one write transaction (BEGIN IMMEDIATE on the
 * writing connection, sqlite.ts) and hands out that transaction's stores: the permits, their
 * lifecycle, the status lists and the API tokens. Everything written through `work` commits
 * together or not at all, and reads through `work` see the transaction's own writes (the
 * permit a status change revokes, the index a permit just took).
 *
 * `store.reads` answers everything else: the API, the CLI, the public status lists, records
 * and credentials. It reads on the read-only connection, which sees committed transactions
 * only, never an issuing batch still open on the writing connection (nor one that will be
 * rolled back). Its stores are typed to offer reads only.
 */
import { IdentityKeyReads } from './veramo-identities.js';
import { ImportConfirmationStore, type ImportConfirmationReads } from './import-confirmations.js';
import { LifecycleStore, type LifecycleReads } from './lifecycle.js';
import { PermitReads, PermitWrites } from './permits.js';
import type { Queryable, SqliteDatabase, Transaction } from './sqlite.js';
import { StatusListStore, type StatusListReads } from './status-lists.js';
import { TokenTable, type TokenReads } from './tokens.js';

/** One write transaction's stores. Valid only inside the `transaction` callback that received it. */
export interface UnitOfWork {
  readonly permits: PermitWrites;
  readonly lifecycle: LifecycleStore;
  readonly statusLists: StatusListStore;
  readonly tokens: TokenTable;
  /** Import confirmations made and received (issue 9). */
  readonly importConfirmations: ImportConfirmationStore;
  /** Runs `work` so that, if it fails, only its own writes are undone and the transaction goes on (one permit of a batch). */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

/** Reads of committed data only. */
export interface CommittedReads {
  readonly permits: PermitReads;
  readonly lifecycle: LifecycleReads;
  readonly statusLists: StatusListReads;
  readonly tokens: TokenReads;
  readonly importConfirmations: ImportConfirmationReads;
  /** The agent's identities as Veramo stored them (public facts only). */
  readonly identities: IdentityKeyReads;
}

/** Whatever runs units of work: the store, or in tests a store that holds its transaction open. */
export interface Transactions {
  transaction<T>(work: (work: UnitOfWork) => Promise<T>): Promise<T>;
}

class TransactionWork implements UnitOfWork {
  readonly permits: PermitWrites;
  readonly lifecycle: LifecycleStore;
  readonly statusLists: StatusListStore;
  readonly tokens: TokenTable;
  readonly importConfirmations: ImportConfirmationStore;

  constructor(private readonly tx: Transaction) {
    this.permits = new PermitWrites(tx);
    this.lifecycle = new LifecycleStore(tx);
    this.statusLists = new StatusListStore(tx);
    this.tokens = new TokenTable(tx);
    this.importConfirmations = new ImportConfirmationStore(tx);
  }

  savepoint<T>(work: () => Promise<T>): Promise<T> {
    return this.tx.savepoint(work);
  }
}

/**
 * Committed reads over `q`, which must see committed data only: the read-only connection, or,
 * for a process that never opens a write transaction (the read-only commands), its one connection.
 */
export function committedReads(q: Queryable, now: () => Date = () => new Date()): CommittedReads {
  return {
    permits: new PermitReads(q, now),
    lifecycle: new LifecycleStore(q),
    statusLists: new StatusListStore(q),
    tokens: new TokenTable(q),
    identities: new IdentityKeyReads(q),
    importConfirmations: new ImportConfirmationStore(q),
  };
}

export class SaigaStore implements Transactions {
  readonly reads: CommittedReads;

  /**
   * @param writer the writing connection (open-database.ts): every unit of work runs on it, one after another
   * @param reads the read-only connection
   * @param now today's date decides a permit's `expired` state in reads
   */
  constructor(
    private readonly writer: SqliteDatabase,
    reads: Queryable,
    now: () => Date = () => new Date(),
  ) {
    this.reads = committedReads(reads, now);
  }

  /** Runs `work` in one write transaction; nothing is written unless it resolves. */
  transaction<T>(work: (work: UnitOfWork) => Promise<T>): Promise<T> {
    return this.writer.transaction((tx) => work(new TransactionWork(tx)));
  }
}
