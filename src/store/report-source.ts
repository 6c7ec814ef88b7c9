/**
 * The rows the annual report and the mirror comparison read (src/report, docs/annual-report.md),
 * streamed page by page in key order (sqlite.ts `each`), on a read-only connection of their own
 * held in one read transaction: a report of a million shipments reads one snapshot, however long
 * it takes, and never holds more than two pages in memory.
 *
 * Dates are the ones the documents carry: an endorsement's and a confirmation's `date` (the day
 * the consignment left or arrived: the trade year of Res. Conf. 11.17), a permit's `issued_at`.
 * Each keyset follows an index of migration 13.
 */
import { SqliteDatabase, type Row } from './sqlite.js';

/** One permit's shipment as one side recorded it: the permit's subject and the quantities per block. */
export interface TradeRecord {
  permitNumber: string;
  documentType: string;
  exporterCountry: string;
  importerCountry: string;
  /** The permit's subject as stored (src/permit/model.ts `Permit`), parsed. */
  permit: unknown;
  /** YYYY-MM-DD: the date of the endorsement or confirmation (a substring filter keeps the planner off the date index: see scan); for basis 'issued', the date of issue. */
  date: string;
  /** The endorsement's or confirmation's subject (its `blocks`), parsed; null for basis 'issued'. */
  quantities: unknown;
}

/** A permit that was issued (or received) and never used: no endorsement, no confirmation. */
export interface UnusedRecord {
  permitNumber: string;
  documentType: string;
  partnerCountry: string;
  issuedOn: string;
  validUntil: string;
  /** 'valid', 'revoked' or 'suspended', as recorded (own permits) or as the issuer notified (received ones). */
  status: string;
  reason: string | null;
  replacedBy: string | null;
}

/** One permit of a mirror comparison: what this side and the partner recorded (null: nothing). */
export interface MirrorRecord {
  permitNumber: string;
  permit: unknown;
  exported: unknown;
  imported: unknown;
}


/** [Y-01-01, (Y+1)-01-01) as dates and as the instants issued_at is stored in. */
const range = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });
const instants = (year: number) => ({ from: `${year}-01-01T00:00:00.000Z`, to: `${year + 1}-01-01T00:00:00.000Z` });
const parse = (text: unknown): unknown => (typeof text === 'string' ? JSON.parse(text) : null);

type TradeRow = Row & { r: number; d?: string; permit_number: string; document_type: string; exporter_country: string; importer_country: string; subject_json: string; quantities_json: string | null };
const toTrade = (r: TradeRow): TradeRecord => ({
  permitNumber: r.permit_number,
  documentType: r.document_type,
  exporterCountry: r.exporter_country,
  importerCountry: r.importer_country,
  permit: parse(r.subject_json),
  quantities: parse(r.quantities_json),
  date: '',
});
/** An endorsement's or confirmation's date is read from its parsed subject (one JSON parse a row, not two). */
const withRecordedDate = (t: TradeRecord): TradeRecord => ({ ...t, date: String((t.quantities as { date?: unknown } | null)?.date ?? '') });
const withDate = (t: TradeRecord, d: unknown): TradeRecord => ({ ...t, date: String(d).slice(0, 10) });

const YEAR_BOUNDS = {
  endorsement: `SELECT min(rowid) AS lo, max(rowid) AS hi FROM endorsement WHERE json_extract(subject_json, '$.date') >= ? AND json_extract(subject_json, '$.date') < ?`,
  confirmation: `SELECT min(rowid) AS lo, max(rowid) AS hi FROM import_confirmation
                  WHERE direction = 'made' AND json_extract(subject_json, '$.date') >= ? AND json_extract(subject_json, '$.date') < ?`,
  permit: `SELECT min(rowid) AS lo, max(rowid) AS hi FROM permit WHERE issued_at >= ? AND issued_at < ?`,
};

export class ReportSource {
  private constructor(private readonly db: SqliteDatabase) {}

  /** A read-only connection of its own, in one read transaction until `close`. */
  static async open(file: string): Promise<ReportSource> {
    const db = await SqliteDatabase.openReadOnly(file);
    await db.exec('BEGIN DEFERRED');
    return new ReportSource(db);
  }

  async close(): Promise<void> {
    await this.db.exec('COMMIT').catch(() => undefined);
    await this.db.close();
  }

  /**
   * The rows of one year, in the order they were written (rowid), page by page. The year's
   * first and last rowid come from an index of migration 13 (one pass over the index); the pages
   * then read the table in its physical order between them, keeping the rows of that year.
   * Reading in date order instead, through the index, costs a random table access per row
   * (70 µs a row on a 600 MB file against 12 µs: bench/annual-report.ts), and rows are written
   * about when they happen, so a year is a contiguous stretch of the table.
   */
  private async *scan<T extends Row & { r: number }>(bounds: string, boundParams: unknown[], page: (after: number, last: number) => { sql: string; params: unknown[] }): AsyncGenerator<T> {
    const found = await this.db.get<{ lo: number | null; hi: number | null }>(bounds, boundParams);
    if (found === undefined || found.lo === null || found.hi === null) return;
    const { lo, hi } = found;
    yield* this.db.each<T>((last) => page(last === undefined ? lo - 1 : last.r, hi));
  }

  /** Exporter, basis actual: every customs endorsement of a permit issued here, by the year of the date it records. */
  async *endorsements(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = range(year);
    for await (const r of this.scan<TradeRow>(YEAR_BOUNDS.endorsement, [from, to], (after, last) => ({
      sql: `SELECT e.rowid AS r, e.permit_number, p.document_type, p.exporter_country, p.importer_country,
                   p.subject_json, e.subject_json AS quantities_json
              FROM endorsement e JOIN permit p ON p.permit_number = e.permit_number
             WHERE e.rowid > ? AND e.rowid <= ? AND substr(json_extract(e.subject_json, '$.date'), 1, 4) = ?
             ORDER BY e.rowid`,
      params: [after, last, String(year)],
    }))) yield withRecordedDate(toTrade(r));
  }

  /** Importer, basis actual: the import confirmations this authority made, by the year of the date of import. */
  async *confirmationsMade(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = range(year);
    for await (const r of this.scan<TradeRow>(YEAR_BOUNDS.confirmation, [from, to], (after, last) => ({
      sql: `SELECT c.rowid AS r, i.permit_number, i.document_type, i.exporter_country, i.importer_country,
                   i.subject_json, c.subject_json AS quantities_json
              FROM import_confirmation c JOIN incoming_permit i ON i.credential_id = c.permit_credential_id
             WHERE c.rowid > ? AND c.rowid <= ? AND c.direction = 'made' AND substr(json_extract(c.subject_json, '$.date'), 1, 4) = ?
             ORDER BY c.rowid`,
      params: [after, last, String(year)],
    }))) yield withRecordedDate(toTrade(r));
  }

  /** Exporter, basis issued: the permits (not import permits) issued here that year and not revoked. */
  async *issuedPermits(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = instants(year);
    for await (const r of this.scan<TradeRow>(YEAR_BOUNDS.permit, [from, to], (after, last) => ({
      sql: `SELECT p.rowid AS r, p.issued_at AS d, p.permit_number, p.document_type, p.exporter_country, p.importer_country, p.subject_json, NULL AS quantities_json
              FROM permit p
             WHERE p.rowid > ? AND p.rowid <= ? AND substr(p.issued_at, 1, 4) = ? AND p.document_type <> 'import' AND p.state <> 'revoked'
             ORDER BY p.rowid`,
      params: [after, last, String(year)],
    }))) yield withDate(toTrade(r), r.d);
  }

  /** Importer, basis issued: the permits other authorities issued that year for import here, not revoked. */
  async *receivedPermits(year: number): AsyncGenerator<TradeRecord> {
    for await (const r of this.db.each<TradeRow>((last) => ({
      sql: `SELECT i.rowid AS r, json_extract(i.subject_json, '$.issued.date') AS d, i.permit_number, i.document_type, i.exporter_country, i.importer_country,
                   i.subject_json, NULL AS quantities_json
              FROM incoming_permit i
             WHERE i.rowid > ? AND i.relation = 'import' AND i.status <> 'revoked' AND substr(json_extract(i.subject_json, '$.issued.date'), 1, 4) = ?
             ORDER BY i.rowid`,
      params: [last?.r ?? 0, String(year)],
    }))) yield withDate(toTrade(r), r.d);
  }

  /** Permits issued here that year (not import permits) that customs never endorsed. */
  async *unusedIssued(year: number): AsyncGenerator<UnusedRecord> {
    const { from, to } = instants(year);
    for await (const r of this.scan<Row & { r: number }>(YEAR_BOUNDS.permit, [from, to], (after, last) => ({
      sql: `SELECT p.rowid AS r, p.issued_at AS d, p.permit_number, p.document_type, p.importer_country AS partner, p.valid_until, p.state, p.revocation_reason AS reason, p.replaced_by
              FROM permit p
             WHERE p.rowid > ? AND p.rowid <= ? AND substr(p.issued_at, 1, 4) = ? AND p.document_type <> 'import'
               AND NOT EXISTS (SELECT 1 FROM endorsement e WHERE e.permit_number = p.permit_number)
             ORDER BY p.rowid`,
      params: [after, last, String(year)],
    }))) yield toUnused(r);
  }

  /** Permits received for import here, issued that year, of which no import was confirmed here. */
  async *unusedReceived(year: number): AsyncGenerator<UnusedRecord> {
    for await (const r of this.db.each<Row & { r: number }>((last) => ({
      sql: `SELECT i.rowid AS r, json_extract(i.subject_json, '$.issued.date') AS d, i.permit_number, i.document_type, i.exporter_country AS partner, i.valid_until,
                   i.status AS state, i.status_reason AS reason, i.replaced_by
              FROM incoming_permit i
             WHERE i.rowid > ? AND i.relation = 'import' AND substr(json_extract(i.subject_json, '$.issued.date'), 1, 4) = ?
               AND NOT EXISTS (SELECT 1 FROM import_confirmation c WHERE c.permit_credential_id = i.credential_id AND c.direction = 'made')
             ORDER BY i.rowid`,
      params: [last?.r ?? 0, String(year)],
    }))) yield toUnused(r);
  }

  /**
   * Mirror, this authority as exporter: its permits to `partner` endorsed here, or confirmed by
   * the partner's import confirmation received here, that year, with both sides' quantities.
   */
  async *mirrorExports(year: number, partner: string): AsyncGenerator<MirrorRecord> {
    const { from, to } = range(year);
    for await (const r of this.db.each<Row & { r: number }>((last) => ({
      sql: `SELECT p.rowid AS r, p.permit_number, p.subject_json, e.subject_json AS exported, c.subject_json AS imported
              FROM permit p
              LEFT JOIN endorsement e ON e.permit_number = p.permit_number
              LEFT JOIN import_confirmation c ON c.permit_credential_id = p.credential_id AND c.direction = 'received'
             WHERE p.rowid > ? AND p.importer_country = ? AND (e.permit_number IS NOT NULL OR c.permit_credential_id IS NOT NULL)
               AND (${inYear('e.subject_json')} OR ${inYear('c.subject_json')})
             ORDER BY p.rowid`,
      params: [last?.r ?? 0, partner, from, to, from, to],
    }))) yield toMirror(r);
  }

  /**
   * Mirror, this authority as importer: the permits `partner` sent for import here, endorsed
   * (the endorsement the partner sent) or confirmed here that year, with both sides' quantities.
   */
  async *mirrorImports(year: number, partner: string): AsyncGenerator<MirrorRecord> {
    const { from, to } = range(year);
    for await (const r of this.db.each<Row & { r: number }>((last) => ({
      sql: `SELECT i.rowid AS r, i.permit_number, i.subject_json, i.endorsement_json AS exported, c.subject_json AS imported
              FROM incoming_permit i
              LEFT JOIN import_confirmation c ON c.permit_credential_id = i.credential_id AND c.direction = 'made'
             WHERE i.rowid > ? AND i.relation = 'import' AND i.exporter_country = ? AND (i.endorsement_json IS NOT NULL OR c.permit_credential_id IS NOT NULL)
               AND (${inYear('i.endorsement_json')} OR ${inYear('c.subject_json')})
             ORDER BY i.rowid`,
      params: [last?.r ?? 0, partner, from, to, from, to],
    }))) yield toMirror(r);
  }
}

/** The record's `date` (an endorsement's or confirmation's) falls in [from, to). */
const inYear = (column: string) => `(json_extract(${column}, '$.date') >= ? AND json_extract(${column}, '$.date') < ?)`;

function toUnused(r: Row): UnusedRecord {
  return {
    permitNumber: String(r.permit_number),
    documentType: String(r.document_type),
    partnerCountry: String(r.partner),
    issuedOn: String(r.d).slice(0, 10),
    validUntil: String(r.valid_until),
    status: String(r.state),
    reason: (r.reason as string | null) ?? null,
    replacedBy: (r.replaced_by as string | null) ?? null,
  };
}

const toMirror = (r: Row): MirrorRecord => ({ permitNumber: String(r.permit_number), permit: parse(r.subject_json), exported: parse(r.exported), imported: parse(r.imported) });
