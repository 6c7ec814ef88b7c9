/**
 * GET /api/audit (admin): the audit trail a page at a time (docs/audit.md). The cursor is the
 * seq of the last entry of the page before, so paging is stable while entries are appended.
 */
import { Router } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { AUDIT_CODES } from '../../codes.js';
import { requireRole } from '../auth.js';
import { ApiError } from '../errors.js';

const QUERY_FIELDS = ['from', 'to', 'permit', 'cursor', 'limit'];
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;

const invalid = (path: string, detail: string) => new ApiError('BAD_REQUEST', { path, message: `${AUDIT_CODES.AUDIT_QUERY_INVALID} ${detail}` });

function instant(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !INSTANT.test(value) || Number.isNaN(Date.parse(value))) throw invalid(`/${name}`, `${name} is not an ISO 8601 date.`);
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
}

function integer(value: unknown, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) throw invalid(`/${name}`, `${name} must be an integer from ${min} to ${max}.`);
  return Number(value);
}

export function auditRoutes(saiga: Pick<ReadCapabilities, 'tokens' | 'audit'>): Router {
  const router = Router();
  router.get('/', requireRole(saiga.tokens, 'admin'), async (req, res) => {
    const query = req.query as Record<string, unknown>;
    const extra = Object.keys(query).find((k) => !QUERY_FIELDS.includes(k));
    if (extra !== undefined) throw invalid(`/${extra}`, `Unknown parameter "${extra}".`);
    if (query.permit !== undefined && (typeof query.permit !== 'string' || query.permit.length === 0 || query.permit.length > 64)) throw invalid('/permit', 'permit is a permit number.');
    const from = instant(query.from, 'from');
    const to = instant(query.to, 'to');
    const afterSeq = integer(query.cursor, 'cursor', 0, Number.MAX_SAFE_INTEGER);
    const limit = integer(query.limit, 'limit', 1, 1000) ?? 100;
    const page = await saiga.audit.page({ ...(from && { from }), ...(to && { to }), ...(typeof query.permit === 'string' && { permitNumber: query.permit }), ...(afterSeq !== undefined && { afterSeq }), limit });
    res.json({ items: page.entries, nextCursor: page.next === null ? null : String(page.next) });
  });
  return router;
}
