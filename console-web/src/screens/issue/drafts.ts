/**
 * Drafts of the issue form, kept in this browser's localStorage: the agent has no drafts
 * route yet (the "api" helper's /api/drafts had not landed when this screen was built).
 * A draft is the form as typed, under a name the officer gives it.
 */
import type { FormState } from './form-state.js';

const KEY = 'saiga.console.issue.drafts';

export function listDrafts(): Record<string, FormState> {
  try {
    const kept = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '{}') as unknown;
    return kept && typeof kept === 'object' ? (kept as Record<string, FormState>) : {};
  } catch {
    return {};
  }
}

export function saveDraft(name: string, form: FormState): void {
  globalThis.localStorage?.setItem(KEY, JSON.stringify({ ...listDrafts(), [name]: form }));
}

export function deleteDraft(name: string): void {
  const drafts = listDrafts();
  delete drafts[name];
  globalThis.localStorage?.setItem(KEY, JSON.stringify(drafts));
}
