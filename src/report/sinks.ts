/**
 * Where report rows go: CSV (RFC 4180, UTF-8, CRLF) or xlsx (exceljs's streaming
 * WorkbookWriter), onto any writable stream, with back-pressure: a row is produced only when the
 * stream has room, so a slow disk or a slow HTTP client never makes rows pile up in memory.
 * A file is written beside its final name and renamed into place when complete, so a failed or
 * refused report never leaves half a file (and a strict report that fails leaves none).
 */
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';

export interface RowSink {
  row(cells: readonly (string | number)[]): Promise<void>;
  /** Flushes and closes the output: the file is complete. */
  end(): Promise<void>;
  /** Gives up: a file target is removed. */
  abort(): Promise<void>;
  /**
   * True when `abort` takes back every row written (a file under its temporary name): a strict
   * report then checks and writes in one pass. Otherwise (standard output, an HTTP response) a
   * strict report checks everything before its first row.
   */
  readonly retractable?: boolean;
}

export type ReportFormat = 'csv' | 'xlsx';
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'xlsx'];

/** The most rows one xlsx sheet holds (1,048,576), less the header. */
export const XLSX_MAX_ROWS = 1_048_575;

const QUOTE = /[",\r\n]/;
/** RFC 4180 §2: a field with a comma, quote or line break is quoted, and its quotes doubled. */
export function csvField(value: string | number): string {
  const s = String(value);
  return QUOTE.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** CSV onto `stream`; lines are gathered into chunks of about 64 KiB (one write call each). */
export function csvSink(stream: Writable, header: readonly string[], options: { close?: boolean } = {}): RowSink {
  let buffer = `${header.map(csvField).join(',')}\r\n`;
  const flush = async () => {
    const chunk = buffer;
    buffer = '';
    if (chunk) await write(stream, chunk);
  };
  return {
    async row(cells) {
      buffer += `${cells.map(csvField).join(',')}\r\n`;
      if (buffer.length >= 65_536) await flush();
    },
    async end() {
      await flush();
      if (options.close !== false) {
        stream.end();
        await once(stream, 'finish');
      }
    },
    async abort() {
      buffer = '';
      if (options.close !== false) stream.destroy();
    },
  };
}

/** One sheet of an xlsx workbook onto `stream` (no shared strings, no styles: both are held in memory until the end). */
export async function xlsxSink(stream: Writable, header: readonly string[], sheetName: string): Promise<RowSink> {
  // Loaded only for xlsx: a CSV report never loads exceljs.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow([...header]).commit();
  let rows = 0;
  return {
    async row(cells) {
      rows += 1;
      if (rows > XLSX_MAX_ROWS) throw Object.assign(new Error('too many rows for one sheet'), { code: 'REPORT_XLSX_TOO_LARGE' });
      sheet.addRow([...cells]).commit();
      // exceljs writes into its zip stream without waiting: wait for the output when it is full.
      if (stream.writableNeedDrain) await once(stream, 'drain');
    },
    async end() {
      sheet.commit();
      await workbook.commit();
      if (!stream.writableFinished) await once(stream, 'finish');
    },
    async abort() {
      stream.destroy();
    },
  };
}

export async function sinkFor(format: ReportFormat, stream: Writable, header: readonly string[], sheetName = 'Report'): Promise<RowSink> {
  return format === 'xlsx' ? xlsxSink(stream, header, sheetName) : csvSink(stream, header);
}

/**
 * A file written under a temporary name beside `path` and renamed to it by `end`; `abort`
 * removes it. Rename within one folder is atomic (POSIX rename(2)).
 */
export function fileTarget(path: string): { stream: Writable; commit(): void; discard(): void } {
  const partial = `${path}.partial-${process.pid}`;
  const stream = createWriteStream(partial);
  return {
    stream,
    commit: () => renameSync(partial, path),
    discard: () => rmSync(partial, { force: true }),
  };
}

/** A sink writing a file at `path`, complete or not at all. */
export async function fileSink(format: ReportFormat, path: string, header: readonly string[], sheetName?: string): Promise<RowSink> {
  const target = fileTarget(path);
  const inner = await sinkFor(format, target.stream, header, sheetName);
  return {
    retractable: true,
    row: (cells) => inner.row(cells),
    async end() {
      await inner.end();
      target.commit();
    },
    async abort() {
      await inner.abort().catch(() => undefined);
      target.discard();
    },
  };
}

/**
 * A sink made on first use: nothing reaches the output (an HTTP response's headers included)
 * until the first row or the end, so a strict report refused before its first row can still be
 * answered with an error, and `abort` before that touches nothing.
 */
export function lazySink(create: () => Promise<RowSink>): RowSink & { started(): boolean } {
  let inner: Promise<RowSink> | undefined;
  const get = () => (inner ??= create());
  return {
    row: async (cells) => (await get()).row(cells),
    end: async () => (await get()).end(),
    abort: async () => {
      if (inner) await (await inner).abort();
    },
    started: () => inner !== undefined,
  };
}
