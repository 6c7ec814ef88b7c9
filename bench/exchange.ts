/**
 * The exchange between authorities, timed (issue 9): two agents as separate `saiga serve`
 * processes on loopback, LK sending and CH receiving, each with its own SQLite file.
 *
 *  - delivery latency: permits issued at LK one at a time, each a permit-issued message to CH;
 *    from the outbox row's creation (in the issuing transaction) to its acknowledgement by CH
 *    (DIDComm authcrypt, CH's checks, CH's core verification of the permit, CH's durable
 *    commit, LK's mark as delivered), read from LK's outbox;
 *  - drain: CH is stopped, LK issues `drainCount` permits, CH starts again; the time from CH
 *    answering until LK's outbox has no pending message, and the messages per second;
 *  - baseline, same run: the same JWTs POSTed as plain HTTP bodies to a loopback server that
 *    reads them and answers 202, one at a time (latency) and with as many in flight as the
 *    delivery worker uses (messages per second).
 *
 * Targets (issue 9 §7): p50 ≤ 50 ms, ≥ 200 messages/s on 2 cores, 10,000 drained in ≤ 60 s.
 */
import { createServer } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sqlite3 from 'sqlite3';
import { MESSAGE_TYPES } from '../src/exchange/message-types.js';
import { createToken, editConfig, initAuthority, readExample, serveAuthority, setPeers, type AuthorityProcess } from '../test/helpers/agent-process.js';

export interface ExchangeBench {
  latency: { count: number; p50Ms: number; p99Ms: number; baselineP50Ms: number; baselineP99Ms: number };
  drain: { count: number; seconds: number; perSecond: number; baselinePerSecond: number; inFlight: number };
  settings: Record<string, number>;
  targets: { p50Ms: number; perSecond: number; drainSeconds: number };
}

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** The bench's delivery settings: short retry waits, so that the drain starts soon after the peer is back (reported with the figures). */
const SETTINGS = { backoffBaseMs: 100, backoffCapMs: 1000, circuitThreshold: 5, circuitCoolDownMs: 500, concurrency: 8, batchSize: 20, pollIntervalMs: 200 };

interface OutboxRow {
  type: string;
  created_at: string;
  delivered_at: string | null;
  state: string;
}

function outboxRows(databaseFile: string): Promise<OutboxRow[]> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(databaseFile, sqlite3.OPEN_READONLY, (error) => {
      if (error) return reject(error);
      db.all('SELECT type, created_at, delivered_at, state FROM exchange_outbox ORDER BY seq', (queryError, rows) => {
        db.close();
        if (queryError) reject(queryError);
        else resolve(rows as OutboxRow[]);
      });
    });
  });
}

async function issueMany(lk: AuthorityProcess, request: unknown, count: number, inFlight: number, progress: (line: string) => void): Promise<string[]> {
  const jwts: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      next++;
      const issued = await lk.api('/api/permits', { token: lk.officerToken, body: request });
      if (issued.status !== 201) throw new Error(`issuing failed: ${issued.status} ${JSON.stringify(issued.body)}`);
      jwts.push(issued.body.jwt as string);
      if (jwts.length % 1000 === 0) progress(`  issued ${jwts.length}/${count}`);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return jwts;
}

async function waitUntil(what: string, test: () => Promise<boolean>, timeoutMs: number, everyMs = 100): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The baseline: a loopback server that reads each body and answers 202, fed the same JWTs. */
async function plainPosts(jwts: string[], sequentialCount: number, inFlight: number): Promise<{ p50: number; p99: number; perSecond: number }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.statusCode = 202;
      res.end('{"status":"accepted"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = `http://127.0.0.1:${port}/didcomm`;
  const post = async (body: string) => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ permit: body }) });
    await response.text();
  };
  try {
    for (const jwt of jwts.slice(0, 20)) await post(jwt);
    const samples: number[] = [];
    for (const jwt of jwts.slice(0, sequentialCount)) {
      const start = performance.now();
      await post(jwt);
      samples.push(performance.now() - start);
    }
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < jwts.length) await post(jwts[next++]!);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), perSecond: jwts.length / seconds };
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

export async function exchangeBench(options: { latencyCount: number; drainCount: number }, progress: (line: string) => void): Promise<ExchangeBench> {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }]);
  setPeers(chInit.config, [
    { did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' },
    { did: lkInit.customsDid, country: 'LK', name: 'Sri Lanka Customs', role: 'customs' },
  ]);
  editConfig(lkInit.config, (saiga) => {
    saiga.exchange = { ...SETTINGS };
  });
  const lkDatabase = join(lkInit.dir, 'data', 'agent.sqlite');
  const request = readExample('export-lk-orchids.json');
  let lk: AuthorityProcess | undefined;
  let ch: AuthorityProcess | undefined;
  try {
    [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
    const admin = await createToken(lkInit.config, 'admin', 'Bench Admin');
    // The permits' messages only: the audit trail's checkpoints (every 1,000 entries) go to CH too.
    const pending = async () => {
      const rows = await outboxRows(lkDatabase);
      return rows.filter((r) => r.state === 'pending' && r.type === MESSAGE_TYPES.permitIssued).length;
    };

    progress(`Exchange: ${options.latencyCount} permits issued one at a time at LK, each delivered to CH…`);
    await issueMany(lk, request, 20, 1, progress);
    await waitUntil('the warm-up messages', async () => (await pending()) === 0, 60_000);
    const before = (await outboxRows(lkDatabase)).length;
    const latencyJwts: string[] = [];
    for (let i = 0; i < options.latencyCount; i++) {
      latencyJwts.push(...(await issueMany(lk, request, 1, 1, progress)));
      // One message at a time: wait for its acknowledgement before the next permit.
      await waitUntil('a delivery', async () => (await pending()) === 0, 30_000, 10);
    }
    const latencyRows = (await outboxRows(lkDatabase)).slice(before).filter((r) => r.type === MESSAGE_TYPES.permitIssued);
    const latencies = latencyRows.map((r) => Date.parse(r.delivered_at!) - Date.parse(r.created_at));

    progress(`Exchange: CH stopped; LK issues ${options.drainCount} permits…`);
    await ch.stop();
    const drainJwts = await issueMany(lk, request, options.drainCount, 32, progress);
    await waitUntil('the queue', async () => (await pending()) === options.drainCount, 120_000, 200);
    progress('Exchange: CH back; draining…');
    ch = await serveAuthority(chInit);
    const drainStart = performance.now();
    await waitUntil('the drain', async () => (await pending()) === 0, 600_000, 250);
    const drainSeconds = (performance.now() - drainStart) / 1000;
    const status = await lk.api('/api/exchange', { token: admin });
    if (status.status !== 200) throw new Error(`GET /api/exchange answered ${status.status}`);

    progress('Exchange baseline: plain HTTP POSTs of the same JWTs…');
    const baseline = await plainPosts([...latencyJwts, ...drainJwts], options.latencyCount, SETTINGS.concurrency);
    return {
      latency: { count: latencies.length, p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), baselineP50Ms: baseline.p50, baselineP99Ms: baseline.p99 },
      drain: { count: options.drainCount, seconds: drainSeconds, perSecond: options.drainCount / drainSeconds, baselinePerSecond: baseline.perSecond, inFlight: SETTINGS.concurrency },
      settings: SETTINGS,
      targets: { p50Ms: 50, perSecond: 200, drainSeconds: 60 },
    };
  } finally {
    await Promise.all([lk?.stop(), ch?.stop()]);
  }
}

export function renderExchangeBench(bench: ExchangeBench): string {
  const { latency, drain, targets } = bench;
  return [
    `| exchange, LK → CH as separate processes | result | baseline: plain HTTP POST of the same JWTs |`,
    '|---|---:|---:|',
    `| delivery latency p50, one at a time (${latency.count} permits) | ${latency.p50Ms.toFixed(1)} ms | ${latency.baselineP50Ms.toFixed(1)} ms |`,
    `| delivery latency p99 | ${latency.p99Ms.toFixed(1)} ms | ${latency.baselineP99Ms.toFixed(1)} ms |`,
    `| messages per second, draining ${drain.count} queued for a peer that came back (${drain.inFlight} in flight) | ${drain.perSecond.toFixed(0)}/s | ${drain.baselinePerSecond.toFixed(0)}/s |`,
    `| drain time of ${drain.count} messages | ${drain.seconds.toFixed(1)} s | |`,
    `Targets: p50 ≤ ${targets.p50Ms} ms, ≥ ${targets.perSecond} messages/s, the drain in ≤ ${targets.drainSeconds} s. Delivery settings: ${JSON.stringify(bench.settings)}.`,
  ].join('\n');
}

// `node dist/bench/exchange.js [--json]` runs this section alone (SAIGA_BENCH_DRAIN sets the queue's size).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const drainCount = Number(process.env.SAIGA_BENCH_DRAIN ?? 10_000);
  const bench = await exchangeBench({ latencyCount: Number(process.env.SAIGA_BENCH_LATENCY ?? 200), drainCount }, (line) => process.stderr.write(`${line}\n`));
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(bench, null, 2)}\n` : `${renderExchangeBench(bench)}\n`);
}
