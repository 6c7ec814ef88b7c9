/**
 * The history of the agent's signing keys (migration 10): when each was added, revoked and,
 * if stolen or exposed, since when. Veramo keeps the keys themselves; this is what the DID
 * document (src/agent/identity/did-document.ts) and the signer's key choice are built from.
 * Also the keyRevoked notices received from peers.
 */
import type { Queryable } from './sqlite.js';

export interface SigningKeyRow {
  /** The verification-method id (absolute DID URL), as JWTs name it in `kid`. */
  kid: string;
  did: string;
  publicKeyHex: string;
  addedAt?: string;
  revokedAt?: string;
  compromisedSince?: string;
}

export interface KeyNotice {
  kid: string;
  did: string;
  fromDid: string;
  revokedAt: string;
  compromisedSince?: string;
  receivedAt: string;
}

type Raw = { kid: string; did: string; public_key_hex: string; added_at: string | null; revoked_at: string | null; compromised_since: string | null };

const toRow = (r: Raw): SigningKeyRow => ({
  kid: r.kid,
  did: r.did,
  publicKeyHex: r.public_key_hex,
  ...(r.added_at !== null && { addedAt: r.added_at }),
  ...(r.revoked_at !== null && { revokedAt: r.revoked_at }),
  ...(r.compromised_since !== null && { compromisedSince: r.compromised_since }),
});

export class SigningKeyStore {
  constructor(private readonly q: Queryable) {}

  /** Every recorded key of `did`, oldest first (keys from before migration 10 have no row). */
  async forDid(did: string): Promise<SigningKeyRow[]> {
    return (await this.q.all<Raw>('SELECT * FROM signing_key WHERE did = ? ORDER BY added_at, kid', [did])).map(toRow);
  }

  async byKid(kid: string): Promise<SigningKeyRow | undefined> {
    const raw = await this.q.get<Raw>('SELECT * FROM signing_key WHERE kid = ?', [kid]);
    return raw && toRow(raw);
  }

  /** Records a key just created, before it is added to its identity (a rotation). */
  async add(row: { kid: string; did: string; publicKeyHex: string; addedAt: string }): Promise<void> {
    await this.q.run('INSERT INTO signing_key (kid, did, public_key_hex, added_at) VALUES (?, ?, ?, ?)', [row.kid, row.did, row.publicKeyHex, row.addedAt]);
  }

  /**
   * Marks a key revoked; a key from before migration 10 gets its row now (no added_at).
   * Returns false when it was revoked already (nothing changed).
   */
  async revoke(key: { kid: string; did: string; publicKeyHex: string }, revokedAt: string, compromisedSince: string | undefined): Promise<boolean> {
    await this.q.run('INSERT OR IGNORE INTO signing_key (kid, did, public_key_hex) VALUES (?, ?, ?)', [key.kid, key.did, key.publicKeyHex]);
    const { changes } = await this.q.run('UPDATE signing_key SET revoked_at = ?, compromised_since = ? WHERE kid = ? AND revoked_at IS NULL', [
      revokedAt,
      compromisedSince ?? null,
      key.kid,
    ]);
    return changes === 1;
  }

  /**
   * What this agent signed as `did`, to find what a revoked key signed: the permits it issued
   * as that DID, or (for the customs identity) its export endorsements.
   */
  async credentialsSignedAs(did: string, kind: 'permit' | 'endorsement'): Promise<{ permitNumber: string; credentialId: string; jwt: string }[]> {
    const sql =
      kind === 'permit'
        ? 'SELECT permit_number, credential_id, jwt FROM permit WHERE issuer_did = ? ORDER BY issued_at, permit_number'
        : 'SELECT permit_number, credential_id, jwt FROM endorsement WHERE ? IS NOT NULL ORDER BY created_at, permit_number';
    const rows = await this.q.all<{ permit_number: string; credential_id: string; jwt: string }>(sql, [did]);
    return rows.map((r) => ({ permitNumber: r.permit_number, credentialId: r.credential_id, jwt: r.jwt }));
  }

  /** A peer's notice (the latest one for a kid wins). */
  async recordNotice(notice: KeyNotice): Promise<void> {
    await this.q.run(
      `INSERT INTO key_notice (kid, did, from_did, revoked_at, compromised_since, received_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (kid) DO UPDATE SET revoked_at = excluded.revoked_at, compromised_since = excluded.compromised_since, received_at = excluded.received_at`,
      [notice.kid, notice.did, notice.fromDid, notice.revokedAt, notice.compromisedSince ?? null, notice.receivedAt],
    );
  }

  async notices(): Promise<KeyNotice[]> {
    const rows = await this.q.all<{ kid: string; did: string; from_did: string; revoked_at: string; compromised_since: string | null; received_at: string }>(
      'SELECT * FROM key_notice ORDER BY received_at, kid',
    );
    return rows.map((r) => ({ kid: r.kid, did: r.did, fromDid: r.from_did, revokedAt: r.revoked_at, ...(r.compromised_since !== null && { compromisedSince: r.compromised_since }), receivedAt: r.received_at }));
  }
}

/** The key history as committed reads see it. */
export type SigningKeyReads = Pick<SigningKeyStore, 'forDid' | 'byKid' | 'notices' | 'credentialsSignedAs'>;
