/**
 * The holder page (issue 12 §1): public to whoever has the link, `GET /holder/{token}`.
 * The address holds the token, so every answer is `Cache-Control: no-store` and
 * `Referrer-Policy: no-referrer`, and the page loads nothing from elsewhere. Strict CSP: no
 * script at all, styles from the agent only (/holder/holder.css), no framing.
 *
 * /holder/TOKEN sends the browser to /holder/TOKEN/, whose links (the PDFs, the credential,
 * the languages) are relative, so the page's HTML never repeats the token. An unknown token
 * answers 404, a withdrawn link 410, an expired one 410: the same page for any permit, so it
 * says nothing about whether one exists. Public routes like the agent's others (../cors.ts: any
 * origin, no credentials): a script that can read the page must know the token already.
 * Mount with `app.use(holderPageRouter(saiga))`.
 */
import { Router, type Request, type Response } from 'express';
import type { ReadCapabilities, SignCapabilities } from '../../agent/wiring/capabilities.js';
import type { Endorsement } from '../../endorsement/model.js';
import { HOLDER_LANGUAGES, type HolderLanguage } from '../../holder/input.js';
import type { HolderAccess } from '../../holder/links.js';
import { HOLDER_CSS } from '../../holder/page-css.js';
import type { HolderState } from '../../holder/page-messages.js';
import { renderHolderPage, renderHolderRefusal, type WalletSection } from '../../holder/page.js';
import type { WalletOffers } from '../../holder/wallet-offer.js';
import { printPermit } from '../../print/print-permit.js';
import { permitQr } from '../../print/permit-qr.js';
import { qrPngDataUri, qrSvg } from '../../qr/render.js';
import { publicGet } from '../cors.js';
import { sendError } from '../errors.js';

export const HOLDER_PAGE_CSP = [
  "default-src 'none'",
  "style-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function pageHeaders(res: Response): void {
  res.set('Content-Security-Policy', HOLDER_PAGE_CSP);
  res.set('Cache-Control', 'no-store');
  res.set('Referrer-Policy', 'no-referrer');
  res.set('X-Content-Type-Options', 'nosniff');
  res.set('X-Robots-Tag', 'noindex, nofollow');
  res.set('Cross-Origin-Opener-Policy', 'same-origin');
}

/** `?lang=` when it is one of ours, else the browser's languages, else English. */
export function languageOf(req: Request): HolderLanguage {
  const asked = req.query.lang;
  if (typeof asked === 'string' && HOLDER_LANGUAGES.includes(asked as HolderLanguage)) return asked as HolderLanguage;
  const accepted = req.acceptsLanguages(...HOLDER_LANGUAGES);
  return typeof accepted === 'string' ? (accepted as HolderLanguage) : 'en';
}

export const REFUSAL_STATUS = { unknown: 404, revoked: 410, expired: 410, busy: 429 } as const;

/**
 * The holder pages' answer over the per-client rate limit: a page in the trader's language for a
 * browser (a JSON error would be all a phone shows), the JSON error RATE_LIMITED for a program.
 */
export function holderBusy(req: Request, res: Response): void {
  if (req.accepts(['html', 'json']) === 'json') return void sendError(res, 'RATE_LIMITED');
  pageHeaders(res);
  res.status(REFUSAL_STATUS.busy).type('text/html; charset=utf-8').send(renderHolderRefusal('busy', languageOf(req)));
}

type Sources = Pick<ReadCapabilities, 'holderLinks' | 'records' | 'config'> & Partial<Pick<SignCapabilities, 'walletOffers'>>;

/** The permit's state for its holder (the list state, src/store/permits.ts, with "imported" once the importing country confirmed) and its box 14. */
async function holderState(saiga: Sources, permitNumber: string, listState: HolderState): Promise<{ state: HolderState; endorsement?: Endorsement }> {
  const status = await saiga.records.status(permitNumber);
  const endorsement = (status?.endorsement?.endorsement ?? undefined) as Endorsement | undefined;
  const state = listState === 'revoked' || listState === 'suspended' || !status?.importConfirmation ? listState : 'imported';
  return { state, ...(endorsement && { endorsement }) };
}

/** The "Add to a wallet" section: the link's live offer drawn as a QR code, or how to get one. */
async function walletSection(walletOffers: WalletOffers, linkId: string, mailFailed: boolean): Promise<WalletSection> {
  const found = await walletOffers.state(linkId);
  if (found.kind !== 'live') return { kind: found.kind, mailFailed };
  const { credentialOffer, expiresAt } = found.offer;
  return { kind: 'live', credentialOffer, expiresAt, qrPng: await qrPngDataUri(credentialOffer) };
}

export function holderPageRouter(saiga: Sources): Router {
  const router = Router({ strict: true });

  publicGet(router, '/holder/holder.css', (_req, res) => {
    res.set('Cache-Control', 'public, max-age=3600');
    res.set('X-Content-Type-Options', 'nosniff');
    res.type('text/css; charset=utf-8').send(HOLDER_CSS);
  });

  publicGet(router, '/holder/:token', (req, res) => {
    pageHeaders(res);
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    res.redirect(302, `${encodeURIComponent(String(req.params.token))}/${query}`);
  });

  /** The link's permit when it may be used now (the use audited); otherwise the refusal is sent. */
  async function linked(req: Request, res: Response, access: HolderAccess) {
    pageHeaders(res);
    const opened = await saiga.holderLinks.open(String(req.params.token), access);
    if (opened.ok) {
      const record = await saiga.records.permit(opened.permitNumber);
      if (record) return { ...record, linkId: opened.linkId };
    }
    const reason = opened.ok ? 'unknown' : opened.reason;
    res.status(REFUSAL_STATUS[reason]).type('text/html; charset=utf-8').send(renderHolderRefusal(reason, languageOf(req)));
    return undefined;
  }

  publicGet(router, '/holder/:token/', async (req, res) => {
    const language = languageOf(req);
    const record = await linked(req, res, { kind: 'page', language });
    if (!record) return;
    const qr = await permitQr(saiga.config, record.jwt);
    const { state, endorsement } = await holderState(saiga, record.permitNumber, record.state);
    const wallet = saiga.walletOffers && (await walletSection(saiga.walletOffers, record.linkId, req.query.offer === 'mail-failed'));
    res.set('Content-Language', language).type('text/html; charset=utf-8');
    res.send(renderHolderPage({ permit: record.permit, issuerDid: record.issuerDid, state, qrSvg: await qrSvg(qr.text), language, ...(wallet && { wallet }), ...(endorsement && { endorsement }) }));
  });

  publicGet(router, '/holder/:token/permit.pdf', async (req, res) => {
    const asked = req.query.lang ?? 'en';
    const language = typeof asked === 'string' && HOLDER_LANGUAGES.includes(asked as HolderLanguage) ? (asked as HolderLanguage) : 'en';
    const record = await linked(req, res, { kind: 'pdf', language });
    if (!record) return;
    const pdf = await printPermit(saiga, record.permitNumber, language);
    res.type('application/pdf').set('Content-Disposition', `attachment; filename="${record.permitNumber}-${language}.pdf"`).send(pdf);
  });

  publicGet(router, '/holder/:token/credential.jwt', async (req, res) => {
    const record = await linked(req, res, { kind: 'credential' });
    if (!record) return;
    res.type('application/vc+jwt').set('Content-Disposition', `attachment; filename="${record.permitNumber}.jwt"`).send(record.jwt);
  });

  return router;
}
