/**
 * Permit records in Saiga's SQLite tables: the signed credential (as issued, byte for
 * byte) and the fields officers search by. The JWT is the record of truth; the columns
 * beside it are copies for lookups.
 */
import type { DocumentType, Permit } from '../permit/model.js';
import type { Queryable } from './sqlite.js';

/** The states a verifier reports (src/verify/lifecycle.ts stateOf), in its order of precedence. */
export const PERMIT_LIST_STATES = ['revoked', 'suspended', 'expired', 'used', 'valid'] as const;
export type PermitListState = (typeof PERMIT_LIST_STATES)[number];

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

/** A stored permit as read back: its record and its state today. */
export interface StoredPermit extends PermitRecord {
  state: PermitListState;
}

export interface PermitFilter {
  documentType?: DocumentType;
  /** Matches the exporter's or the importer's country. */
  country?: string;
  /** Matches a scientific name in any block (exact, case-insensitive). */
  species?: string;
  /** Issued at or after this instant (ISO 8601 in UTC, as toISOString writes it and as issued_at is stored). */
  issuedFrom?: string;
  /** Issued before this instant (same form). */
  issuedTo?: string;
  state?: PermitListState;
  /** Permit numbers that start with this (case-insensitive): "LK26-E00" finds LK26-E000001 and its neighbours. */
  number?: string;
  /** The exporter's or the importer's name (box 3 / 4) contains this, without case (ASCII case: SQLite's lower()). */
  trader?: string;
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
  life_state: PermitListState;
};

/**
 * The state of each permit row as the verifier would report it: revocation and suspension
 * first, then expiry (box 2 is valid to the end of that day in UTC), then use (a customs
 * endorsement, Art. VI(5)). `?` is today's date in UTC.
 */
const WITH_STATE = `SELECT p.*, CASE
    WHEN p.state = 'revoked' THEN 'revoked'
    WHEN p.state = 'suspended' THEN 'suspended'
    WHEN p.valid_until < ? THEN 'expired'
    WHEN EXISTS (SELECT 1 FROM endorsement e WHERE e.permit_number = p.permit_number) THEN 'used'
    ELSE 'valid' END AS life_state
  FROM permit p`;

function toRecord(row: PermitRow): StoredPermit {
  const record: StoredPermit = {
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
    state: row.life_state,
  };
  if (row.issued_by_token) record.issuedByToken = row.issued_by_token;
  return record;
}

/** A permit's rows inside one write transaction (a unit of work, unit-of-work.ts): what issuance writes and endorsement reads. */
export class PermitWrites {
  constructor(private readonly q: Queryable) {}

  /** Takes the next number of a counter scope. Rolled back with the transaction, so a failed issue uses no number. */
  async nextSequence(scope: string): Promise<number> {
    const row = await this.q.get<{ last_value: number }>(
      `INSERT INTO permit_counter (scope, last_value) VALUES (?, 1)
       ON CONFLICT (scope) DO UPDATE SET last_value = last_value + 1
       RETURNING last_value`,
      [scope],
    );
    return row!.last_value;
  }

  async insert(record: PermitRecord): Promise<void> {
    await this.q.run(
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

  /** The permit (the credential's subject) as stored, as this transaction sees it. */
  async permit(permitNumber: string): Promise<Permit | undefined> {
    const row = await this.q.get<{ subject_json: string }>('SELECT subject_json FROM permit WHERE permit_number = ?', [permitNumber]);
    return row && (JSON.parse(row.subject_json) as Permit);
  }
}

/** Permits as committed: every read the outside world sees (API, CLI, credentials), on the read-only connection. */
export class PermitReads {
  /** @param reads a read-only connection: reads see committed permits only, never an open batch */
  constructor(
    private readonly reads: Queryable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  async get(permitNumber: string): Promise<StoredPermit | undefined> {
    const row = await this.reads.get<PermitRow>(`${WITH_STATE} WHERE p.permit_number = ?`, [this.today(), permitNumber]);
    return row && toRecord(row);
  }

  /** The signed credential (VC-JWT) with this id, as issued. */
  async credentialJwt(credentialId: string): Promise<string | undefined> {
    return (await this.reads.get<{ jwt: string }>('SELECT jwt FROM permit WHERE credential_id = ?', [credentialId]))?.jwt;
  }

  async list(filter: PermitFilter): Promise<{ items: StoredPermit[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) {
      where.push('life_state = ?');
      params.push(filter.state);
    }
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
    if (filter.number) {
      where.push('upper(substr(permit_number, 1, length(?))) = upper(?)');
      params.push(filter.number, filter.number);
    }
    if (filter.trader) {
      // instr, not LIKE: a "%" or "_" in a name is a character to find, not a wildcard.
      where.push(`(instr(lower(json_extract(subject_json, '$.exporter.name')), lower(?)) > 0
                   OR instr(lower(json_extract(subject_json, '$.importer.name')), lower(?)) > 0)`);
      params.push(filter.trader, filter.trader);
    }
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const from = `(${WITH_STATE}) ${clause}`;
    const total = await this.reads.get<{ n: number }>(`SELECT count(*) AS n FROM ${from}`, [this.today(), ...params]);
    const rows = await this.reads.all<PermitRow>(`SELECT * FROM ${from} ORDER BY issued_at DESC, permit_number DESC LIMIT ? OFFSET ?`, [
      this.today(),
      ...params,
      filter.limit,
      filter.offset,
    ]);
    return { items: rows.map(toRecord), total: total?.n ?? 0 };
  }

  async count(): Promise<number> {
    return (await this.reads.get<{ n: number }>('SELECT count(*) AS n FROM permit'))?.n ?? 0;
  }
}
