/**
 * Exchange messages in the audit trail, and checkpoints pushed to a peer: LK and CH each run
 * `saiga serve` (own SQLite file, did:web on a loopback port). LK issues an export to CH: LK's
 * trail records the message sent and delivered, CH's the message received. `saiga audit
 * checkpoint` at LK puts an audit-checkpoint message in LK's outbox; LK's worker delivers it
 * and CH keeps it, a copy whose signature verifies against LK's DID document.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editConfig, initAuthority, readExample, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { checkCheckpoint } from '../../src/audit/checkpoints.js';
import { nodeCryptoSuite } from '../../src/verification/node-signature.js';
import { queryFile as query } from '../helpers/read-database.js';

const FAST = { backoffBaseMs: 100, backoffCapMs: 500, circuitThreshold: 3, circuitCoolDownMs: 1000, pollIntervalMs: 200, timeoutMs: 2000 };
let lk: AuthorityProcess;
let ch: AuthorityProcess;
let lkInit: Awaited<ReturnType<typeof initAuthority>>;
let chInit: Awaited<ReturnType<typeof initAuthority>>;

/** Polls until `read` gives rows (a deadline, not a timing assertion). */
async function until<T>(read: () => Promise<T[]>, what: string): Promise<T[]> {
  const end = Date.now() + 60_000;
  for (;;) {
    const rows = await read();
    if (rows.length > 0) return rows;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  editConfig(lkInit.config, (s) => {
    s.trust = { peers: [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }] };
    s.exchange = FAST;
  });
  editConfig(chInit.config, (s) => {
    s.trust = { peers: [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }] };
    s.exchange = FAST;
  });
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop()]);
});

describe('the audit trail across the exchange', () => {
  it('records a message sent, delivered and received, and CH keeps LK\'s checkpoint', { timeout: 120_000 }, async () => {
    const lkFile = join(lkInit.dir, 'data', 'agent.sqlite');
    const chFile = join(chInit.dir, 'data', 'agent.sqlite');
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
    expect(issued.status).toBe(201);
    const [delivered] = await until(() => query<{ subject: string; permit_number: string; details_json: string }>(lkFile, "SELECT subject, permit_number, details_json FROM audit_entry WHERE action = 'exchange.delivered'"), 'the delivery at LK');
    const [sent] = await query<{ subject: string; permit_number: string; actor_name: string }>(lkFile, "SELECT subject, permit_number, actor_name FROM audit_entry WHERE action = 'exchange.sent'");
    expect(sent).toEqual({ subject: delivered!.subject, permit_number: issued.body.permitNumber, actor_name: 'system' });
    expect(delivered!.permit_number).toBe(issued.body.permitNumber);
    expect(JSON.parse(delivered!.details_json)).toMatchObject({ to: chInit.did, type: 'https://w3id.org/saiga/cites-exchange/1.0/permit-issued' });
    const [received] = await until(() => query<{ subject: string; actor_name: string; details_json: string }>(chFile, "SELECT subject, actor_name, details_json FROM audit_entry WHERE action = 'exchange.received'"), 'the receipt at CH');
    expect(received).toMatchObject({ subject: delivered!.subject, actor_name: 'system' });
    expect(JSON.parse(received!.details_json)).toMatchObject({ from: lkInit.did });

    const made = await runCli(['audit', 'checkpoint', '--config', lkInit.config, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const { checkpoint } = JSON.parse(made.stdout) as { checkpoint: { seq: number; headHash: string; jws: string } };
    const [kept] = await until(() => query<{ from_did: string; seq: number; head_hash: string; jws: string }>(chFile, 'SELECT from_did, seq, head_hash, jws FROM audit_peer_checkpoint'), "LK's checkpoint at CH");
    expect(kept).toEqual({ from_did: lkInit.did, seq: checkpoint.seq, head_hash: checkpoint.headHash, jws: checkpoint.jws });
    // The witness's copy verifies against LK's published DID document.
    const document = (await lk.api('/.well-known/did.json')).body as { verificationMethod: { id: string; publicKeyJwk: { x: string } }[] };
    const keys = document.verificationMethod.map((m) => ({ kid: m.id, publicKeyHex: Buffer.from(m.publicKeyJwk.x, 'base64url').toString('hex') }));
    expect(await checkCheckpoint(kept!.jws, lkInit.did, keys, nodeCryptoSuite)).toMatchObject({ ok: true, claim: { kind: 'checkpoint', seq: checkpoint.seq, hash: checkpoint.headHash } });
    const verified = await runCli(['audit', 'verify', '--config', chInit.config, '--json']);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
  });
});
