/**
 * The transactional outbox: who a message goes to (Decision 2's routing), and that it is
 * written in the unit of work of the event that causes it. Routing runs on a real SQLite store;
 * the hooks run in a real agent (its SQLite file, its Veramo keys, its issuer and lifecycle),
 * so a permit, a revocation, a replacement and an endorsement each write their messages, and
 * an issuance that fails writes none.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeRouter } from '../../src/exchange/events.js';
import { MESSAGE_TYPES } from '../../src/exchange/message-types.js';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import { PermitIssuer } from '../../src/issuance/issue.js';
import { importPermitTrust } from '../../src/permit/import-permit.js';
import { recordUrl } from '../../src/record/public-record.js';
import type { PermitRecord } from '../../src/store/permits.js';
import type { Transactions, UnitOfWork } from '../../src/store/unit-of-work.js';
import type { TrustedIssuer } from '../../src/vocab/trust-list.js';
import { editConfig, readExample } from '../helpers/agent-process.js';
import { START, testStore } from './worker-helpers.js';

const OWN = 'did:web:lk.example';
const CH = 'did:web:ch.example';
const CH2 = 'did:web:ch-second-authority.example';
const CH_CUSTOMS = 'did:key:z6MkChCustoms';
const US = 'did:web:us.example';
const ZW = 'did:web:zw.example';
const NO = 'did:web:no.example';
const TRUSTED: TrustedIssuer[] = [
  { did: OWN, role: 'managementAuthority', country: 'LK', name: 'LK' },
  { did: CH, role: 'managementAuthority', country: 'CH', name: 'CH' },
  { did: CH_CUSTOMS, role: 'customs', country: 'CH', name: 'CH customs' },
  { did: CH2, role: 'managementAuthority', country: 'CH', name: 'CH (second)' },
  { did: US, role: 'managementAuthority', country: 'US', name: 'US' },
  { did: ZW, role: 'managementAuthority', country: 'ZW', name: 'ZW' },
  { did: NO, role: 'managementAuthority', country: 'NO', name: 'NO' },
];

describe('routing', () => {
  const record = (documentType: PermitRecord['documentType'], exporterCountry: string, importerCountry: string, origins: string[] = []): PermitRecord =>
    ({
      permitNumber: `P-${documentType}`,
      credentialId: `urn:uuid:${documentType}-${exporterCountry}-${importerCountry}`,
      documentType,
      exporterCountry,
      importerCountry,
      jwt: `jwt-${documentType}`,
      permit: { specimens: [{}, ...origins.map((country) => ({ origin: { country } }))] },
    }) as unknown as PermitRecord;

  async function routed(events: Parameters<ExchangeRouter['record']>[1][]) {
    const t = await testStore();
    const logs: Record<string, unknown>[] = [];
    let n = 0;
    const router = new ExchangeRouter({ trusted: () => TRUSTED, ownDids: [OWN, 'did:key:z6MkOwnCustoms'], now: () => new Date(START), newMessageId: () => `m${(n += 1)}`, maxAgeDays: 7, log: (l) => logs.push(l) });
    for (const event of events) await t.store.transaction((work) => router.record(work, event));
    const rows = await t.store.reads.exchange.outbox.undelivered(100);
    await t.close();
    return { rows: rows.map((r) => [r.id, r.recipientDid, r.type.slice(r.type.lastIndexOf('/') + 1), r.subject]), logs, first: rows[0] };
  }

  it('sends an export to every trusted Management Authority of the importer country (not its customs, not other countries)', async () => {
    const { rows, first } = await routed([{ kind: 'permitIssued', record: record('export', 'LK', 'CH') }]);
    expect(rows).toEqual([
      ['m1', CH, 'permit-issued', 'urn:uuid:export-LK-CH'],
      ['m2', CH2, 'permit-issued', 'urn:uuid:export-LK-CH'],
    ]);
    expect(first).toMatchObject({ body: { permit: 'jwt-export' }, state: 'pending', attempts: 0, createdAt: new Date(START).toISOString(), nextAttemptAt: new Date(START).toISOString(), expiresAt: new Date(START + 7 * 86_400_000).toISOString() });
  });

  it('sends an import permit (Art. III(3)) as import-permit to the authorities of the exporting country', async () => {
    expect((await routed([{ kind: 'permitIssued', record: record('import', 'NO', 'LK') }])).rows).toEqual([['m1', NO, 'import-permit', 'urn:uuid:import-NO-LK']]);
  });

  it('sends a re-export to the importer country and to each country of origin (box 12), once each', async () => {
    const { rows } = await routed([{ kind: 'permitIssued', record: record('re-export', 'LK', 'CH', ['US', 'ZW', 'US']) }]);
    expect(rows.map((r) => r[1])).toEqual([CH, CH2, US, ZW]);
  });

  it('sends statuses and endorsements to whoever got the permit, confirmations to the issuer, key revocations to every peer authority', async () => {
    const { rows } = await routed([
      { kind: 'permitIssued', record: record('export', 'LK', 'NO') },
      { kind: 'statusChanged', change: { permitNumber: 'P-export', credentialId: 'urn:uuid:export-LK-NO', status: 'revoked', reason: 'stolen', changedAt: new Date(START).toISOString() } },
      { kind: 'exportEndorsed', permitNumber: 'P-export', credentialId: 'urn:uuid:export-LK-NO', jwt: 'endorsement-jwt' },
      { kind: 'importConfirmed', permitIssuerDid: US, permitCredentialId: 'urn:uuid:us-permit', jwt: 'confirmation-jwt' },
      { kind: 'keyRevoked', body: { kid: `${OWN}#key-1`, revokedAt: new Date(START).toISOString() } },
    ]);
    expect(rows).toEqual([
      ['m1', NO, 'permit-issued', 'urn:uuid:export-LK-NO'],
      ['m2', NO, 'status-changed', 'urn:uuid:export-LK-NO'],
      ['m3', NO, 'export-endorsed', 'urn:uuid:export-LK-NO'],
      ['m4', US, 'import-confirmed', 'urn:uuid:us-permit'],
      ...[CH, CH2, US, ZW, NO].map((did, i) => [`m${5 + i}`, did, 'key-revoked', `${OWN}#key-1`]),
    ]);
  });

  it('writes no row when no peer is concerned, and says so in one log line; never writes to its own DIDs', async () => {
    const { rows, logs } = await routed([
      { kind: 'permitIssued', record: record('export', 'LK', 'JP') },
      { kind: 'statusChanged', change: { permitNumber: 'P', credentialId: 'urn:uuid:never-sent', status: 'suspended', reason: '', changedAt: new Date(START).toISOString() } },
      { kind: 'importConfirmed', permitIssuerDid: OWN, permitCredentialId: 'urn:uuid:own', jwt: 'c' },
    ]);
    expect(rows).toEqual([]);
    expect(logs).toEqual([
      { level: 'info', event: 'exchange-no-recipient', kind: 'permitIssued', subject: 'urn:uuid:export-LK-JP' },
      { level: 'info', event: 'exchange-no-recipient', kind: 'statusChanged', subject: 'urn:uuid:never-sent' },
      { level: 'info', event: 'exchange-no-recipient', kind: 'importConfirmed', subject: 'urn:uuid:own' },
    ]);
  });
});

describe('the hooks, in a real agent: each event writes its messages in its own unit of work', () => {
  let dir: string;
  let saiga: OpenedAgent<import('../../src/agent/wiring/capabilities.js').SignCapabilities>;
  const clock = { now: new Date('2026-12-01T12:00:00Z') };
  const outbox = async () => (await saiga.store.reads.exchange.outbox.undelivered(100)).map((m) => ({ to: m.recipientDid, type: m.type, subject: m.subject, body: m.body }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saiga-outbox-hooks-'));
    const configPath = join(dir, 'agent.yml');
    writeFileSync(configPath, renderAgentYaml({ country: 'LK', name: 'Department of Wildlife Conservation', address: 'Battaramulla', place: 'Battaramulla', url: 'http://127.0.0.1:9', didMethod: 'key' }));
    editConfig(configPath, (s) => {
      s.trust = { peers: [{ did: CH, country: 'CH', name: 'FSVO' }, { did: CH_CUSTOMS, country: 'CH', name: 'Swiss customs', role: 'customs' }] };
    });
    saiga = await openAgent({ configPath, initialise: true, env: {}, now: () => clock.now, kind: 'sign' });
  });
  afterAll(async () => {
    await saiga?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('issue, endorse, revoke, replace: permit-issued, export-endorsed and status-changed to CH, in order', async () => {
    const issue = async () => {
      const outcome = await saiga.capabilities.issuance.issue(readExample('export-lk-orchids.json'), { signatory: 'Kamal Perera' });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      return outcome.record;
    };
    const first = await issue();
    const endorsed = await saiga.capabilities.lifecycle.endorse(first.permitNumber, { blocks: [{ block: 'A', quantity: 1150 }], portOfExport: 'LKCMB', date: '2026-12-01', transportDocument: '176-12345675' }, { name: 'Nadeesha Silva' });
    expect(endorsed.ok).toBe(true);
    const second = await issue();
    expect((await saiga.capabilities.lifecycle.change(second.permitNumber, { action: 'suspend', reason: 'under investigation', actor: 'Kamal Perera' })).ok).toBe(true);
    const replacement = await saiga.capabilities.issuance.issue({ ...readExample('export-lk-orchids.json'), replaces: { permitNumber: second.permitNumber, reason: 'lost' } }, { signatory: 'Kamal Perera' });
    expect(replacement.ok).toBe(true);
    const third = (replacement as { record: PermitRecord }).record;
    const at = clock.now.toISOString();
    expect(await outbox()).toEqual([
      { to: CH, type: MESSAGE_TYPES.permitIssued, subject: first.credentialId, body: { permit: first.jwt } },
      { to: CH, type: MESSAGE_TYPES.exportEndorsed, subject: first.credentialId, body: { endorsement: (endorsed as { jwt: string }).jwt } },
      { to: CH, type: MESSAGE_TYPES.permitIssued, subject: second.credentialId, body: { permit: second.jwt } },
      { to: CH, type: MESSAGE_TYPES.statusChanged, subject: second.credentialId, body: { permitNumber: second.permitNumber, credentialId: second.credentialId, status: 'suspended', reason: 'under investigation', changedAt: at } },
      // The replacement's automatic revoke, then the replacement itself: one unit of work.
      { to: CH, type: MESSAGE_TYPES.statusChanged, subject: second.credentialId, body: { permitNumber: second.permitNumber, credentialId: second.credentialId, status: 'revoked', reason: 'replaced', replacedBy: third.permitNumber, changedAt: at } },
      { to: CH, type: MESSAGE_TYPES.permitIssued, subject: third.credentialId, body: { permit: third.jwt } },
    ]);
  });

  it('a refused status change writes no message', async () => {
    const before = (await outbox()).length;
    const first = (await saiga.store.reads.permits.list({ limit: 1, offset: 0 } as never)).items[0]!;
    const refused = await saiga.capabilities.lifecycle.change(first.permitNumber, { action: 'reinstate', actor: 'Kamal Perera' });
    expect(refused.ok).toBe(false);
    expect(await outbox()).toHaveLength(before);
  });

  it('an issuance whose signing fails, or whose unit of work fails after writing its message, leaves no outbox row (and no permit); the next one writes its own', async () => {
    const before = { rows: (await outbox()).length, permits: await saiga.permits.count() };
    const sign = saiga.capabilities.signAs('authority').sign;
    // The unit of work fails after all its writes, the outbox row among them (as a commit that fails would).
    const failingCommit = { transaction: <T>(run: (work: UnitOfWork) => Promise<T>) => saiga.store.transaction(async (work) => (await run(work), Promise.reject<T>(new Error('disk I/O error at commit')))) };
    const issuer = (signWith: (c: object) => Promise<string>, store: Transactions = saiga.store) =>
      new PermitIssuer({
        authority: { ...saiga.config.saiga.authority, did: saiga.identity.did },
        numberFormat: saiga.config.numberFormat,
        agentUrl: saiga.config.saiga.url,
        sign: signWith,
        store,
        statusLists: saiga.statusLists,
        recordUrl: (id) => recordUrl(saiga.config.saiga.url, id),
        now: () => clock.now,
        newCredentialId: () => `urn:uuid:${randomUUID()}`,
        trust: () => importPermitTrust(saiga.verifier.trustedIssuers, true),
        exchange: saiga.exchangeEvents,
      });
    await expect(issuer(() => Promise.reject(new Error('the key store is locked'))).issue(readExample('export-lk-orchids.json'), { signatory: 'Kamal Perera' })).rejects.toThrow('the key store is locked');
    expect({ rows: (await outbox()).length, permits: await saiga.permits.count() }).toEqual(before);
    await expect(issuer(sign, failingCommit).issue(readExample('export-lk-orchids.json'), { signatory: 'Kamal Perera' })).rejects.toThrow('disk I/O error at commit');
    expect({ rows: (await outbox()).length, permits: await saiga.permits.count() }).toEqual(before);
    const issued = await saiga.capabilities.issuance.issue(readExample('export-lk-orchids.json'), { signatory: 'Kamal Perera' });
    expect(issued.ok).toBe(true);
    expect((await outbox()).slice(before.rows)).toEqual([{ to: CH, type: MESSAGE_TYPES.permitIssued, subject: (issued as { record: PermitRecord }).record.credentialId, body: { permit: (issued as { record: PermitRecord }).record.jwt } }]);
  });
});
