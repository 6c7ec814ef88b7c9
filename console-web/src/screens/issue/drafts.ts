/**
 * Drafts of the issue form, kept by the agent (/api/drafts, officer): a draft is the request as
 * far as it is filled in, under a title the officer gives it, never checked against the permit
 * rules until it is issued. Saving under an existing title replaces that draft. Every save and
 * delete is on the audit trail with the officer's name (src/issuance/drafts.ts).
 */
import { api } from '../../api.js';
import { fromRequest, toRequest, type FormState } from './form-state.js';

export interface DraftSummary {
  id: string;
  title: string;
  updatedAt: string;
}

export async function listDrafts(): Promise<DraftSummary[]> {
  const result = await api<{ items: DraftSummary[] }>('GET', '/api/drafts');
  return result.ok ? result.body.items : [];
}

/** Saves the form under `title`, replacing the draft of that title if there is one; the saved draft, or undefined when refused. */
export async function saveDraft(title: string, form: FormState, existing: readonly DraftSummary[]): Promise<DraftSummary | undefined> {
  const same = existing.find((d) => d.title === title);
  const body = { title, request: toRequest(form) };
  const result = same ? await api<DraftSummary>('PUT', `/api/drafts/${encodeURIComponent(same.id)}`, body) : await api<DraftSummary>('POST', '/api/drafts', body);
  return result.ok ? result.body : undefined;
}

export async function openDraft(id: string): Promise<FormState | undefined> {
  const result = await api<{ request: Parameters<typeof fromRequest>[0] }>('GET', `/api/drafts/${encodeURIComponent(id)}`);
  return result.ok ? fromRequest(result.body.request) : undefined;
}

export async function deleteDraft(id: string): Promise<boolean> {
  return (await api('DELETE', `/api/drafts/${encodeURIComponent(id)}`)).ok;
}
