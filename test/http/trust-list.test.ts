/**
 * Trust lists between real agents: an agent serves its list; another agent, configured
 * with a list signed by a trust anchor, trusts the authorities in it; a tampered list
 * stops an agent at start.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editConfig, initAuthority, readExample, runCli, serveAuthority, tempDir, type AuthorityProcess } from '../helpers/agent-process.js';
import { decodePayload } from '../helpers/forge.js';
import { createAssertionKeyStore, createDidResolver, verifyTrustList, webCryptoSuite } from '../../src/verify/index.js';

let anchorAgent: AuthorityProcess;
let ch: AuthorityProcess;

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office' }),
  ]);
  [anchorAgent, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);
});

afterAll(async () => {
  await Promise.all([anchorAgent?.stop(), ch?.stop()]);
});

describe('trust lists', () => {
  it('an agent serves its own trust list, signed by its trust-anchor DID, with CORS', async () => {
    const served = await anchorAgent.api('/trust-list');
    expect(served.status).toBe(200);
    expect(served.headers.get('access-control-allow-origin')).toBe('*');
    const anchorDid = decodePayload(served.body).iss as string;
    expect(anchorDid).toBe(`${anchorAgent.did}:trust-anchor`);
    const outcome = await verifyTrustList(served.body, {
      anchorDid,
      now: new Date(),
      signed: { resolveDid: createDidResolver({ fetch }), assertionKeys: createAssertionKeyStore(webCryptoSuite), suite: webCryptoSuite, allowedAlgorithms: new Set(['EdDSA']) },
    });
    expect(outcome.ok && outcome.issuers.map((i) => [i.role, i.did])).toEqual([
      ['managementAuthority', anchorAgent.did],
      ['customs', `${anchorAgent.did}:customs`],
    ]);
  });

  it('an agent configured with a signed list trusts the authorities in it; a tampered list stops it at start', async () => {
    const list = { name: 'Test network', version: 1, authorities: [{ country: 'CH', name: 'Federal Food Safety and Veterinary Office', role: 'managementAuthority', dids: [ch.did] }] };
    const dir = tempDir();
    writeFileSync(join(dir, 'authorities.json'), JSON.stringify(list));
    const signed = await runCli(['trust-list', join(dir, 'authorities.json'), '--out', join(dir, 'trust-list.jwt'), '--config', anchorAgent.config, '--json']);
    expect(signed.code, signed.stderr).toBe(0);
    const { anchor } = JSON.parse(signed.stdout) as { anchor: string };

    const noInit = await initAuthority({ country: 'NO', name: 'Norwegian Environment Agency' });
    const chPermit = (await ch.api('/api/permits', { token: ch.officerToken, body: readExample('import-ch-elephant-samples.json') })).body;
    const before = await serveAuthority(noInit);
    const untrusted = (await before.api('/api/verify', { body: { credential: chPermit.jwt } })).body;
    expect(untrusted.checks.map((c: { code: string }) => c.code)).toEqual(['OK', 'OK', 'ISSUER_UNTRUSTED']);
    await before.stop();

    editConfig(noInit.config, (saiga) => {
      saiga.trust.list = { file: join(dir, 'trust-list.jwt'), anchor };
    });
    const after = await serveAuthority(noInit);
    const trusted = (await after.api('/api/verify', { body: { credential: chPermit.jwt } })).body;
    expect([trusted.verified, trusted.issuer]).toEqual([true, { did: ch.did, role: 'managementAuthority', country: 'CH', name: 'Federal Food Safety and Veterinary Office' }]);
    expect((await after.api('/trust-list')).body).toBe((await import('node:fs')).readFileSync(join(dir, 'trust-list.jwt'), 'utf8').trim());
    await after.stop();

    // Tampered: another anchor is named than the one that signed it.
    editConfig(noInit.config, (saiga) => {
      saiga.trust.list = { file: join(dir, 'trust-list.jwt'), anchor: ch.did };
    });
    // Every command that trusts through the list checks it first (a read-only permit list does not need it).
    const refused = await runCli(['verify', chPermit.jwt, '--config', noInit.config, '--json']);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.code).toBe('CONFIG_INVALID');
    expect(JSON.parse(refused.stdout).error.message).toMatch(/^the trust list .* cannot be used: The trust list is not genuine \(ISSUER_UNTRUSTED: It is signed by .*:trust-anchor, not by the trust anchor did:web:localhost%3A\d+\.\)/);
  });
});
