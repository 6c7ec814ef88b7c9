/**
 * Every open of a holder page looks up its link's live OpenID4VCI offer. Without the index of
 * migration 20 that read scanned every offer the authority ever made. The plan is pinned as
 * SQLite chooses it on a fresh database without ANALYZE statistics: a test of the query, not
 * of time.
 */
import { afterEach, expect, it } from 'vitest';
import { Oid4vciTable } from '../../src/store/oid4vci.js';
import type { Params, Queryable } from '../../src/store/sqlite.js';
import { testStore, type TestStore } from '../exchange/worker-helpers.js';

let t: TestStore;
afterEach(async () => t?.close());

it('the live offer of a holder link is read through oid4vci_offer_holder_link, not a scan', async () => {
  t = await testStore();
  const seen: { sql: string; params: Params | undefined }[] = [];
  const recorder: Queryable = {
    run: async () => ({ changes: 0, lastID: 0 }),
    get: async (sql, params) => (seen.push({ sql, params }), undefined),
    all: async (sql, params) => (seen.push({ sql, params }), []),
  };
  await new Oid4vciTable(recorder).liveOfferForHolderLink('link-1', '2026-12-03T10:00:00.000Z', 5);
  expect(seen).toHaveLength(1);
  const plan = await t.db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${seen[0]!.sql}`, seen[0]!.params);
  expect(plan.map((row) => row.detail)).toEqual([
    'SEARCH oid4vci_offer USING INDEX oid4vci_offer_holder_link (holder_link_id=? AND expires_at>?)',
    'USE TEMP B-TREE FOR ORDER BY',
  ]);
});
