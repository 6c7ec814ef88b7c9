// Tokens are rows of the store: these commands open the configuration and the store only (no key store, no self-test).
import { withCliAgent } from '../agent.js';
import { checkExpiry, checkHolderName, checkRole } from '../../auth/token-input.js';
import type { TokenRecord } from '../../auth/tokens.js';
import { EXIT, UsageError, type Output } from '../output.js';

/** `saiga token create --role R --name NAME [--expires 90d|12h|DATE]`: prints the token once; only its hash is stored. */
export async function tokenCreateCommand(options: { config: string; role?: string; name?: string; expires?: string }, out: Output): Promise<number> {
  const role = checkRole(options.role, '--role');
  if (!role.ok) throw new UsageError(`--role: ${role.issue.message}`);
  if (options.name === undefined) {
    throw new UsageError("--name is required: the person the token belongs to (an officer's name is printed as signatory in box 13)");
  }
  const name = checkHolderName(options.name, role.role, '--name');
  if (!name.ok) throw new UsageError(`--name: ${name.issue.message}`);
  const expiry = options.expires === undefined ? undefined : checkExpiry(options.expires, new Date(), '--expires');
  if (expiry && !expiry.ok) throw new UsageError(`--expires: ${expiry.issue.message}`);
  return withCliAgent('read', options.config, out, async (saiga) => {
    const { token, record } = await saiga.tokens.create(role.role, name.name, expiry?.ok ? { expiresAt: expiry.at } : {});
    out.result({ ...record, token }, () => [
      `Created a ${record.role} token for ${record.name} (id ${record.id}${record.expiresAt ? `, expires ${record.expiresAt}` : ''}). It is shown this once; keep it safe:`,
      '',
      `  ${token}`,
    ]);
    return EXIT.OK;
  });
}

const tokenLine = (t: TokenRecord) =>
  `${t.id}  ${t.role.padEnd(7)}  ${t.createdAt.slice(0, 19)}Z  ${(t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : 'no expiry').padEnd(18)}  ${(t.revokedAt ? `REVOKED ${t.revokedAt.slice(0, 10)}` : 'active').padEnd(18)}  ${t.name}`;

/** `saiga token list`: every token's id, role, holder, dates and whether it is revoked; never a secret. */
export async function tokenListCommand(options: { config: string }, out: Output): Promise<number> {
  return withCliAgent('read', options.config, out, async (saiga) => {
    const items = await saiga.tokens.list();
    out.result({ items }, () => (items.length === 0 ? ['No tokens.'] : [`${'ID'.padEnd(36)}  ROLE     CREATED               EXPIRES             STATE               NAME`, ...items.map(tokenLine)]));
    return EXIT.OK;
  });
}

/** `saiga token revoke ID`: the token is refused (401) from the next request on, by a running agent too. */
export async function tokenRevokeCommand(options: { config: string; id?: string }, out: Output): Promise<number> {
  if (!options.id) throw new UsageError('usage: saiga token revoke ID   (the id is shown by "saiga token list")');
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.tokens.revoke(options.id!);
    if (!outcome) {
      const message = `No token with the id ${options.id}.`;
      out.result({ error: { code: 'NOT_FOUND', message } }, () => [message]);
      return EXIT.REFUSED;
    }
    if (!outcome.revoked) {
      const message = `The token ${options.id} was revoked already, at ${outcome.record.revokedAt}.`;
      out.result({ error: { code: 'CONFLICT', message } }, () => [message]);
      return EXIT.REFUSED;
    }
    out.result(outcome.record, () => [`Revoked the ${outcome.record.role} token of ${outcome.record.name} (${outcome.record.id}) at ${outcome.record.revokedAt}.`]);
    return EXIT.OK;
  });
}
