/**
 * The cross-device presentation requests of the verifier page (migration 21, docs/oid4vp.md
 * "Cross-device"). Only the SHA-256 of the page's read token is stored. What a request's state
 * means is src/presentation-relay's business; this file stores rows, and writes the wallet's
 * answer in one conditional UPDATE, so that two answers racing for the same request cannot both win.
 */
import type { Queryable } from './sqlite.js';

export interface StoredPresentationRequest {
  id: string;
  readTokenHash: string;
  state: string;
  nonce: string;
  authorizationRequest: string;
  createdAt: string;
  expiresAt: string;
  respondedAt: string | null;
  /** The wallet's form fields as JSON (vp_token and state, or error and error_description). */
  response: string | null;
}

type Row = {
  id: string;
  read_token_hash: string;
  state: string;
  nonce: string;
  authorization_request: string;
  created_at: string;
  expires_at: string;
  responded_at: string | null;
  response: string | null;
};

export class PresentationRequestTable {
  constructor(private readonly q: Queryable) {}

  async insert(r: Omit<StoredPresentationRequest, 'respondedAt' | 'response'>): Promise<void> {
    await this.q.run(
      `INSERT INTO presentation_request (id, read_token_hash, state, nonce, authorization_request, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [r.id, r.readTokenHash, r.state, r.nonce, r.authorizationRequest, r.createdAt, r.expiresAt],
    );
  }

  async get(id: string): Promise<StoredPresentationRequest | undefined> {
    const r = await this.q.get<Row>('SELECT * FROM presentation_request WHERE id = ?', [id]);
    return (
      r && {
        id: r.id,
        readTokenHash: r.read_token_hash,
        state: r.state,
        nonce: r.nonce,
        authorizationRequest: r.authorization_request,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        respondedAt: r.responded_at,
        response: r.response,
      }
    );
  }

  /** Writes the answer unless one was written already or the request has expired at `at`: true when this call wrote it. */
  async answer(id: string, state: string, response: string, at: string): Promise<boolean> {
    const { changes } = await this.q.run('UPDATE presentation_request SET responded_at = ?, response = ? WHERE id = ? AND state = ? AND responded_at IS NULL AND expires_at > ?', [
      at,
      response,
      id,
      state,
      at,
    ]);
    return changes === 1;
  }

  /** Deletes the requests (and any answer they hold) that expired at or before `at`. */
  async purgeExpired(at: string): Promise<number> {
    const { changes } = await this.q.run('DELETE FROM presentation_request WHERE expires_at <= ?', [at]);
    return changes;
  }
}
