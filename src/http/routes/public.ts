/**
 * Public resources an issuing agent serves to any verifier, with CORS so that a verifier
 * page hosted anywhere can read them: status lists, permit records, and permit credentials
 * by their unguessable id (for reference QR codes; the credential is what the paper shows). Both change when
 * the permit does, so they are served with `no-cache` and an ETag: a verifier always
 * revalidates, and an unchanged list costs a 304.
 */
import { Router } from 'express';
import type { Records } from '../../agent/wiring/capabilities.js';
import { publicGet } from '../cors.js';
import { sendError } from '../errors.js';

export function publicRoutes(saiga: { records: Pick<Records, 'publicResource'> }): Router {
  const router = Router();
  publicGet(router, ['/status/:purpose/:seq', '/records/:id', '/credentials/:id'], async (req, res) => {
    const resource = await saiga.records.publicResource(req.path);
    if (!resource) return sendError(res, 'NOT_FOUND', { message: `Nothing at ${req.path}.` });
    res.set('Cache-Control', 'no-cache');
    res.type(resource.contentType).send(resource.body);
  });
  return router;
}
