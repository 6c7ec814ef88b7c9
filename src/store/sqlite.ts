/**
 * A small promise wrapper over one `sqlite3` connection, for Saiga's own tables.
 *
 * Saiga keeps its own connection beside Veramo's TypeORM one (same file) so that its
 * transactions are its own: TypeORM's sqlite driver shares one connection between all
 * callers, and a concurrent query would land inside another caller's transaction.
 * WAL lets readers go on while one writer commits; synchronous=FULL makes every
 * acknowledged commit durable; BEGIN IMMEDIATE takes the write lock up front so two
 * processes (an agent and a CLI) never interleave on the permit counter.
 *
 * Reads that answer the outside world (API, status lists, records) go through a second,
 * read-only connection (`openReadOnly`): on the writing connection a read would run
 * inside an open issuing batch and see permits that are not committed yet — and may
 * never be, if the commit fails or the process dies (WAL readers see committed data only).
 */
import sqlite3 from 'sqlite3';

// TypeORM's sqlite driver (Veramo's data store, same process) calls `sqlite3.verbose()`, which
// wraps every method of every connection, for the whole process, to build a long stack trace
// on each call: an Error and util.inspect of every argument (SQL and whole permits) per query,
// a tenth of an agent's CPU when it receives a queue of messages. Saiga reports its own errors
// with codes; the long traces help no one. Asking for them once they are off leaves them off.
(sqlite3 as { verbose: () => unknown }).verbose = () => sqlite3;

export type Row = Record<string, unknown>;
export type Params = readonly unknown[];

export interface Queryable {
  run(sql: string, params?: Params): Promise<{ changes: number; lastID: number }>;
  get<T extends Row = Row>(sql: string, params?: Params): Promise<T | undefined>;
  all<T extends Row = Row>(sql: string, params?: Params): Promise<T[]>;
}

export class SqliteDatabase implements Queryable {
  private queue: Promise<unknown> = Promise.resolve();
  private savepoints = 0;

  private constructor(private readonly db: sqlite3.Database) {}

  /** The first storage failure (disk full, I/O error) inside the open transaction: SQLite may have rolled it back already. */
  private storageFailure: Error | undefined;

  static async open(file: string): Promise<SqliteDatabase> {
    const wrapped = new SqliteDatabase(await connect(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE));
    try {
      await wrapped.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    } catch (error) {
      await wrapped.close().catch(() => undefined);
      throw error;
    }
    return wrapped;
  }

  /** A connection that can only read, and so only ever sees committed transactions (the file must be in WAL mode already). */
  static async openReadOnly(file: string): Promise<SqliteDatabase> {
    return new SqliteDatabase(await connect(file, sqlite3.OPEN_READONLY));
  }

  private failed(error: Error): Error {
    if (isStorageFailure(error)) this.storageFailure ??= error;
    return error;
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (error) => (error ? reject(this.failed(error)) : resolve())));
  }

  run(sql: string, params: Params = []): Promise<{ changes: number; lastID: number }> {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- sqlite3 gives the result as the callback's `this`
    const self = this;
    return new Promise((resolve, reject) => {
      this.db.run(sql, params as unknown[], function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(self.failed(error));
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T extends Row = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(sql, params as unknown[], (error, row) => (error ? reject(this.failed(error)) : resolve(row as T | undefined))),
    );
  }

  all<T extends Row = Row>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params as unknown[], (error, rows) => (error ? reject(this.failed(error)) : resolve(rows as T[]))),
    );
  }

  /**
   * Streams the rows of a query page by page (keyset pagination), never holding more than two
   * pages: `page(last)` gives the query for the rows after `last` (the last row of the previous
   * page, undefined at the start), ordered by its key; `LIMIT pageSize` is appended. The next page
   * is read while the caller handles this one. One statement stepped row by row through sqlite3
   * costs a thread-pool round trip per row (~36 µs, 10x a page read), and `Database#each` has no
   * back-pressure (rows pile up in memory when the caller is slower than SQLite): hence pages.
   * For one consistent snapshot across pages, run it inside `readSnapshot`.
   */
  async *each<T extends Row = Row>(page: (last: T | undefined) => { sql: string; params: Params }, pageSize = 1000): AsyncGenerator<T> {
    const read = (last: T | undefined) => {
      const { sql, params } = page(last);
      return this.all<T>(`${sql} LIMIT ?`, [...params, pageSize]);
    };
    let rows = await read(undefined);
    while (rows.length > 0) {
      const next = rows.length === pageSize ? read(rows[rows.length - 1]) : Promise.resolve([] as T[]);
      // A failed read of the next page is reported when it is awaited, not as an unhandled rejection.
      next.catch(() => undefined);
      for (const row of rows) yield row;
      rows = await next;
    }
  }

  /**
   * Runs `work` inside one read transaction (BEGIN … COMMIT), so every query of it sees the same
   * committed snapshot (WAL: https://sqlite.org/wal.html#concurrency), whatever commits meanwhile.
   * For a connection of its own (a report), not one shared with other readers.
   */
  async readSnapshot<T>(work: () => Promise<T>): Promise<T> {
    await this.exec('BEGIN DEFERRED');
    try {
      return await work();
    } finally {
      await this.exec('COMMIT').catch(() => undefined);
    }
  }

  /**
   * Runs `work` in one write transaction. Transactions of this process run one after
   * another (they share the connection); other processes wait on SQLite's lock.
   * Nothing is written unless `work` resolves.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      this.storageFailure = undefined;
      try {
        const result = await work(new Transaction(this));
        await this.exec('COMMIT');
        return result;
      } catch (error) {
        await this.exec('ROLLBACK').catch(() => undefined);
        // After SQLITE_FULL SQLite may have rolled back already, and COMMIT then fails with
        // "no transaction is active": report the cause, not the symptom.
        throw this.storageFailure ?? error;
      } finally {
        this.storageFailure = undefined;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * @internal used by Transaction: after a storage failure the transaction may be gone, and a
   * later statement would run (and commit) on its own; so nothing more runs in it.
   */
  assertUsable(): void {
    if (this.storageFailure) throw this.storageFailure;
  }

  /** @internal used by Transaction */
  nextSavepointName(): string {
    this.savepoints += 1;
    return `sp${this.savepoints}`;
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}

function connect(file: string, mode: number): Promise<sqlite3.Database> {
  return new Promise<sqlite3.Database>((resolve, reject) => {
    const handle = new sqlite3.Database(file, mode, (error) => {
      if (error) return reject(error);
      handle.configure('busyTimeout', 10_000);
      resolve(handle);
    });
  });
}

/** SQLITE_FULL (disk or page limit full) and SQLITE_IOERR: the write could not be stored; nothing of the transaction is kept. */
export function isStorageFailure(error: unknown): boolean {
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  return code === 'SQLITE_FULL' || code.startsWith('SQLITE_IOERR');
}

/** SQLITE_CONSTRAINT: a key or uniqueness constraint refused the write (e.g. a second endorsement of one permit). */
export function isConstraintViolation(error: unknown): boolean {
  return /SQLITE_CONSTRAINT/.test(String((error as { code?: string } | null)?.code ?? (error as Error | null)?.message));
}

export class Transaction implements Queryable {
  constructor(private readonly db: SqliteDatabase) {}
  async run(sql: string, params?: Params) {
    this.db.assertUsable();
    return this.db.run(sql, params);
  }
  async get<T extends Row = Row>(sql: string, params?: Params) {
    this.db.assertUsable();
    return this.db.get<T>(sql, params);
  }
  async all<T extends Row = Row>(sql: string, params?: Params) {
    this.db.assertUsable();
    return this.db.all<T>(sql, params);
  }
  /** Runs `work` so that, if it fails, only its own writes are undone and the transaction goes on. */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    this.db.assertUsable();
    const name = this.db.nextSavepointName();
    await this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      // If SQLite already rolled the whole transaction back (disk full), there is no savepoint left to undo.
      await this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`).catch(() => undefined);
      throw error;
    }
  }
}
