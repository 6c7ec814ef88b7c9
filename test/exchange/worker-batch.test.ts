/**
 * The delivery worker sending batches (delivery-worker.ts `batchSize`, delivery-attempt.ts
 * attemptBatch) on a real SQLite outbox, time and fetch pinned: due messages to one peer go
 * together, at most `batchSize` and `concurrency` batches at a time; the peer's result for each
 * message decides that message alone (delivered, retried, failed); an answer for the whole
 * batch counts for each; order per permit holds across batches.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker, type DeliverySettings } from '../../src/exchange/delivery-worker.js';
import type { Envelope, OutgoingMessage } from '../../src/exchange/ports.js';
import type { PostFetch } from '../../src/exchange/delivery-attempt.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import { endpointOf, enqueue, jsonEnvelope, SETTINGS, START, testStore, type TestStore } from './worker-helpers.js';

const A = 'did:web:a.example';
let t: TestStore;
beforeEach(async () => {
  t = await testStore();
});
afterEach(() => t.close());

/** Packs a batch as the JSON list of its messages' ids. */
const batchEnvelope: Pick<Envelope, 'pack' | 'packBatch'> = {
  ...jsonEnvelope,
  packBatch: async (messages: readonly OutgoingMessage[]) => ({
    packed: JSON.stringify({ batch: messages.map((m) => m.id) }),
    endpoint: endpointOf(messages[0]!.to),
    mediaType: 'application/didcomm-encrypted+json',
    batchId: 'urn:uuid:batch',
  }),
};

type Result = 'accepted' | { code: string; retryable?: true };

/** A peer that answers each message of a batch as `results` says (accepted by default), and records each POST's ids. */
function batchPeer(results: Record<string, Result> = {}, whole?: { status: number; body: unknown }) {
  const posts: string[][] = [];
  const fetch: PostFetch = async (_url, init) => {
    const sent = JSON.parse(init.body) as { batch?: string[]; id?: string };
    const ids = sent.batch ?? [sent.id!];
    posts.push(ids);
    if (whole) return { status: whole.status, text: async () => JSON.stringify(whole.body) };
    if (!sent.batch) return { status: 202, text: async () => JSON.stringify({ id: sent.id, status: 'accepted', receivedAt: new Date(START).toISOString() }) };
    const answer = {
      id: 'urn:uuid:batch',
      status: 'batch',
      results: ids.map((id) => {
        const r = results[id] ?? 'accepted';
        return r === 'accepted' ? { id, status: 'accepted', receivedAt: new Date(START).toISOString() } : { id, error: { code: r.code, message: `refused ${id}`, ...(r.retryable && { retryable: true }) } };
      }),
    };
    return { status: 202, text: async () => JSON.stringify(answer) };
  };
  return { fetch, posts };
}

function worker(fetch: PostFetch, settings: Partial<DeliverySettings> = {}) {
  return new DeliveryWorker({ store: t.store, envelope: batchEnvelope, fetch, now: () => new Date(t.clock.now), random: () => 0.5, settings: { ...SETTINGS, ...settings } });
}

const state = async (id: string) => {
  const r = (await t.store.reads.exchange.outbox.get(id))!;
  return [r.state, r.attempts, r.lastCode];
};

describe('batches', () => {
  it('sends 50 due messages to one peer as batches of 20, 20 and 10, in order, and delivers each', async () => {
    for (let i = 0; i < 50; i++) await enqueue(t.store, { id: `m${String(i).padStart(2, '0')}`, to: A, createdAt: START + i });
    t.clock.now = START + 1000;
    const peer = batchPeer();
    await worker(peer.fetch, { batchSize: 20, concurrency: 4 }).runOnce();
    expect(peer.posts.map((ids) => [ids[0], ids.length])).toEqual([['m00', 20], ['m20', 20], ['m40', 10]]);
    expect((await t.store.reads.exchange.outbox.countsPerPeer())[0]).toMatchObject({ pending: 0, delivered: 50 });
  });

  it('starts at most `concurrency` batches at once; the rest wait for the next pass', async () => {
    for (let i = 0; i < 10; i++) await enqueue(t.store, { id: `m${i}`, to: A, createdAt: START + i });
    t.clock.now = START + 1000;
    const peer = batchPeer();
    const w = worker(peer.fetch, { batchSize: 3, concurrency: 2 });
    await w.runOnce();
    expect(peer.posts).toEqual([['m0', 'm1', 'm2'], ['m3', 'm4', 'm5']]);
    await w.runOnce();
    expect(peer.posts.slice(2)).toEqual([['m6', 'm7', 'm8'], ['m9']]);
  });

  it("decides each message on the peer's result for it: delivered, retried (retryable), failed", async () => {
    for (const id of ['ok', 'later', 'bad']) await enqueue(t.store, { id, to: A });
    const peer = batchPeer({ later: { code: 'EXCHANGE_CHECK_UNAVAILABLE', retryable: true }, bad: { code: 'EXCHANGE_PERMIT_INVALID' } });
    await worker(peer.fetch).runOnce();
    expect(await state('ok')).toEqual(['delivered', 1, null]);
    expect(await state('later')).toEqual(['pending', 1, 'EXCHANGE_CHECK_UNAVAILABLE']);
    expect(await state('bad')).toEqual(['failed', 1, 'EXCHANGE_PERMIT_INVALID']);
  });

  it('retries a message the answer leaves out; an answer for the whole batch (503, a refused envelope) counts for each', async () => {
    for (const id of ['m1', 'm2']) await enqueue(t.store, { id, to: A });
    const missing: PostFetch = async () => ({ status: 202, text: async () => JSON.stringify({ id: 'b', status: 'batch', results: [{ id: 'm1', status: 'accepted', receivedAt: 'x' }] }) });
    await worker(missing).runOnce();
    expect(await state('m1')).toEqual(['delivered', 1, null]);
    expect(await state('m2')).toEqual(['pending', 1, 'EXCHANGE_PEER_ERROR']);

    t.clock.now = START + 3_600_000;
    await enqueue(t.store, { id: 'm3', to: A, createdAt: t.clock.now });
    await worker(batchPeer({}, { status: 503, body: { error: 'busy' } }).fetch).runOnce();
    expect([await state('m2'), await state('m3')]).toEqual([
      ['pending', 2, 'EXCHANGE_PEER_ERROR'],
      ['pending', 1, 'EXCHANGE_PEER_ERROR'],
    ]);
    t.clock.now += 3_600_000;
    await worker(batchPeer({}, { status: 403, body: { error: { code: 'EXCHANGE_SENDER_UNTRUSTED', message: 'who?' } } }).fetch).runOnce();
    expect([await state('m2'), await state('m3')]).toEqual([
      ['failed', 3, 'EXCHANGE_SENDER_UNTRUSTED'],
      ['failed', 2, 'EXCHANGE_SENDER_UNTRUSTED'],
    ]);
  });

  it('keeps order per permit: a status change waits for its permit, which goes in the first batch', async () => {
    await enqueue(t.store, { id: 'issued', to: A, subject: 'urn:uuid:p1', createdAt: START });
    await enqueue(t.store, { id: 'other', to: A, subject: 'urn:uuid:p2', createdAt: START + 1 });
    await enqueue(t.store, { id: 'revoked', to: A, subject: 'urn:uuid:p1', type: MESSAGE_TYPES.statusChanged, createdAt: START + 2 });
    t.clock.now = START + 1000;
    const peer = batchPeer();
    const w = worker(peer.fetch);
    await w.runOnce();
    await w.runOnce();
    expect(peer.posts).toEqual([['issued', 'other'], ['revoked']]);
  });

  it('with batchSize 1, or an envelope that cannot batch, sends each message alone', async () => {
    for (const id of ['m1', 'm2']) await enqueue(t.store, { id, to: A });
    const peer = batchPeer();
    await worker(peer.fetch, { batchSize: 1 }).runOnce();
    expect(peer.posts).toEqual([['m1'], ['m2']]);
    for (const id of ['m3', 'm4']) await enqueue(t.store, { id, to: A });
    const alone = batchPeer();
    await new DeliveryWorker({ store: t.store, envelope: jsonEnvelope, fetch: alone.fetch, now: () => new Date(t.clock.now), random: () => 0.5, settings: SETTINGS }).runOnce();
    expect(alone.posts).toEqual([['m3'], ['m4']]);
  });
});
