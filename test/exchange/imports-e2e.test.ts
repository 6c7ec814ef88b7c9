/**
 * The importing side end to end: LK and CH each run `saiga serve` as their own process (own
 * SQLite file, did:web on its own loopback port). LK issues an export to CH and revokes it; the
 * outbox, the delivery worker, DIDComm authcrypt, CH's inbox and handlers carry both. CH lists
 * the permit as revoked, and once LK is stopped CH's verifier still says "revoked (notified by
 * the issuing authority at …)" where it could otherwise not check the status at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editConfig, initAuthority, readExample, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';
import { VERIFY_CODES } from '../../src/codes.js';

const FAST = { backoffBaseMs: 100, backoffCapMs: 500, circuitThreshold: 3, circuitCoolDownMs: 1000, pollIntervalMs: 200, timeoutMs: 2000 };
let lk: AuthorityProcess;
let ch: AuthorityProcess;

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
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
    // CH reads LK's lists afresh at every verification: what it shows once LK is gone comes from the notice alone.
    s.verify.statusCacheSeconds = 0;
  });
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop()]);
});

/** Polls CH's import list until `done` holds (a deadline, not a timing assertion). */
async function importsUntil(done: (items: any[]) => boolean, what: string): Promise<any[]> {
  const end = Date.now() + 60_000;
  for (;;) {
    const listed = await ch.api('/api/imports', { token: ch.officerToken });
    expect(listed.status).toBe(200);
    if (done(listed.body.items)) return listed.body.items;
    if (Date.now() > end) throw new Error(`gave up waiting for ${what}: ${JSON.stringify(listed.body.items)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('an export LK issues and revokes, at CH', () => {
  it('arrives as expected, turns revoked, and stays revoked in CH\'s verifier with LK gone', { timeout: 120_000 }, async () => {
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
    expect(issued.status).toBe(201);
    const { permitNumber, id, jwt } = issued.body;
    const [arrived] = await importsUntil((items) => items.some((p) => p.id === id), 'the permit at CH');
    expect([arrived.permitNumber, arrived.state, arrived.issuer]).toEqual([permitNumber, 'expected', lk.did]);
    // CH verifies it while LK answers (its DID document is then cached, as after any earlier check).
    expect((await ch.api('/api/verify', { body: { credential: jwt } })).body.verified).toBe(true);

    expect((await lk.api(`/api/permits/${permitNumber}/revoke`, { token: lk.officerToken, body: { reason: 'stolen' } })).status).toBe(200);
    const [revoked] = await importsUntil((items) => items.some((p) => p.id === id && p.state === 'revoked'), 'the revocation at CH');
    expect(revoked.status).toMatchObject({ status: 'revoked', reason: 'stolen' });
    await lk.stop();

    const verdict = (await ch.api('/api/verify', { body: { credential: jwt } })).body;
    const status = verdict.checks.find((c: { check: string }) => c.check === 'status');
    expect([verdict.verified, verdict.state, status.code]).toEqual([false, 'revoked', 'REVOKED']);
    expect(status.message).toBe(`${VERIFY_CODES.REVOKED} Revoked (notified by the issuing authority at ${revoked.status.changedAt}). Reason: stolen.`);
  });
});
