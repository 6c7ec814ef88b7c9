/**
 * The inbox on a real SQLite store: a message is applied once per (sender, id) and a repeat
 * gets the stored acknowledgement byte for byte; the same id with other content, an untrusted
 * sender, an unknown type, a body that breaks its schema, an envelope refusal or a handler's
 * refusal store nothing and log one JSON line without the body. The envelope is a stand-in
 * that "opens" JSON (the real one has its own tests, and the process tests use it); the
 * handler is a test handler that writes a token row when it applies, so that what it wrote is
 * visible (and must roll back with a refusal).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXCHANGE_CODES } from '../../src/codes.js';
import { Inbox, messageDigest } from '../../src/exchange/inbox.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import type { ExchangeRefusal, MessageHandler, OpenedMessage } from '../../src/exchange/ports.js';
import type { TrustedIssuer } from '../../src/vocab/trust-list.js';
import { START, testStore, type TestStore } from './worker-helpers.js';

const LK = 'did:web:lk.example';
const TRUSTED: TrustedIssuer[] = [
  { did: LK, role: 'managementAuthority', country: 'LK', name: 'Department of Wildlife Conservation' },
  { did: 'did:key:z6MkCustomsLK', role: 'customs', country: 'LK', name: 'Sri Lanka Customs' },
];

let t: TestStore;
let applied: string[];
let logs: Record<string, unknown>[];
let checkAnswer: ExchangeRefusal | undefined;
let applyAnswer: ExchangeRefusal | undefined;

/** A permitIssued handler for the test: its schema wants `permit` as text; it writes one token row per message applied. */
const handler: MessageHandler<'permitIssued', string> = {
  kind: 'permitIssued',
  validate: (body) =>
    typeof (body as { permit?: unknown } | null)?.permit === 'string' ? undefined : { ok: false, code: 'EXCHANGE_BODY_INVALID', message: 'permit must be text', path: '/permit' },
  check: async (m) => checkAnswer ?? { ok: true, checked: m.body.permit },
  apply: async (work, permit, m) => {
    await work.tokens.insert({ id: `applied-${m.from}-${m.id}`, hash: `h-${m.from}-${m.id}-${permit}`, role: 'officer', name: 'Applied Message', createdAt: m.receivedAt.toISOString(), expiresAt: null, revokedAt: null });
    applied.push(m.id);
    return applyAnswer ?? { ok: true };
  },
};

function inbox() {
  return new Inbox({
    envelope: { open: async (raw) => JSON.parse(raw) as OpenedMessage | ExchangeRefusal },
    store: t.store,
    trusted: () => TRUSTED,
    handlers: new Map([['permitIssued', handler as unknown as MessageHandler]]),
    now: () => new Date(t.clock.now),
    log: (line) => logs.push(line),
  });
}

/** What the real envelope hands over after its checks; `createdAt` differs from one attempt to the next. */
const opened = (over: Partial<OpenedMessage> = {}): string =>
  JSON.stringify({ ok: true, id: 'urn:uuid:m1', type: MESSAGE_TYPES.permitIssued, from: LK, to: ['did:web:ch.example'], body: { permit: 'eyJ.permit.jwt' }, thid: 'urn:uuid:p1', createdAt: new Date(t.clock.now), ...over });

const stored = async () => ({ inbox: await t.store.reads.exchange.inbox.count(), applied: (await t.store.reads.tokens.list()).length });

beforeEach(async () => {
  t = await testStore();
  applied = [];
  logs = [];
  checkAnswer = undefined;
  applyAnswer = undefined;
});
afterEach(() => t.close());

describe('a message applied once', () => {
  it('is applied, recorded with its digest, and acknowledged', async () => {
    const outcome = await inbox().receive(opened());
    expect(outcome).toEqual({ ok: true, ack: `{"id":"urn:uuid:m1","status":"accepted","receivedAt":"${new Date(START).toISOString()}"}` });
    expect(applied).toEqual(['urn:uuid:m1']);
    expect(await t.store.reads.exchange.inbox.get(LK, 'urn:uuid:m1')).toEqual({
      senderDid: LK,
      messageId: 'urn:uuid:m1',
      type: MESSAGE_TYPES.permitIssued,
      subject: 'urn:uuid:p1',
      digest: messageDigest({ type: MESSAGE_TYPES.permitIssued, thid: 'urn:uuid:p1', body: { permit: 'eyJ.permit.jwt' } }),
      receivedAt: new Date(START).toISOString(),
      ackJson: (outcome as { ack: string }).ack,
    });
    expect(logs).toEqual([]);
  });

  it('answers a repeat (packed anew, a minute later, keys in another order) with the same acknowledgement, byte for byte, and applies nothing twice', async () => {
    const first = await inbox().receive(opened());
    t.clock.now = START + 60_000;
    const again = await inbox().receive(JSON.stringify({ thid: 'urn:uuid:p1', body: { permit: 'eyJ.permit.jwt' }, ok: true, id: 'urn:uuid:m1', type: MESSAGE_TYPES.permitIssued, from: LK, to: ['did:web:ch.example'], createdAt: new Date(t.clock.now) }));
    expect(again).toEqual(first);
    expect(applied).toEqual(['urn:uuid:m1']);
    expect(await stored()).toEqual({ inbox: 1, applied: 1 });
  });

  it('applies one of two copies arriving at the same moment; both get the same acknowledgement', async () => {
    const box = inbox();
    const [a, b] = await Promise.all([box.receive(opened()), box.receive(opened())]);
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
    expect(applied).toEqual(['urn:uuid:m1']);
    expect(await stored()).toEqual({ inbox: 1, applied: 1 });
  });

  it('refuses the same id with another body (EXCHANGE_MESSAGE_ID_REUSED) and keeps the first', async () => {
    await inbox().receive(opened());
    const reused = await inbox().receive(opened({ body: { permit: 'eyJ.another.jwt' } }));
    expect(reused).toMatchObject({ ok: false, code: 'EXCHANGE_MESSAGE_ID_REUSED' });
    expect((reused as ExchangeRefusal).message).toBe(`The sender already sent a different message with this id; the new one is refused. (urn:uuid:m1, first received ${new Date(START).toISOString()})`);
    expect(applied).toEqual(['urn:uuid:m1']);
    expect(await stored()).toEqual({ inbox: 1, applied: 1 });
  });

  it('takes the same id from another sender as another message', async () => {
    const other = 'did:web:no.example';
    const box = new Inbox({ ...inbox()['deps'], trusted: () => [...TRUSTED, { did: other, role: 'managementAuthority', country: 'NO', name: 'Norwegian Environment Agency' }] });
    await box.receive(opened());
    expect((await box.receive(opened({ from: other }))).ok).toBe(true);
    expect(applied).toEqual(['urn:uuid:m1', 'urn:uuid:m1']);
  });
});

describe('a refused message: its code, nothing stored, one log line without the body', () => {
  const refused = async (raw: string, code: string, extra: Record<string, unknown> = {}) => {
    const outcome = await inbox().receive(raw);
    expect(outcome).toMatchObject({ ok: false, code, ...extra });
    expect(await stored()).toEqual({ inbox: 0, applied: 0 });
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ level: 'warn', event: 'exchange-refused', code, at: new Date(START).toISOString() });
    expect(JSON.stringify(logs[0])).not.toContain('eyJ');
    return outcome as ExchangeRefusal;
  };

  it('an untrusted sender: EXCHANGE_SENDER_UNTRUSTED', async () => {
    const r = await refused(opened({ from: 'did:web:stranger.example' }), 'EXCHANGE_SENDER_UNTRUSTED');
    expect(r.message).toBe('The sender is not a Management Authority this agent trusts. (did:web:stranger.example)');
    expect(logs[0]).toEqual({ level: 'warn', event: 'exchange-refused', at: new Date(START).toISOString(), code: 'EXCHANGE_SENDER_UNTRUSTED', from: 'did:web:stranger.example', id: 'urn:uuid:m1', type: MESSAGE_TYPES.permitIssued });
  });

  it('a sender trusted as customs only: EXCHANGE_SENDER_UNTRUSTED (messages come from Management Authorities)', async () => {
    await refused(opened({ from: 'did:key:z6MkCustomsLK' }), 'EXCHANGE_SENDER_UNTRUSTED');
  });

  it('an unknown type, and a known type with no handler here: EXCHANGE_TYPE_UNKNOWN', async () => {
    await refused(opened({ type: 'https://w3id.org/saiga/cites-exchange/1.0/gossip' }), 'EXCHANGE_TYPE_UNKNOWN');
    logs.length = 0;
    await refused(opened({ type: MESSAGE_TYPES.keyRevoked }), 'EXCHANGE_TYPE_UNKNOWN');
  });

  it('a body that breaks its schema: EXCHANGE_BODY_INVALID with its JSON pointer', async () => {
    await refused(opened({ body: { permit: 42 } }), 'EXCHANGE_BODY_INVALID', { path: '/permit' });
    expect(logs[0]!.path).toBe('/permit');
  });

  it("the envelope's refusal (forged, replayed, misaddressed…): passed on as it is", async () => {
    const stale = { ok: false, code: 'EXCHANGE_MESSAGE_STALE', message: 'replay?' };
    expect(await refused(JSON.stringify(stale), 'EXCHANGE_MESSAGE_STALE')).toEqual(stale);
  });

  it("the handler's check refuses (retryable: the permit has not arrived yet)", async () => {
    checkAnswer = { ok: false, code: 'EXCHANGE_BODY_INVALID', message: 'not yet', retryable: true };
    await refused(opened(), 'EXCHANGE_BODY_INVALID', { retryable: true });
    checkAnswer = undefined;
    expect((await inbox().receive(opened())).ok).toBe(true);
  });

  it("the handler's apply refuses: what it wrote rolls back, and the message is not recorded as received", async () => {
    applyAnswer = { ok: false, code: 'EXCHANGE_BODY_INVALID', message: 'conflicts with what is held' };
    await refused(opened(), 'EXCHANGE_BODY_INVALID');
    expect(applied).toEqual(['urn:uuid:m1']);
  });
});

describe('a batch: one result per attachment, each message applied once on its own', () => {
  const BATCH = 'https://w3id.org/saiga/cites-exchange/1.0/batch';
  const item = (id: string, over: Partial<OpenedMessage> = {}) => ({ ok: true, id, type: MESSAGE_TYPES.permitIssued, from: LK, to: ['did:web:ch.example'], body: { permit: `eyJ.${id}` }, thid: `urn:uuid:p-${id}`, ...over });
  const batch = (items: unknown[], from = LK) => JSON.stringify({ ok: true, id: 'urn:uuid:b1', type: BATCH, from, to: ['did:web:ch.example'], body: {}, batch: items });
  const receivedAt = new Date(START).toISOString();

  it('applies each good message, refuses each bad one with its code, and answers in order', async () => {
    const outcome = await inbox().receive(
      batch([
        item('urn:uuid:m1'),
        { ok: false, code: 'EXCHANGE_SENDER_MISMATCH', message: 'claims NO', id: 'urn:uuid:m2' },
        item('urn:uuid:m3', { body: { permit: 42 } }),
        item('urn:uuid:m4', { type: 'https://w3id.org/saiga/cites-exchange/1.0/gossip' }),
        item('urn:uuid:m5'),
      ]),
    );
    expect(outcome.ok).toBe(true);
    expect(JSON.parse((outcome as { ack: string }).ack)).toEqual({
      id: 'urn:uuid:b1',
      status: 'batch',
      results: [
        { id: 'urn:uuid:m1', status: 'accepted', receivedAt },
        { id: 'urn:uuid:m2', error: { code: 'EXCHANGE_SENDER_MISMATCH', message: 'claims NO' } },
        { id: 'urn:uuid:m3', error: { code: 'EXCHANGE_BODY_INVALID', message: 'permit must be text', path: '/permit' } },
        { id: 'urn:uuid:m4', error: { code: 'EXCHANGE_TYPE_UNKNOWN', message: `${EXCHANGE_CODES.EXCHANGE_TYPE_UNKNOWN} (https://w3id.org/saiga/cites-exchange/1.0/gossip)` } },
        { id: 'urn:uuid:m5', status: 'accepted', receivedAt },
      ],
    });
    expect(applied.sort()).toEqual(['urn:uuid:m1', 'urn:uuid:m5']);
    expect(await stored()).toEqual({ inbox: 2, applied: 2 });
    expect(logs.map((l) => [l.code, l.id])).toEqual([
      ['EXCHANGE_SENDER_MISMATCH', 'urn:uuid:m2'],
      ['EXCHANGE_BODY_INVALID', 'urn:uuid:m3'],
      ['EXCHANGE_TYPE_UNKNOWN', 'urn:uuid:m4'],
    ]);
    expect(JSON.stringify(logs)).not.toContain('eyJ');
  });

  it('a message applied alone before comes again in a batch: its stored acknowledgement, nothing applied twice', async () => {
    const alone = await inbox().receive(opened());
    t.clock.now = START + 60_000;
    const outcome = await inbox().receive(batch([item('urn:uuid:m1', { body: { permit: 'eyJ.permit.jwt' }, thid: 'urn:uuid:p1' }), item('urn:uuid:m2')]));
    const results = (JSON.parse((outcome as { ack: string }).ack) as { results: unknown[] }).results;
    expect(results[0]).toEqual(JSON.parse((alone as { ack: string }).ack));
    expect(results[1]).toEqual({ id: 'urn:uuid:m2', status: 'accepted', receivedAt: new Date(START + 60_000).toISOString() });
    expect(applied).toEqual(['urn:uuid:m1', 'urn:uuid:m2']);
  });

  it('two messages about one permit in one batch are applied in their order', async () => {
    const order: string[] = [];
    const slow: MessageHandler<'permitIssued', string> = {
      ...handler,
      check: async (m) => {
        // The first is checked slowly: were they run side by side, the second would apply first.
        if (m.id === 'urn:uuid:first') await new Promise((r) => setTimeout(r, 50));
        return { ok: true, checked: m.body.permit };
      },
      apply: async (work, permit, m) => (order.push(m.id), handler.apply(work, permit, m)),
    };
    const box = new Inbox({ ...inbox()['deps'], handlers: new Map([['permitIssued', slow as unknown as MessageHandler]]) });
    await box.receive(batch([item('urn:uuid:first', { thid: 'urn:uuid:p' }), item('urn:uuid:second', { thid: 'urn:uuid:p' }), item('urn:uuid:other')]));
    expect(order).toEqual(['urn:uuid:other', 'urn:uuid:first', 'urn:uuid:second']);
  });

  it('a batch from an untrusted sender is refused whole, and nothing of it is applied', async () => {
    const outcome = await inbox().receive(batch([item('urn:uuid:m1', { from: 'did:web:stranger.example' })], 'did:web:stranger.example'));
    expect(outcome).toMatchObject({ ok: false, code: 'EXCHANGE_SENDER_UNTRUSTED' });
    expect(await stored()).toEqual({ inbox: 0, applied: 0 });
    expect(logs).toHaveLength(1);
  });
});
