/**
 * The lookup tokens peers used (migration 14; src/toolkit-xml/lookup.ts): a DIDJWT is accepted
 * once per (issuer, jti). Rows are deleted once their token would be refused as stale anyway.
 */
import type { Queryable } from './sqlite.js';

export class LookupTokenStore {
  constructor(private readonly q: Queryable) {}

  /** Records the token as used; false when it was used before (a replay). Forgets tokens past their time first. */
  async claim(issuer: string, jti: string, forgetAt: number, now: number): Promise<boolean> {
    await this.q.run('DELETE FROM toolkit_lookup_token WHERE forget_at < ?', [now]);
    const { changes } = await this.q.run('INSERT OR IGNORE INTO toolkit_lookup_token (issuer, jti, forget_at) VALUES (?, ?, ?)', [issuer, jti, forgetAt]);
    return changes === 1;
  }
}
