/**
 * GET /api/permits/{number}/qr: the issued permit's QR code exactly as the agent prints it
 * (src/print/permit-qr.ts: the link to this agent's verifier page at agent.yml's saiga.url,
 * with the whole signed permit, or a reference when it is too large), as an SVG image and as
 * the text it encodes. The console shows this one code rather than drawing its own, so the
 * screen and the paper can never differ, and the QR encoder stays out of the browser.
 */
import { Router } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { permitQr } from '../../print/permit-qr.js';
import { qrSvg } from '../../qr/render.js';
import { requireRole } from '../auth.js';
import { sendError } from '../errors.js';

export function permitQrRoutes(saiga: Pick<SignCapabilities, 'tokens' | 'records' | 'config'>): Router {
  const router = Router();
  router.get('/:number/qr', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const permitNumber = String(req.params.number);
    const record = await saiga.records.permit(permitNumber);
    if (!record) return sendError(res, 'NOT_FOUND', { message: `No permit numbered ${permitNumber} was issued here.` });
    const qr = await permitQr(saiga.config, record.jwt);
    res.json({ permitNumber, kind: qr.kind, text: qr.text, svg: await qrSvg(qr.text) });
  });
  return router;
}
