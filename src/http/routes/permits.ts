/**
 * Admin permit routes: issue and preview (officer), read and list (officer, customs, admin).
 */
import { Router, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { PRINT_LANGUAGES, printPermit, printPreview, type PrintLanguage } from '../../print/print-permit.js';
import type { PermitFilter } from '../../store/permits.js';
import { parsePermitFilter, PermitFilterError } from '../../store/permit-filter.js';
import { storedPermitJson } from '../../store/stored-permit-view.js';
import { PERMIT_CSV_HEADER, permitCsvRow } from '../../store/permit-csv.js';
import { isStorageFailure } from '../../store/sqlite.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';
import type { RuleIssue } from '../../codes.js';
import { checkEmail, checkLanguage, type HolderLanguage, type ShareRefusal } from '../../holder/input.js';
import { sendHolderError, sharedJson } from './holder-links.js';

type ShareAtIssue = { ok: true; share: false } | { ok: true; share: true; email?: string; language: HolderLanguage } | ShareRefusal;

/**
 * ?share=, ?shareEmail= and ?shareLanguage= of POST /api/permits (issue 12 §1): checked by the
 * holder link's own rules (src/holder/input.ts, its codes and paths) before anything is issued,
 * so a bad address or language consumes no permit number (team rule). An e-mail or a language
 * implies share=true; with share=false they are a contradiction, refused.
 */
function shareAtIssueOf(query: Record<string, unknown>): ShareAtIssue {
  const { share, shareEmail, shareLanguage } = query;
  if (share !== undefined && share !== 'true' && share !== 'false') throw new ApiError('BAD_REQUEST', { path: '/share', message: '"share" must be true or false.' });
  const asked = shareEmail !== undefined || shareLanguage !== undefined;
  if (share === 'false' && asked) throw new ApiError('BAD_REQUEST', { path: '/share', message: '"shareEmail" and "shareLanguage" need share=true.' });
  if (share !== 'true' && !asked) return { ok: true, share: false };
  const lang = shareLanguage === undefined ? ({ ok: true, language: 'en' } as const) : checkLanguage(shareLanguage, '/shareLanguage');
  if (!lang.ok) return lang;
  if (shareEmail === undefined || shareEmail === '') return { ok: true, share: true, language: lang.language };
  const email = checkEmail(shareEmail, '/shareEmail');
  if (!email.ok) return email;
  return { ok: true, share: true, email: email.email, language: lang.language };
}

/** The store's search parser, answering a malformed query as a 400 that names the parameter. */
function permitFilterOf(query: Record<string, unknown>): PermitFilter {
  try {
    return parsePermitFilter(query);
  } catch (error) {
    if (error instanceof PermitFilterError) throw new ApiError('BAD_REQUEST', error.details);
    throw error;
  }
}

/** Rows read per query while a CSV export is written (the JSON list's largest page). */
const CSV_PAGE = 200;

/**
 * GET /api/permits.csv: the same search as GET /api/permits, as CSV (src/store/permit-csv.ts).
 * Without `limit` it exports every permit the search finds, a page at a time, so the agent
 * never holds the whole list in memory; with `limit`/`offset` it exports that page only.
 */
export function permitCsvRoutes(saiga: Pick<SignCapabilities, 'tokens' | 'records'>): Router {
  const router = Router();
  router.get('/', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const filter = permitFilterOf(query);
    const paged = query.limit !== undefined;
    res.type('text/csv; charset=utf-8').set('Content-Disposition', 'attachment; filename="permits.csv"');
    res.write(PERMIT_CSV_HEADER);
    let offset = filter.offset;
    for (;;) {
      const limit = paged ? filter.limit : CSV_PAGE;
      const { items } = await saiga.records.list({ ...filter, limit, offset });
      for (const permit of items) res.write(permitCsvRow(permit));
      if (paged || items.length < limit) break;
      offset += limit;
    }
    res.end();
  });
  return router;
}

/** The ?lang= of a printed form: en (the default), fr or es; anything else is a 400 that names it. */
function printLanguageOf(query: Record<string, unknown>): PrintLanguage {
  const lang = query.lang ?? 'en';
  if (typeof lang !== 'string' || !PRINT_LANGUAGES.includes(lang as PrintLanguage)) {
    throw new ApiError('BAD_REQUEST', { path: '/lang', message: '"lang" must be en, fr or es.' });
  }
  return lang as PrintLanguage;
}

/** The refusal of a permit request, the same for issuing and for a preview. */
function sendRefusal(res: Response, outcome: { errors: RuleIssue[]; warnings: RuleIssue[] }): void {
  sendError(res, 'PERMIT_INVALID', {
    message: `The permit request breaks ${outcome.errors.length} rule(s); nothing was issued.`,
    errors: outcome.errors,
    warnings: outcome.warnings,
  });
}

export function permitRoutes(saiga: Pick<SignCapabilities, 'config' | 'tokens' | 'issuance' | 'records' | 'holderLinks'>): Router {
  const router = Router();

  /**
   * The permit as it would print, before it is issued: the same body and rules as POST /,
   * refused the same way, but nothing consumed or written (src/issuance/preview.ts) and the
   * PDF marked as a preview with no number and no QR code (src/print/render.ts `preview`).
   * Not audited: the audit trail is a write, and a preview changes nothing (issue 10 §3 audits actions).
   */
  router.post('/preview', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res: Response) => {
    const language = printLanguageOf(req.query as Record<string, unknown>);
    const outcome = await saiga.issuance.preview(req.body, { signatory: req.token!.name, tokenId: req.token!.id });
    if (!outcome.ok) return sendRefusal(res, outcome);
    const pdf = await printPreview(outcome.permit, language);
    res.type('application/pdf').set('Content-Disposition', `inline; filename="preview-${language}.pdf"`).send(pdf);
  });

  router.post('/', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res: Response) => {
    const token = req.token!;
    // Issue 12 §1: ?share=true also makes a holder link, after the permit is issued, as a row
    // beside it (e-mailed to ?shareEmail= in ?shareLanguage=): the signed permit is the same
    // either way. Checked first: a bad query consumes no number.
    const share = shareAtIssueOf(req.query as Record<string, unknown>);
    if (!share.ok) return sendHolderError(res, share.code, { path: share.path, ...(share.message !== undefined && { message: share.message }) });
    let outcome;
    try {
      outcome = await saiga.issuance.issue(req.body, { signatory: token.name, tokenId: token.id });
    } catch (error) {
      // Disk full or failing: the batch rolled back, so nothing was issued and no number used.
      if (isStorageFailure(error)) return sendError(res, 'STORAGE_FAILED');
      throw error;
    }
    if (!outcome.ok) return sendRefusal(res, outcome);
    const { record } = outcome;
    const shared = share.share
      ? await saiga.holderLinks.share(record.permitNumber, { ...(share.email !== undefined && { email: share.email }), language: share.language }, { name: token.name, tokenId: token.id })
      : undefined;
    res.status(201).location(`/api/permits/${encodeURIComponent(record.permitNumber)}`).json({
      permitNumber: record.permitNumber,
      id: record.credentialId,
      jwt: record.jwt,
      warnings: outcome.warnings,
      // A permit just issued is within its validity, so the link is made; should it not be, the permit stands without one.
      ...(shared?.ok && { holderLink: sharedJson(shared.link, shared.url, shared.mailed, shared.mailError) }),
    });
  });

  router.get('/', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const filter = permitFilterOf(req.query as Record<string, unknown>);
    const { items, total } = await saiga.records.list(filter);
    res.json({ items: items.map(storedPermitJson), total, limit: filter.limit, offset: filter.offset });
  });

  router.get('/:number/pdf', requireRole(saiga.tokens, 'officer'), async (req, res) => {
    const pdf = await printPermit(saiga, String(req.params.number), printLanguageOf(req.query as Record<string, unknown>));
    if (!pdf) return sendError(res, 'NOT_FOUND', { message: `No permit numbered ${String(req.params.number)} was issued here.` });
    res.type('application/pdf').set('Content-Disposition', `inline; filename="${String(req.params.number)}.pdf"`).send(pdf);
  });

  router.get('/:number', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const record = await saiga.records.permit(String(req.params.number));
    if (!record) return sendError(res, 'NOT_FOUND', { message: `No permit numbered ${String(req.params.number)} was issued here.` });
    res.json(storedPermitJson(record));
  });

  return router;
}
