/**
 * Permits other authorities sent this one through the exchange (docs/exchange.md), in
 * `incoming_permit` (migration 5): the signed permit as received (the JWT is the record of
 * truth; the columns beside it are copies for lookups), the status its issuer notified
 * (status-changed) and the export endorsement it sent (export-endorsed).
 *
 * The rows are written only by the exchange's handlers, in the unit of work that records the
 * message as received, so a message is applied exactly once or not at all.
 */
import type { Permit } from '../permit/model.js';
import type { Queryable } from './sqlite.js';

/** Why a permit is held here (the CHECK of migration 5). */
export type IncomingRelation = 'import' | 'import-permit' | 'origin';
export type NotifiedStatus = 'valid' | 'revoked' | 'suspended';

/** The importing side's view of a permit sent to it (`saiga imports list`). */
export const IMPORT_STATES = ['expected', 'arrived', 'overdue', 'revoked', 'suspended'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

export interface IncomingPermitRecord {
  credentialId: string;
  issuerDid: string;
  permitNumber: string;
  documentType: string;
  exporterCountry: string;
  importerCountry: string;
  relation: IncomingRelation;
  /** YYYY-MM-DD (box 2). */
  validUntil: string;
  permit: Permit;
  jwt: string;
  receivedAt: string;
}

export interface IncomingPermit extends IncomingPermitRecord {
  status: NotifiedStatus;
  statusReason?: string;
  replacedBy?: string;
  /** When the issuer changed the status, as it said. */
  statusChangedAt?: string;
  /** When this agent received the notice. */
  statusNotifiedAt?: string;
  endorsementJwt?: string;
  endorsedAt?: string;
  /** The importing side's state; only for relation 'import'. */
  state: ImportState;
}

/** A notified status change, as the status-changed handler writes it. */
export interface StatusNotice {
  status: NotifiedStatus;
  reason: string;
  replacedBy?: string;
  changedAt: string;
  notifiedAt: string;
}

type Row = {
  credential_id: string;
  issuer_did: string;
  permit_number: string;
  document_type: string;
  exporter_country: string;
  importer_country: string;
  relation: IncomingRelation;
  valid_until: string;
  subject_json: string;
  jwt: string;
  status: NotifiedStatus;
  status_reason: string | null;
  replaced_by: string | null;
  status_changed_at: string | null;
  status_notified_at: string | null;
  endorsement_jwt: string | null;
  endorsed_at: string | null;
  received_at: string;
  import_state: ImportState;
};

/**
 * The state as the importing authority sees it: the notified status first (revocation
 * outranks everything, as in the verifier), then arrival (an import confirmation made here,
 * Art. VI(5): used once), then expiry without arrival. `?` is today's date in UTC.
 */
const WITH_STATE = `SELECT i.*, CASE
    WHEN i.status = 'revoked' THEN 'revoked'
    WHEN i.status = 'suspended' THEN 'suspended'
    WHEN EXISTS (SELECT 1 FROM import_confirmation c WHERE c.permit_credential_id = i.credential_id AND c.direction = 'made') THEN 'arrived'
    WHEN i.valid_until < ? THEN 'overdue'
    ELSE 'expected' END AS import_state
  FROM incoming_permit i`;

function toPermit(row: Row): IncomingPermit {
  const permit: IncomingPermit = {
    credentialId: row.credential_id,
    issuerDid: row.issuer_did,
    permitNumber: row.permit_number,
    documentType: row.document_type,
    exporterCountry: row.exporter_country,
    importerCountry: row.importer_country,
    relation: row.relation,
    validUntil: row.valid_until,
    permit: JSON.parse(row.subject_json) as Permit,
    jwt: row.jwt,
    receivedAt: row.received_at,
    status: row.status,
    state: row.import_state,
  };
  if (row.status_reason !== null) permit.statusReason = row.status_reason;
  if (row.replaced_by !== null) permit.replacedBy = row.replaced_by;
  if (row.status_changed_at !== null) permit.statusChangedAt = row.status_changed_at;
  if (row.status_notified_at !== null) permit.statusNotifiedAt = row.status_notified_at;
  if (row.endorsement_jwt !== null) permit.endorsementJwt = row.endorsement_jwt;
  if (row.endorsed_at !== null) permit.endorsedAt = row.endorsed_at;
  return permit;
}

export interface IncomingPermitFilter {
  relation?: IncomingRelation;
  state?: ImportState;
}

/** Reads of incoming permits (committed reads, or a unit of work's own view). */
export class IncomingPermitReads {
  constructor(
    protected readonly q: Queryable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  async get(credentialId: string): Promise<IncomingPermit | undefined> {
    const row = await this.q.get<Row>(`${WITH_STATE} WHERE i.credential_id = ?`, [this.today(), credentialId]);
    return row ? toPermit(row) : undefined;
  }

  async byNumber(issuerDid: string, permitNumber: string): Promise<IncomingPermit | undefined> {
    const row = await this.q.get<Row>(`${WITH_STATE} WHERE i.issuer_did = ? AND i.permit_number = ?`, [this.today(), issuerDid, permitNumber]);
    return row ? toPermit(row) : undefined;
  }

  /**
   * The revocation or suspension the issuer notified for a permit held here, in the shape of
   * the verification core's `notices` input; undefined when none is in force.
   */
  async notice(credentialId: string): Promise<{ status: 'revoked' | 'suspended'; issuer: string; reason?: string; replacedBy?: string; at: string } | undefined> {
    const row = await this.q.get<Pick<Row, 'issuer_did' | 'status' | 'status_reason' | 'replaced_by' | 'status_changed_at'>>(
      `SELECT issuer_did, status, status_reason, replaced_by, status_changed_at FROM incoming_permit WHERE credential_id = ?`,
      [credentialId],
    );
    if (row === undefined || row.status === 'valid' || row.status_changed_at === null) return undefined;
    return {
      status: row.status,
      issuer: row.issuer_did,
      at: row.status_changed_at,
      ...(row.status_reason !== null && row.status_reason !== '' && { reason: row.status_reason }),
      ...(row.replaced_by !== null && { replacedBy: row.replaced_by }),
    };
  }

  /** Newest first. */
  async list(filter: IncomingPermitFilter = {}): Promise<IncomingPermit[]> {
    const where: string[] = [];
    const params: unknown[] = [this.today()];
    if (filter.relation) {
      where.push('relation = ?');
      params.push(filter.relation);
    }
    if (filter.state) {
      where.push('import_state = ?');
      params.push(filter.state);
    }
    const rows = await this.q.all<Row>(
      `SELECT * FROM (${WITH_STATE}) ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY received_at DESC, permit_number`,
      params,
    );
    return rows.map(toPermit);
  }
}

/** The writes, valid only inside a unit of work. */
export class IncomingPermitStore extends IncomingPermitReads {
  /** Inserts the permit; false when a permit with this credential id is already held (nothing changes). */
  async insert(record: IncomingPermitRecord): Promise<boolean> {
    const result = await this.q.run(
      `INSERT INTO incoming_permit (credential_id, issuer_did, permit_number, document_type, exporter_country, importer_country,
                                    relation, valid_until, subject_json, jwt, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (credential_id) DO NOTHING`,
      [
        record.credentialId,
        record.issuerDid,
        record.permitNumber,
        record.documentType,
        record.exporterCountry,
        record.importerCountry,
        record.relation,
        record.validUntil,
        JSON.stringify(record.permit),
        record.jwt,
        record.receivedAt,
      ],
    );
    return result.changes > 0;
  }

  /** Records the status the issuer notified; a reinstatement sets it back to valid and clears the reason. */
  async setStatus(credentialId: string, notice: StatusNotice): Promise<void> {
    await this.q.run(
      `UPDATE incoming_permit SET status = ?, status_reason = ?, replaced_by = ?, status_changed_at = ?, status_notified_at = ?
       WHERE credential_id = ?`,
      [notice.status, notice.status === 'valid' ? null : notice.reason, notice.replacedBy ?? null, notice.changedAt, notice.notifiedAt, credentialId],
    );
  }

  async setEndorsement(credentialId: string, endorsement: { jwt: string; subject: unknown; endorsedAt: string }): Promise<void> {
    await this.q.run(`UPDATE incoming_permit SET endorsement_jwt = ?, endorsement_json = ?, endorsed_at = ? WHERE credential_id = ?`, [
      endorsement.jwt,
      JSON.stringify(endorsement.subject),
      endorsement.endorsedAt,
      credentialId,
    ]);
  }
}
