/**
 * The permit_draft table (migration 16): permit requests saved unfinished from the console
 * (issue 11 §2). A draft is stored as given (its JSON), never checked against the permit
 * rules: that happens when it is issued. Only rows here; the size and title checks are the
 * route's (src/http/routes/drafts.ts).
 */
import type { Queryable } from './sqlite.js';

export interface DraftSummary {
  id: string;
  title: string;
  /** Who saved it last: a token id or `user:<id>`, and that person's name. */
  ownerId: string;
  ownerName: string;
  createdAt: string;
  updatedAt: string;
}

export interface Draft extends DraftSummary {
  request: unknown;
}

type DraftRow = { id: string; title: string; request_json: string; owner_id: string; owner_name: string; created_at: string; updated_at: string };
const SUMMARY_COLUMNS = 'id, title, owner_id, owner_name, created_at, updated_at';

const toSummary = (r: Omit<DraftRow, 'request_json'>): DraftSummary => ({
  id: r.id, title: r.title, ownerId: r.owner_id, ownerName: r.owner_name, createdAt: r.created_at, updatedAt: r.updated_at,
});
const toDraft = (r: DraftRow): Draft => ({ ...toSummary(r), request: JSON.parse(r.request_json) as unknown });

export class DraftTable {
  constructor(private readonly q: Queryable) {}

  async insert(draft: Draft): Promise<void> {
    await this.q.run(
      'INSERT INTO permit_draft (id, title, request_json, owner_id, owner_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [draft.id, draft.title, JSON.stringify(draft.request), draft.ownerId, draft.ownerName, draft.createdAt, draft.updatedAt],
    );
  }

  /** False when there is no draft with this id. */
  async update(draft: Omit<Draft, 'createdAt'>): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE permit_draft SET title = ?, request_json = ?, owner_id = ?, owner_name = ?, updated_at = ? WHERE id = ?', [
      draft.title, JSON.stringify(draft.request), draft.ownerId, draft.ownerName, draft.updatedAt, draft.id,
    ]);
    return changes === 1;
  }

  async delete(id: string): Promise<boolean> {
    return (await this.q.run('DELETE FROM permit_draft WHERE id = ?', [id])).changes === 1;
  }

  async get(id: string): Promise<Draft | undefined> {
    const row = await this.q.get<DraftRow>(`SELECT ${SUMMARY_COLUMNS}, request_json FROM permit_draft WHERE id = ?`, [id]);
    return row && toDraft(row);
  }

  /** Every draft, the last saved first; without their requests (the list shows titles). */
  async list(): Promise<DraftSummary[]> {
    return (await this.q.all<Omit<DraftRow, 'request_json'>>(`SELECT ${SUMMARY_COLUMNS} FROM permit_draft ORDER BY updated_at DESC, id`)).map(toSummary);
  }
}
