/**
 * The reports an authority draws from its own records (docs/annual-report.md): the annual report
 * of Art. VIII(7)(a), its list of unused permits, and the mirror comparison with a partner.
 * Each run reads one snapshot on a connection of its own (src/store/report-source.ts) and streams:
 * rows go to the sink as they are read, so memory stays flat whatever the number of permits.
 */
import type { ReportSource, TradeRecord } from '../store/report-source.js';
import { ANNUAL_COLUMNS, cellsOf } from './columns.js';
import { checkRow, FindingsCollector, type FindingsSummary } from './checks.js';
import { compareAll, type MirrorSection } from './mirror.js';
import { linesOf, type ReportBasis, type ReportType } from './rows.js';
import type { RowSink } from './sinks.js';
import { unusedPermit, type UnusedPermit } from './unused.js';
import type { ReportCode } from '../codes.js';

export interface AnnualQuery {
  year: number;
  type: ReportType;
  basis: ReportBasis;
}

export interface AnnualSummary extends AnnualQuery {
  /** The authority's country: the reporting Party. */
  country: string;
  /** Permits (endorsements, confirmations or issued permits) read. */
  records: number;
  /** Shipment lines: the rows of the report. */
  rows: number;
  findings: FindingsSummary;
  /** False when nothing was written (a strict report with errors). */
  written: boolean;
}

export interface UnusedSummary {
  count: number;
  byCode: Partial<Record<ReportCode, number>>;
}

export interface MirrorReport {
  year: number;
  country: string;
  partner: string;
  /** This authority exported to the partner. */
  asExporter: MirrorSection;
  /** This authority imported from the partner. */
  asImporter: MirrorSection;
}

export interface AnnualOptions {
  /** Check every row first; write nothing when any row has an error. */
  strict?: boolean;
  /** Called every `progressEvery` rows, and at the end, with the rows so far. */
  progress?: (rows: number) => void;
  progressEvery?: number;
}

export interface Reports {
  /** The annual report into `sink` (null: the checks only). */
  annual(query: AnnualQuery, sink: RowSink | null, options?: AnnualOptions): Promise<AnnualSummary>;
  /** The permits issued (exporter) or received (importer) that year and never used, one by one. */
  unused(query: Pick<AnnualQuery, 'year' | 'type'>, each: (permit: UnusedPermit) => Promise<void>): Promise<UnusedSummary>;
  mirror(query: { year: number; partner: string }): Promise<MirrorReport>;
}

export const ANNUAL_HEADER: readonly string[] = ANNUAL_COLUMNS;

export interface ReportsDeps {
  /** Opens a snapshot of the store (a read-only connection of its own, in one read transaction). */
  openSource(): Promise<ReportSource>;
  country: string;
  now: () => Date;
}

function recordsOf(source: ReportSource, query: AnnualQuery): AsyncGenerator<TradeRecord> {
  if (query.type === 'exporter') return query.basis === 'actual' ? source.endorsements(query.year) : source.issuedPermits(query.year);
  return query.basis === 'actual' ? source.confirmationsMade(query.year) : source.receivedPermits(query.year);
}

async function withSource<T>(deps: ReportsDeps, work: (source: ReportSource) => Promise<T>): Promise<T> {
  const source = await deps.openSource();
  try {
    return await work(source);
  } finally {
    await source.close();
  }
}

/** One pass over the year: every line checked, and written when a sink is given. */
async function pass(deps: ReportsDeps, source: ReportSource, query: AnnualQuery, sink: RowSink | null, options: AnnualOptions): Promise<AnnualSummary> {
  const findings = new FindingsCollector();
  const every = options.progressEvery ?? 10_000;
  let records = 0;
  let rows = 0;
  for await (const record of recordsOf(source, query)) {
    records += 1;
    for (const line of linesOf(record, query.type, query.basis)) {
      rows += 1;
      // Row 1 is the header: the first shipment line is row 2, as a spreadsheet counts.
      findings.add(checkRow(line.row, line.context, rows + 1));
      if (sink) await sink.row(cellsOf(line.row));
      if (options.progress && rows % every === 0) options.progress(rows);
    }
  }
  options.progress?.(rows);
  return { ...query, country: deps.country, records, rows, findings: findings.result(), written: sink !== null };
}

export function createReports(deps: ReportsDeps): Reports {
  return {
    async annual(query, sink, options = {}) {
      try {
        // Both passes of a strict report read the same snapshot: what was checked is what is written.
        return await withSource(deps, async (source) => {
          if (options.strict && sink && !sink.retractable) {
            const checked = await pass(deps, source, query, null, {});
            if (checked.findings.errors > 0) {
              await sink.abort();
              return { ...checked, written: false };
            }
          }
          const summary = await pass(deps, source, query, sink, options);
          // A file is checked as it is written, and taken back whole when a row has an error.
          if (options.strict && sink?.retractable && summary.findings.errors > 0) {
            await sink.abort();
            return { ...summary, written: false };
          }
          if (sink) await sink.end();
          return summary;
        });
      } catch (error) {
        await sink?.abort().catch(() => undefined);
        throw error;
      }
    },

    async unused(query, each) {
      const today = deps.now().toISOString().slice(0, 10);
      const summary: UnusedSummary = { count: 0, byCode: {} };
      await withSource(deps, async (source) => {
        for await (const record of query.type === 'exporter' ? source.unusedIssued(query.year) : source.unusedReceived(query.year)) {
          const permit = unusedPermit(record, today);
          summary.count += 1;
          summary.byCode[permit.code] = (summary.byCode[permit.code] ?? 0) + 1;
          await each(permit);
        }
      });
      return summary;
    },

    async mirror({ year, partner }) {
      return withSource(deps, async (source) => ({
        year,
        country: deps.country,
        partner,
        asExporter: await compareAll(source.mirrorExports(year, partner)),
        asImporter: await compareAll(source.mirrorImports(year, partner)),
      }));
    },
  };
}
