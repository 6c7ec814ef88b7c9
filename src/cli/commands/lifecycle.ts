// Veramo and the key store load only for the commands of this file that sign ('sign'; status is 'read').
import { foundPermit, withCliAgent } from '../agent.js';
import { actorRequest, resolveActor } from '../acting-person.js';
import type { PermitStatusView } from '../../lifecycle/permit-lifecycle.js';
import type { LifecycleIssue } from '../../codes.js';
import type { StatusAction } from '../../status/changes.js';
import { EXIT, UsageError, type Output } from '../output.js';

const refusalLines = (errors: LifecycleIssue[]) => ['Refused; nothing was changed.', ...errors.map((e) => `  ${e.code.padEnd(26)} ${e.path || '/'}  ${e.message}`)];

export function statusLines(view: PermitStatusView): string[] {
  const lines = [`${view.permitNumber}: ${view.state.toUpperCase()}${view.revocation ? ` (${view.revocation.reason}, ${view.revocation.date})` : ''}`];
  if (view.replacedBy) lines.push(`  replaced by ${view.replacedBy}`);
  lines.push(`  valid until ${view.validUntil}`);
  if (view.endorsement) {
    const e = view.endorsement.endorsement as { blocks: { block: string; quantity: number; unit: string }[]; portOfExport: string; date: string; transportDocument: string };
    lines.push(`  exported    ${e.date} at ${e.portOfExport}, ${e.transportDocument}: ${e.blocks.map((b) => `${b.block} ${b.quantity} ${b.unit}`).join(', ')} (endorsed by ${view.endorsement.officer})`);
  } else lines.push('  exported    not yet endorsed by customs');
  if (view.importConfirmation) {
    const c = view.importConfirmation.confirmation as { blocks: { block: string; quantity: number; unit: string }[]; portOfImport: string; date: string; officer: string; country: string; exceedsPermitted?: boolean };
    lines.push(`  imported    ${c.date} at ${c.portOfImport}: ${c.blocks.map((b) => `${b.block} ${b.quantity} ${b.unit}`).join(', ')} (confirmed by ${c.officer}, ${c.country}) — used up${c.exceedsPermitted ? '; flagged: more than the permit allows' : ''}`);
  }
  lines.push('  history', ...view.history.map((h) => `    ${h.at}  ${h.action.padEnd(9)} ${h.actor}${h.reason ? ` — ${h.reason}` : ''}`));
  return lines;
}

interface ActorFlags {
  officer?: string;
  token?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

/** `saiga permit revoke|suspend|reinstate NUMBER [--reason R] (--officer NAME | --token T)`: the history names that person. */
export async function statusChangeCommand(
  options: { config: string; action: StatusAction; number?: string; reason?: string } & ActorFlags,
  out: Output,
): Promise<number> {
  if (!options.number) throw new UsageError(`usage: saiga permit ${options.action} NUMBER${options.action === 'revoke' ? ' --reason cancelled|lost|stolen|destroyed|replaced|fraud' : ' [--reason TEXT]'} (--officer NAME | --token TOKEN)`);
  const request = actorRequest({ name: options.officer, flag: '--officer', token: options.token, env: options.env ?? process.env, roles: ['officer'] });
  const permitNumber = options.number;
  // Status lists are signed by the Management Authority.
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const actor = await resolveActor(request, saiga.tokens, ['officer']);
    const outcome = await saiga.lifecycle.change(permitNumber, {
      action: options.action,
      ...(options.reason !== undefined && { reason: options.reason }),
      actor: actor.name,
      ...(actor.tokenId !== undefined && { actorToken: actor.tokenId }),
    });
    if (!outcome.ok) {
      out.result({ error: { code: 'LIFECYCLE_REFUSED', errors: outcome.errors } }, () => refusalLines(outcome.errors));
      return EXIT.REFUSED;
    }
    const view = (await saiga.records.status(permitNumber))!;
    out.result(view, () => statusLines(view));
    return EXIT.OK;
  }, { signer: 'authority' });
}

export async function permitStatusCommand(options: { config: string; number?: string }, out: Output): Promise<number> {
  if (!options.number) throw new UsageError('usage: saiga permit status NUMBER');
  const permitNumber = options.number;
  return withCliAgent('read', options.config, out, async (saiga) => {
    const view = foundPermit(await saiga.records.status(permitNumber), permitNumber);
    out.result(view, () => statusLines(view));
    return EXIT.OK;
  });
}

/** Parses `--block A=250` values (quantity, optionally with a unit: `A=12.5KGM`). */
export function parseBlocks(values: string[]): { block: string; quantity: number; unit?: string }[] {
  return values.map((value) => {
    const match = /^([A-Z]{1,2})=(\d+(?:\.\d+)?)([A-Z]{3})?$/.exec(value.trim());
    if (!match) throw new UsageError(`--block ${value}: write BLOCK=QUANTITY, e.g. --block A=250 (or A=12.5KGM with a unit)`);
    return { block: match[1]!, quantity: Number(match[2]), ...(match[3] !== undefined && { unit: match[3] }) };
  });
}

/** `saiga endorse NUMBER --block A=250 --block B=0 --port CHGVA --date YYYY-MM-DD --transport-doc NUMBER (--officer NAME | --token T)`. */
export async function endorseCommand(
  options: { config: string; number?: string; blocks: string[]; port?: string; date?: string; transportDoc?: string } & ActorFlags,
  out: Output,
): Promise<number> {
  if (!options.number || options.blocks.length === 0) {
    throw new UsageError('usage: saiga endorse NUMBER --block A=250 [--block B=0 …] --port LOCODE --date YYYY-MM-DD --transport-doc NUMBER (--officer NAME | --token TOKEN)');
  }
  const actorAsked = actorRequest({ name: options.officer, flag: '--officer', token: options.token, env: options.env ?? process.env, roles: ['customs'] });
  const request = {
    blocks: parseBlocks(options.blocks),
    ...(options.port !== undefined && { portOfExport: options.port }),
    date: options.date ?? new Date().toISOString().slice(0, 10),
    ...(options.transportDoc !== undefined && { transportDocument: options.transportDoc }),
  };
  const permitNumber = options.number;
  // The endorsement is signed by the customs identity.
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const actor = await resolveActor(actorAsked, saiga.tokens, ['customs']);
    const outcome = await saiga.lifecycle.endorse(permitNumber, request, { name: actor.name, ...(actor.tokenId !== undefined && { tokenId: actor.tokenId }) });
    if (!outcome.ok) {
      out.result({ error: { code: 'LIFECYCLE_REFUSED', errors: outcome.errors } }, () => refusalLines(outcome.errors));
      return EXIT.REFUSED;
    }
    out.result({ id: outcome.id, jwt: outcome.jwt, endorsement: outcome.endorsement }, () => [
      `Endorsed ${permitNumber} for export: ${outcome.endorsement.blocks.map((b) => `${b.block} ${b.quantity} ${b.unit}`).join(', ')}, ${outcome.endorsement.portOfExport}, ${outcome.endorsement.date}`,
      `  id ${outcome.id}`,
    ]);
    return EXIT.OK;
  }, { signer: 'customs' });
}
