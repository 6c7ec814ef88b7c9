/**
 * Puts a permit into an agent's `incoming_permit` table (migration 5) the way the exchange's
 * handlers will when a permit arrives (src/exchange/handlers: verified, then stored), and an
 * import confirmation into `import_confirmation`: a direct write to the agent's SQLite file
 * while it runs (WAL), for the cross-permit tests until the exchange delivers them itself.
 * INSERT OR IGNORE: once the exchange runs, a push of the same permit may have come first.
 */
import { join } from 'node:path';
import { SqliteDatabase } from '../../src/store/sqlite.js';

type Relation = 'import' | 'import-permit' | 'origin';

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as {
  iss: string;
  jti: string;
  exp: number;
  vc: { credentialSubject: { permitNumber: string; documentType: string; importer: { country: string }; exporter: { country: string } } };
};

async function withDatabase<T>(dir: string, work: (db: SqliteDatabase) => Promise<T>): Promise<T> {
  const db = await SqliteDatabase.open(join(dir, 'data', 'agent.sqlite'));
  try {
    await db.exec('PRAGMA busy_timeout = 5000');
    return await work(db);
  } finally {
    await db.close();
  }
}

export async function holdPermit(dir: string, jwt: string, relation: Relation, extra: { status?: 'valid' | 'revoked' | 'suspended'; endorsement?: unknown } = {}): Promise<void> {
  const claims = claimsOf(jwt);
  const subject = claims.vc.credentialSubject;
  const now = new Date().toISOString();
  await withDatabase(dir, (db) =>
    db.run(
      `INSERT OR IGNORE INTO incoming_permit (credential_id, issuer_did, permit_number, document_type, exporter_country, importer_country, relation, valid_until,
         subject_json, jwt, status, status_changed_at, status_notified_at, endorsement_json, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        claims.jti,
        claims.iss,
        subject.permitNumber,
        subject.documentType,
        subject.exporter.country,
        subject.importer.country,
        relation,
        new Date(claims.exp * 1000).toISOString().slice(0, 10),
        JSON.stringify(subject),
        jwt,
        extra.status ?? 'valid',
        extra.status && extra.status !== 'valid' ? now : null,
        extra.status && extra.status !== 'valid' ? now : null,
        extra.endorsement === undefined ? null : JSON.stringify(extra.endorsement),
        now,
      ],
    ),
  );
}

/** This authority's confirmation of what arrived under a permit it received (direction 'made'): per block, the quantity imported. */
export async function confirmImport(dir: string, jwt: string, blocks: { block: string; quantity: number }[]): Promise<void> {
  const claims = claimsOf(jwt);
  await withDatabase(dir, (db) =>
    db.run(
      `INSERT INTO import_confirmation (permit_credential_id, credential_id, permit_issuer_did, permit_number, direction, jwt, subject_json, officer, created_at)
       VALUES (?, ?, ?, ?, 'made', ?, ?, ?, ?)`,
      [claims.jti, `urn:uuid:${crypto.randomUUID()}`, claims.iss, claims.vc.credentialSubject.permitNumber, 'test-only', JSON.stringify({ blocks }), 'Test Officer', new Date().toISOString()],
    ),
  );
}
