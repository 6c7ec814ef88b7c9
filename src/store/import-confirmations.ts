/**
 * Import confirmations in SQLite (migration 5, `import_confirmation`): those this authority
 * made for permits it imported under ('made'), and those the importing authorities sent for
 * permits issued here ('received'). The primary key is the permit's credential id, so a
 * permit has one confirmation, whichever side: of two officers confirming at the same moment
 * exactly one succeeds (Art. VI(5): one permit, one consignment).
 *
 * It also reads the one thing of `incoming_permit` the confirmation needs (the permit that
 * reached this authority as an expected import), until src/store/incoming-permits.ts offers it.
 */
import type { Queryable } from './sqlite.js';

export type ConfirmationDirection = 'made' | 'received';

export interface ImportConfirmationRow {
  permitCredentialId: string;
  credentialId: string;
  permitIssuerDid: string;
  permitNumber: string;
  direction: ConfirmationDirection;
  jwt: string;
  subject: unknown;
  officer: string | null;
  createdAt: string;
}

/** A permit that reached this authority for import (relation 'import'), as its issuer notified it. */
export interface ExpectedImport {
  credentialId: string;
  issuerDid: string;
  permitNumber: string;
  importerCountry: string;
  validUntil: string;
  /** The permit's credential subject (src/permit/model.ts `Permit`), as received. */
  subject: unknown;
  jwt: string;
  status: 'valid' | 'revoked' | 'suspended';
  statusChangedAt: string | null;
  /** The export endorsement's subject, when one was received (src/vocab/endorsement.ts `Endorsement`). */
  endorsement: unknown;
}

type ConfirmationRaw = {
  permit_credential_id: string;
  credential_id: string;
  permit_issuer_did: string;
  permit_number: string;
  direction: ConfirmationDirection;
  jwt: string;
  subject_json: string;
  officer: string | null;
  created_at: string;
};

const toRow = (r: ConfirmationRaw): ImportConfirmationRow => ({
  permitCredentialId: r.permit_credential_id,
  credentialId: r.credential_id,
  permitIssuerDid: r.permit_issuer_did,
  permitNumber: r.permit_number,
  direction: r.direction,
  jwt: r.jwt,
  subject: JSON.parse(r.subject_json),
  officer: r.officer,
  createdAt: r.created_at,
});

export interface ImportConfirmationReads {
  byPermit(permitCredentialId: string): Promise<ImportConfirmationRow | undefined>;
  expectedImport(issuerDid: string, permitNumber: string): Promise<ExpectedImport | undefined>;
}

export class ImportConfirmationStore implements ImportConfirmationReads {
  constructor(private readonly q: Queryable) {}

  async byPermit(permitCredentialId: string): Promise<ImportConfirmationRow | undefined> {
    const raw = await this.q.get<ConfirmationRaw>('SELECT * FROM import_confirmation WHERE permit_credential_id = ?', [permitCredentialId]);
    return raw && toRow(raw);
  }

  /** Throws SQLITE_CONSTRAINT when the permit already has a confirmation (the caller answers IMPORT_ALREADY_CONFIRMED). */
  async insert(row: ImportConfirmationRow & { actorToken?: string }): Promise<void> {
    await this.q.run(
      `INSERT INTO import_confirmation (permit_credential_id, credential_id, permit_issuer_did, permit_number, direction, jwt, subject_json, officer, actor_token, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [row.permitCredentialId, row.credentialId, row.permitIssuerDid, row.permitNumber, row.direction, row.jwt, JSON.stringify(row.subject), row.officer, row.actorToken ?? null, row.createdAt],
    );
  }

  async expectedImport(issuerDid: string, permitNumber: string): Promise<ExpectedImport | undefined> {
    const raw = await this.q.get<{
      credential_id: string;
      issuer_did: string;
      permit_number: string;
      importer_country: string;
      valid_until: string;
      subject_json: string;
      jwt: string;
      status: ExpectedImport['status'];
      status_changed_at: string | null;
      endorsement_json: string | null;
    }>(
      `SELECT credential_id, issuer_did, permit_number, importer_country, valid_until, subject_json, jwt, status, status_changed_at, endorsement_json
         FROM incoming_permit WHERE issuer_did = ? AND permit_number = ? AND relation = 'import'`,
      [issuerDid, permitNumber],
    );
    if (!raw) return undefined;
    return {
      credentialId: raw.credential_id,
      issuerDid: raw.issuer_did,
      permitNumber: raw.permit_number,
      importerCountry: raw.importer_country,
      validUntil: raw.valid_until,
      subject: JSON.parse(raw.subject_json),
      jwt: raw.jwt,
      status: raw.status,
      statusChangedAt: raw.status_changed_at,
      endorsement: raw.endorsement_json === null ? null : JSON.parse(raw.endorsement_json),
    };
  }
}
