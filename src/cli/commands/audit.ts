/**
 * `saiga audit verify | checkpoint | export | purge` (docs/audit.md). verify and export read
 * the store only ('read'); checkpoint and purge sign with the authority's key ('sign').
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { withCliAgent } from '../agent.js';
import { actorRequest, resolveActor } from '../acting-person.js';
import { EXIT, UsageError, type Output } from '../output.js';
import { AUDIT_CODES } from '../../codes.js';

/** A TTY shows how far a long walk got (stderr); scripts and --json see nothing of it. */
const progress = (out: Output) => (process.stderr.isTTY && !out.json ? (n: number) => process.stderr.write(`\r${n} entries checked`) : undefined);

export async function auditVerifyCommand(options: { config: string }, out: Output): Promise<number> {
  return withCliAgent('read', options.config, out, async (saiga) => {
    const report = await saiga.audit.verify(progress(out));
    if (process.stderr.isTTY && !out.json) process.stderr.write('\n');
    out.result(report, () => [
      report.ok ? `The audit trail verifies: ${report.entries} entries${report.head ? `, head ${report.head.seq} ${report.head.hash}` : ''}.` : `The audit trail does NOT verify.`,
      `Checkpoints: ${report.checkpoints.valid} valid, ${report.checkpoints.invalid} invalid${report.checkpoints.latest ? `; latest at entry ${report.checkpoints.latest.seq} (${report.checkpoints.latest.at})` : ''}.`,
      ...(report.startsAfter > 0 ? [`Entries up to ${report.startsAfter} were purged (signed anchor).`] : []),
      ...report.findings.map((f) => `${f.code}  ${f.message}`),
    ]);
    return report.ok ? EXIT.OK : EXIT.REFUSED;
  });
}

export async function auditCheckpointCommand(options: { config: string }, out: Output): Promise<number> {
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const checkpoint = await saiga.auditSigning.checkpoint();
    if (!checkpoint) {
      out.result({ checkpoint: null }, () => ['The audit trail is empty: nothing to sign.']);
      return EXIT.OK;
    }
    const { id: _id, ...shown } = checkpoint;
    out.result({ checkpoint: shown }, () => [`Signed a checkpoint of entry ${checkpoint.seq} (${checkpoint.headHash}) at ${checkpoint.at}.`]);
    return EXIT.OK;
  });
}

/** A date or a date-time (UTC); a bare date means its midnight. */
function parseInstant(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(value) && !Number.isNaN(Date.parse(value));
  if (!ok) throw new UsageError(`${flag}: ${AUDIT_CODES.AUDIT_QUERY_INVALID} (got "${value}")`);
  return new Date(value.length === 10 ? `${value}T00:00:00Z` : value).toISOString();
}

export async function auditExportCommand(options: { config: string; from?: string; to?: string; permit?: string; out?: string }, out: Output): Promise<number> {
  const query = {
    ...(options.from !== undefined && { from: parseInstant(options.from, '--from')! }),
    ...(options.to !== undefined && { to: parseInstant(options.to, '--to')! }),
    ...(options.permit !== undefined && { permitNumber: options.permit }),
  };
  return withCliAgent('read', options.config, out, async (saiga) => {
    const sink = options.out ? createWriteStream(options.out, { encoding: 'utf8' }) : process.stdout;
    // Streamed: one page of entries in memory at a time, and the writer's backpressure respected.
    const count = await saiga.audit.export(query, async (line) => {
      if (!sink.write(line)) await once(sink, 'drain');
    });
    if (options.out) {
      (sink as ReturnType<typeof createWriteStream>).end();
      await once(sink, 'finish');
      out.result({ exported: count, out: options.out }, () => [`Wrote ${count} audit entries to ${options.out}.`]);
    } else if (!out.json) out.info(`${count} audit entries.`);
    return EXIT.OK;
  });
}

export async function auditPurgeCommand(options: { config: string; before?: string; officer?: string; token?: string; env?: Readonly<Record<string, string | undefined>> }, out: Output): Promise<number> {
  if (!options.before) throw new UsageError('usage: saiga audit purge --before DATE (--officer NAME | --token TOKEN)');
  const before = parseInstant(options.before, '--before')!;
  const request = actorRequest({ name: options.officer, flag: '--officer', token: options.token, env: options.env ?? process.env, roles: ['admin'] });
  return withCliAgent('sign', options.config, out, async (saiga) => {
    const actor = await resolveActor(request, saiga.tokens, ['admin']);
    const outcome = await saiga.auditSigning.purge(new Date(before), actor.tokenId !== undefined ? { name: actor.name, tokenId: actor.tokenId } : { name: actor.name });
    if (!outcome.ok) {
      out.result({ error: { code: outcome.code, message: outcome.message }, kept: outcome.kept }, () => [`${outcome.code}  ${outcome.message}`]);
      return EXIT.REFUSED;
    }
    out.result(outcome, () => [outcome.purged === 0 ? 'Nothing to purge before that date.' : `Purged ${outcome.purged} entries up to ${outcome.upToSeq}; the chain goes on from a signed anchor (${outcome.headHash}).`]);
    return EXIT.OK;
  });
}
