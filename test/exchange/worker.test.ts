/**
 * The delivery worker on a real SQLite outbox, with time, randomness and fetch pinned:
 * backoff with full jitter, a circuit that isolates a dead peer, order per peer and subject,
 * the maximum age, failed against retried answers, the POST timeout, stopping mid-attempt,
 * and the wake-up after a commit that wrote messages.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryWorker, type DeliverySettings } from '../../src/exchange/delivery-worker.js';
import { backoffMs } from '../../src/exchange/delivery-attempt.js';
import { retryMessage } from '../../src/exchange/operator-view.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import { endpointOf, enqueue, jsonEnvelope, scriptedFetch, SETTINGS, START, testStore, type Answer, type TestStore } from './worker-helpers.js';

const A = 'did:web:a.example';
const B = 'did:web:b.example';
let t: TestStore;
beforeEach(async () => {
  t = await testStore();
});
afterEach(() => t.close());

function worker(fetch: ReturnType<typeof scriptedFetch>['fetch'], settings: Partial<DeliverySettings> = {}, random = () => 0.5) {
  const logs: Record<string, unknown>[] = [];
  const w = new DeliveryWorker({ store: t.store, envelope: jsonEnvelope, fetch, now: () => new Date(t.clock.now), random, settings: { ...SETTINGS, ...settings }, log: (l) => logs.push(l) });
  return Object.assign(w, { logs });
}
const row = (id: string) => t.store.reads.exchange.outbox.get(id);
const at = (ms: number) => new Date(ms).toISOString();

describe('backoff with full jitter', () => {
  it('waits random × min(cap, base × 2^attempts): 0.5 of 1, 2, 4, 8 s, then capped at 8 s', () => {
    expect([0, 1, 2, 3, 4, 10].map((n) => backoffMs(n, 0.5, SETTINGS))).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    expect([backoffMs(3, 0, SETTINGS), backoffMs(3, 0.999, SETTINGS)]).toEqual([0, 7992]);
  });

  it('schedules each retry of an unreachable peer by the attempts so far', async () => {
    const script = scriptedFetch({ [endpointOf(A)]: 'refused' });
    const w = worker(script.fetch);
    await enqueue(t.store, { id: 'm1', to: A });
    const schedule: [number, string | undefined, string | null][] = [];
    for (let i = 0; i < 5; i += 1) {
      await w.runOnce();
      const r = (await row('m1'))!;
      schedule.push([r.attempts, r.nextAttemptAt, r.lastCode]);
      t.clock.now = Date.parse(r.nextAttemptAt);
    }
    expect(schedule).toEqual([
      [1, at(START + 500), 'EXCHANGE_PEER_UNREACHABLE'],
      [2, at(START + 1500), 'EXCHANGE_PEER_UNREACHABLE'],
      [3, at(START + 3500), 'EXCHANGE_PEER_UNREACHABLE'],
      [4, at(START + 7500), 'EXCHANGE_PEER_UNREACHABLE'],
      [5, at(START + 11_500), 'EXCHANGE_PEER_UNREACHABLE'],
    ]);
    expect(script.posts).toHaveLength(5);
  });

  it('does not send a message before its next attempt is due', async () => {
    const script = scriptedFetch({ [endpointOf(A)]: 'refused' });
    const w = worker(script.fetch);
    await enqueue(t.store, { id: 'm1', to: A });
    await w.runOnce();
    t.clock.now = START + 499;
    await w.runOnce();
    expect(script.posts).toHaveLength(1);
  });
});

describe('the circuit of a peer', () => {
  it('after 2 failures in a row tries the dead peer once per cool-down, while the live peer gets every message', async () => {
    const script = scriptedFetch({ [endpointOf(A)]: 'refused' });
    // random 0: every retry is due at once, so only the circuit holds A back.
    const w = worker(script.fetch, { circuitThreshold: 2, circuitCoolDownMs: 60_000, concurrency: 1 }, () => 0);
    for (const id of ['a1', 'a2', 'a3']) await enqueue(t.store, { id, to: A });
    for (const id of ['b1', 'b2', 'b3']) await enqueue(t.store, { id, to: B });
    const perPass: [number, number][] = [];
    for (let i = 0; i < 4; i += 1) {
      const before = [script.to(A).length, script.to(B).length];
      await w.runOnce();
      perPass.push([script.to(A).length - before[0]!, script.to(B).length - before[1]!]);
    }
    // A: fails twice, then the circuit is open; B: one message per pass (concurrency 1), all delivered.
    expect(perPass).toEqual([[1, 1], [1, 1], [0, 1], [0, 0]]);
    expect(w.circuits()).toEqual([{ did: A, state: 'open' }, { did: B, state: 'closed' }]);
    expect(await Promise.all(['b1', 'b2', 'b3'].map(async (id) => (await row(id))!.state))).toEqual(['delivered', 'delivered', 'delivered']);

    // After the cool-down one trial goes (even with more room), fails, and the circuit opens again.
    t.clock.now = START + 60_000;
    w['deps'].settings.concurrency = 3;
    await w.runOnce();
    expect(script.to(A)).toHaveLength(3);
    await w.runOnce();
    expect(script.to(A)).toHaveLength(3);
    expect(w.circuits()[0]).toEqual({ did: A, state: 'open' });
  });

  it('closes when the trial after the cool-down is answered, and every waiting message goes', async () => {
    let alive = false;
    const script = scriptedFetch({ [endpointOf(A)]: () => (alive ? { status: 202 } : 'refused') });
    const w = worker(script.fetch, { circuitThreshold: 1, circuitCoolDownMs: 30_000 }, () => 0);
    for (const id of ['a1', 'a2', 'a3']) await enqueue(t.store, { id, to: A });
    await w.runOnce();
    expect(script.to(A)).toEqual(['a1', 'a2', 'a3']);
    alive = true;
    await w.runOnce();
    expect(script.to(A)).toHaveLength(3);
    t.clock.now = START + 30_000;
    await w.runOnce(); // the trial
    await w.runOnce(); // the rest
    expect(script.to(A).slice(3).sort()).toEqual(['a1', 'a2', 'a3']);
    expect(w.circuits()).toEqual([{ did: A, state: 'closed' }]);
  });
});

describe('order per peer and subject', () => {
  it('sends a revocation only after the permit it revokes was delivered, and other subjects meanwhile', async () => {
    let permitAnswer: Answer = { status: 409, body: { error: { code: 'EXCHANGE_SENDER_UNRESOLVABLE', message: 'later', retryable: true } } };
    const script = scriptedFetch({ [endpointOf(A)]: (id) => (id === 'permit' ? permitAnswer : { status: 202 }) });
    const w = worker(script.fetch, {}, () => 0);
    await enqueue(t.store, { id: 'permit', to: A, subject: 'urn:uuid:p1' });
    await enqueue(t.store, { id: 'revocation', to: A, subject: 'urn:uuid:p1', type: MESSAGE_TYPES.statusChanged });
    await enqueue(t.store, { id: 'other', to: A, subject: 'urn:uuid:p2' });
    await enqueue(t.store, { id: 'same-subject-to-b', to: B, subject: 'urn:uuid:p1' });
    await w.runOnce();
    await w.runOnce();
    expect(script.posts.map((p) => p.id)).toEqual(['permit', 'other', 'same-subject-to-b', 'permit']);
    expect((await row('revocation'))!.attempts).toBe(0);
    permitAnswer = { status: 202 };
    await w.runOnce();
    await w.runOnce();
    expect(script.posts.map((p) => p.id).slice(4)).toEqual(['permit', 'revocation']);
    expect((await row('revocation'))!.state).toBe('delivered');
  });

  it('lets a later message go once the earlier one failed for good (a failed row holds nothing up)', async () => {
    const script = scriptedFetch({ [endpointOf(A)]: (id) => (id === 'permit' ? { status: 400, body: { error: { code: 'EXCHANGE_BODY_INVALID', message: 'bad', path: '/permit' } } } : { status: 202 }) });
    const w = worker(script.fetch);
    await enqueue(t.store, { id: 'permit', to: A, subject: 'urn:uuid:p1' });
    await enqueue(t.store, { id: 'revocation', to: A, subject: 'urn:uuid:p1' });
    await w.runOnce();
    await w.runOnce();
    expect(script.posts.map((p) => p.id)).toEqual(['permit', 'revocation']);
  });
});

describe('what an answer means', () => {
  it('2xx: delivered; a retryable refusal, 5xx, refused connection: pending with backoff; any other refusal: failed with its code', async () => {
    const script = scriptedFetch({
      [endpointOf(A)]: (id) =>
        (({
          ok: { status: 202 },
          later: { status: 409, body: { error: { code: 'EXCHANGE_PERMIT_NOT_RECEIVED', message: 'not yet', retryable: true } } },
          reused: { status: 409, body: { error: { code: 'EXCHANGE_MESSAGE_ID_REUSED', message: 'reused' } } },
          untrusted: { status: 403, body: { error: { code: 'EXCHANGE_SENDER_UNTRUSTED', message: 'who?' } } },
          html: { status: 404, body: 'Not Found' },
          busy: { status: 503, body: 'down for maintenance' },
          crowded: { status: 429, body: {} },
        }) as Record<string, Answer>)[id] ?? 'refused',
    });
    const w = worker(script.fetch);
    const ids = ['ok', 'later', 'reused', 'untrusted', 'html', 'busy', 'crowded', 'gone'];
    for (const id of ids) await enqueue(t.store, { id, to: A });
    w['deps'].settings.concurrency = 10;
    await w.runOnce();
    const rows = await Promise.all(ids.map(async (id) => row(id)));
    expect(rows.map((r) => [r!.id, r!.state, r!.attempts, r!.lastCode])).toEqual([
      ['ok', 'delivered', 1, null],
      ['later', 'pending', 1, 'EXCHANGE_PERMIT_NOT_RECEIVED'],
      ['reused', 'failed', 1, 'EXCHANGE_MESSAGE_ID_REUSED'],
      ['untrusted', 'failed', 1, 'EXCHANGE_SENDER_UNTRUSTED'],
      ['html', 'failed', 1, 'EXCHANGE_PEER_REFUSED'],
      ['busy', 'pending', 1, 'EXCHANGE_PEER_ERROR'],
      ['crowded', 'pending', 1, 'EXCHANGE_PEER_REFUSED'],
      ['gone', 'pending', 1, 'EXCHANGE_PEER_UNREACHABLE'],
    ]);
    expect(rows[0]!.deliveredAt).toBe(at(START));
    expect(rows[5]!.lastError).toBe('HTTP 503: "down for maintenance"');
    expect(w.logs.filter((l) => l.event === 'exchange-failed').map((l) => l.id)).toEqual(['reused', 'untrusted', 'html']);
  });

  it('a peer that never answers: EXCHANGE_PEER_TIMEOUT after timeoutMs (AbortSignal.timeout), retried', async () => {
    const script = scriptedFetch({ [endpointOf(A)]: 'hang' });
    const w = worker(script.fetch, { timeoutMs: 100 });
    await enqueue(t.store, { id: 'm1', to: A });
    await w.runOnce();
    expect(await row('m1')).toMatchObject({ state: 'pending', attempts: 1, lastCode: 'EXCHANGE_PEER_TIMEOUT', lastError: `no answer from ${endpointOf(A)} within 100 ms` });
  });

  it('a message the envelope cannot pack (peer DID unresolvable): EXCHANGE_PACK_FAILED, retried, and a failure of the peer', async () => {
    const script = scriptedFetch({});
    const w = new DeliveryWorker({
      store: t.store,
      envelope: { pack: () => Promise.reject(new Error('the DID document of did:web:a.example could not be resolved')) },
      fetch: script.fetch,
      now: () => new Date(t.clock.now),
      random: () => 0.5,
      settings: { ...SETTINGS, circuitThreshold: 1 },
    });
    await enqueue(t.store, { id: 'm1', to: A });
    await w.runOnce();
    expect(await row('m1')).toMatchObject({ state: 'pending', attempts: 1, lastCode: 'EXCHANGE_PACK_FAILED', lastError: 'the DID document of did:web:a.example could not be resolved' });
    expect(w.circuits()).toEqual([{ did: A, state: 'open' }]);
    expect(script.posts).toEqual([]);
  });
});

describe('maximum age and re-queueing', () => {
  it('marks a message still pending after its maximum age undeliverable and sends it no more; retry re-queues it with a new age', async () => {
    const script = scriptedFetch({ [endpointOf(A)]: 'refused' });
    const w = worker(script.fetch);
    await enqueue(t.store, { id: 'm1', to: A, maxAgeMs: 7 * 86_400_000 });
    await w.runOnce();
    t.clock.now = START + 7 * 86_400_000;
    await w.runOnce();
    expect(await row('m1')).toMatchObject({ state: 'undeliverable', attempts: 1, lastCode: 'EXCHANGE_PEER_UNREACHABLE' });
    expect(script.posts).toHaveLength(1);
    expect(w.logs.filter((l) => l.event === 'exchange-undeliverable')).toEqual([
      { level: 'warn', event: 'exchange-undeliverable', id: 'm1', to: A, type: MESSAGE_TYPES.permitIssued, attempts: 1, code: 'EXCHANGE_PEER_UNREACHABLE' },
    ]);

    const requeued = await retryMessage(t.store, 'm1', new Date(t.clock.now), 7, { name: 'Anoma Perera', tokenId: 'tok-1' });
    expect(requeued).toMatchObject({ ok: true, previousState: 'undeliverable', message: { state: 'pending', attempts: 0, nextAttemptAt: at(t.clock.now), expiresAt: at(t.clock.now + 7 * 86_400_000) } });
    // The operator's re-queue is on the trail with their name, in the same transaction.
    const head = await t.store.reads.audit.head();
    const entry = await t.store.reads.audit.bySeq(head!.seq);
    expect(entry).toMatchObject({ action: 'exchange.requeued', actorName: 'Anoma Perera', actorToken: 'tok-1', subject: 'm1' });
    expect(JSON.parse(entry!.detailsJson)).toEqual({ type: MESSAGE_TYPES.permitIssued, to: A, previousState: 'undeliverable' });
    script.posts.length = 0;
    await w.runOnce();
    expect(script.posts.map((p) => p.id)).toEqual(['m1']);
  });

  it('retry refuses a delivered message (CONFLICT) and an unknown id (NOT_FOUND)', async () => {
    const w = worker(scriptedFetch({}).fetch);
    await enqueue(t.store, { id: 'm1', to: A });
    await w.runOnce();
    expect(await retryMessage(t.store, 'm1', new Date(t.clock.now), 7, { name: 'Anoma Perera' })).toEqual({ ok: false, code: 'CONFLICT', message: `The message m1 was delivered at ${at(START)}; it is not sent again.` });
    expect(await retryMessage(t.store, 'nope', new Date(t.clock.now), 7, { name: 'Anoma Perera' })).toEqual({ ok: false, code: 'NOT_FOUND', message: 'No outgoing exchange message with the id nope.' });
  });
});

describe('running', () => {
  it('is woken by a commit that wrote a message (no poll for an hour), and stops cleanly', async () => {
    let delivered!: (id: string) => void;
    const got = new Promise<string>((resolve) => (delivered = resolve));
    const script = scriptedFetch({ [endpointOf(A)]: (id) => (delivered(id), { status: 202 }) });
    const w = worker(script.fetch);
    w.start();
    await enqueue(t.store, { id: 'm1', to: A });
    expect(await got).toBe('m1');
    await w.stop();
    expect(await row('m1')).toMatchObject({ state: 'delivered', attempts: 1 });
  });

  it('stopped with an attempt in flight: records nothing for it, so it is sent again after a restart', async () => {
    let posted!: () => void;
    const inFlight = new Promise<void>((resolve) => (posted = resolve));
    const script = scriptedFetch({ [endpointOf(A)]: () => (posted(), 'hang') });
    const w = worker(script.fetch, { timeoutMs: 60_000 });
    w.start();
    await enqueue(t.store, { id: 'm1', to: A });
    await inFlight;
    await w.stop();
    expect(await row('m1')).toMatchObject({ state: 'pending', attempts: 0, lastAttemptAt: null });
  });
});
