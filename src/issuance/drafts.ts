/**
 * Drafts of permit requests (issue 11 §2 "Drafts are saved"): saved and deleted in one
 * transaction with their audit entry (draft.save, draft.delete) naming the person, so the
 * trail says who prepared what (Decision 18.125(e)). A draft is never checked against the
 * permit rules (it may be half filled); only its title and size are.
 */
import { randomUUID } from 'node:crypto';
import { AUDIT_ACTIONS } from '../audit/record.js';
import type { AuditActor } from '../store/audit-log.js';
import type { Draft, DraftSummary } from '../store/drafts.js';
import type { CommittedReads, Transactions } from '../store/unit-of-work.js';

/** The largest permit request a draft keeps, as JSON text (a full permit request is a few kilobytes). */
export const DRAFT_MAX_BYTES = 64 * 1024;
const TITLE_MAX = 200;

export type DraftRefusal = { ok: false; code: 'CONSOLE_DRAFT_INVALID' | 'CONSOLE_DRAFT_TOO_LARGE'; path: string; message: string };
export type DraftInput = { ok: true; title: string; request: Record<string, unknown> } | DraftRefusal;

/** Checks `{ title, request }`: a title of 1 to 200 characters without control characters, a request that is a JSON object of at most 64 KiB. */
export function readDraftInput(body: unknown): DraftInput {
  const invalid = (path: string, message: string): DraftRefusal => ({ ok: false, code: 'CONSOLE_DRAFT_INVALID', path, message });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('', 'The body must be a JSON object { "title", "request" }.');
  const unknown = Object.keys(body).find((key) => key !== 'title' && key !== 'request');
  if (unknown) return invalid(`/${unknown}`, `Unknown field "${unknown}".`);
  const { title, request } = body as { title?: unknown; request?: unknown };
  // eslint-disable-next-line no-control-regex
  if (typeof title !== 'string' || title.trim().length === 0 || title.length > TITLE_MAX || /[\u0000-\u001f\u007f]/.test(title)) {
    return invalid('/title', `"title" must be 1 to ${TITLE_MAX} characters, without control characters.`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return invalid('/request', '"request" must be a JSON object (the permit request, complete or not).');
  if (Buffer.byteLength(JSON.stringify(request), 'utf8') > DRAFT_MAX_BYTES) {
    return { ok: false, code: 'CONSOLE_DRAFT_TOO_LARGE', path: '/request', message: `"request" is larger than ${DRAFT_MAX_BYTES / 1024} KiB as JSON.` };
  }
  return { ok: true, title: title.trim(), request: request as Record<string, unknown> };
}

export class DraftService {
  constructor(
    private readonly store: Transactions & { reads: Pick<CommittedReads, 'drafts'> },
    private readonly now: () => Date,
  ) {}

  list(): Promise<DraftSummary[]> {
    return this.store.reads.drafts.list();
  }

  get(id: string): Promise<Draft | undefined> {
    return this.store.reads.drafts.get(id);
  }

  async create(title: string, request: Record<string, unknown>, actor: Required<AuditActor>): Promise<Draft> {
    const at = this.now().toISOString();
    const draft: Draft = { id: randomUUID(), title, request, ownerId: actor.tokenId, ownerName: actor.name, createdAt: at, updatedAt: at };
    await this.store.transaction(async (work) => {
      await work.drafts.insert(draft);
      await work.audit.append({ actor, action: AUDIT_ACTIONS.draftSave, subject: draft.id, after: draft, details: { title, created: true } });
    });
    return draft;
  }

  /** Undefined when there is no such draft (nothing written). */
  async update(id: string, title: string, request: Record<string, unknown>, actor: Required<AuditActor>): Promise<Draft | undefined> {
    return this.store.transaction(async (work) => {
      const before = await work.drafts.get(id);
      if (!before) return undefined;
      const draft: Draft = { ...before, title, request, ownerId: actor.tokenId, ownerName: actor.name, updatedAt: this.now().toISOString() };
      await work.drafts.update(draft);
      await work.audit.append({ actor, action: AUDIT_ACTIONS.draftSave, subject: id, before, after: draft, details: { title, created: false } });
      return draft;
    });
  }

  /** False when there is no such draft. */
  async delete(id: string, actor: Required<AuditActor>): Promise<boolean> {
    return this.store.transaction(async (work) => {
      const before = await work.drafts.get(id);
      if (!before || !(await work.drafts.delete(id))) return false;
      await work.audit.append({ actor, action: AUDIT_ACTIONS.draftDelete, subject: id, before, details: { title: before.title } });
      return true;
    });
  }
}
