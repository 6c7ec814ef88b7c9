/**
 * The TOTP secret box (src/auth/totp-at-rest.ts) as each kind of agent gets it: a signing or
 * serving agent has loaded the secret key already; a read-only command reads it on first use
 * only (a user created with --totp, or migration 17 finding a clear secret), so `permit list`
 * or `user list` need no key and load none of this (test/cli/readonly-loads.test.ts).
 */
import { dirname, join } from 'node:path';
import type { TotpSecretBox } from '../../auth/totp-at-rest.js';

/** The box of a secret key loaded already (./open.ts). */
export async function totpBoxOf(secretKey: string): Promise<TotpSecretBox> {
  const { TotpSecretBox } = await import('../../auth/totp-at-rest.js');
  return TotpSecretBox.fromAgentSecret(secretKey);
}

/** The box of the agent whose database is `databaseFile`, its key from SAIGA_SECRET_KEY or data/secret.key read once, when first asked. */
export function lazyTotpBox(databaseFile: string, env: Readonly<Record<string, string | undefined>>): () => Promise<TotpSecretBox> {
  let box: Promise<TotpSecretBox> | undefined;
  return () =>
    (box ??= import('../identity/secret.js').then(({ loadSecret }) =>
      // Never created here: an agent with a database has its key already (a new one would open nothing).
      totpBoxOf(loadSecret({ env, file: join(dirname(databaseFile), 'secret.key'), create: false }).key),
    ));
}
