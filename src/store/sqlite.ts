/**
 * A small promise wrapper over one `sqlite3` connection, for Saiga's own tables.
 *
 * Saiga keeps its own connection beside Veramo's TypeORM one (same file) so that its
 * transactions are its own: TypeORM's sqlite driver shares one connection between all
 * callers, and a concurrent query would land inside another caller's transaction.
 * WAL lets readers go on while one writer commits; synchronous=FULL makes every
 * acknowledged commit durable; BEGIN IMMEDIATE takes the write lock up front so two
 * processes (an agent and a CLI) never interleave on the permit counter.
 */
import sqlite3 from 'sqlite3';

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

  static async open(file: string): Promise<SqliteDatabase> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const handle = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(handle)));
    });
    const wrapped = new SqliteDatabase(db);
    db.configure('busyTimeout', 10_000);
    await wrapped.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;');
    return wrapped;
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (error) => (error ? reject(error) : resolve())));
  }

  run(sql: string, params: Params = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params as unknown[], function (this: sqlite3.RunResult, error: Error | null) {
        if (error) reject(error);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T extends Row = Row>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) =>
      this.db.get(sql, params as unknown[], (error, row) => (error ? reject(error) : resolve(row as T | undefined))),
    );
  }

  all<T extends Row = Row>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) =>
      this.db.all(sql, params as unknown[], (error, rows) => (error ? reject(error) : resolve(rows as T[]))),
    );
  }

  /**
   * Runs `work` in one write transaction. Transactions of this process run one after
   * another (they share the connection); other processes wait on SQLite's lock.
   * Nothing is written unless `work` resolves.
   */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      await this.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(new Transaction(this));
        await this.exec('COMMIT');
        return result;
      } catch (error) {
        await this.exec('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
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

export class Transaction implements Queryable {
  constructor(private readonly db: SqliteDatabase) {}
  run(sql: string, params?: Params) {
    return this.db.run(sql, params);
  }
  get<T extends Row = Row>(sql: string, params?: Params) {
    return this.db.get<T>(sql, params);
  }
  all<T extends Row = Row>(sql: string, params?: Params) {
    return this.db.all<T>(sql, params);
  }
  /** Runs `work` so that, if it fails, only its own writes are undone and the transaction goes on. */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    const name = this.db.nextSavepointName();
    await this.db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await this.db.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      await this.db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    }
  }
}
