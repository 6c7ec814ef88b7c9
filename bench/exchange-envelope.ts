/**
 * Bench section: the exchange's envelope (src/agent/wiring/didcomm-envelope.ts), DIDComm v2
 * authcrypt between two authorities, each a real agent (its own SQLite key store, did:web over
 * loopback http).
 *
 *  - in one process: pack, and open, one message at a time, with Saiga's parts (KMS, cached
 *    stores, caching resolver) and, as the baseline, with Veramo's own in their place;
 *  - across two processes: the sender packs and POSTs, the receiver opens and answers 202:
 *    latency p50 / p99 one at a time, and messages per second with 10 in flight; the baseline
 *    is a plain HTTP POST of the same body to the same receiver.
 *
 * `node dist/bench/exchange-envelope.js [--json]` runs it alone; `envelopeTimings` is the section.
 * The receiver is this file run with `--receiver CONFIG`.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openAgent, type OpenedAgent } from '../src/agent/wiring/open.js';
import type { SignCapabilities } from '../src/agent/wiring/capabilities.js';
import { renderAgentYaml } from '../src/agent/config/write-config.js';
import { MESSAGE_TYPES } from '../src/exchange/message-types.js';
import type { OutgoingMessage } from '../src/exchange/ports.js';
import { freePort } from './free-port.js';

export interface EnvelopeRow {
  name: string;
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time per message (user + system): of this process, and, across processes, of both. Less sensitive than wall time to other load on the machine. */
  cpuMs: number;
}

export interface EnvelopeTimings {
  rows: EnvelopeRow[];
  wireBytes: number;
  targets: { perSecond: number; p50Ms: number };
}

/** The baseline: agent.yml with Veramo's own parts in place of Saiga's KMS, cached stores and caching resolver. */
const STOCK_VERAMO: [string, string][] = [
  ['"#saiga/agent/wiring/saiga-kms.js#SaigaKeyManagementSystem"', '"@veramo/kms-local#KeyManagementSystem"'],
  ['"#saiga/agent/wiring/didcomm-store-cache.js#CachedKeyStore"', '"@veramo/data-store#KeyStore"'],
  ['"#saiga/agent/wiring/didcomm-store-cache.js#CachedDIDStore"', '"@veramo/data-store#DIDStore"'],
  ['"#saiga/agent/wiring/didcomm-resolver.js#SaigaDIDResolverPlugin"', '"@veramo/did-resolver#DIDResolverPlugin"'],
];

interface Authority {
  saiga: OpenedAgent<SignCapabilities>;
  configPath: string;
  dir: string;
  url: string;
  port: number;
}

async function authority(country: string, parts: 'saiga' | 'veramo', open = true): Promise<Authority> {
  const dir = mkdtempSync(join(tmpdir(), `saiga-bench-envelope-${country.toLowerCase()}-`));
  const configPath = join(dir, 'agent.yml');
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const yaml = renderAgentYaml({ country, name: `Management Authority of ${country}`, address: country, place: country, url, didMethod: 'web' });
  writeFileSync(configPath, parts === 'saiga' ? yaml : STOCK_VERAMO.reduce((text, [saiga, veramo]) => text.replace(saiga, veramo), yaml));
  const saiga = await openAgent({ configPath, initialise: true, env: {}, kind: 'sign' });
  if (!open) await saiga.close();
  return { saiga, configPath, dir, url, port };
}

/** Serves an authority's DID document, and, for the receiver, POST /didcomm (open) and POST /plain (the baseline). */
function listen(agent: OpenedAgent<SignCapabilities>, port: number): Promise<Server> {
  const document = JSON.stringify(agent.didDocument);
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/.well-known/did.json') return void response.writeHead(200, { 'content-type': 'application/did+json' }).end(document);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (request.url === '/cpu') return void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(process.cpuUsage()));
      if (request.url === '/plain') return void response.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ bytes: body.length }));
      if (request.url !== '/didcomm') return void response.writeHead(404).end();
      agent.capabilities.envelope.open(body, new Date()).then(
        (opened) => response.writeHead(opened.ok ? 202 : 400, { 'content-type': 'application/json' }).end(JSON.stringify(opened.ok ? { id: opened.id } : opened)),
        () => response.writeHead(500).end(),
      );
    });
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

/** A permit-sized body: the notes' 2.5 kB JWT stands in as a string of that length. */
function message(to: string, i: number): OutgoingMessage {
  return { id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, type: MESSAGE_TYPES.permitIssued, to, body: { jwt: 'e'.repeat(2550) } } as unknown as OutgoingMessage;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU microseconds used so far by the processes concerned (this one, plus the receiver when given). */
type CpuClock = () => Promise<number>;
const ownCpu: CpuClock = async () => {
  const { user, system } = process.cpuUsage();
  return user + system;
};

async function sequential(name: string, count: number, run: (i: number) => Promise<void>, cpu: CpuClock = ownCpu): Promise<EnvelopeRow> {
  for (let i = 0; i < 20; i++) await run(-1 - i);
  const samples: number[] = [];
  const cpuStart = await cpu();
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    await run(i);
    samples.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  const cpuMs = ((await cpu()) - cpuStart) / 1000 / count;
  samples.sort((a, b) => a - b);
  return { name, count, perSecond: count / seconds, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), cpuMs };
}

async function inFlight(name: string, count: number, parallel: number, run: (i: number) => Promise<void>, cpu: CpuClock = ownCpu): Promise<EnvelopeRow> {
  const samples: number[] = [];
  let next = 0;
  const cpuStart = await cpu();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await run(i);
        samples.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpuMs = ((await cpu()) - cpuStart) / 1000 / count;
  samples.sort((a, b) => a - b);
  return { name, count, perSecond: count / seconds, p50Ms: percentile(samples, 50), p99Ms: percentile(samples, 99), cpuMs };
}

async function inProcess(parts: 'saiga' | 'veramo', count: number): Promise<EnvelopeRow[]> {
  const [a, b] = await Promise.all([authority('LK', parts), authority('CH', parts)]);
  const servers = await Promise.all([listen(a.saiga, a.port), listen(b.saiga, b.port)]);
  const label = parts === 'saiga' ? "Saiga's KMS, cached stores and DID documents" : "baseline: Veramo's kms-local, stores and resolver (no cache)";
  const packed: string[] = [];
  const pack = await sequential(`envelope pack, in process, ${label}`, count, async (i) => {
    const out = await a.saiga.capabilities.envelope.pack(message(b.saiga.identity.did, i));
    if (i >= 0) packed[i] = out.packed;
  });
  const open = await sequential(`envelope open, in process, ${label}`, count, async (i) => {
    const opened = await b.saiga.capabilities.envelope.open(packed[Math.max(i, 0)]!, new Date());
    if (!opened.ok) throw new Error(opened.message);
  });
  await Promise.all(servers.map((s) => new Promise((ok) => s.close(ok))));
  await Promise.all([a, b].map(async (x) => (await x.saiga.close(), rmSync(x.dir, { recursive: true, force: true }))));
  return [pack, open];
}

async function acrossProcesses(count: number): Promise<{ rows: EnvelopeRow[]; wireBytes: number }> {
  const receiver = await authority('CH', 'saiga', false);
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--receiver', receiver.configPath, String(receiver.port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((ok, fail) => {
    child.stdout!.once('data', () => ok());
    child.once('exit', (code) => fail(new Error(`receiver exited with ${code}`)));
  });
  const sender = await authority('LK', 'saiga');
  const senderServer = await listen(sender.saiga, sender.port);
  const to = receiver.saiga.identity.did;
  let wireBytes = 0;
  const deliver = async (i: number) => {
    const { packed, endpoint, mediaType } = await sender.saiga.capabilities.envelope.pack(message(to, i));
    wireBytes = packed.length;
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': mediaType }, body: packed });
    if (response.status !== 202) throw new Error(`refused: ${await response.text()}`);
  };
  const plainBody = JSON.stringify(message(to, 0));
  const plain = async () => {
    const response = await fetch(`${receiver.url}/plain`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: plainBody });
    await response.text();
  };
  const bothCpu: CpuClock = async () => {
    const theirs = (await (await fetch(`${receiver.url}/cpu`, { method: 'POST' })).json()) as { user: number; system: number };
    return (await ownCpu()) + theirs.user + theirs.system;
  };
  const rows = [
    await sequential('delivery (pack, POST, open at the peer, 202), one at a time', count, deliver, bothCpu),
    await inFlight('delivery, 10 in flight', count, 10, deliver, bothCpu),
    await sequential('baseline: plain POST of the same body, one at a time', count, plain, bothCpu),
    await inFlight('baseline: plain POST, 10 in flight', count, 10, plain, bothCpu),
  ];
  child.kill('SIGTERM');
  await new Promise((ok) => senderServer.close(ok));
  await sender.saiga.close();
  for (const x of [sender, receiver]) rmSync(x.dir, { recursive: true, force: true });
  return { rows, wireBytes };
}

export async function envelopeTimings(progress: (line: string) => void, count = 300): Promise<EnvelopeTimings> {
  progress('Exchange envelope, in one process…');
  const local = [...(await inProcess('saiga', count)), ...(await inProcess('veramo', count))];
  progress('Exchange envelope, two processes over loopback…');
  const across = await acrossProcesses(count);
  return { rows: [...local, ...across.rows], wireBytes: across.wireBytes, targets: { perSecond: 200, p50Ms: 50 } };
}

/** The receiving process: opens the agent, serves its DID document and POST /didcomm, says "ready" on stdout. */
async function receiver(configPath: string, port: number): Promise<void> {
  const saiga = await openAgent({ configPath, env: {}, kind: 'sign' });
  await listen(saiga, port);
  process.stdout.write('ready\n');
  process.once('SIGTERM', () => void saiga.close().then(() => process.exit(0)));
}

export function renderEnvelopeTimings(timings: EnvelopeTimings): string {
  return [
    '| exchange envelope (DIDComm v2 authcrypt, A256CBC-HS512) | messages | per second | p50 ms | p99 ms | CPU ms each | msg/s 2 cores could do (CPU) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...timings.rows.map((r) => `| ${r.name} | ${r.count} | ${r.perSecond.toFixed(0)} | ${r.p50Ms.toFixed(2)} | ${r.p99Ms.toFixed(2)} | ${r.cpuMs.toFixed(2)} | ${(2000 / r.cpuMs).toFixed(0)} |`),
    `A message with a 2,550-character body is ${timings.wireBytes} bytes on the wire. Targets: ≥ ${timings.targets.perSecond} messages/s on 2 cores, p50 ≤ ${timings.targets.p50Ms} ms.`,
    'Wall-clock figures depend on what else runs on the machine; the CPU column is what the messages themselves cost (both processes for the delivery rows).',
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === '--receiver') await receiver(process.argv[3]!, Number(process.argv[4]));
  else {
    const timings = await envelopeTimings((line) => process.stderr.write(`${line}\n`), Number(process.env.SAIGA_BENCH_MESSAGES ?? 300));
    process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(timings, null, 2)}\n` : `${renderEnvelopeTimings(timings)}\n`);
  }
}
