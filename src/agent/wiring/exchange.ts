/**
 * The exchange's parts put together (issue 9, docs/exchange.md): the outbox's routing for
 * every signing agent (events are recorded wherever they happen, `saiga permit issue` too),
 * the operator view for every agent, and for `saiga serve` the inbox behind POST /didcomm and
 * the delivery worker. Refusals and failures are logged as one JSON line each on stderr.
 */
import { randomUUID } from 'node:crypto';
import type { ExchangeConfig } from '../config/config.js';
import type { TrustedIssuer } from '../../verify/index.js';
import type { SaigaStore, Transactions } from '../../store/unit-of-work.js';
import { GroupCommit } from '../../store/group-commit.js';
import type { OutboxReads } from '../../store/exchange-outbox.js';
import { ExchangeRouter } from '../../exchange/events.js';
import { DeliveryWorker } from '../../exchange/delivery-worker.js';
import type { PostFetch } from '../../exchange/delivery-attempt.js';
import { Inbox } from '../../exchange/inbox.js';
import { exchangeStatus, retryMessage } from '../../exchange/operator-view.js';
import type { Envelope } from '../../exchange/ports.js';
import type { HandlerRegistry } from '../../exchange/handlers/index.js';
import type { Exchange, ExchangeOperator } from './capabilities.js';

/** One JSON line on stderr: what an operator's log collector reads. */
export const exchangeLog = (line: Record<string, unknown>): void => void process.stderr.write(`${JSON.stringify(line)}\n`);

export function exchangeRouter(options: { trusted: () => readonly TrustedIssuer[]; ownDids: string[]; now: () => Date; settings: ExchangeConfig }): ExchangeRouter {
  return new ExchangeRouter({
    trusted: options.trusted,
    ownDids: options.ownDids,
    now: options.now,
    newMessageId: () => `urn:uuid:${randomUUID()}`,
    maxAgeDays: options.settings.maxAgeDays,
    log: exchangeLog,
  });
}

export function exchangeOperator(options: {
  store: Transactions & { reads: { exchange: { outbox: OutboxReads } } };
  trusted: () => readonly TrustedIssuer[];
  now: () => Date;
  settings: Pick<ExchangeConfig, 'maxAgeDays'>;
  worker?: DeliveryWorker;
}): ExchangeOperator {
  const { store, worker } = options;
  return {
    status: () => exchangeStatus(store.reads.exchange.outbox, options.trusted(), worker?.circuits() ?? []),
    retry: async (id, actor) => {
      const outcome = await retryMessage(store, id, options.now(), options.settings.maxAgeDays, actor);
      worker?.wake();
      return outcome;
    },
  };
}

export function serveExchange(options: {
  store: SaigaStore;
  envelope: Envelope;
  trusted: () => readonly TrustedIssuer[];
  handlers: HandlerRegistry;
  now: () => Date;
  settings: ExchangeConfig;
  fetch?: PostFetch;
}): Exchange {
  const { store, envelope, trusted, now, settings } = options;
  const worker = new DeliveryWorker({
    store,
    envelope,
    fetch: options.fetch ?? ((url, init) => globalThis.fetch(url, init)),
    now,
    random: Math.random,
    settings,
    log: exchangeLog,
  });
  // Messages arriving together share one commit (src/store/group-commit.ts), each applied in its own savepoint.
  const grouped = new GroupCommit(store);
  const inbox = new Inbox({ envelope, store: { reads: store.reads, transaction: (work) => grouped.transaction(work) }, trusted, handlers: options.handlers, now, log: exchangeLog });
  return {
    ...exchangeOperator({ store, trusted, now, settings, worker }),
    receive: (raw) => inbox.receive(raw),
    startDelivery: () => worker.start(),
    stopDelivery: () => worker.stop(),
  };
}
