/**
 * GET /api/dashboard (issue 11 §2) over a real agent (SQLite file, HTTP on loopback) with a
 * pinned clock: each permit state counted once, expiring soon, imports confirmed, incoming
 * permits and outbox messages, and the roles that may read it.
 */
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { example, inProcessAgent, type InProcessAgent } from '../store/helpers.js';

let agent: InProcessAgent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

/** Writes rows the exchange would have written (permits from peers, outbox messages) into the agent's file. */
function write(file: string, statements: [string, unknown[]][]): Promise<void> {
  return new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file);
    db.serialize(() => {
      for (const [sql, params] of statements) db.run(sql, params, (error) => error && reject(error));
    });
    db.close((error) => (error ? reject(error) : resolve()));
  });
}

const incoming = (id: string, relation: string) => [
  `INSERT INTO incoming_permit (credential_id, issuer_did, permit_number, document_type, exporter_country, importer_country, relation, valid_until, subject_json, jwt, received_at)
   VALUES (?, 'did:web:peer.example', ?, 'export', 'CH', 'LK', ?, '2027-06-01', '{}', 'x.y.z', '2026-12-01T10:00:00.000Z')`,
  [id, `CH-${id}`, relation],
] as [string, unknown[]];
const outbox = (id: string, state: string) => [
  `INSERT INTO exchange_outbox (id, recipient_did, type, subject, body_json, created_at, expires_at, state, next_attempt_at)
   VALUES (?, 'did:web:peer.example', 'permit-issued', 'urn:uuid:1', '{}', '2026-12-01T10:00:00.000Z', '2026-12-08T10:00:00.000Z', ?, '2026-12-01T10:00:00.000Z')`,
  [id, state],
] as [string, unknown[]];

describe('GET /api/dashboard', () => {
  it('counts permits by state, expiring soon, incoming permits and undelivered messages', async () => {
    agent = await inProcessAgent(new Date('2026-12-01T12:00:00Z'));
    const a = agent;
    const empty = await a.api('/api/dashboard', { token: a.officerToken });
    expect(empty).toEqual({
      status: 200,
      body: {
        today: '2026-12-01',
        expiringBy: '2026-12-31',
        permits: { issued: 0, valid: 0, exported: 0, revoked: 0, suspended: 0, expired: 0, imported: 0, expiringSoon: 0 },
        incoming: { total: 0, import: 0, importPermit: 0, origin: 0 },
        exchange: { undeliverable: 0, failed: 0, pending: 0 },
      },
    });

    const issue = async (validUntil?: string) => {
      const request = { ...example('export-lk-orchids.json'), ...(validUntil !== undefined && { validUntil }) };
      const answer = await a.api('/api/permits', { token: a.officerToken, body: request });
      expect(answer.status, JSON.stringify(answer.body)).toBe(201);
      return answer.body.permitNumber as string;
    };
    await issue(); // valid, box 2 months ahead
    await issue('2026-12-31'); // valid, expiring on the last day of the window
    await issue('2027-01-01'); // valid, one day past the window
    const revoked = await issue('2026-12-20'); // revoked: not "expiring soon" though its date is in the window
    const suspended = await issue();
    const used = await issue('2026-12-10'); // endorsed: exported, not "expiring soon"
    await issue('2026-12-05'); // expires once the clock moves
    expect((await a.api(`/api/permits/${revoked}/revoke`, { token: a.officerToken, body: { reason: 'lost' } })).status).toBe(200);
    expect((await a.api(`/api/permits/${suspended}/suspend`, { token: a.officerToken, body: { reason: 'inquiry' } })).status).toBe(200);
    const endorsement = { blocks: [{ block: 'A', quantity: 1 }], portOfExport: 'LKCMB', date: '2026-12-01', transportDocument: 'AWB 176-12345675' };
    expect((await a.api(`/api/permits/${used}/endorsements`, { token: a.customsToken, body: endorsement })).status).toBe(201);
    const file = join(a.dir, 'data', 'agent.sqlite');
    await write(file, [
      incoming('urn:uuid:a1', 'import'),
      incoming('urn:uuid:a2', 'import'),
      incoming('urn:uuid:a3', 'import-permit'),
      incoming('urn:uuid:a4', 'origin'),
      outbox('m1', 'undeliverable'),
      outbox('m2', 'undeliverable'),
      outbox('m3', 'failed'),
      outbox('m4', 'delivered'),
      // An import confirmation received for the endorsed permit (issue 9), as the inbox records it.
      [
        `INSERT INTO import_confirmation (permit_credential_id, credential_id, permit_issuer_did, permit_number, direction, jwt, subject_json, created_at)
         SELECT credential_id, 'urn:uuid:c1', issuer_did, permit_number, 'received', 'x.y.z', '{}', '2026-12-03T00:00:00.000Z' FROM permit WHERE permit_number = ?`,
        [used],
      ],
    ]);
    a.clock.now = new Date('2026-12-06T09:00:00Z');

    for (const token of [a.officerToken, a.adminToken]) {
      const answer = await a.api('/api/dashboard', { token });
      expect(answer).toEqual({
        status: 200,
        body: {
          today: '2026-12-06',
          expiringBy: '2027-01-05',
          permits: { issued: 7, valid: 3, exported: 1, revoked: 1, suspended: 1, expired: 1, imported: 1, expiringSoon: 2 },
          incoming: { total: 4, import: 2, importPermit: 1, origin: 1 },
          // No peer is configured, so issuing here queued no message (exchange-no-recipient): none pending.
          exchange: { undeliverable: 2, failed: 1, pending: 0 },
        },
      });
    }
  }, 60_000);

  it('refuses customs (403 FORBIDDEN) and an anonymous caller (401 UNAUTHORIZED)', async () => {
    agent = await inProcessAgent();
    const customs = await agent.api('/api/dashboard', { token: agent.customsToken });
    expect([customs.status, customs.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const anonymous = await agent.api('/api/dashboard');
    expect([anonymous.status, anonymous.body.error.code]).toEqual([401, 'UNAUTHORIZED']);
  }, 60_000);
});
