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
import { InboxStore, type InboxReads } from './exchange-inbox.js';
import { OutboxStore, type OutboxReads } from './exchange-outbox.js';
import { ImportConfirmationStore, type ImportConfirmationReads } from './import-confirmations.js';
import { LifecycleStore, type LifecycleReads } from './lifecycle.js';
import { PermitReads, PermitWrites } from './permits.js';
import type { Queryable, SqliteDatabase, Transaction } from './sqlite.js';
import { StatusListStore, type StatusListReads } from './status-lists.js';
import { TokenTable, type TokenReads } from './tokens.js';
import { SessionTable, UserTable, type SessionReads, type UserReads } from './users.js';
import { DraftTable } from './drafts.js';
import { HolderLinkTable, type HolderLinkReads } from './holder-links.js';
import { SigningKeyStore, type SigningKeyReads } from './signing-keys.js';
import { IncomingPermitReads, IncomingPermitStore } from './incoming-permits.js';
import { LookupTokenStore } from './toolkit-lookup-tokens.js';
import { AuditLogReads, AuditLogStore } from './audit-log.js';
import { AuditCheckpointStore, type AuditCheckpointReads } from './audit-checkpoints.js';
import { Oid4vciTable } from './oid4vci.js';
import { PresentationRequestTable } from './presentation-requests.js';

/** One write transaction's stores. Valid only inside the `transaction` callback that received it. */
export interface UnitOfWork {
  readonly permits: PermitWrites;
  readonly lifecycle: LifecycleStore;
  readonly statusLists: StatusListStore;
  readonly tokens: TokenTable;
  /** Console accounts and sessions (migration 15). */
  readonly users: UserTable;
  readonly sessions: SessionTable;
  /** Permit request drafts saved from the console (migration 16). */
  readonly drafts: DraftTable;
  /** Holder links (migration 18, issue 12 §1). */
  readonly holderLinks: HolderLinkTable;
  /** Signing-key history and peers' key notices (migration 10). */
  readonly signingKeys: SigningKeyStore;
  /** The exchange's outbox (written with the event that causes a message) and inbox (messages applied here). */
  readonly outbox: OutboxStore;
  readonly inbox: InboxStore;
  /** Permits received through the exchange (written by its handlers only). */
  readonly incomingPermits: IncomingPermitStore;
  /** Import confirmations made and received (issue 9). */
  readonly importConfirmations: ImportConfirmationStore;
  /** Issue 10: the toolkit lookup tokens peers used (migration 14). */
  readonly lookupTokens: LookupTokenStore;
  /** The audit trail (issue 10 §3): every action appends its entry here, in its own transaction. */
  readonly audit: AuditLogStore;
  readonly auditCheckpoints: AuditCheckpointStore;
  /** Issue 12 §2: OpenID4VCI offers, access tokens and nonces (migration 19). */
  readonly oid4vci: Oid4vciTable;
  /** The verifier page's cross-device presentation requests (migration 21). */
  readonly presentationRequests: PresentationRequestTable;
  /** Runs `work` so that, if it fails, only its own writes are undone and the transaction goes on (one permit of a batch). */
  savepoint<T>(work: () => Promise<T>): Promise<T>;
}

/** Reads of committed data only. */
export interface CommittedReads {
  readonly permits: PermitReads;
  readonly lifecycle: LifecycleReads;
  readonly statusLists: StatusListReads;
  readonly tokens: TokenReads;
  readonly users: UserReads;
  readonly sessions: SessionReads;
  readonly drafts: Pick<DraftTable, 'get' | 'list'>;
  readonly holderLinks: HolderLinkReads;
  readonly signingKeys: SigningKeyReads;
  readonly incomingPermits: IncomingPermitReads;
  readonly importConfirmations: ImportConfirmationReads;
  /** The agent's identities as Veramo stored them (public facts only). */
  readonly identities: IdentityKeyReads;
  /** The audit trail and its checkpoints (verify, export, the API). */
  readonly audit: AuditLogReads;
  readonly auditCheckpoints: AuditCheckpointReads;
  /** The exchange's outbox and inbox: the operator view, the delivery worker's due messages, a repeat's stored acknowledgement. */
  readonly exchange: { outbox: OutboxReads; inbox: InboxReads };
  /** Issue 12 §2: OpenID4VCI offers and access tokens, read. */
  readonly oid4vci: Pick<Oid4vciTable, 'offer' | 'offerByCode' | 'accessToken' | 'liveOfferForHolderLink'>;
  /** The verifier page's cross-device presentation requests, read (the page polls for the answer). */
  readonly presentationRequests: Pick<PresentationRequestTable, 'get'>;
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
  readonly users: UserTable;
  readonly sessions: SessionTable;
  readonly drafts: DraftTable;
  readonly holderLinks: HolderLinkTable;
  readonly signingKeys: SigningKeyStore;
  readonly outbox: OutboxStore;
  readonly inbox: InboxStore;
  /** Whether this unit of work wrote an outbox row: the delivery worker is woken once it commits. */
  wroteOutbox = false;
  readonly incomingPermits: IncomingPermitStore;
  readonly importConfirmations: ImportConfirmationStore;
  readonly lookupTokens: LookupTokenStore;
  readonly audit: AuditLogStore;
  readonly auditCheckpoints: AuditCheckpointStore;
  readonly oid4vci: Oid4vciTable;
  readonly presentationRequests: PresentationRequestTable;

  constructor(private readonly tx: Transaction, now: () => Date) {
    this.permits = new PermitWrites(tx);
    this.lifecycle = new LifecycleStore(tx);
    this.statusLists = new StatusListStore(tx);
    this.tokens = new TokenTable(tx);
    this.users = new UserTable(tx);
    this.sessions = new SessionTable(tx);
    this.drafts = new DraftTable(tx);
    this.holderLinks = new HolderLinkTable(tx);
    this.signingKeys = new SigningKeyStore(tx);
    this.inbox = new InboxStore(tx);
    this.outbox = new OutboxStore(tx, () => (this.wroteOutbox = true));
    this.incomingPermits = new IncomingPermitStore(tx, now);
    this.importConfirmations = new ImportConfirmationStore(tx);
    this.lookupTokens = new LookupTokenStore(tx);
    this.audit = new AuditLogStore(tx, now);
    this.auditCheckpoints = new AuditCheckpointStore(tx);
    this.oid4vci = new Oid4vciTable(tx);
    this.presentationRequests = new PresentationRequestTable(tx);
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
    users: new UserTable(q),
    sessions: new SessionTable(q),
    drafts: new DraftTable(q),
    holderLinks: new HolderLinkTable(q),
    signingKeys: new SigningKeyStore(q),
    incomingPermits: new IncomingPermitReads(q, now),
    identities: new IdentityKeyReads(q),
    exchange: { outbox: new OutboxStore(q), inbox: new InboxStore(q) },
    importConfirmations: new ImportConfirmationStore(q),
    audit: new AuditLogReads(q),
    auditCheckpoints: new AuditCheckpointStore(q),
    oid4vci: new Oid4vciTable(q),
    presentationRequests: new PresentationRequestTable(q),
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
    private readonly now: () => Date = () => new Date(),
  ) {
    this.reads = committedReads(reads, now);
  }

  private readonly outboxListeners: (() => void)[] = [];

  /** Runs `work` in one write transaction; nothing is written unless it resolves. */
  async transaction<T>(work: (work: UnitOfWork) => Promise<T>): Promise<T> {
    let unit: TransactionWork | undefined;
    const result = await this.writer.transaction((tx) => work((unit = new TransactionWork(tx, this.now))));
    // After the commit, never before: a message is sent only for an event that happened.
    if (unit?.wroteOutbox) for (const listener of this.outboxListeners) listener();
    return result;
  }

  /** Calls `listener` after each commit that wrote outbox rows (the delivery worker wakes up). */
  onOutboxCommit(listener: () => void): () => void {
    this.outboxListeners.push(listener);
    return () => {
      const at = this.outboxListeners.indexOf(listener);
      if (at >= 0) this.outboxListeners.splice(at, 1);
    };
  }
}
