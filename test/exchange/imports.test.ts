/**
 * The importing side: the permits Sri Lanka (its own process) sent Switzerland (a real agent
 * in-process, its handlers fed what LK signed) listed with their state, by the store, by
 * `saiga imports list` (the built CLI, read-only, on CH's database) and by GET /api/imports
 * (CH's HTTP app on loopback); and the body schemas CH publishes.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuthorityProcess, initAuthority, readExample, runCli, serveAuthority, setPeers } from '../helpers/agent-process.js';
import { openReceiver, type Receiver } from './imports-helpers.js';
import { createApp } from '../../src/http/app.js';
import { IncomingPermitReads } from '../../src/store/incoming-permits.js';
import { exchangeBodySchema } from '../../src/exchange/schemas/bodies.js';

let lk: AuthorityProcess;
let ch: Receiver;
let chConfig: string;
let server: Server;
let apiUrl: string;
const permits: Record<'expected' | 'arrived' | 'revoked' | 'suspended', { permitNumber: string; id: string; jwt: string }> = {} as never;

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(chInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }]);
  chConfig = chInit.config;
  lk = await serveAuthority(lkInit);
  ch = await openReceiver(chInit.config);
  for (const state of ['expected', 'arrived', 'revoked', 'suspended'] as const) {
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
    expect(issued.status).toBe(201);
    permits[state] = issued.body;
    expect(await ch.receive('permitIssued', lk.did, { permit: issued.body.jwt })).toEqual({ ok: true });
  }
  const notify = (permit: { permitNumber: string; id: string }, status: 'revoked' | 'suspended', reason: string) =>
    ch.receive('statusChanged', lk.did, { permitNumber: permit.permitNumber, credentialId: permit.id, status, reason, changedAt: '2026-12-01T10:00:00.000Z' });
  expect(await notify(permits.revoked, 'revoked', 'lost')).toEqual({ ok: true });
  expect(await notify(permits.suspended, 'suspended', 'under investigation')).toEqual({ ok: true });
  // The import confirmation CH customs made (the confirm part writes it; here its row alone).
  await ch.saiga.db.run(
    `INSERT INTO import_confirmation (permit_credential_id, credential_id, permit_issuer_did, permit_number, direction, jwt, subject_json, created_at)
     VALUES (?, ?, ?, ?, 'made', ?, '{}', ?)`,
    [permits.arrived.id, 'urn:uuid:00000000-0000-4000-8000-000000000001', lk.did, permits.arrived.permitNumber, 'a.b.c', new Date().toISOString()],
  );
  const app = createApp(ch.saiga.capabilities, { logError: () => undefined });
  server = await new Promise<Server>((ok) => {
    const s = app.listen(0, '127.0.0.1', () => ok(s));
  });
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 90_000);

afterAll(async () => {
  await new Promise((ok) => server?.close(ok));
  await ch?.close();
  await lk?.stop();
});

const numbersOf = (items: { permitNumber: string; state: string }[]) => items.map((p) => [p.permitNumber, p.state]).sort();
const all = () => numbersOf(Object.entries(permits).map(([state, p]) => ({ permitNumber: p.permitNumber, state })));

describe('the states of incoming permits', () => {
  it('are expected, arrived, revoked and suspended today', async () => {
    expect(numbersOf(await ch.saiga.capabilities.imports.list())).toEqual(all());
  });

  it('turn overdue once box 2 has passed without arrival; arrival and notified states stay', async () => {
    const validUntil = (await ch.saiga.store.reads.incomingPermits.get(permits.expected.id))!.validUntil;
    // The day after box 2, in UTC.
    const later = new IncomingPermitReads(ch.saiga.reads, () => new Date(Date.parse(`${validUntil}T00:00:00Z`) + 86_400_000));
    const states = numbersOf(await later.list({ relation: 'import' }));
    expect(states).toEqual(all().map(([n, s]) => [n, s === 'expected' ? 'overdue' : s]));
    expect((await later.list({ relation: 'import', state: 'overdue' })).map((p) => p.permitNumber)).toEqual([permits.expected.permitNumber]);
    // The last day of box 2 is still in date.
    const lastDay = new IncomingPermitReads(ch.saiga.reads, () => new Date(`${validUntil}T23:59:59Z`));
    expect((await lastDay.get(permits.expected.id))!.state).toBe('expected');
  });
});

describe('saiga imports list', () => {
  it('lists every incoming permit as JSON, and only those of a state with --state', async () => {
    const listed = await runCli(['imports', 'list', '--config', chConfig, '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    const body = JSON.parse(listed.stdout);
    expect([numbersOf(body.items), body.total]).toEqual([all(), 4]);
    const revoked = body.items.find((p: { permitNumber: string }) => p.permitNumber === permits.revoked.permitNumber);
    expect(revoked).toMatchObject({
      id: permits.revoked.id,
      issuer: lk.did,
      exporterCountry: 'LK',
      importerCountry: 'CH',
      state: 'revoked',
      status: { status: 'revoked', reason: 'lost', changedAt: '2026-12-01T10:00:00.000Z' },
      blocks: [{ block: 'A', scientificName: 'Phalaenopsis amabilis', quantity: 1200, unit: 'NAR' }],
    });
    const arrived = await runCli(['imports', 'list', '--config', chConfig, '--state', 'arrived', '--json']);
    expect(JSON.parse(arrived.stdout).items.map((p: { permitNumber: string }) => p.permitNumber)).toEqual([permits.arrived.permitNumber]);
  });

  it('prints one line per permit as text, and refuses an unknown state (exit 2)', async () => {
    const text = await runCli(['imports', 'list', '--config', chConfig, '--state', 'suspended']);
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n').filter((l) => l.startsWith(permits.suspended.permitNumber))).toHaveLength(1);
    expect(text.stdout).toContain('(suspended by the issuer at 2026-12-01T10:00:00.000Z: under investigation)');
    const refused = await runCli(['imports', 'list', '--config', chConfig, '--state', 'lost']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--state: must be one of expected, arrived, overdue, revoked, suspended, not "lost"');
  });
});

describe('GET /api/imports', () => {
  const get = async (path: string, role: 'officer' | 'customs' | 'admin') => {
    const { token } = await ch.saiga.tokens.create(role, role === 'customs' ? 'Urs Meier' : 'Anna Keller');
    const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: (await response.json()) as any };
  };

  it('answers officers and admins, filtered by state', async () => {
    const officer = await get('/api/imports', 'officer');
    expect([officer.status, numbersOf(officer.body.items)]).toEqual([200, all()]);
    const admin = await get('/api/imports?state=revoked', 'admin');
    expect([admin.status, admin.body.items.map((p: { permitNumber: string }) => p.permitNumber)]).toEqual([200, [permits.revoked.permitNumber]]);
  });

  it('refuses customs (403) and an unknown state (400, /state)', async () => {
    expect((await get('/api/imports', 'customs')).status).toBe(403);
    const bad = await get('/api/imports?state=lost', 'officer');
    expect([bad.status, bad.body.error.code, bad.body.error.path]).toEqual([400, 'BAD_REQUEST', '/state']);
  });
});

describe('the published body schemas', () => {
  it('serves each at its path with its own URL as $id', async () => {
    const response = await fetch(`${apiUrl}/schemas/cites-exchange/1.0/status-changed.json`);
    expect([response.status, response.headers.get('content-type'), response.headers.get('access-control-allow-origin')]).toEqual([200, 'application/schema+json; charset=utf-8', '*']);
    expect(await response.json()).toEqual(exchangeBodySchema('statusChanged', ch.saiga.config.saiga.url));
  });
});
