/**
 * `POST /holder/{token}/offer` (issue 12 §2, docs/holder-links.md): the holder page's plain
 * form (no script) asks for a wallet offer bound to the link; its tx_code is e-mailed to the
 * address the link was shared with (src/holder/wallet-offer.ts). The answer is always 303 back
 * to the page, which then shows the offer, or says to ask the authority; a withdrawn or
 * expired link gets its refusal page (410) and no offer. Mounted before the app's JSON-only
 * rule: a form posts application/x-www-form-urlencoded, and nothing of its body is read.
 * Public like the page (../cors.ts): a cross-origin form needs no preflight anyway, and whoever
 * can post here knows the token, which opens the page already.
 */
import { Router } from 'express';
import type { ReadCapabilities, SignCapabilities } from '../../agent/wiring/capabilities.js';
import { renderHolderRefusal } from '../../holder/page.js';
import { publicPost } from '../cors.js';
import { languageOf, pageHeaders, REFUSAL_STATUS } from './holder-page.js';

export function holderOfferRoutes(saiga: Pick<ReadCapabilities, 'holderLinks'> & Partial<Pick<SignCapabilities, 'walletOffers'>>): Router {
  const router = Router({ strict: true });
  const walletOffers = saiga.walletOffers;
  if (!walletOffers) return router;
  publicPost(router, '/holder/:token/offer', async (req, res) => {
    pageHeaders(res);
    const language = languageOf(req);
    const opened = await saiga.holderLinks.open(String(req.params.token), { kind: 'offer' });
    if (!opened.ok) return void res.status(REFUSAL_STATUS[opened.reason]).type('text/html; charset=utf-8').send(renderHolderRefusal(opened.reason, language));
    const outcome = await walletOffers.request(opened.linkId, opened.permitNumber, language);
    // Relative: /holder/TOKEN/offer → /holder/TOKEN/, so the answer does not repeat the token either.
    res.redirect(303, `./?lang=${language}${outcome === 'mail-failed' ? '&offer=mail-failed' : ''}`);
  });
  return router;
}
