/**
 * Group commit (src/store/group-commit.ts): units of work that arrive together share one
 * transaction, each in its own savepoint. One that fails rolls back alone; the others commit;
 * every caller is answered only after the shared commit.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { GroupCommit } from '../../src/store/group-commit.js';
import type { Transactions } from '../../src/store/unit-of-work.js';
import { testStore, type TestStore } from '../exchange/worker-helpers.js';

let t: TestStore;
afterEach(async () => t?.close());

const token = (id: string) => ({ id, hash: `hash-${id}`, role: 'officer' as const, name: `Officer ${id}`, createdAt: '2026-12-01T12:00:00.000Z', revokedAt: null, expiresAt: null });

describe('group commit', () => {
  it('shares one transaction among units of work that arrive together; a failing one rolls back alone', async () => {
    t = await testStore();
    let transactions = 0;
    const counted: Transactions = { transaction: (work) => (transactions++, t.store.transaction(work)) };
    const group = new GroupCommit(counted);
    const answered: string[] = [];
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((id) =>
        group.transaction(async (work) => {
          await work.tokens.insert(token(id));
          if (id === 'c') throw new Error('c fails after its insert');
          return id;
        }).then((id) => (answered.push(id), id)),
      ),
    );
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual(['a', 'b', 'c fails after its insert', 'd']);
    // The first ran alone (nothing else was in flight); the three that queued behind it shared the next transaction.
    expect(transactions).toBe(2);
    expect((await t.store.reads.tokens.list()).map((r) => r.id).sort()).toEqual(['a', 'b', 'd']);
    expect(answered.sort()).toEqual(['a', 'b', 'd']);
  });

  it('answers every unit of a batch whose commit fails with that failure, and writes none of it', async () => {
    t = await testStore();
    const failing: Transactions = { transaction: async (work) => t.store.transaction(async (w) => (await work(w), Promise.reject(new Error('disk full')))) };
    const group = new GroupCommit(failing);
    const results = await Promise.allSettled(['a', 'b'].map((id) => group.transaction((work) => work.tokens.insert(token(id)))));
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'ok'))).toEqual(['disk full', 'disk full']);
    expect(await t.store.reads.tokens.count()).toBe(0);
  });
});
