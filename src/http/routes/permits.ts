/**
 * Admin permit routes: issue (officer), read and list (officer, customs, admin).
 */
import { Router, type Response } from 'express';
import type { SignCapabilities } from '../../agent/wiring/capabilities.js';
import { PRINT_LANGUAGES, printPermit, type PrintLanguage } from '../../print/print-permit.js';
import type { PermitFilter } from '../../store/permits.js';
import { parsePermitFilter, PermitFilterError } from '../../store/permit-filter.js';
import { storedPermitJson } from '../../store/stored-permit-view.js';
import { PERMIT_CSV_HEADER, permitCsvRow } from '../../store/permit-csv.js';
import { isStorageFailure } from '../../store/sqlite.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';
import { sharedJson } from './holder-links.js';

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

export function permitRoutes(saiga: Pick<SignCapabilities, 'config' | 'tokens' | 'issuance' | 'records' | 'holderLinks'>): Router {
  const router = Router();

  router.post('/', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res: Response) => {
    const token = req.token!;
    // Issue 12 §1: ?share=true also makes a holder link, after the permit is issued, as a row
    // beside it: the signed permit is the same either way. Checked first: a bad query consumes no number.
    const share = req.query.share;
    if (share !== undefined && share !== 'true' && share !== 'false') throw new ApiError('BAD_REQUEST', { path: '/share', message: '"share" must be true or false.' });
    let outcome;
    try {
      outcome = await saiga.issuance.issue(req.body, { signatory: token.name, tokenId: token.id });
    } catch (error) {
      // Disk full or failing: the batch rolled back, so nothing was issued and no number used.
      if (isStorageFailure(error)) return sendError(res, 'STORAGE_FAILED');
      throw error;
    }
    if (!outcome.ok) {
      return sendError(res, 'PERMIT_INVALID', {
        message: `The permit request breaks ${outcome.errors.length} rule(s); nothing was issued.`,
        errors: outcome.errors,
        warnings: outcome.warnings,
      });
    }
    const { record } = outcome;
    const shared = share === 'true' ? await saiga.holderLinks.share(record.permitNumber, { language: 'en' }, { name: token.name, tokenId: token.id }) : undefined;
    res.status(201).location(`/api/permits/${encodeURIComponent(record.permitNumber)}`).json({
      permitNumber: record.permitNumber,
      id: record.credentialId,
      jwt: record.jwt,
      warnings: outcome.warnings,
      // A permit just issued is within its validity, so the link is made; should it not be, the permit stands without one.
      ...(shared?.ok && { holderLink: sharedJson(shared.link, shared.url, shared.mailed) }),
    });
  });

  router.get('/', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const filter = permitFilterOf(req.query as Record<string, unknown>);
    const { items, total } = await saiga.records.list(filter);
    res.json({ items: items.map(storedPermitJson), total, limit: filter.limit, offset: filter.offset });
  });

  router.get('/:number/pdf', requireRole(saiga.tokens, 'officer'), async (req, res) => {
    const lang = req.query.lang ?? 'en';
    if (typeof lang !== 'string' || !PRINT_LANGUAGES.includes(lang as PrintLanguage)) {
      throw new ApiError('BAD_REQUEST', { path: '/lang', message: '"lang" must be en, fr or es.' });
    }
    const pdf = await printPermit(saiga, String(req.params.number), lang as PrintLanguage);
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
