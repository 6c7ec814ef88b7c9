// The exchange's operator view: rows of the store, so these commands open the configuration and the store only (no key store).
import { officerOf } from '../officer-option.js';
import { CLI_ACTOR } from '../../audit/record.js';
import { withCliAgent } from '../agent.js';
import type { ExchangeMessageView, ExchangePeerView } from '../../exchange/operator-view.js';
import { EXIT, UsageError, type Output } from '../output.js';

const typeName = (type: string) => type.slice(type.lastIndexOf('/') + 1);

const messageLine = (m: ExchangeMessageView) =>
  `    ${m.id}  ${typeName(m.type).padEnd(16)}  ${m.state.padEnd(13)}  ${String(m.attempts).padStart(3)} attempts  ${
    m.state === 'pending' ? `next ${m.nextAttemptAt}` : `since ${m.lastAttemptAt ?? m.createdAt}`
  }${m.lastCode ? `  ${m.lastCode}: ${m.lastError ?? ''}` : ''}`;

function peerLines(p: ExchangePeerView): string[] {
  const who = p.name ? `${p.name} (${p.country})` : 'not trusted any more';
  const circuit = p.circuit && p.circuit !== 'closed' ? `  circuit ${p.circuit}` : '';
  return [
    `${p.did}  ${who}`,
    `  pending ${p.pending}, delivered ${p.delivered}, failed ${p.failed}, undeliverable ${p.undeliverable}${circuit}`,
    ...p.messages.map(messageLine),
  ];
}

/** `saiga exchange status`: per peer, messages pending, delivered, failed and undeliverable, and each one not delivered. */
export async function exchangeStatusCommand(options: { config: string }, out: Output): Promise<number> {
  return withCliAgent('read', options.config, out, async (saiga) => {
    const status = await saiga.exchange.status();
    out.result(status, () => (status.peers.length === 0 ? ['No messages to peers.'] : status.peers.flatMap(peerLines)));
    return EXIT.OK;
  });
}

/** `saiga exchange retry ID [--officer NAME]`: re-queues one message, audited; a running agent sends it at its next poll. */
export async function exchangeRetryCommand(options: { config: string; id?: string; officer?: string }, out: Output): Promise<number> {
  if (!options.id) throw new UsageError('usage: saiga exchange retry ID   (the id is shown by "saiga exchange status")');
  const actor = officerOf(options.officer) ?? CLI_ACTOR;
  return withCliAgent('read', options.config, out, async (saiga) => {
    const outcome = await saiga.exchange.retry(options.id!, actor);
    if (!outcome.ok) {
      out.result({ error: { code: outcome.code, message: outcome.message } }, () => [outcome.message]);
      return EXIT.REFUSED;
    }
    const { message } = outcome;
    out.result({ previousState: outcome.previousState, message }, () => [
      `Re-queued ${message.id} (${typeName(message.type)} to be sent again; it was ${outcome.previousState}). A running agent sends it at its next poll.`,
    ]);
    return EXIT.OK;
  });
}
