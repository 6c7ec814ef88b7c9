/**
 * Runs tasks one after another per key, and tasks of different keys side by side. Issuance
 * uses it for permits that draw on the same earlier permit (a re-export against its box-12
 * permit, origin-permit-check.ts): the check of what is left and the issue that uses it run
 * as one step, so two re-exports at the same moment cannot both take the last quantity.
 * One agent process issues (one writing connection), so an in-process lock is enough.
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs `task` once every earlier task holding any of `keys` has finished. */
  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const unique = [...new Set(keys)];
    if (unique.length === 0) return task();
    const earlier = unique.map((k) => this.tails.get(k) ?? Promise.resolve());
    const result = Promise.allSettled(earlier).then(task);
    const tail = result.catch(() => undefined);
    for (const k of unique) this.tails.set(k, tail);
    try {
      return await result;
    } finally {
      for (const k of unique) if (this.tails.get(k) === tail) this.tails.delete(k);
    }
  }
}
