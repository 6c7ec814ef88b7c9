/**
 * The operator view over a real agent (SQLite file, HTTP on loopback) and the built CLI in its
 * own process: GET /api/exchange and `saiga exchange status` show messages per peer and state,
 * `retry` re-queues one (API and CLI), admin only; POST /didcomm takes DIDComm media types only,
 * up to 256 KiB, and answers a refusal with its exchange code.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { createApp } from '../../src/http/app.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import { editConfig, readExample, runCli } from '../helpers/agent-process.js';

const CH = 'did:web:ch.example';
let dir: string;
let configPath: string;
let saiga: OpenedAgent;
let server: Server;
let url: string;
let admin: string;
let officer: string;
let messageId: string;

async function call(path: string, init: { method?: string; token?: string; body?: string; type?: string } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = init.type ?? 'application/json';
  const response = await fetch(`${url}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: response.status, body };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'saiga-exchange-operator-'));
  configPath = join(dir, 'agent.yml');
  writeFileSync(configPath, renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'http://127.0.0.1:9', didMethod: 'key' }));
  editConfig(configPath, (s) => {
    s.trust = { peers: [{ did: CH, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }] };
  });
  saiga = await openAgent({ configPath, initialise: true, env: {} });
  const app = createApp(saiga.capabilities, { logError: () => undefined });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = (await saiga.tokens.create('admin', 'Ruwan Jayasinghe')).token;
  officer = (await saiga.tokens.create('officer', 'Kamal Perera')).token;
  // The delivery worker does not run here: the message stays pending for the view.
  const issued = await call('/api/permits', { token: officer, body: JSON.stringify(readExample('export-lk-orchids.json')) });
  expect(issued.status).toBe(201);
  messageId = (await saiga.store.reads.exchange.outbox.undelivered(10))[0]!.id;
});

afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => server?.close(ok));
  await saiga?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('GET /api/exchange and saiga exchange status', () => {
  it('shows, per peer, the counts per state and each message not delivered (admin only)', async () => {
    const view = await call('/api/exchange', { token: admin });
    expect(view.status).toBe(200);
    expect(view.body.peers).toHaveLength(1);
    expect(view.body.peers[0]).toMatchObject({ did: CH, name: 'Federal Food Safety and Veterinary Office', country: 'CH', pending: 1, delivered: 0, failed: 0, undeliverable: 0, circuit: null });
    expect(view.body.peers[0].messages).toEqual([expect.objectContaining({ id: messageId, type: MESSAGE_TYPES.permitIssued, state: 'pending', attempts: 0, lastCode: null })]);
    expect(JSON.stringify(view.body)).not.toContain('eyJ');
    expect((await call('/api/exchange')).status).toBe(401);
    expect((await call('/api/exchange', { token: officer })).body.error.code).toBe('FORBIDDEN');
  });

  it('the CLI, a process of its own, shows the same (JSON and text)', async () => {
    const json = await runCli(['exchange', 'status', '--config', configPath, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual((await call('/api/exchange', { token: admin })).body);
    const text = await runCli(['exchange', 'status', '--config', configPath]);
    expect(text.stdout.split('\n').slice(0, 3)).toEqual([
      `${CH}  Federal Food Safety and Veterinary Office (CH)`,
      '  pending 1, delivered 0, failed 0, undeliverable 0',
      expect.stringMatching(new RegExp(`^    ${messageId}  permit-issued     pending          0 attempts  next `)),
    ]);
  });
});

describe('retry', () => {
  it('re-queues a message by API (admin) and by CLI; an unknown id is NOT_FOUND', async () => {
    const api = await call(`/api/exchange/messages/${encodeURIComponent(messageId)}/retry`, { token: admin, body: '{}' });
    expect(api.status, JSON.stringify(api.body)).toBe(200);
    expect(api.body).toMatchObject({ previousState: 'pending', message: { id: messageId, state: 'pending', attempts: 0 } });
    expect((await call(`/api/exchange/messages/${encodeURIComponent(messageId)}/retry`, { token: officer, body: '{}' })).status).toBe(403);
    expect((await call('/api/exchange/messages/urn:uuid:nope/retry', { token: admin, body: '{}' })).body.error).toEqual({ code: 'NOT_FOUND', message: 'No outgoing exchange message with the id urn:uuid:nope.' });

    const cli = await runCli(['exchange', 'retry', messageId, '--config', configPath, '--officer', 'Anoma Perera', '--json']);
    expect([cli.code, JSON.parse(cli.stdout).message.id]).toEqual([0, messageId]);
    // Each re-queue is on the audit trail with who decided it: the token's holder, then the named officer.
    const requeues = (await saiga.store.reads.audit.page({ limit: 1000 })).filter((e) => e.action === 'exchange.requeued');
    expect(requeues.map((e) => [e.actorName, e.subject, JSON.parse(e.detailsJson).previousState])).toEqual([
      ['Ruwan Jayasinghe', messageId, 'pending'],
      ['Anoma Perera', messageId, 'pending'],
    ]);
    const unknown = await runCli(['exchange', 'retry', 'urn:uuid:nope', '--config', configPath, '--json']);
    expect([unknown.code, JSON.parse(unknown.stdout).error.code]).toEqual([1, 'NOT_FOUND']);
    const usage = await runCli(['exchange', 'retry', '--config', configPath]);
    expect(usage.code).toBe(2);
  });
});

describe('POST /didcomm', () => {
  it('refuses a body that is not a DIDComm media type (415) and one above 256 KiB (413); stores nothing', async () => {
    expect((await call('/didcomm', { body: '{}', type: 'application/json' })).body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = await call('/didcomm', { body: 'x'.repeat(256 * 1024 + 1), type: 'application/didcomm-encrypted+json' });
    expect([big.status, big.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(await saiga.store.reads.exchange.inbox.count()).toBe(0);
  });

  it('answers a message that is not DIDComm with 400 EXCHANGE_MESSAGE_MALFORMED', async () => {
    const answer = await call('/didcomm', { body: 'hello', type: 'application/didcomm-encrypted+json' });
    expect([answer.status, answer.body.error.code]).toEqual([400, 'EXCHANGE_MESSAGE_MALFORMED']);
    expect(await saiga.store.reads.exchange.inbox.count()).toBe(0);
  });
});
