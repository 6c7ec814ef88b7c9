/**
 * Admin permit routes: issue (officer), read and list (officer, customs, admin).
 */
import { Router, type Response } from 'express';
import type { SaigaAgent } from '../../agent/open.js';
import { PRINT_LANGUAGES, printPermit, type PrintLanguage } from '../../agent/print-permit.js';
import type { DocumentType } from '../../permit/model.js';
import type { PermitFilter, PermitRecord } from '../../store/permits.js';
import { requireRole, type AuthedRequest } from '../auth.js';
import { ApiError, sendError } from '../errors.js';

export function permitView(record: PermitRecord) {
  return {
    permitNumber: record.permitNumber,
    id: record.credentialId,
    documentType: record.documentType,
    issuer: record.issuerDid,
    issuedAt: record.issuedAt,
    validUntil: record.validUntil,
    signatory: record.signatory,
    permit: record.permit,
    jwt: record.jwt,
  };
}

const DOCUMENT_TYPES: readonly DocumentType[] = ['export', 're-export', 'import', 'other'];
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new ApiError('BAD_REQUEST', { path: `/${name}`, message: `"${name}" must be given once.` });
  return value;
}

/** Reads paging and filters from the query string; anything unknown or malformed is a 400 with its path. */
export function parsePermitFilter(query: Record<string, unknown>): PermitFilter {
  const known = ['limit', 'offset', 'documentType', 'country', 'species', 'issuedFrom', 'issuedTo'];
  const unknown = Object.keys(query).find((key) => !known.includes(key));
  if (unknown) throw new ApiError('BAD_REQUEST', { path: `/${unknown}`, message: `Unknown query parameter "${unknown}".` });
  const integer = (name: string, fallback: number, min: number, max: number) => {
    const raw = single(query, name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      throw new ApiError('BAD_REQUEST', { path: `/${name}`, message: `"${name}" must be a whole number from ${min} to ${max}.` });
    }
    return value;
  };
  const filter: PermitFilter = { limit: integer('limit', 50, 1, 200), offset: integer('offset', 0, 0, 1_000_000_000) };
  const documentType = single(query, 'documentType');
  if (documentType !== undefined) {
    if (!DOCUMENT_TYPES.includes(documentType as DocumentType)) {
      throw new ApiError('BAD_REQUEST', { path: '/documentType', message: `"documentType" must be one of ${DOCUMENT_TYPES.join(', ')}.` });
    }
    filter.documentType = documentType as DocumentType;
  }
  const country = single(query, 'country');
  if (country !== undefined) {
    if (!/^[A-Z]{2}$/.test(country)) throw new ApiError('BAD_REQUEST', { path: '/country', message: '"country" must be an ISO 3166 alpha-2 code.' });
    filter.country = country;
  }
  const species = single(query, 'species');
  if (species !== undefined) {
    if (species.length < 1 || species.length > 200) throw new ApiError('BAD_REQUEST', { path: '/species', message: '"species" must be 1 to 200 characters.' });
    filter.species = species;
  }
  for (const name of ['issuedFrom', 'issuedTo'] as const) {
    const value = single(query, name);
    if (value === undefined) continue;
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) {
      throw new ApiError('BAD_REQUEST', { path: `/${name}`, message: `"${name}" must be a date (YYYY-MM-DD) or an ISO 8601 date-time.` });
    }
    filter[name] = value;
  }
  return filter;
}

export function permitRoutes(saiga: SaigaAgent): Router {
  const router = Router();

  router.post('/', requireRole(saiga.tokens, 'officer'), async (req: AuthedRequest, res: Response) => {
    const token = req.token!;
    const outcome = await saiga.issuer.issue(req.body, { signatory: token.name, tokenId: token.id });
    if (!outcome.ok) {
      return sendError(res, 'PERMIT_INVALID', {
        message: `The permit request breaks ${outcome.errors.length} rule(s); nothing was issued.`,
        errors: outcome.errors,
        warnings: outcome.warnings,
      });
    }
    const { record } = outcome;
    res.status(201).location(`/api/permits/${encodeURIComponent(record.permitNumber)}`).json({
      permitNumber: record.permitNumber,
      id: record.credentialId,
      jwt: record.jwt,
      warnings: outcome.warnings,
    });
  });

  router.get('/', requireRole(saiga.tokens, 'officer', 'customs', 'admin'), async (req, res) => {
    const filter = parsePermitFilter(req.query as Record<string, unknown>);
    const { items, total } = await saiga.permits.list(filter);
    res.json({ items: items.map(permitView), total, limit: filter.limit, offset: filter.offset });
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
    const record = await saiga.permits.get(String(req.params.number));
    if (!record) return sendError(res, 'NOT_FOUND', { message: `No permit numbered ${String(req.params.number)} was issued here.` });
    res.json(permitView(record));
  });

  return router;
}
