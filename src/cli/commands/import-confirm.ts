// `saiga import confirm`: signs with the customs identity ('sign'), so Veramo loads only for it.
import { withCliAgent } from '../agent.js';
import { actorRequest, resolveActor } from '../acting-person.js';
import type { ConfirmationIssue } from '../../import-confirmation/validate.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { parseBlocks } from './lifecycle.js';

const USAGE = 'usage: saiga import confirm NUMBER --issuer DID --block A=250 [--block B=0 …] --port LOCODE --date YYYY-MM-DD (--officer NAME | --token TOKEN)';

const issueLines = (issues: ConfirmationIssue[]) => issues.map((e) => `  ${e.code.padEnd(32)} ${e.path || '/'}  ${e.message}`);

/** `saiga import confirm NUMBER --issuer DID --block A=… --port CHZRH --date YYYY-MM-DD --officer NAME`: what arrived under a permit of another authority. */
export async function importConfirmCommand(
  options: { config: string; number?: string; issuer?: string; blocks: string[]; port?: string; date?: string; officer?: string; token?: string; env?: Readonly<Record<string, string | undefined>> },
  out: Output,
): Promise<number> {
  if (!options.number || !options.issuer || options.blocks.length === 0) throw new UsageError(USAGE);
  const actorAsked = actorRequest({ name: options.officer, flag: '--officer', token: options.token, env: options.env ?? process.env, roles: ['customs'] });
  const request = {
    issuer: options.issuer,
    permitNumber: options.number,
    blocks: parseBlocks(options.blocks),
    ...(options.port !== undefined && { portOfImport: options.port }),
    date: options.date ?? new Date().toISOString().slice(0, 10),
  };
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const actor = await resolveActor(actorAsked, saiga.tokens, ['customs']);
    const outcome = await saiga.importConfirmation.confirm(request, { name: actor.name, ...(actor.tokenId !== undefined && { tokenId: actor.tokenId }) });
    if (!outcome.ok) {
      out.result({ error: { code: 'LIFECYCLE_REFUSED', errors: outcome.errors } }, () => ['Refused; nothing was recorded.', ...issueLines(outcome.errors)]);
      return EXIT.REFUSED;
    }
    const c = outcome.confirmation;
    out.result({ id: outcome.id, jwt: outcome.jwt, confirmation: c, warnings: outcome.warnings }, () => [
      `Confirmed the import under ${c.permit.permitNumber}: ${c.blocks.map((b) => `${b.block} ${b.quantity} ${b.unit}`).join(', ')}, ${c.portOfImport}, ${c.date}`,
      `  id ${outcome.id}`,
      ...(outcome.warnings.length > 0 ? ['Flagged:', ...issueLines(outcome.warnings)] : []),
    ]);
    return EXIT.OK;
  }, { signer: 'customs' });
}
