/**
 * The OpenID4VCI tables (migration 19, docs/oid4vci.md): credential offers, the access tokens
 * their pre-authorized codes were exchanged for, and c_nonces. Only hashes of the codes, the
 * tx_codes and the nonces are stored. What an offer's state means is src/oid4vci's business;
 * this file stores rows and makes each single-use change one conditional UPDATE, so that two
 * requests racing for the same code or nonce cannot both win.
 */
import type { Queryable } from './sqlite.js';

export interface StoredOffer {
  id: string;
  permitNumber: string;
  codeHash: string;
  txCodeHash: string;
  holderLinkId: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  failedAttempts: number;
  createdBy: string;
  createdByToken: string | null;
}

type OfferRow = {
  id: string;
  permit_number: string;
  code_hash: string;
  tx_code_hash: string;
  holder_link_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  failed_attempts: number;
  created_by: string;
  created_by_token: string | null;
};

const toOffer = (r: OfferRow): StoredOffer => ({
  id: r.id,
  permitNumber: r.permit_number,
  codeHash: r.code_hash,
  txCodeHash: r.tx_code_hash,
  holderLinkId: r.holder_link_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedAt: r.used_at,
  failedAttempts: r.failed_attempts,
  createdBy: r.created_by,
  createdByToken: r.created_by_token,
});

export interface StoredAccessToken {
  jti: string;
  offerId: string;
  issuedAt: string;
  expiresAt: string;
  redeemedAt: string | null;
}

export class Oid4vciTable {
  constructor(private readonly q: Queryable) {}

  async insertOffer(o: Omit<StoredOffer, 'usedAt' | 'failedAttempts'>): Promise<void> {
    await this.q.run(
      `INSERT INTO oid4vci_offer (id, permit_number, code_hash, tx_code_hash, holder_link_id, created_at, expires_at, created_by, created_by_token)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [o.id, o.permitNumber, o.codeHash, o.txCodeHash, o.holderLinkId, o.createdAt, o.expiresAt, o.createdBy, o.createdByToken],
    );
  }

  async offer(id: string): Promise<StoredOffer | undefined> {
    const row = await this.q.get<OfferRow>('SELECT * FROM oid4vci_offer WHERE id = ?', [id]);
    return row && toOffer(row);
  }

  async offerByCode(codeHash: string): Promise<StoredOffer | undefined> {
    const row = await this.q.get<OfferRow>('SELECT * FROM oid4vci_offer WHERE code_hash = ?', [codeHash]);
    return row && toOffer(row);
  }

  /** The newest offer made for a holder link that can still be redeemed at `at` (issue 12 §2: the holder page shows it). */
  async liveOfferForHolderLink(holderLinkId: string, at: string, maxFailures: number): Promise<StoredOffer | undefined> {
    const row = await this.q.get<OfferRow>(
      `SELECT * FROM oid4vci_offer WHERE holder_link_id = ? AND used_at IS NULL AND expires_at > ? AND failed_attempts < ?
       ORDER BY created_at DESC, rowid DESC LIMIT 1`,
      [holderLinkId, at, maxFailures],
    );
    return row && toOffer(row);
  }

  /** Ends an offer whose tx_code could not reach its holder: it counts as having had every wrong try. */
  async retire(id: string, maxFailures: number): Promise<void> {
    await this.q.run('UPDATE oid4vci_offer SET failed_attempts = MAX(failed_attempts, ?) WHERE id = ?', [maxFailures, id]);
  }

  /** One more wrong tx_code; the count after it. */
  async countFailure(id: string): Promise<number> {
    await this.q.run('UPDATE oid4vci_offer SET failed_attempts = failed_attempts + 1 WHERE id = ?', [id]);
    return (await this.q.get<{ n: number }>('SELECT failed_attempts AS n FROM oid4vci_offer WHERE id = ?', [id]))?.n ?? 0;
  }

  /** Marks the offer used at `at` unless it was already, has expired or has `maxFailures` wrong tx_codes: true when this call consumed it. */
  async consume(id: string, at: string, maxFailures: number): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE oid4vci_offer SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ? AND failed_attempts < ?', [at, id, at, maxFailures]);
    return changes === 1;
  }

  async insertAccessToken(t: Omit<StoredAccessToken, 'redeemedAt'>): Promise<void> {
    await this.q.run('INSERT INTO oid4vci_access_token (jti, offer_id, issued_at, expires_at) VALUES (?, ?, ?, ?)', [t.jti, t.offerId, t.issuedAt, t.expiresAt]);
  }

  async accessToken(jti: string): Promise<StoredAccessToken | undefined> {
    const row = await this.q.get<{ jti: string; offer_id: string; issued_at: string; expires_at: string; redeemed_at: string | null }>(
      'SELECT * FROM oid4vci_access_token WHERE jti = ?',
      [jti],
    );
    return row && { jti: row.jti, offerId: row.offer_id, issuedAt: row.issued_at, expiresAt: row.expires_at, redeemedAt: row.redeemed_at };
  }

  async markRedeemed(jti: string, at: string): Promise<void> {
    await this.q.run('UPDATE oid4vci_access_token SET redeemed_at = COALESCE(redeemed_at, ?) WHERE jti = ?', [at, jti]);
  }

  async insertNonce(nonceHash: string, expiresAt: string): Promise<void> {
    await this.q.run('INSERT INTO oid4vci_nonce (nonce_hash, expires_at) VALUES (?, ?)', [nonceHash, expiresAt]);
  }

  /** Burns a nonce: true when it existed, had not been used and had not expired at `at`. */
  async burnNonce(nonceHash: string, at: string): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE oid4vci_nonce SET used_at = ? WHERE nonce_hash = ? AND used_at IS NULL AND expires_at > ?', [at, nonceHash, at]);
    return changes === 1;
  }

  /** Nonces expired before `before` are of no more use; kept small. */
  async dropExpiredNonces(before: string): Promise<void> {
    await this.q.run('DELETE FROM oid4vci_nonce WHERE expires_at < ?', [before]);
  }
}
