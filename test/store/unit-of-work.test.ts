/**
 * The unit of work on a real SQLite file (WAL, two connections as the agent opens them):
 * everything written through one `work` commits together or not at all, a savepoint undoes
 * only its own writes, and `store.reads` sees committed data only, never an open unit of work.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrations.js';
import { openAgentDatabase, type AgentDatabase } from '../../src/store/open-database.js';
import { SaigaStore, type UnitOfWork } from '../../src/store/unit-of-work.js';

const NOW = '2026-12-01T12:00:00.000Z';
let database: AgentDatabase;
let store: SaigaStore;

beforeEach(async () => {
  database = await openAgentDatabase(join(mkdtempSync(join(tmpdir(), 'saiga-uow-')), 'agent.sqlite'));
  await migrate(database.db);
  store = new SaigaStore(database.db, database.reads, () => new Date(NOW));
});
afterEach(() => database.close());

const token = (id: string) => ({ id, hash: `hash-${id}`, role: 'officer', name: 'Kamal Perera', createdAt: NOW, expiresAt: null, revokedAt: null });

/** A token, a permit number and a status list: one write in each of three stores. */
async function writeThree(work: UnitOfWork, id: string): Promise<number> {
  await work.tokens.insert(token(id));
  await work.statusLists.create('revocation', 1, 8, new Uint8Array(1), 'list-jwt', NOW);
  return work.permits.nextSequence('LK26-E');
}

describe('a unit of work', () => {
  it('commits the writes of all its stores together', async () => {
    expect(await store.transaction((work) => writeThree(work, 'a'))).toBe(1);
    expect((await store.reads.tokens.byId('a'))?.name).toBe('Kamal Perera');
    expect((await store.reads.statusLists.latest('revocation'))?.jwt).toBe('list-jwt');
    expect(await store.transaction((work) => work.permits.nextSequence('LK26-E'))).toBe(2);
  });

  it('writes nothing of any store when its work fails, and uses no number', async () => {
    await expect(
      store.transaction(async (work) => {
        await writeThree(work, 'a');
        throw new Error('signing failed');
      }),
    ).rejects.toThrow('signing failed');
    expect(await store.reads.tokens.count()).toBe(0);
    expect(await store.reads.statusLists.latest('revocation')).toBeUndefined();
    expect(await store.transaction((work) => work.permits.nextSequence('LK26-E'))).toBe(1);
  });

  it('undoes only a failed savepoint, and the transaction goes on', async () => {
    const numbers = await store.transaction(async (work) => {
      const first = await work.savepoint(() => work.permits.nextSequence('LK26-E'));
      await expect(
        work.savepoint(async () => {
          await work.tokens.insert(token('lost'));
          await work.permits.nextSequence('LK26-E');
          throw new Error('this permit is refused');
        }),
      ).rejects.toThrow('this permit is refused');
      const second = await work.savepoint(() => work.permits.nextSequence('LK26-E'));
      await work.tokens.insert(token('kept'));
      return [first, second];
    });
    expect(numbers).toEqual([1, 2]);
    expect((await store.reads.tokens.list()).map((t) => t.id)).toEqual(['kept']);
  });

  it('is not seen by the committed reads until it commits; its own stores see it', async () => {
    await store.transaction(async (work) => {
      await work.tokens.insert(token('a'));
      expect(await work.tokens.count()).toBe(1);
      expect(await store.reads.tokens.count()).toBe(0);
      expect(await store.reads.tokens.byHash('hash-a')).toBeUndefined();
    });
    expect(await store.reads.tokens.count()).toBe(1);
    expect((await store.reads.tokens.byHash('hash-a'))?.id).toBe('a');
  });
});
