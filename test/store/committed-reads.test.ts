/**
 * Defect 1: reads see committed permits only. An issuing batch holds its transaction open
 * on the writing connection; the API, the public status lists, records and credentials
 * read on their own read-only connection and must not see the batch until it commits.
 * A write that fails for want of space (SQLITE_FULL, from a real page limit on the real
 * file) issues nothing, answers 507, and uses no permit number.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CredentialPayload } from '@veramo/core';
import { randomUUID } from 'node:crypto';
import { importPermitTrust } from '../../src/permit/import-permit.js';
import { PermitIssuer } from '../../src/issuance/issue.js';
import { recordUrl } from '../../src/record/public-record.js';
import type { Transactions, UnitOfWork } from '../../src/store/unit-of-work.js';
import { example, inProcessAgent, type InProcessAgent } from './helpers.js';

let agent: InProcessAgent | undefined;
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

/** The agent's own issuer, whose batch transaction waits for `release` once all its rows are written. */
function heldIssuer(a: InProcessAgent) {
  const { saiga } = a;
  let release!: () => void;
  const released = new Promise<void>((ok) => (release = ok));
  let opened!: () => void;
  const open = new Promise<void>((ok) => (opened = ok));
  const store: Transactions = {
    transaction: <T>(run: (work: UnitOfWork) => Promise<T>) =>
      saiga.store.transaction(async (work) => {
        const result = await run(work);
        opened();
        await released;
        return result;
      }),
  };
  const issuer = new PermitIssuer({
    authority: { ...saiga.config.saiga.authority, did: saiga.identity.did },
    numberFormat: saiga.config.numberFormat,
    agentUrl: saiga.config.saiga.url,
    sign: async (credential) => {
      const signed = await saiga.veramo.createVerifiableCredential({ credential: credential as unknown as CredentialPayload, proofFormat: 'jwt' });
      return (signed.proof as { jwt: string }).jwt;
    },
    store,
    statusLists: saiga.statusLists,
    recordUrl: (id) => recordUrl(saiga.config.saiga.url, id),
    now: () => a.clock.now,
    newCredentialId: () => `urn:uuid:${randomUUID()}`,
    trust: () => importPermitTrust(saiga.verifier.trustedIssuers, true),
  });
  return { issuer, open, release };
}

describe('reads while an issuing batch is open', () => {
  it('the API, records, credentials and status do not see the batch until it commits, then do', async () => {
    agent = await inProcessAgent();
    const a = agent;
    const first = await a.api('/api/permits', { token: a.officerToken, body: example('export-lk-orchids.json') });
    expect(first.status).toBe(201);
    expect(first.body.permitNumber).toBe('LK26-E000001');

    const held = heldIssuer(a);
    const issuing = held.issuer.issue(example('export-lk-orchids.json'), { signatory: 'Kamal Perera' });
    await held.open;
    // The rows are there, inside the open transaction on the writing connection…
    const pending = await a.saiga.db.get<{ permit_number: string; credential_id: string }>('SELECT permit_number, credential_id FROM permit ORDER BY rowid DESC LIMIT 1');
    expect(pending?.permit_number).toBe('LK26-E000002');
    const uuid = pending!.credential_id.replace('urn:uuid:', '');
    // …and no read sees them.
    const list = await a.api('/api/permits', { token: a.officerToken });
    expect([list.status, list.body.total, list.body.items.map((p: { permitNumber: string }) => p.permitNumber)]).toEqual([200, 1, ['LK26-E000001']]);
    expect((await a.api('/api/permits/LK26-E000002', { token: a.officerToken })).status).toBe(404);
    expect((await a.api('/api/permits/LK26-E000002/status', { token: a.officerToken })).status).toBe(404);
    expect((await a.api('/api/permits/LK26-E000002/pdf', { token: a.officerToken })).status).toBe(404);
    expect((await a.api(`/credentials/${uuid}`)).status).toBe(404);
    expect((await a.api(`/records/${uuid}`)).status).toBe(404);
    expect(await a.saiga.permits.count()).toBe(1);

    held.release();
    const outcome = await issuing;
    expect(outcome.ok).toBe(true);
    const shown = await a.api('/api/permits/LK26-E000002', { token: a.officerToken });
    expect([shown.status, shown.body.id]).toEqual([200, pending!.credential_id]);
    expect((await a.api(`/credentials/${uuid}`)).body).toBe(shown.body.jwt);
    expect((await a.api(`/records/${uuid}`)).body).toMatchObject({ permitNumber: 'LK26-E000002', status: 'valid' });
    expect((await a.api('/api/permits', { token: a.officerToken })).body.total).toBe(2);
  }, 60_000);
});

describe('a disk that is full', () => {
  it('answers 507 STORAGE_FAILED, stores nothing that any read sees, and uses no permit number', async () => {
    agent = await inProcessAgent();
    const a = agent;
    const request = example('export-lk-orchids.json');
    expect((await a.api('/api/permits', { token: a.officerToken, body: request })).body.permitNumber).toBe('LK26-E000001');
    // A real SQLITE_FULL: the file may not grow by a single page (https://sqlite.org/pragma.html#pragma_max_page_count).
    await a.saiga.db.exec('PRAGMA wal_checkpoint(TRUNCATE); VACUUM');
    const { page_count: pages } = (await a.saiga.db.get<{ page_count: number }>('PRAGMA page_count'))!;
    await a.saiga.db.exec(`PRAGMA max_page_count = ${pages}`);

    const full = await a.api('/api/permits', { token: a.officerToken, body: request });
    expect(full.status).toBe(507);
    expect(full.body.error.code).toBe('STORAGE_FAILED');
    expect(full.body.error.message).toMatch(/no permit number was used/);
    const list = await a.api('/api/permits', { token: a.officerToken });
    expect([list.body.total, list.body.items.map((p: { permitNumber: string }) => p.permitNumber)]).toEqual([1, ['LK26-E000001']]);
    expect((await a.saiga.db.get<{ n: number }>('SELECT count(*) AS n FROM permit'))!.n).toBe(1);
    expect((await a.saiga.db.get<{ n: number }>('SELECT count(*) AS n FROM status_entry'))!.n).toBe(2);

    // Space again: the next permit takes the number the failed one did not keep.
    await a.saiga.db.exec('PRAGMA max_page_count = 1073741823');
    const next = await a.api('/api/permits', { token: a.officerToken, body: request });
    expect([next.status, next.body.permitNumber]).toEqual([201, 'LK26-E000002']);
    expect((await a.saiga.db.get<{ n: number }>('SELECT count(*) AS n FROM status_entry'))!.n).toBe(4);
  }, 60_000);
});
