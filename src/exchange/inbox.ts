/**
 * Receiving a message (docs/exchange.md), in this order, each step refusing with its code:
 *
 *   Envelope.open          decrypted, authcrypt from `from`'s key, addressed here, fresh
 *   trusted sender         a Management Authority this agent trusts (EXCHANGE_SENDER_UNTRUSTED)
 *   known type             a type this agent has a handler for (EXCHANGE_TYPE_UNKNOWN)
 *   once per (from, id)    a repeat is answered with the stored acknowledgement, byte for byte;
 *                          the same id with other content is refused (EXCHANGE_MESSAGE_ID_REUSED)
 *   body schema            the handler's JSON Schema (EXCHANGE_BODY_INVALID, with a JSON pointer)
 *   handler.check          the credential inside, verified with the core
 *   one unit of work       the inbox row re-checked, handler.apply, the row and its ack written
 *
 * A refused message leaves nothing stored, only one JSON line in the log (never its body: it
 * carries traders' names and addresses).
 */
import { createHash } from 'node:crypto';
import { EXCHANGE_CODES } from '../codes.js';
import { canonicalJson } from '../vocab/canonical-json.js';
import type { InboxReads } from '../store/exchange-inbox.js';
import type { Transactions, UnitOfWork } from '../store/unit-of-work.js';
import type { TrustedIssuer } from '../vocab/trust-list.js';
import { messageKindOf } from './message-types.js';
import type { Acknowledgement, BatchAcknowledgement, Envelope, ExchangeRefusal, MessageHandler, OpenedMessage, ReceivedMessage } from './ports.js';
import type { HandlerRegistry } from './handlers/index.js';
import { AUDIT_ACTIONS, auditMessage } from '../audit/record.js';

export interface InboxDeps {
  envelope: Pick<Envelope, 'open'>;
  store: Transactions & { reads: { exchange: { inbox: InboxReads } } };
  /** Everyone this agent trusts, as now: a sender must be one of its Management Authorities. */
  trusted: () => readonly TrustedIssuer[];
  handlers: HandlerRegistry;
  now: () => Date;
  /** One JSON line per refusal (stderr in the agent). */
  log: (line: Record<string, unknown>) => void;
}

/** The acknowledgement as JSON text (sent as it is, and again unchanged for a repeat), or why the message was refused. */
export type ReceiveOutcome = { ok: true; ack: string } | ExchangeRefusal;

const refusal = (code: ExchangeRefusal['code'], detail?: string, extra: Partial<ExchangeRefusal> = {}): ExchangeRefusal => ({
  ok: false,
  code,
  message: detail ? `${EXCHANGE_CODES[code]} ${detail}` : EXCHANGE_CODES[code],
  ...extra,
});

/**
 * What makes a message the same message: its type, thread and body. Not its envelope times,
 * which the sender sets anew at each attempt (a retry must be recognised as a repeat).
 */
export function messageDigest(m: Pick<OpenedMessage, 'type' | 'body' | 'thid'>): string {
  return createHash('sha256').update(canonicalJson({ type: m.type, thid: m.thid ?? null, body: m.body })).digest('hex');
}

/** A refusal thrown inside the unit of work, so that the handler's writes roll back with it. */
class ApplyRefused extends Error {
  constructor(readonly refusal: ExchangeRefusal) {
    super(refusal.code);
  }
}

export class Inbox {
  constructor(private readonly deps: InboxDeps) {}

  async receive(raw: string): Promise<ReceiveOutcome> {
    const now = this.deps.now();
    const opened = await this.deps.envelope.open(raw, now);
    if (opened.ok && opened.batch) return this.receiveBatch(opened, opened.batch, now);
    const outcome = opened.ok ? await this.accept(opened, now) : opened;
    if (!outcome.ok) await this.refused(outcome, now, opened.ok ? opened : undefined);
    return outcome;
  }

  /**
   * A batch: its sender must be trusted as for one message; then each attachment is received
   * as the message it is (once per id, its own schema, check and unit of work), and the answer
   * lists one result per attachment. Attachments about the same permit (thread) are applied in
   * their order; the others at once, so that their units of work share commits (group commit).
   */
  private async receiveBatch(batch: OpenedMessage, items: NonNullable<OpenedMessage['batch']>, now: Date): Promise<ReceiveOutcome> {
    if (!this.trustedSender(batch.from)) {
      const untrusted = refusal('EXCHANGE_SENDER_UNTRUSTED', `(${batch.from})`);
      await this.refused(untrusted, now, batch);
      return untrusted;
    }
    const threads = new Map<string, Promise<unknown>>();
    const results = await Promise.all(
      items.map((item) => {
        if (!item.ok) return Promise.resolve(item);
        const thread = item.thid ?? item.id;
        const run = (threads.get(thread) ?? Promise.resolve()).then(() => this.accept(item, now));
        threads.set(thread, run.catch(() => undefined));
        return run;
      }),
    );
    const answer: BatchAcknowledgement = { id: batch.id, status: 'batch', results: [] };
    for (const [i, outcome] of results.entries()) {
      const item = items[i]!;
      if (outcome.ok) {
        answer.results.push(JSON.parse(outcome.ack) as Acknowledgement);
        continue;
      }
      await this.refused(outcome, now, item.ok ? item : { from: batch.from, id: item.id ?? null, type: null });
      const { code, message, path, retryable } = outcome;
      answer.results.push({ id: item.id ?? null, error: { code, message, ...(path !== undefined && { path }), ...(retryable === true && { retryable }) } });
    }
    return { ok: true, ack: JSON.stringify(answer) };
  }

  /** A refusal leaves one log line and one audit entry, never the body (issue 9 §2, issue 10 §3). */
  private async refused(outcome: ExchangeRefusal, now: Date, about?: { from: string; id: string | null; type: string | null }): Promise<void> {
    const message = about ? { from: about.from, ...(about.id !== null && { id: about.id }), ...(about.type !== null && { type: about.type }) } : {};
    this.deps.log({ level: 'warn', event: 'exchange-refused', at: now.toISOString(), code: outcome.code, ...(outcome.path !== undefined && { path: outcome.path }), ...message });
    await this.auditRefusal(outcome, message);
  }

  private trustedSender(did: string): boolean {
    return this.deps.trusted().some((t) => t.did === did && t.role === 'managementAuthority');
  }

  /** Issue 10 §3: a refused message is stored nowhere else; its entry has the code, the sender and the id, never the body. */
  private async auditRefusal(outcome: ExchangeRefusal, about: { from?: string; id?: string; type?: string }): Promise<void> {
    try {
      const details = { code: outcome.code, ...(outcome.path !== undefined && { path: outcome.path }), ...about };
      await this.deps.store.transaction((work) => auditMessage(work, { action: AUDIT_ACTIONS.messageRefused, ...(about.id !== undefined && { messageId: about.id }), details }));
    } catch (error) {
      // The refusal stands; only its entry is missing, and the log says so.
      this.deps.log({ level: 'error', event: 'audit-write-failed', code: outcome.code, error: String((error as Error).message ?? error) });
    }
  }

  private async accept(opened: OpenedMessage, now: Date): Promise<ReceiveOutcome> {
    if (!this.trustedSender(opened.from)) return refusal('EXCHANGE_SENDER_UNTRUSTED', `(${opened.from})`);
    const kind = messageKindOf(opened.type);
    const handler = kind && this.deps.handlers.get(kind);
    if (!kind || !handler) return refusal('EXCHANGE_TYPE_UNKNOWN', `(${opened.type})`);
    const digest = messageDigest(opened);
    const seen = await this.repeat(this.deps.store.reads.exchange.inbox, opened, digest);
    if (seen) return seen;
    const invalid = handler.validate(opened.body);
    if (invalid) return invalid;
    const message: ReceivedMessage = { id: opened.id, kind, from: opened.from, body: opened.body as ReceivedMessage['body'], receivedAt: now };
    const checked = await handler.check(message);
    if (!checked.ok) return checked;
    try {
      return await this.deps.store.transaction((work) => this.apply(work, handler, checked.checked, message, opened, digest));
    } catch (error) {
      if (error instanceof ApplyRefused) return error.refusal;
      throw error;
    }
  }

  /** The answer to a message seen before: its stored acknowledgement, or a refusal when the id now comes with other content. */
  private async repeat(inbox: InboxReads, opened: OpenedMessage, digest: string): Promise<ReceiveOutcome | undefined> {
    const entry = await inbox.get(opened.from, opened.id);
    if (!entry) return undefined;
    if (entry.digest === digest) return { ok: true, ack: entry.ackJson };
    return refusal('EXCHANGE_MESSAGE_ID_REUSED', `(${opened.id}, first received ${entry.receivedAt})`);
  }

  private async apply(work: UnitOfWork, handler: MessageHandler, checked: unknown, message: ReceivedMessage, opened: OpenedMessage, digest: string): Promise<ReceiveOutcome> {
    // The same message may have arrived twice at once: the first unit of work to commit applies it.
    const seen = await this.repeat(work.inbox, opened, digest);
    if (seen) return seen;
    const applied = await handler.apply(work, checked, message);
    if (!applied.ok) throw new ApplyRefused(applied);
    const receivedAt = message.receivedAt.toISOString();
    const ack: Acknowledgement = { id: message.id, status: 'accepted', receivedAt };
    const ackJson = JSON.stringify(ack);
    await work.inbox.insert({ senderDid: message.from, messageId: message.id, type: opened.type, subject: opened.thid ?? null, digest, receivedAt, ackJson });
    await auditMessage(work, { action: AUDIT_ACTIONS.messageReceived, messageId: message.id, body: opened.body, details: { type: opened.type, from: message.from, digest } });
    return { ok: true, ack: ackJson };
  }
}
