/**
 * The secret_key_check table (migration 17): per purpose, a value derived from the agent secret
 * key (src/auth/totp-at-rest.ts), never the key. What a mismatch means is src/agent/wiring/totp-box.ts's.
 */
import type { Queryable } from './sqlite.js';

export async function readKeyCheck(q: Queryable, purpose: string): Promise<string | undefined> {
  return (await q.get<{ value: string }>('SELECT value FROM secret_key_check WHERE purpose = ?', [purpose]))?.value;
}

export async function writeKeyCheck(q: Queryable, purpose: string, value: string): Promise<void> {
  await q.run('INSERT INTO secret_key_check (purpose, value) VALUES (?, ?) ON CONFLICT (purpose) DO UPDATE SET value = excluded.value', [purpose, value]);
}
