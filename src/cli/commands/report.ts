/**
 * `saiga report annual` and `saiga report mirror` (docs/annual-report.md). Read-only: they open
 * the store only (kind 'read': no Veramo, no key), and read one snapshot each.
 *
 * annual: the rows go to --out (complete or not at all: written beside it and renamed), or to
 * standard output; the unused permits to --unused (default `<out>.unused.csv`); the summary
 * (rows, upload findings with row numbers, unused counts) to standard output, as JSON with --json
 * (standard error when the rows themselves go to standard output). --strict: any error of the
 * upload checks writes nothing and exits 1 (REPORT_STRICT_FAILED).
 */
import { rmSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { withCliAgent } from '../agent.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { annualQuery, mirrorQuery, reportFormat } from '../../report/query.js';
import { ANNUAL_HEADER, type UnusedSummary } from '../../report/service.js';
import { csvSink, fileSink, type ReportFormat, type RowSink } from '../../report/sinks.js';
import { UNUSED_COLUMNS, unusedCells, type UnusedPermit } from '../../report/unused.js';
import { annualLines, MIRROR_COLUMNS, mirrorCells, mirrorLines } from '../../report/text.js';
import { REPORT_CODES } from '../../codes.js';

export interface AnnualOptions {
  config: string;
  year?: string;
  type?: string;
  basis?: string;
  out?: string;
  format?: string;
  unused?: string;
  strict?: boolean;
}

const checked = <T>(result: { ok: true; value: T } | { ok: false; path: string; message: string }): T => {
  if (!result.ok) throw new UsageError(`--${result.path.slice(1)}: ${result.message.replace(/^"\w+" /, "")}`);
  return result.value;
};

/** `report.csv` → `report.unused.csv`, beside it. */
export const unusedFileFor = (out: string): string => join(dirname(out), `${basename(out, extname(out))}.unused.csv`);

/** On a terminal only: a line on stderr that counts the rows, rewritten in place. */
function progressLine(): ((rows: number) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (rows) => process.stderr.write(`\rreport: ${rows.toLocaleString('en')} rows`);
}

export async function reportAnnualCommand(options: AnnualOptions, out: Output): Promise<number> {
  const query = checked(annualQuery({ year: options.year, type: options.type, basis: options.basis }));
  const format: ReportFormat = checked(reportFormat(options.format ?? (options.out && extname(options.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv')));
  if (!options.out && format === 'xlsx') throw new UsageError('--format xlsx needs --out FILE');
  if (!options.out && out.json) throw new UsageError('--json prints the summary on standard output: give --out FILE for the rows');
  const unusedFile = options.unused ?? (options.out ? unusedFileFor(options.out) : undefined);
  return withCliAgent('read', options.config, out, async (saiga) => {
    const sink: RowSink = options.out ? await fileSink(format, options.out, ANNUAL_HEADER, `${query.type} ${query.year}`) : csvSink(process.stdout, ANNUAL_HEADER, { close: false });
    const progress = progressLine();
    const listed: UnusedPermit[] = [];
    // The unused list is written when the rows are: beside them, on its own connection and snapshot, so both
    // use the two cores. A strict report to standard output is checked whole before its first row: its
    // unused list comes after. A strict report to a file is checked as it is written, and a row with an
    // error takes back both files.
    const listUnused = async (): Promise<UnusedSummary> => {
      const unusedSink = unusedFile ? await fileSink('csv', unusedFile, UNUSED_COLUMNS) : null;
      try {
        const summary = await saiga.reports.unused(query, async (permit) => {
          if (listed.length < 1000) listed.push(permit);
          await unusedSink?.row(unusedCells(permit));
        });
        await unusedSink?.end();
        return summary;
      } catch (error) {
        await unusedSink?.abort();
        throw error;
      }
    };
    const strict = Boolean(options.strict);
    const unusedBeside = strict && !options.out ? null : listUnused();
    unusedBeside?.catch(() => undefined);
    let summary;
    try {
      summary = await saiga.reports.annual(query, sink, { strict, ...(progress && { progress }) });
    } catch (error) {
      // No unused list without its report.
      await unusedBeside?.catch(() => undefined);
      if (unusedBeside && unusedFile) rmSync(unusedFile, { force: true });
      throw error;
    }
    if (progress) process.stderr.write('\n');
    const besideSummary = unusedBeside ? await unusedBeside : null;
    if (!summary.written && unusedBeside && unusedFile) rmSync(unusedFile, { force: true });
    const unused: UnusedSummary | null = !summary.written ? null : (besideSummary ?? (await listUnused()));
    const files = { ...(options.out && { out: options.out }), ...(unusedFile && summary.written && { unused: unusedFile }) };
    const value = {
      ...summary,
      format,
      ...files,
      ...(!summary.written && { error: { code: 'REPORT_STRICT_FAILED', message: REPORT_CODES.REPORT_STRICT_FAILED } }),
      unused: unused && { ...unused, items: listed, truncated: unused.count > listed.length },
    };
    const lines = () => annualLines(summary, unused, files);
    if (options.out) out.result(value, lines);
    else process.stderr.write(`${lines().join('\n')}\n`);
    return summary.written ? EXIT.OK : EXIT.REFUSED;
  });
}

export async function reportMirrorCommand(options: { config: string; year?: string; partner?: string; out?: string }, out: Output): Promise<number> {
  const query = checked(mirrorQuery({ year: options.year, partner: options.partner }));
  return withCliAgent('read', options.config, out, async (saiga) => {
    const report = await saiga.reports.mirror(query);
    if (options.out) {
      const sink = await fileSink(extname(options.out).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv', options.out, MIRROR_COLUMNS, `mirror ${query.partner} ${query.year}`);
      try {
        for (const d of report.asExporter.discrepancies) await sink.row(mirrorCells('export', d));
        for (const d of report.asImporter.discrepancies) await sink.row(mirrorCells('import', d));
        await sink.end();
      } catch (error) {
        await sink.abort();
        throw error;
      }
    }
    out.result({ ...report, ...(options.out && { out: options.out }) }, () => [...mirrorLines(report), ...(options.out ? [`Discrepancies written to ${options.out}.`] : [])]);
    return EXIT.OK;
  });
}

