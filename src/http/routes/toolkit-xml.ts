/**
 * Issue 10 §2, the CITES toolkit XML over HTTP (docs/toolkit-xml.md):
 * - `GET /api/permits/:number/xml` (officer, admin): the permit as toolkit XML;
 * - `GET /api/exchange/toolkit/permits/:number` (a trusted peer authority, by its DIDJWT): the
 *   EPIX-style lookup (src/toolkit-xml/lookup.ts). No bearer token: the caller's DID signs.
 */
import { Router } from 'express';
import type { ServeCapabilities } from '../../agent/wiring/capabilities.js';
import { toolkitVersionOf, toolkitXmlOf, XML_MEDIA_TYPE } from '../../toolkit-xml/export-permit.js';
import { requireRole } from '../auth.js';
import { ApiError, sendError } from '../errors.js';

export function toolkitXmlRoutes(saiga: Pick<ServeCapabilities, 'tokens' | 'records'>): Router {
  const router = Router();
  router.get('/:number/xml', requireRole(saiga.tokens, 'officer', 'admin'), async (req, res) => {
    const version = toolkitVersionOf(req.query.version);
    if (version === undefined) throw new ApiError('BAD_REQUEST', { path: '/version', message: '"version" must be 1 or 2.' });
    const xml = await toolkitXmlOf(saiga.records, String(req.params.number), version);
    if (xml === undefined) return sendError(res, 'NOT_FOUND', { message: `No permit numbered ${String(req.params.number)} was issued here.` });
    res.type(XML_MEDIA_TYPE).set('Content-Disposition', `inline; filename="${String(req.params.number)}.xml"`).send(xml);
  });
  return router;
}

export function toolkitLookupRoutes(saiga: Pick<ServeCapabilities, 'toolkitLookup'>): Router {
  const router = Router();
  router.get('/toolkit/permits/:number', async (req, res) => {
    const answer = await saiga.toolkitLookup(req.get('authorization'), String(req.params.number));
    if (!answer.ok) {
      if (answer.status === 401) res.set('WWW-Authenticate', 'DIDJWT');
      res.status(answer.status).json({ error: { code: answer.code, message: answer.message } });
      return;
    }
    res.type(XML_MEDIA_TYPE).send(answer.xml);
  });
  return router;
}
