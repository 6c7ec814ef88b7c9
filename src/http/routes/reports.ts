/**
 * The reports (officer, admin; docs/annual-report.md), streamed: the rows are written to the
 * response as they are read, so a report of a million shipments never sits in memory.
 * Mount with `app.use('/api/reports', reportRoutes(saiga))`.
 *
 * - GET /annual?year=&type=&basis=&format=csv|xlsx&strict= : the rows (CSV by default);
 *   strict=true answers 422 REPORT_STRICT_FAILED with the findings, and no rows, when a row has an error;
 * - GET /annual/findings?year=&type=&basis= : the upload checks' summary (JSON), nothing else;
 * - GET /annual/unused?year=&type=&format=json|csv : the permits issued and never used;
 * - GET /mirror?year=&partner= : the mirror comparison (JSON).
 */
import { Router, type Request, type Response } from 'express';
import type { ReadCapabilities } from '../../agent/wiring/capabilities.js';
import { REPORT_CODES } from '../../codes.js';
import { annualQuery, mirrorQuery, reportFormat, type QueryResult } from '../../report/query.js';
import { ANNUAL_HEADER } from '../../report/service.js';
import { csvSink, lazySink, sinkFor } from '../../report/sinks.js';
import { UNUSED_COLUMNS, unusedCells } from '../../report/unused.js';
import { requireRole } from '../auth.js';
import { ApiError } from '../errors.js';

const checked = <T>(result: QueryResult<T>): T => {
  if (!result.ok) throw new ApiError('BAD_REQUEST', { path: result.path, message: result.message });
  return result.value;
};

const CONTENT_TYPE = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

function strictFlag(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new ApiError('BAD_REQUEST', { path: '/strict', message: '"strict" must be true or false.' });
}

/** A failure after the first bytes were sent cannot become an error response: the connection is cut, so the client sees a truncated file, never a complete-looking one. */
function failStreamed(res: Response, error: unknown): void {
  if (!res.headersSent) throw error;
  res.destroy(error instanceof Error ? error : new Error(String(error)));
}

export function reportRoutes(saiga: Pick<ReadCapabilities, 'tokens' | 'reports' | 'config'>): Router {
  const router = Router();
  const allowed = requireRole(saiga.tokens, 'officer', 'admin');

  router.get('/annual', allowed, async (req: Request, res: Response) => {
    const query = checked(annualQuery(req.query));
    const format = checked(reportFormat(req.query.format));
    const strict = strictFlag(req.query.strict);
    const name = `annual-report-${saiga.config.saiga.authority.country}-${query.year}-${query.type}-${query.basis}.${format}`;
    const sink = lazySink(async () => {
      res.status(200).set({ 'Content-Type': CONTENT_TYPE[format], 'Content-Disposition': `attachment; filename="${name}"`, 'Cache-Control': 'no-store' });
      return sinkFor(format, res, ANNUAL_HEADER, `${query.type} ${query.year}`);
    });
    try {
      const summary = await saiga.reports.annual(query, sink, { strict });
      if (!summary.written) res.status(422).json({ error: { code: 'REPORT_STRICT_FAILED', message: REPORT_CODES.REPORT_STRICT_FAILED, findings: summary.findings } });
    } catch (error) {
      failStreamed(res, error);
    }
  });

  router.get('/annual/findings', allowed, async (req, res) => {
    res.json(await saiga.reports.annual(checked(annualQuery(req.query)), null));
  });

  router.get('/annual/unused', allowed, async (req, res) => {
    const query = checked(annualQuery(req.query));
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'csv') throw new ApiError('BAD_REQUEST', { path: '/format', message: '"format" must be json or csv.' });
    try {
      if (format === 'csv') {
        const sink = lazySink(async () => {
          res.status(200).set({ 'Content-Type': CONTENT_TYPE.csv, 'Cache-Control': 'no-store' });
          return csvSink(res, UNUSED_COLUMNS);
        });
        await saiga.reports.unused(query, (permit) => sink.row(unusedCells(permit)));
        await sink.end();
        return;
      }
      // JSON, streamed item by item: {"items":[…],"count":N,"byCode":{…}}.
      let first = true;
      const write = async (chunk: string) => {
        if (!res.headersSent) res.status(200).set({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
        if (!res.write(chunk)) await new Promise((ok) => res.once('drain', ok));
      };
      const summary = await saiga.reports.unused(query, async (permit) => {
        await write(`${first ? '{"items":[' : ','}${JSON.stringify(permit)}`);
        first = false;
      });
      await write(`${first ? '{"items":[' : ''}],"count":${summary.count},"byCode":${JSON.stringify(summary.byCode)}}`);
      res.end();
    } catch (error) {
      failStreamed(res, error);
    }
  });

  router.get('/mirror', allowed, async (req, res) => {
    res.json(await saiga.reports.mirror(checked(mirrorQuery(req.query))));
  });
  return router;
}
