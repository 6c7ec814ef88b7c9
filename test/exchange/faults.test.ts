/**
 * The exchange's fault tests (issue 9 §2 and §7), each with real agents as separate processes
 * (the built CLI's `saiga serve`), each with its own SQLite file, on its own loopback port,
 * DIDComm v2 authcrypt through the real envelope and the importer's real handlers:
 *
 * - the importer is down during the push: delivered exactly once after it restarts;
 * - the exporter is SIGKILLed with messages pending: delivered after its restart;
 * - the same message delivered twice: applied once, the same acknowledgement both times;
 * - a revocation reaches the importer within one retry cycle of its coming back.
 *
 * LK exports to CH. Retries are made fast (agent.yml saiga.exchange), so that a cycle is short.
 */
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createToken, editConfig, initAuthority, readExample, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';

/** A retry cycle: backoff up to 0.5 s, circuit open for 1 s after 3 failures in a row; the outbox is read every 0.2 s. A restarted agent's first answer may take seconds on a loaded machine (it loads its verifier then): the POST timeout leaves room for it. */
const FAST = { backoffBaseMs: 100, backoffCapMs: 500, circuitThreshold: 3, circuitCoolDownMs: 1000, pollIntervalMs: 200, timeoutMs: 15_000 };

type Init = Awaited<ReturnType<typeof initAuthority>>;
const running: AuthorityProcess[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((p) => p.stop()));
});

async function serve(init: Init): Promise<AuthorityProcess> {
  const agent = await serveAuthority(init);
  running.push(agent);
  return agent;
}

async function kill(agent: AuthorityProcess, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<void> {
  running.splice(running.indexOf(agent), 1);
  if (signal === 'SIGTERM') return agent.stop();
  await new Promise<void>((resolve) => {
    agent.child.once('exit', () => resolve());
    agent.child.kill('SIGKILL');
  });
}

/** Polls `read` until `done` holds (a deadline, not a timing assertion: the assertions follow). */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}; last seen ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** LK (did:web) exporting to CH; each trusts the other's Management Authority. `chEndpoint` puts a relay between them (CH is then did:key). */
async function pair(options: { chDidMethod?: 'web' | 'key'; chEndpoint?: (chUrl: string) => Promise<string> } = {}) {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern', didMethod: options.chDidMethod ?? 'web' }),
  ]);
  const endpoint = options.chEndpoint ? await options.chEndpoint(chInit.url) : undefined;
  editConfig(lkInit.config, (s) => {
    s.trust = { peers: [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office', ...(endpoint && { endpoint }) }] };
    s.exchange = { ...s.exchange, ...FAST };
  });
  editConfig(chInit.config, (s) => {
    s.trust = { peers: [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }] };
    s.exchange = { ...s.exchange, ...FAST };
  });
  return { lkInit, chInit };
}

interface OutboxMessage {
  id: string;
  type: string;
  state: string;
  attempts: number;
  lastCode: string | null;
}

/** LK's outbox to CH, all states (delivered ones are counted, not listed, so read the counts too). */
async function outboxTo(lk: AuthorityProcess, admin: string, did: string): Promise<{ pending: number; delivered: number; failed: number; messages: OutboxMessage[] }> {
  const view = await lk.api('/api/exchange', { token: admin });
  expect(view.status).toBe(200);
  return view.body.peers.find((p: { did: string }) => p.did === did) ?? { pending: 0, delivered: 0, failed: 0, messages: [] };
}

async function importsAt(ch: AuthorityProcess, token: string): Promise<{ permitNumber: string; status: { status: string } }[]> {
  const listed = await ch.api('/api/imports', { token });
  expect(listed.status).toBe(200);
  return listed.body.items;
}

async function issueAt(lk: AuthorityProcess, request = readExample('export-lk-orchids.json')): Promise<{ permitNumber: string; id: string }> {
  const issued = await lk.api('/api/permits', { token: lk.officerToken, body: request });
  expect(issued.status, JSON.stringify(issued.body)).toBe(201);
  return issued.body;
}

/** One query on an agent's SQLite file, read-only (what it stored, as it stored it). */
async function query<T extends Record<string, unknown>>(init: Init, sql: string): Promise<T[]> {
  const db = await SqliteDatabase.openReadOnly(join(init.dir, 'data', 'agent.sqlite'));
  try {
    return await db.all<T>(sql);
  } finally {
    await db.close();
  }
}

/** Messages CH applied: the rows of its inbox. */
const inboxCount = async (init: Init) => (await query<{ n: number }>(init, 'SELECT COUNT(*) AS n FROM exchange_inbox'))[0]!.n;
/** LK's status-changed message: its state and attempts. */
const revocationRow = async (init: Init) => (await query<{ state: string; attempts: number }>(init, "SELECT state, attempts FROM exchange_outbox WHERE type LIKE '%/status-changed'"))[0]!;

describe('faults between two agents', () => {
  it('the importer is down during the push: the permit is delivered exactly once after it restarts', async () => {
    const { lkInit, chInit } = await pair();
    const lk = await serve(lkInit);
    let ch = await serve(chInit);
    const admin = await createToken(lkInit.config, 'admin', 'Ruwan Jayasinghe');
    await kill(ch);
    const permit = await issueAt(lk);
    // LK tried and failed while CH was down.
    const failing = await until(() => outboxTo(lk, admin, ch.did), (o) => (o.messages[0]?.attempts ?? 0) >= 2, 'failed attempts to the stopped importer');
    expect(failing.messages[0]).toMatchObject({ state: 'pending', lastCode: expect.stringMatching(/^EXCHANGE_(PACK_FAILED|PEER_UNREACHABLE)$/) });

    ch = await serve(chInit);
    const delivered = await until(() => outboxTo(lk, admin, ch.did), (o) => o.delivered === 1, 'delivery after the importer restarted');
    expect([delivered.pending, delivered.delivered, delivered.failed]).toEqual([0, 1, 0]);
    const chToken = await createToken(chInit.config, 'officer', 'Anna Keller');
    expect((await importsAt(ch, chToken)).map((p) => p.permitNumber)).toEqual([permit.permitNumber]);
    expect(await inboxCount(chInit)).toBe(1);
  }, 180_000);

  it('the exporter is SIGKILLed with messages pending: they are delivered after its restart', async () => {
    const { lkInit, chInit } = await pair();
    let lk = await serve(lkInit);
    const admin = await createToken(lkInit.config, 'admin', 'Ruwan Jayasinghe');
    const permits = [await issueAt(lk), await issueAt(lk), await issueAt(lk)];
    // Tried until the circuit opened (from then on the peer gets one trial per cool-down, so not every message is tried).
    await until(() => outboxTo(lk, admin, chInit.did), (o) => o.pending === 3 && o.messages[0]!.attempts >= FAST.circuitThreshold, 'three pending messages, the first tried until the circuit opened');
    await kill(lk, 'SIGKILL');

    const ch = await serve(chInit);
    lk = await serve(lkInit);
    const delivered = await until(() => outboxTo(lk, admin, ch.did), (o) => o.delivered === 3, 'the three messages after the exporter restarted');
    expect([delivered.pending, delivered.failed]).toEqual([0, 0]);
    const chToken = await createToken(chInit.config, 'officer', 'Anna Keller');
    expect((await importsAt(ch, chToken)).map((p) => p.permitNumber).sort()).toEqual(permits.map((p) => p.permitNumber).sort());
    expect(await inboxCount(chInit)).toBe(3);
  }, 180_000);

  it('the same message delivered twice is applied once, and answered with the same acknowledgement', async () => {
    // A relay between LK and CH (CH is did:key, so LK's agent.yml names its endpoint): it keeps what LK sent.
    const seen: { body: string; type: string; answer: string; status: number }[] = [];
    let relay: Server | undefined;
    const { lkInit, chInit } = await pair({
      chDidMethod: 'key',
      chEndpoint: async (chUrl) => {
        relay = createServer((request, response) => {
          let body = '';
          request.on('data', (chunk: Buffer) => (body += chunk.toString()));
          request.on('end', async () => {
            const type = request.headers['content-type'] ?? '';
            const answer = await fetch(`${chUrl}/didcomm`, { method: 'POST', headers: { 'content-type': type }, body });
            const text = await answer.text();
            seen.push({ body, type, answer: text, status: answer.status });
            response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(text);
          });
        });
        await new Promise<void>((ok) => relay!.listen(0, '127.0.0.1', ok));
        return `http://127.0.0.1:${(relay!.address() as AddressInfo).port}/didcomm`;
      },
    });
    try {
      const ch = await serve(chInit);
      const lk = await serve(lkInit);
      const admin = await createToken(lkInit.config, 'admin', 'Ruwan Jayasinghe');
      const permit = await issueAt(lk);
      await until(() => outboxTo(lk, admin, ch.did), (o) => o.delivered === 1, 'the delivery through the relay');
      expect(seen.map((s) => s.status)).toEqual([202]);

      // The same bytes again, as a sender whose record of the first answer was lost would send them.
      const again = await fetch(`${ch.url}/didcomm`, { method: 'POST', headers: { 'content-type': seen[0]!.type }, body: seen[0]!.body });
      expect(again.status).toBe(202);
      expect(await again.text()).toBe(seen[0]!.answer);
      const chToken = await createToken(chInit.config, 'officer', 'Anna Keller');
      expect((await importsAt(ch, chToken)).map((p) => p.permitNumber)).toEqual([permit.permitNumber]);
      expect(await inboxCount(chInit)).toBe(1);
    } finally {
      await new Promise((ok) => (relay ? relay.close(ok) : ok(undefined)));
    }
  }, 180_000);

  it('a revocation reaches the importer within one retry cycle of its coming back', async () => {
    const { lkInit, chInit } = await pair();
    const lk = await serve(lkInit);
    let ch = await serve(chInit);
    const admin = await createToken(lkInit.config, 'admin', 'Ruwan Jayasinghe');
    const chToken = await createToken(chInit.config, 'officer', 'Anna Keller');
    const permit = await issueAt(lk);
    await until(() => importsAt(ch, chToken), (items) => items.length === 1, 'the permit at the importer');
    await kill(ch);

    const revoked = await lk.api(`/api/permits/${permit.permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'stolen' } });
    expect(revoked.status).toBe(200);
    // Tried until the circuit opened: CH counts as down.
    await until(() => outboxTo(lk, admin, ch.did), (o) => (o.messages[0]?.attempts ?? 0) >= FAST.circuitThreshold, 'the circuit to the stopped importer to open');

    ch = await serve(chInit);
    // CH listens from here on: every attempt that starts now reaches it.
    const back = await revocationRow(lkInit);
    await until(() => revocationRow(lkInit), (r) => r.state === 'delivered', 'the revocation after the importer came back');
    // Delivered by the first attempt after CH came back (the circuit's trial once its cool-down ended): no cycle lost.
    const delivered = await revocationRow(lkInit);
    expect(delivered.attempts - back.attempts).toBe(back.state === 'delivered' ? 0 : 1);
    expect(back.attempts).toBeGreaterThanOrEqual(FAST.circuitThreshold);
    const items = await importsAt(ch, chToken);
    expect(items.map((p) => [p.permitNumber, p.status.status])).toEqual([[permit.permitNumber, 'revoked']]);
  }, 180_000);
});
