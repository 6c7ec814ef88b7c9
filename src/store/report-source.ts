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
  /** YYYY-MM-DD: the date of the endorsement or confirmation; for basis 'issued', the date of issue. */
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

export type ReportYear = { from: string; to: string };

/** [Y-01-01, (Y+1)-01-01) as dates and as the instants issued_at is stored in. */
const range = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });
const instants = (year: number) => ({ from: `${year}-01-01T00:00:00.000Z`, to: `${year + 1}-01-01T00:00:00.000Z` });
const parse = (text: unknown): unknown => (typeof text === 'string' ? JSON.parse(text) : null);

type TradeRow = Row & { k1: string; k2: string; permit_number: string; document_type: string; exporter_country: string; importer_country: string; subject_json: string; quantities_json: string | null };
const toTrade = (r: TradeRow): TradeRecord => ({
  permitNumber: r.permit_number,
  documentType: r.document_type,
  exporterCountry: r.exporter_country,
  importerCountry: r.importer_country,
  permit: parse(r.subject_json),
  date: r.k1.slice(0, 10),
  quantities: parse(r.quantities_json),
});

const after = (last: Row | undefined, key: string): { sql: string; params: unknown[] } =>
  last === undefined ? { sql: '', params: [] } : { sql: ` AND (${key}) > (?, ?)`, params: [last.k1, last.k2] };

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

  /** Exporter, basis actual: every customs endorsement of a permit issued here, by the date it records. */
  async *endorsements(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = range(year);
    const key = "json_extract(e.subject_json, '$.date'), e.permit_number";
    for await (const r of this.db.each<TradeRow>((last) => {
      const next = after(last, key);
      return {
        sql: `SELECT json_extract(e.subject_json, '$.date') AS k1, e.permit_number AS k2, e.permit_number, p.document_type, p.exporter_country, p.importer_country,
                     p.subject_json, e.subject_json AS quantities_json
                FROM endorsement e JOIN permit p ON p.permit_number = e.permit_number
               WHERE json_extract(e.subject_json, '$.date') >= ? AND json_extract(e.subject_json, '$.date') < ?${next.sql}
               ORDER BY ${key}`,
        params: [from, to, ...next.params],
      };
    })) yield toTrade(r);
  }

  /** Importer, basis actual: the import confirmations this authority made, by the date of import. */
  async *confirmationsMade(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = range(year);
    const key = "json_extract(c.subject_json, '$.date'), c.permit_credential_id";
    for await (const r of this.db.each<TradeRow>((last) => {
      const next = after(last, key);
      return {
        sql: `SELECT json_extract(c.subject_json, '$.date') AS k1, c.permit_credential_id AS k2, i.permit_number, i.document_type, i.exporter_country, i.importer_country,
                     i.subject_json, c.subject_json AS quantities_json
                FROM import_confirmation c JOIN incoming_permit i ON i.credential_id = c.permit_credential_id
               WHERE c.direction = 'made' AND json_extract(c.subject_json, '$.date') >= ? AND json_extract(c.subject_json, '$.date') < ?${next.sql}
               ORDER BY ${key}`,
        params: [from, to, ...next.params],
      };
    })) yield toTrade(r);
  }

  /** Exporter, basis issued: the permits (not import permits) issued here that year and not revoked. */
  async *issuedPermits(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = instants(year);
    const key = 'p.issued_at, p.permit_number';
    for await (const r of this.db.each<TradeRow>((last) => {
      const next = after(last, key);
      return {
        sql: `SELECT p.issued_at AS k1, p.permit_number AS k2, p.permit_number, p.document_type, p.exporter_country, p.importer_country, p.subject_json, NULL AS quantities_json
                FROM permit p
               WHERE p.issued_at >= ? AND p.issued_at < ? AND p.document_type <> 'import' AND p.state <> 'revoked'${next.sql}
               ORDER BY ${key}`,
        params: [from, to, ...next.params],
      };
    })) yield toTrade(r);
  }

  /** Importer, basis issued: the permits other authorities issued that year for import here, not revoked. */
  async *receivedPermits(year: number): AsyncGenerator<TradeRecord> {
    const { from, to } = instants(year);
    const key = "json_extract(i.subject_json, '$.issued.date'), i.credential_id";
    for await (const r of this.db.each<TradeRow>((last) => {
      const next = after(last, key);
      return {
        sql: `SELECT json_extract(i.subject_json, '$.issued.date') AS k1, i.credential_id AS k2, i.permit_number, i.document_type, i.exporter_country, i.importer_country,
                     i.subject_json, NULL AS quantities_json
                FROM incoming_permit i
               WHERE i.relation = 'import' AND i.status <> 'revoked'
                 AND json_extract(i.subject_json, '$.issued.date') >= ? AND json_extract(i.subject_json, '$.issued.date') < ?${next.sql}
               ORDER BY ${key}`,
        params: [from, to, ...next.params],
      };
    })) yield toTrade(r);
  }

  /** Permits issued here that year (not import permits) that customs never endorsed. */
  async *unusedIssued(year: number): AsyncGenerator<UnusedRecord> {
    const { from, to } = instants(year);
    const key = 'p.issued_at, p.permit_number';
    for await (const r of this.db.each<Row & { k1: string; k2: string }>((last) => {
      const next = after(last, key);
      return {
        sql: `SELECT p.issued_at AS k1, p.permit_number AS k2, p.document_type, p.importer_country AS partner, p.valid_until, p.state, p.revocation_reason AS reason, p.replaced_by
                FROM permit p
               WHERE p.issued_at >= ? AND p.issued_at < ? AND p.document_type <> 'import'
                 AND NOT EXISTS (SELECT 1 FROM endorsement e WHERE e.permit_number = p.permit_number)${next.sql}
               ORDER BY ${key}`,
        params: [from, to, ...next.params],
      };
    })) yield toUnused(r);
  }

  /** Permits received for import here, issued that year, of which no import was confirmed here. */
  async *unusedReceived(year: number): AsyncGenerator<UnusedRecord> {
    const { from, to } = instants(year);
    const key = "json_extract(i.subject_json, '$.issued.date'), i.credential_id";
    for await (const r of this.db.each<Row & { k1: string; k2: string }>((last) => {
      const next = after(last, key);
      return {
        sql: `SELECT json_extract(i.subject_json, '$.issued.date') AS k1, i.credential_id AS k2, i.permit_number, i.document_type, i.exporter_country AS partner, i.valid_until,
                     i.status AS state, i.status_reason AS reason, i.replaced_by
                FROM incoming_permit i
               WHERE i.relation = 'import' AND json_extract(i.subject_json, '$.issued.date') >= ? AND json_extract(i.subject_json, '$.issued.date') < ?
                 AND NOT EXISTS (SELECT 1 FROM import_confirmation c WHERE c.permit_credential_id = i.credential_id AND c.direction = 'made')${next.sql}
               ORDER BY ${key}`,
        params: [from, to, ...next.params],
      };
    })) yield toUnused(r);
  }

  /**
   * Mirror, this authority as exporter: its permits to `partner` endorsed or confirmed (by the
   * partner's import confirmation received here) that year, with both sides' quantities.
   */
  async *mirrorExports(year: number, partner: string): AsyncGenerator<MirrorRecord> {
    const { from, to } = range(year);
    const inYear = (column: string) => `(json_extract(${column}, '$.date') >= ? AND json_extract(${column}, '$.date') < ?)`;
    for await (const r of this.db.each<Row & { k1: string; k2: string }>((last) => ({
      sql: `SELECT p.permit_number AS k1, p.permit_number AS k2, p.permit_number, p.subject_json, e.subject_json AS exported, c.subject_json AS imported
              FROM permit p
              LEFT JOIN endorsement e ON e.permit_number = p.permit_number
              LEFT JOIN import_confirmation c ON c.permit_credential_id = p.credential_id AND c.direction = 'received'
             WHERE p.importer_country = ? AND (e.permit_number IS NOT NULL OR c.permit_credential_id IS NOT NULL)
               AND (${inYear('e.subject_json')} OR ${inYear('c.subject_json')})${last === undefined ? '' : ' AND p.permit_number > ?'}
             ORDER BY p.permit_number`,
      params: [partner, from, to, from, to, ...(last === undefined ? [] : [last.k1])],
    }))) yield toMirror(r);
  }

  /**
   * Mirror, this authority as importer: the permits `partner` sent for import here, endorsed
   * (the endorsement the partner sent) or confirmed here that year, with both sides' quantities.
   */
  async *mirrorImports(year: number, partner: string): AsyncGenerator<MirrorRecord> {
    const { from, to } = range(year);
    const inYear = (column: string) => `(json_extract(${column}, '$.date') >= ? AND json_extract(${column}, '$.date') < ?)`;
    for await (const r of this.db.each<Row & { k1: string; k2: string }>((last) => ({
      sql: `SELECT i.credential_id AS k1, i.credential_id AS k2, i.permit_number, i.subject_json, i.endorsement_json AS exported, c.subject_json AS imported
              FROM incoming_permit i
              LEFT JOIN import_confirmation c ON c.permit_credential_id = i.credential_id AND c.direction = 'made'
             WHERE i.relation = 'import' AND i.exporter_country = ? AND (i.endorsement_json IS NOT NULL OR c.permit_credential_id IS NOT NULL)
               AND (${inYear('i.endorsement_json')} OR ${inYear('c.subject_json')})${last === undefined ? '' : ' AND i.credential_id > ?'}
             ORDER BY i.credential_id`,
      params: [partner, from, to, from, to, ...(last === undefined ? [] : [last.k1])],
    }))) yield toMirror(r);
  }
}

function toUnused(r: Row): UnusedRecord {
  return {
    permitNumber: String(r.permit_number ?? r.k2),
    documentType: String(r.document_type),
    partnerCountry: String(r.partner),
    issuedOn: String(r.k1).slice(0, 10),
    validUntil: String(r.valid_until),
    status: String(r.state),
    reason: (r.reason as string | null) ?? null,
    replacedBy: (r.replaced_by as string | null) ?? null,
  };
}

const toMirror = (r: Row): MirrorRecord => ({ permitNumber: String(r.permit_number), permit: parse(r.subject_json), exported: parse(r.exported), imported: parse(r.imported) });
