/**
 * /api/drafts (issue 11 §2): permit requests saved unfinished, for permit officers. The
 * service (src/issuance/drafts.ts) checks only the title and size and audits each save and
 * delete with the person's name; the permit rules are checked when the request is issued.
 */
import { Router, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { readDraftInput } from '../../issuance/drafts.js';
import type { Draft } from '../../store/drafts.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { sendError } from '../errors.js';

const actorOf = (req: AuthedRequest) => ({ tokenId: req.token!.id, name: req.token!.name });
const draftJson = (draft: Draft) => ({
  id: draft.id, title: draft.title, request: draft.request, ownerId: draft.ownerId, ownerName: draft.ownerName, createdAt: draft.createdAt, updatedAt: draft.updatedAt,
});
const notFound = (res: Response, id: string) => sendError(res, 'CONSOLE_DRAFT_NOT_FOUND', { message: `There is no draft with the id ${id}.` });

export function draftRoutes(saiga: Pick<SignCapabilities, 'tokens' | 'drafts'>): Router {
  const router = Router();
  const officer = requireRole(saiga.tokens, 'officer');

  router.get('/', officer, async (_req, res) => {
    res.json({ items: await saiga.drafts.list() });
  });

  router.post('/', officer, async (req: AuthedRequest, res) => {
    const input = readDraftInput(req.body);
    if (!input.ok) return sendError(res, input.code, { path: input.path, message: input.message });
    const draft = await saiga.drafts.create(input.title, input.request, actorOf(req));
    res.status(201).location(`/api/drafts/${draft.id}`).json(draftJson(draft));
  });

  router.get('/:id', officer, async (req, res) => {
    const draft = await saiga.drafts.get(String(req.params.id));
    if (!draft) return notFound(res, String(req.params.id));
    res.json(draftJson(draft));
  });

  router.put('/:id', officer, async (req: AuthedRequest, res) => {
    // app.ts refuses other media types for POST only; a PUT body must be JSON as well.
    if (req.is('application/json') !== 'application/json') return sendError(res, 'UNSUPPORTED_MEDIA_TYPE');
    const input = readDraftInput(req.body);
    if (!input.ok) return sendError(res, input.code, { path: input.path, message: input.message });
    const draft = await saiga.drafts.update(String(req.params.id), input.title, input.request, actorOf(req));
    if (!draft) return notFound(res, String(req.params.id));
    res.json(draftJson(draft));
  });

  router.delete('/:id', officer, async (req: AuthedRequest, res) => {
    if (!(await saiga.drafts.delete(String(req.params.id), actorOf(req)))) return notFound(res, String(req.params.id));
    res.status(204).end();
  });

  return router;
}
