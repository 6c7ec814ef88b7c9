/**
 * Committed reads of the permits other authorities sent this one (table `incoming_permit`,
 * migration 5), for the cross-permit checks at issuance (src/issuance/import-permit-check.ts,
 * origin-permit-check.ts) and the export's public record (`linkedPermits`).
 *
 * The exchange's handlers fill the table (src/store/incoming-permits.ts); these are only the
 * reads the checks need, by number, on the read-only connection: a permit is relied on only
 * once the transaction that received it has committed.
 */
import type { Permit } from '../permit/model.js';
import type { Queryable } from './sqlite.js';

export type HeldRelation = 'import' | 'import-permit' | 'origin';

export interface HeldPermit {
  credentialId: string;
  issuerDid: string;
  permitNumber: string;
  documentType: string;
  exporterCountry: string;
  importerCountry: string;
  relation: HeldRelation;
  jwt: string;
  subject: Permit;
  /** As the issuer notified it (status-changed). */
  status: 'valid' | 'revoked' | 'suspended';
  statusNotifiedAt: string | null;
  /** The export endorsement's subject (CITESExportEndorsement), when the issuer sent it. */
  endorsement: unknown;
}

interface Row {
  [column: string]: unknown;
  credential_id: string;
  issuer_did: string;
  permit_number: string;
  document_type: string;
  exporter_country: string;
  importer_country: string;
  relation: HeldRelation;
  jwt: string;
  subject_json: string;
  status: HeldPermit['status'];
  status_notified_at: string | null;
  endorsement_json: string | null;
}

const parse = (text: string | null): unknown => {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const toHeld = (row: Row): HeldPermit => ({
  credentialId: row.credential_id,
  issuerDid: row.issuer_did,
  permitNumber: row.permit_number,
  documentType: row.document_type,
  exporterCountry: row.exporter_country,
  importerCountry: row.importer_country,
  relation: row.relation,
  jwt: row.jwt,
  subject: parse(row.subject_json) as Permit,
  status: row.status,
  statusNotifiedAt: row.status_notified_at,
  endorsement: parse(row.endorsement_json),
});

/** A permit of ours that cites another document: its number, state and subject. */
export interface CitingPermit {
  permitNumber: string;
  state: string;
  permit: Permit;
}

export interface HeldPermitReads {
  /**
   * The permits held with `relation` and this number, from `issuerDid` when given, else from
   * any issuer whose permit concerns `country` (the importer's for an import permit, the
   * exporter's for an origin permit).
   */
  find(relation: HeldRelation, permitNumber: string, by: { issuerDid?: string; country?: string }): Promise<HeldPermit[]>;
  /** The import permit JWTs the export `permitNumber` (issued here) relies on: what its public record links. */
  linkedJwts(permitNumber: string): Promise<string[]>;
  /** The subject of this authority's import confirmation (direction 'made') of a permit received, when there is one. */
  importConfirmation(permitCredentialId: string): Promise<unknown>;
  /** Re-export certificates issued here whose box 12 names this permit number of this origin country. */
  reExportsCiting(originCountry: string, permitNumber: string): Promise<CitingPermit[]>;
}

export function createHeldPermitReads(q: Queryable): HeldPermitReads {
  const find: HeldPermitReads['find'] = async (relation, permitNumber, by) => {
    const rows =
      by.issuerDid !== undefined
        ? await q.all<Row>('SELECT * FROM incoming_permit WHERE relation = ? AND permit_number = ? AND issuer_did = ? ORDER BY received_at', [relation, permitNumber, by.issuerDid])
        : await q.all<Row>(
            `SELECT * FROM incoming_permit WHERE relation = ? AND permit_number = ? AND ${relation === 'import-permit' ? 'importer_country' : 'exporter_country'} = ? ORDER BY received_at`,
            [relation, permitNumber, by.country ?? ''],
          );
    return rows.map(toHeld);
  };
  return {
    find,
    async linkedJwts(permitNumber) {
      const row = await q.get<{ subject_json: string }>('SELECT subject_json FROM permit WHERE permit_number = ?', [permitNumber]);
      const permit = row && (parse(row.subject_json) as Permit | undefined);
      const ref = permit?.importPermit;
      if (!ref || (permit.documentType !== 'export' && permit.documentType !== 're-export')) return [];
      const held = await find('import-permit', ref.permitNumber, ref.issuer !== undefined ? { issuerDid: ref.issuer } : { country: ref.country ?? permit.importer.country });
      return held.map((h) => h.jwt);
    },
    async importConfirmation(permitCredentialId) {
      const row = await q.get<{ subject_json: string }>("SELECT subject_json FROM import_confirmation WHERE permit_credential_id = ? AND direction = 'made'", [permitCredentialId]);
      return row ? parse(row.subject_json) : undefined;
    },
    async reExportsCiting(originCountry, permitNumber) {
      // A prefilter on the text; the match itself is on the parsed box 12.
      const rows = await q.all<{ permit_number: string; state: string; subject_json: string }>(
        "SELECT permit_number, state, subject_json FROM permit WHERE document_type = 're-export' AND instr(subject_json, ?) > 0",
        [JSON.stringify(permitNumber)],
      );
      return rows
        .map((r) => ({ permitNumber: r.permit_number, state: r.state, permit: parse(r.subject_json) as Permit }))
        .filter((r) => r.permit?.specimens?.some((s) => s.origin?.country === originCountry && s.origin.permitNumber === permitNumber));
    },
  };
}
