/**
 * Permit records in Saiga's SQLite tables: the signed credential (as issued, byte for
 * byte) and the fields officers search by. The JWT is the record of truth; the columns
 * beside it are copies for lookups.
 */
import type { DocumentType, Permit } from '../permit/model.js';
import type { SqliteDatabase, Transaction } from './sqlite.js';

export interface PermitRecord {
  permitNumber: string;
  credentialId: string;
  documentType: DocumentType;
  issuerDid: string;
  exporterCountry: string;
  importerCountry: string;
  /** ISO 8601 date-time. */
  issuedAt: string;
  /** YYYY-MM-DD (box 2). */
  validUntil: string;
  signatory: string;
  issuedByToken?: string;
  permit: Permit;
  jwt: string;
}

export interface PermitFilter {
  documentType?: DocumentType;
  /** Matches the exporter's or the importer's country. */
  country?: string;
  /** Matches a scientific name in any block (exact, case-insensitive). */
  species?: string;
  /** Issued on or after (ISO date or date-time). */
  issuedFrom?: string;
  /** Issued before (ISO date or date-time). */
  issuedTo?: string;
  limit: number;
  offset: number;
}

type PermitRow = {
  permit_number: string;
  credential_id: string;
  document_type: DocumentType;
  issuer_did: string;
  exporter_country: string;
  importer_country: string;
  issued_at: string;
  valid_until: string;
  signatory: string;
  issued_by_token: string | null;
  subject_json: string;
  jwt: string;
};

function toRecord(row: PermitRow): PermitRecord {
  const record: PermitRecord = {
    permitNumber: row.permit_number,
    credentialId: row.credential_id,
    documentType: row.document_type,
    issuerDid: row.issuer_did,
    exporterCountry: row.exporter_country,
    importerCountry: row.importer_country,
    issuedAt: row.issued_at,
    validUntil: row.valid_until,
    signatory: row.signatory,
    permit: JSON.parse(row.subject_json) as Permit,
    jwt: row.jwt,
  };
  if (row.issued_by_token) record.issuedByToken = row.issued_by_token;
  return record;
}

/** The writes issuance needs inside one transaction. */
export class PermitTx {
  constructor(readonly tx: Transaction) {}

  /** Takes the next number of a counter scope. Rolled back with the transaction, so a failed issue uses no number. */
  async nextSequence(scope: string): Promise<number> {
    const row = await this.tx.get<{ last_value: number }>(
      `INSERT INTO permit_counter (scope, last_value) VALUES (?, 1)
       ON CONFLICT (scope) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
      [scope],
    );
    return row!.last_value;
  }

  async insert(record: PermitRecord): Promise<void> {
    await this.tx.run(
      `INSERT INTO permit (permit_number, credential_id, document_type, issuer_did, exporter_country, importer_country,
                           issued_at, valid_until, signatory, issued_by_token, subject_json, jwt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        record.permitNumber,
        record.credentialId,
        record.documentType,
        record.issuerDid,
        record.exporterCountry,
        record.importerCountry,
        record.issuedAt,
        record.validUntil,
        record.signatory,
        record.issuedByToken ?? null,
        JSON.stringify(record.permit),
        record.jwt,
      ],
    );
  }

  savepoint<T>(work: () => Promise<T>): Promise<T> {
    return this.tx.savepoint(work);
  }
}

export class PermitStore {
  constructor(private readonly db: SqliteDatabase) {}

  transaction<T>(work: (tx: PermitTx) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(new PermitTx(tx)));
  }

  async get(permitNumber: string): Promise<PermitRecord | undefined> {
    const row = await this.db.get<PermitRow>('SELECT * FROM permit WHERE permit_number = ?', [permitNumber]);
    return row && toRecord(row);
  }

  async list(filter: PermitFilter): Promise<{ items: PermitRecord[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.documentType) {
      where.push('document_type = ?');
      params.push(filter.documentType);
    }
    if (filter.country) {
      where.push('(exporter_country = ? OR importer_country = ?)');
      params.push(filter.country, filter.country);
    }
    if (filter.issuedFrom) {
      where.push('issued_at >= ?');
      params.push(filter.issuedFrom);
    }
    if (filter.issuedTo) {
      where.push('issued_at < ?');
      params.push(filter.issuedTo);
    }
    if (filter.species) {
      where.push(`EXISTS (SELECT 1 FROM json_each(subject_json, '$.specimens') s
                          WHERE lower(json_extract(s.value, '$.scientificName')) = lower(?))`);
      params.push(filter.species);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = await this.db.get<{ n: number }>(`SELECT count(*) AS n FROM permit ${clause}`, params);
    const rows = await this.db.all<PermitRow>(
      `SELECT * FROM permit ${clause} ORDER BY issued_at DESC, permit_number DESC LIMIT ? OFFSET ?`,
      [...params, filter.limit, filter.offset],
    );
    return { items: rows.map(toRecord), total: total?.n ?? 0 };
  }

  async count(): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT count(*) AS n FROM permit'))?.n ?? 0;
  }
}
