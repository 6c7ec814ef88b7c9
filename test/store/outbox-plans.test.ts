/**
 * The delivery worker reads the outbox at every pass; with a dead peer's queue of thousands of
 * messages (each row carries a whole permit) a read that scans the table, or compares each due
 * message with every earlier one, makes a pass cost seconds (it did: the drain of 10,000
 * messages ran at 38 messages/s). These tests pin each read's query plan, as SQLite chooses it
 * on a fresh database without ANALYZE statistics, to the index made for it (migration 11).
 * A plan is deterministic for a schema and a query, so this is a test of the query, not of time.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { OutboxStore } from '../../src/store/exchange-outbox.js';
import type { Params, Queryable } from '../../src/store/sqlite.js';
import { enqueue, START, testStore, type TestStore } from '../exchange/worker-helpers.js';

let t: TestStore;
afterEach(async () => t?.close());

/** The plan SQLite chooses for each statement `read` runs, one detail line per step. */
async function plansOf(read: (outbox: OutboxStore) => Promise<unknown>): Promise<string[][]> {
  const seen: { sql: string; params: Params | undefined }[] = [];
  const recorder: Queryable = {
    run: async () => ({ changes: 0, lastID: 0 }),
    get: async (sql, params) => (seen.push({ sql, params }), undefined),
    all: async (sql, params) => (seen.push({ sql, params }), []),
  };
  await read(new OutboxStore(recorder));
  const plans: string[][] = [];
  for (const { sql, params } of seen) {
    const rows = await t.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`, params);
    plans.push(rows.map((r) => r.detail));
  }
  return plans;
}

const NOW = new Date(START + 60_000).toISOString();

describe('outbox reads use their indexes', () => {
  it('due walks one peer’s queue in order and looks at one permit’s messages only', async () => {
    t = await testStore();
    await enqueue(t.store, { id: 'm1', to: 'did:web:ch.example' });
    const [plan] = await plansOf((o) => o.due('did:web:ch.example', NOW, 160));
    expect(plan).toEqual([
      'SEARCH o USING INDEX exchange_outbox_peer_queue (recipient_did=? AND state=?)',
      'CORRELATED SCALAR SUBQUERY 1',
      'SEARCH e USING COVERING INDEX exchange_outbox_subject_queue (recipient_did=? AND subject=? AND state=? AND seq<?)',
    ]);
  });

  it('dueRecipients seeks once per peer (a skip scan), not once per pending message', async () => {
    t = await testStore();
    const [plan] = await plansOf((o) => o.dueRecipients(NOW));
    expect(plan!.filter((step) => step.includes('exchange_outbox'))).toEqual([
      'SEARCH exchange_outbox USING COVERING INDEX exchange_outbox_due_peers (state=?)',
      'SEARCH exchange_outbox USING COVERING INDEX exchange_outbox_due_peers (state=? AND recipient_did>?)',
      'SEARCH exchange_outbox USING COVERING INDEX exchange_outbox_due_peers (state=? AND recipient_did=? AND next_attempt_at<?)',
    ]);
  });

  it('hasExpired and expire read the expiry index; nextDueAfter the due index', async () => {
    t = await testStore();
    const [expired] = await plansOf((o) => o.hasExpired(NOW));
    expect(expired).toEqual(['SEARCH exchange_outbox USING COVERING INDEX exchange_outbox_expiry (state=? AND expires_at<?)']);
    const [next] = await plansOf((o) => o.nextDueAfter(NOW));
    expect(next![0]).toBe('SEARCH o USING INDEX exchange_outbox_due (state=? AND next_attempt_at>?)');
    expect(next!.join('\n')).not.toMatch(/SCAN|TEMP B-TREE/);
  });
});
