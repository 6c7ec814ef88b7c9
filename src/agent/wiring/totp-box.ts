/**
 * The TOTP secret box (src/auth/totp-at-rest.ts) as each kind of agent gets it. A secret sealed
 * with a wrong key is lost to its user, so no key seals anything before it is known to be the
 * agent's: a signing or serving agent proves its key on the key store (the self-test) and records
 * the key's check value (migration 17's secret_key_check); a read-only command, which opens no key
 * store, reads the key on first use only (a user created with --totp, or migration 17 finding a
 * clear secret) and refuses it unless it matches that record. `permit list` or `user list` need
 * no key and load none of this (test/cli/readonly-loads.test.ts).
 */
import { dirname, join } from 'node:path';
import type { TotpSecretBox } from '../../auth/totp-at-rest.js';
import type { Queryable } from '../../store/sqlite.js';
import { readKeyCheck, writeKeyCheck } from '../../store/secret-key-check.js';

const PURPOSE = 'totp-secret';

async function boxOf(secretKey: string): Promise<TotpSecretBox> {
  const { TotpSecretBox } = await import('../../auth/totp-at-rest.js');
  return TotpSecretBox.fromAgentSecret(secretKey);
}

/** The box of a key the self-test proved (./open.ts): its check is recorded, replacing one an unproven wrong key may have left. */
export async function provenTotpBox(secretKey: string, q: Queryable): Promise<TotpSecretBox> {
  const box = await boxOf(secretKey);
  if ((await readKeyCheck(q, PURPOSE)) !== box.keyCheck) await writeKeyCheck(q, PURPOSE, box.keyCheck);
  return box;
}

/**
 * The box of the agent whose database is `databaseFile`, its key from SAIGA_SECRET_KEY or data/secret.key
 * read once, when first asked, and checked against the recorded check value. With no record yet (a
 * database no signing command opened since migration 17) the key is taken as it is and recorded.
 */
export function lazyTotpBox(databaseFile: string, env: Readonly<Record<string, string | undefined>>): (q: Queryable) => Promise<TotpSecretBox> {
  let box: Promise<TotpSecretBox> | undefined;
  const load = async (q: Queryable) => {
    const { loadSecret, SecretError, SECRET_ENV } = await import('../identity/secret.js');
    const file = join(dirname(databaseFile), 'secret.key');
    // Never created here: an agent with a database has its key already (a new one would open nothing).
    const secret = loadSecret({ env, file, create: false });
    const opened = await boxOf(secret.key);
    const recorded = await readKeyCheck(q, PURPOSE);
    if (recorded === undefined) await writeKeyCheck(q, PURPOSE, opened.keyCheck);
    else if (recorded !== opened.keyCheck) {
      throw new SecretError(
        `the secret key in ${secret.origin === 'env' ? SECRET_ENV : file} is not the one this agent was last started with (it does not match the database's key check): nothing was encrypted. Use the agent's key${secret.origin === 'env' ? `, or unset ${SECRET_ENV} to use ${file}` : ''}`,
      );
    }
    return opened;
  };
  return (q) => {
    box ??= load(q);
    // A refused key is not kept: the next call reads it again.
    box.catch(() => (box = undefined));
    return box;
  };
}
