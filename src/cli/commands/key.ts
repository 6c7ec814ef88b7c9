/**
 * `saiga key list | rotate | revoke` (issue 9 §6): the signing keys of the Management
 * Authority (permits, status lists) and of customs (export endorsements). A rotation adds a
 * key that signs from then on; a revocation takes one out of use, keeping what it signed
 * before verifiable. A running `saiga serve` sees a change made here at its next start; the
 * console and POST /api/keys/… change the serving agent's keys at once (docs/keys.md).
 */
import { officerOf } from '../officer-option.js';
import { withCliAgent } from '../agent.js';
import type { KeyIdentity, SigningKeyView } from '../../agent/identity/key-states.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { compromisedSinceOf, keyIdentityOf } from '../../agent/identity/key-input.js';

const keyLine = (k: SigningKeyView) =>
  `${k.identity.padEnd(9)}  ${k.state.padEnd(7)}  ${(k.addedAt ?? 'initial').padEnd(24)}  ${(k.revokedAt ?? '').padEnd(24)}  ${(k.compromisedSince ?? '').padEnd(24)}  ${k.kid}`;

/** `saiga key list`: every key of both identities, oldest first, with its state. Read-only. */
export async function keyListCommand(options: { config: string }, out: Output): Promise<number> {
  return withCliAgent('read', options.config, out, async (saiga) => {
    const items = await saiga.keys.list();
    out.result({ items }, () => [
      `${'IDENTITY'.padEnd(9)}  ${'STATE'.padEnd(7)}  ${'ADDED'.padEnd(24)}  ${'REVOKED'.padEnd(24)}  ${'COMPROMISED SINCE'.padEnd(24)}  KID`,
      ...items.map(keyLine),
    ]);
    return EXIT.OK;
  });
}

function identityOf(value: string | undefined): KeyIdentity {
  const checked = keyIdentityOf(value);
  if (!checked.ok) throw new UsageError(`--identity: ${checked.issue.message}`);
  return checked.value;
}

/** `saiga key rotate [--identity authority|customs]`: a new Ed25519 key signs from now on; earlier keys stay in the DID document. */
export async function keyRotateCommand(options: { config: string; identity?: string; officer?: string }, out: Output): Promise<number> {
  const identity = identityOf(options.identity);
  const actor = officerOf(options.officer);
  return withCliAgent(
    'sign',
    options.config,
    out,
    async (saiga) => {
      const outcome = await saiga.keys.rotate(identity, actor);
      if (!outcome.ok) {
        out.result({ error: { code: outcome.code, message: outcome.message } }, () => [outcome.message]);
        return EXIT.REFUSED;
      }
      const key = outcome.value;
      out.result(key, () => [`New ${identity} signing key ${key.kid}: it signs from now on. A running "saiga serve" publishes it at its next start (or rotate through the console, POST /api/keys/rotate).`]);
      return EXIT.OK;
    },
    { signer: identity },
  );
}

/** An ISO 8601 date or date-time, not in the future: from when a key may have been in other hands (key-input.ts). */
function compromiseDate(value: string | undefined, now: Date): Date | undefined {
  const checked = compromisedSinceOf(value, now);
  if (checked.ok) return checked.value;
  throw new UsageError(`--compromised-since: ${checked.issue.message}`);
}

/** `saiga key revoke KID [--compromised-since DATE]`: refused for the last active key; lists what the key signed. */
export async function keyRevokeCommand(options: { config: string; kid?: string; compromisedSince?: string; officer?: string }, out: Output): Promise<number> {
  const actor = officerOf(options.officer);
  if (!options.kid) throw new UsageError('usage: saiga key revoke KID [--compromised-since DATE]   (the kid is shown by "saiga key list")');
  const compromisedSince = compromiseDate(options.compromisedSince, new Date());
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const outcome = await saiga.keys.revoke(options.kid!, { ...(compromisedSince && { compromisedSince }), ...(actor && { actor }) });
    if (!outcome.ok) {
      out.result({ error: { code: outcome.code, message: outcome.message } }, () => [outcome.message]);
      return EXIT.REFUSED;
    }
    const { key, current, statusListsResigned, signedWithKey } = outcome.value;
    const reissue = signedWithKey.filter((c) => c.reissue);
    out.result(outcome.value, () => [
      `Revoked ${key.kid} at ${key.revokedAt}${key.compromisedSince ? `, compromised since ${key.compromisedSince}` : ''}. ${key.identity} now signs with ${current.kid}.`,
      `Status lists signed again: ${statusListsResigned}. A running "saiga serve" publishes the new DID document at its next start.`,
      `Signed with this key: ${signedWithKey.length} (${signedWithKey.length - reissue.length} still verify).`,
      ...(reissue.length === 0 ? [] : ['Signed after the compromise date, refused by verifiers (KEY_COMPROMISED): issue again:', ...reissue.map((c) => `  ${c.kind} ${c.permitNumber}  signed ${c.signedAt ?? '?'}`)]),
    ]);
    return EXIT.OK;
  });
}
