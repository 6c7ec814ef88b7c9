/**
 * The delivery worker of `saiga serve`: sends the outbox to the peers, and survives faults.
 *
 * - It reads the outbox when woken (after a local commit that wrote messages, after each batch
 *   of answers) and at least every `pollIntervalMs` (messages written by other processes, such
 *   as `saiga permit issue`, and backoffs that fall due).
 * - Per peer: at most `concurrency` messages in flight, and a circuit (peer-circuit.ts) so that a
 *   dead peer is tried once per cool-down and never holds up the others (each peer's due
 *   messages are read apart).
 * - Per (peer, subject), one message at a time, oldest first: a revocation never overtakes the
 *   permit it revokes (OutboxStore.due).
 * - A message still pending after its maximum age becomes 'undeliverable'.
 * - Answers are recorded in batches (one transaction for many), and a message stays claimed
 *   until its answer is committed. A crash between a peer's 2xx and that commit sends it
 *   again after the restart: the peer answers with the same acknowledgement and applies
 *   nothing twice (inbox.ts), so every message is applied exactly once.
 *
 * Time, randomness and fetch are passed in, so that tests pin them.
 */
import type { AttemptResult, OutboxMessage, OutboxReads } from '../store/exchange-outbox.js';
import type { Transactions } from '../store/unit-of-work.js';
import { attemptBatch, backoffMs, type AttemptOutcome, type PostFetch } from './delivery-attempt.js';
import type { Envelope } from './ports.js';
import { PeerCircuit, type CircuitState } from './peer-circuit.js';
import { auditAttempt, auditExpired } from '../audit/record.js';

/** How messages are delivered (agent.yml `saiga.exchange`, with defaults: src/agent/config/config.ts EXCHANGE_DEFAULTS). */
export interface DeliverySettings {
  /** Exponential backoff with full jitter: a random wait up to min(cap, base × 2^(attempts − 1)). */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** After this many failures in a row a peer is tried once per cool-down only; other peers are not slowed. */
  circuitThreshold: number;
  circuitCoolDownMs: number;
  /** How long one POST to a peer may take. */
  timeoutMs: number;
  /** Attempts (batches) in flight to one peer at a time. */
  concurrency: number;
  /**
   * Most messages in one envelope (a batch, message-types.ts BATCH_MESSAGE_TYPE): due messages
   * to one peer go together, so the key agreement and the round trip are paid once. 1 sends
   * every message alone.
   */
  batchSize: number;
  /** How often the outbox is read for rows other processes wrote (a commit here wakes the worker at once). */
  pollIntervalMs: number;
}

export interface DeliveryWorkerDeps {
  store: Transactions & { reads: { exchange: { outbox: OutboxReads } }; onOutboxCommit?(listener: () => void): () => void };
  envelope: Pick<Envelope, 'pack' | 'packBatch'>;
  fetch: PostFetch;
  now: () => Date;
  /** A number in [0, 1), for the backoff's jitter. */
  random: () => number;
  settings: DeliverySettings;
  /** One JSON line per message that failed for good or could not be recorded. */
  log?: (line: Record<string, unknown>) => void;
}

interface Peer {
  circuit: PeerCircuit;
  inFlight: number;
}

export class DeliveryWorker {
  private readonly peers = new Map<string, Peer>();
  /** Messages sent or being sent whose answer is not committed yet: not sent again meanwhile. */
  private readonly claimed = new Set<string>();
  private readonly claimedBy = new Map<string, number>();
  private readonly attempts = new Set<Promise<void>>();
  private answers: { message: OutboxMessage; result: AttemptResult }[] = [];
  private flushing: Promise<void> | undefined;
  private passing: Promise<void> | undefined;
  private passAgain = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private unsubscribe: (() => void) | undefined;
  private stopping = new AbortController();

  constructor(private readonly deps: DeliveryWorkerDeps) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = new AbortController();
    this.unsubscribe = this.deps.store.onOutboxCommit?.(() => this.wake());
    this.wake();
  }

  /** Stops sending: attempts in flight are abandoned (sent again after a restart), answers already in are recorded. */
  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    clearTimeout(this.timer);
    this.stopping.abort();
    await this.passing;
    await Promise.allSettled([...this.attempts]);
    await this.flush();
  }

  /** Reads the outbox now (after a commit that wrote messages, or when a peer's answers are in). */
  wake(): void {
    if (!this.running) return;
    if (this.passing) {
      this.passAgain = true;
      return;
    }
    clearTimeout(this.timer);
    this.passing = this.pass()
      .catch((error: unknown) => this.deps.log?.({ level: 'error', event: 'exchange-delivery-pass-failed', error: String((error as Error).message ?? error) }))
      .then((nextAt) => {
        this.passing = undefined;
        if (this.passAgain) {
          this.passAgain = false;
          this.wake();
        } else if (this.running) this.schedule(nextAt ?? undefined);
      });
  }

  /** One pass and every attempt it started, answers recorded: for tests and for draining. */
  async runOnce(): Promise<void> {
    await this.pass();
    await Promise.allSettled([...this.attempts]);
    await this.flush();
  }

  /** The circuit of each peer the worker has tried since it started. */
  circuits(): { did: string; state: CircuitState }[] {
    const now = this.deps.now().getTime();
    return [...this.peers.entries()].map(([did, peer]) => ({ did, state: peer.circuit.state(now) }));
  }

  private schedule(nextAt: number | undefined): void {
    const now = this.deps.now().getTime();
    const delay = Math.min(this.deps.settings.pollIntervalMs, Math.max(0, (nextAt ?? Infinity) - now));
    this.timer = setTimeout(() => this.wake(), delay);
    this.timer.unref?.();
  }

  private peer(did: string): Peer {
    let peer = this.peers.get(did);
    if (!peer) this.peers.set(did, (peer = { circuit: new PeerCircuit(this.deps.settings), inFlight: 0 }));
    return peer;
  }

  /** Expires old messages, starts what may start; returns when to look again (ms since epoch). */
  private async pass(): Promise<number | undefined> {
    const { outbox } = this.deps.store.reads.exchange;
    const now = this.deps.now();
    const at = now.toISOString();
    if (await outbox.hasExpired(at)) {
      const expired = await this.deps.store.transaction(async (work) => auditExpired(work, await work.outbox.expire(at)));
      for (const m of expired) this.deps.log?.({ level: 'warn', event: 'exchange-undeliverable', id: m.id, to: m.recipientDid, type: m.type, attempts: m.attempts, code: m.lastCode });
    }
    const wakeAt: number[] = [];
    const next = await outbox.nextDueAfter(at);
    if (next) wakeAt.push(Date.parse(next));
    const { concurrency } = this.deps.settings;
    // An envelope that cannot pack batches sends each message alone.
    const batchSize = this.deps.envelope.packBatch ? Math.max(1, this.deps.settings.batchSize) : 1;
    for (const did of await outbox.dueRecipients(at)) {
      const peer = this.peer(did);
      const reopens = peer.circuit.reopensAt(now.getTime());
      if (reopens !== undefined) {
        wakeAt.push(reopens);
        continue;
      }
      if (!peer.circuit.allows(now.getTime(), peer.inFlight, concurrency)) continue;
      // Claimed messages are still pending in the table: read enough to find unclaimed ones behind them.
      const free = Math.max(1, concurrency - peer.inFlight);
      const due = await outbox.due(did, at, free * batchSize + this.claimedCount(did));
      for (const batch of batches(due.filter((m) => !this.claimed.has(m.id)), batchSize)) {
        if (this.stopping.signal.aborted) break;
        if (!peer.circuit.allows(now.getTime(), peer.inFlight, concurrency)) break;
        this.send(batch, peer);
      }
    }
    return wakeAt.length > 0 ? Math.min(...wakeAt) : undefined;
  }

  private claimedCount(did: string): number {
    return this.claimedBy.get(did) ?? 0;
  }

  /** One attempt for a batch of messages to one peer (one message alone when the batch has one). */
  private send(messages: readonly OutboxMessage[], peer: Peer): void {
    const { settings } = this.deps;
    for (const message of messages) {
      this.claimed.add(message.id);
      this.claimedBy.set(message.recipientDid, this.claimedCount(message.recipientDid) + 1);
    }
    peer.inFlight += 1;
    peer.circuit.started(this.deps.now().getTime());
    const attempt = attemptBatch(messages, { envelope: this.deps.envelope, fetch: this.deps.fetch, timeoutMs: settings.timeoutMs, stopped: this.stopping.signal })
      .catch((error: unknown): AttemptOutcome[] => messages.map(() => ({ outcome: 'retry', code: 'EXCHANGE_PACK_FAILED', error: String((error as Error).message ?? error), peerDown: false })))
      .then((outcomes) => {
        peer.inFlight -= 1;
        // One attempt, one mark on the circuit: the peer was down when no message got through to it.
        const now = this.deps.now().getTime();
        const stopped = outcomes.every((o) => o.outcome === 'stopped');
        if (!stopped && outcomes.every((o) => o.outcome === 'retry' && o.peerDown)) peer.circuit.failed(now);
        else if (!stopped) peer.circuit.succeeded();
        messages.forEach((message, i) => this.answered(message, outcomes[i]!));
      });
    this.attempts.add(attempt);
    void attempt.finally(() => this.attempts.delete(attempt));
  }

  private answered(message: OutboxMessage, outcome: AttemptOutcome): void {
    const now = this.deps.now();
    const at = now.toISOString();
    if (outcome.outcome === 'stopped') return this.release(message);
    let result: AttemptResult;
    if (outcome.outcome === 'delivered') result = { outcome: 'delivered', at };
    else if (outcome.outcome === 'failed') {
      result = { outcome: 'failed', at, code: outcome.code, error: outcome.error };
      this.deps.log?.({ level: 'warn', event: 'exchange-failed', id: message.id, to: message.recipientDid, type: message.type, code: outcome.code });
    } else {
      const wait = backoffMs(message.attempts, this.deps.random(), this.deps.settings);
      result = { outcome: 'retry', at, nextAttemptAt: new Date(now.getTime() + wait).toISOString(), code: outcome.code, error: outcome.error };
    }
    this.answers.push({ message, result });
    void this.flush();
  }

  /** The message may be read and sent again (its answer is committed, or it was never sent). */
  private release(message: Pick<OutboxMessage, 'id' | 'recipientDid'>): void {
    if (!this.claimed.delete(message.id)) return;
    this.claimedBy.set(message.recipientDid, this.claimedCount(message.recipientDid) - 1);
  }

  /** Writes the answers that are in, many per transaction; then looks for what may go next. */
  private flush(): Promise<void> {
    if (this.flushing) return this.flushing;
    if (this.answers.length === 0) return Promise.resolve();
    this.flushing = (async () => {
      while (this.answers.length > 0) {
        const batch = this.answers.splice(0);
        try {
          await this.deps.store.transaction(async (work) => {
            for (const { message, result } of batch) {
              await work.outbox.recordAttempt(message.id, result);
              await auditAttempt(work, message, result); // issue 10 §3, same transaction
            }
          });
        } catch (error) {
          // Not recorded (disk full?): the messages stay pending and go again; peers apply each once.
          this.deps.log?.({ level: 'error', event: 'exchange-record-failed', count: batch.length, error: String((error as Error).message ?? error) });
        }
        for (const { message } of batch) this.release(message);
      }
    })().finally(() => {
      this.flushing = undefined;
      this.wake();
    });
    return this.flushing;
  }
}

/** Envelopes stay well under the peer's 256 KiB body limit (routes/exchange.ts) whatever the bodies weigh. */
const BATCH_BODY_BYTES = 96 * 1024;

/** `messages` cut into batches of at most `size` messages and BATCH_BODY_BYTES of bodies, in order. */
function batches(messages: readonly OutboxMessage[], size: number): OutboxMessage[][] {
  const out: OutboxMessage[][] = [];
  let current: OutboxMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const weight = JSON.stringify(message.body ?? null).length;
    if (current.length > 0 && (current.length >= size || bytes + weight > BATCH_BODY_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += weight;
  }
  if (current.length > 0) out.push(current);
  return out;
}
