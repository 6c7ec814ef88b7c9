/**
 * An in-process agent for the store tests: a real SQLite file in a temporary folder, a
 * real HTTP server on loopback, and a clock the test moves (time is passed in).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { createApp } from '../../src/http/app.js';
import type { PermitRequest } from '../../src/permit/model.js';

export const EXAMPLES = resolve('examples/permits');

export function example(name: string): PermitRequest {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as PermitRequest;
}

export interface InProcessAgent {
  saiga: OpenedAgent;
  dir: string;
  url: string;
  clock: { now: Date };
  officerToken: string;
  customsToken: string;
  adminToken: string;
  api(path: string, init?: { method?: string; token?: string; body?: unknown }): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** A Sri Lankan authority (did:key: no DID document to serve) with one token per role. */
export async function inProcessAgent(start = new Date('2026-12-01T12:00:00Z')): Promise<InProcessAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-store-'));
  const configPath = join(dir, 'agent.yml');
  writeFileSync(
    configPath,
    renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: '811A Jayanthipura, Battaramulla', place: 'Battaramulla', url: 'http://127.0.0.1:9', didMethod: 'key' }),
  );
  const clock = { now: start };
  const saiga = await openAgent({ configPath, initialise: true, env: {}, now: () => clock.now });
  const app = createApp(saiga.capabilities, { logError: () => undefined });
  const server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const officerToken = (await saiga.tokens.create('officer', 'Kamal Perera')).token;
  const customsToken = (await saiga.tokens.create('customs', 'Nadeesha Silva')).token;
  const adminToken = (await saiga.tokens.create('admin', 'Ruwan Jayasinghe')).token;
  const api: InProcessAgent['api'] = async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body };
  };
  return {
    saiga,
    dir,
    url,
    clock,
    officerToken,
    customsToken,
    adminToken,
    api,
    close: async () => {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      await saiga.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
