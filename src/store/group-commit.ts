/**
 * Group commit: units of work that arrive while a transaction is committing share the next
 * one, each in its own savepoint. The agent's SQLite file runs in WAL mode with
 * synchronous=FULL (open-database.ts), so every commit waits for the disk; sharing the commit
 * lets many writers pay for one sync. A unit of work that fails rolls back alone (its
 * savepoint), and every caller gets its own result only once the shared commit is done, so
 * nothing is answered before it is durable. With nothing else in flight a unit of work runs at
 * once, alone: no waiting is added.
 */
import type { Transactions, UnitOfWork } from './unit-of-work.js';

interface Pending {
  work: (work: UnitOfWork) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

export class GroupCommit implements Transactions {
  private pending: Pending[] = [];
  private draining = false;

  /** @param maxBatch most units of work in one transaction */
  constructor(
    private readonly store: Transactions,
    private readonly maxBatch = 64,
  ) {}

  transaction<T>(work: (work: UnitOfWork) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ work, resolve: resolve as (value: unknown) => void, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        const results: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
        try {
          await this.store.transaction(async (work) => {
            for (const item of batch) {
              try {
                results.push({ ok: true, value: await work.savepoint(() => item.work(work)) });
              } catch (error) {
                results.push({ ok: false, error });
              }
            }
          });
        } catch (error) {
          // The commit itself failed: nothing of this batch was written.
          for (const item of batch) item.reject(error);
          continue;
        }
        batch.forEach((item, i) => {
          const result = results[i]!;
          if (result.ok) item.resolve(result.value);
          else item.reject(result.error);
        });
      }
    } finally {
      this.draining = false;
    }
  }
}
