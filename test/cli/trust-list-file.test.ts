/**
 * `saiga trust-list FILE` signs only a file that is a trust list: a bad one is answered with
 * the JSON pointer of its fault and nothing is signed; a good one is signed by the trust
 * anchor (signAs('trustAnchor'): its DID as issuer, its key as `kid`).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTrustListFile } from '../../src/trust/trust-list-file.js';
import { runCli, tempDir } from '../helpers/agent-process.js';
import { decodePayload } from '../helpers/forge.js';

const GOOD = {
  name: 'Test network',
  version: 3,
  authorities: [{ country: 'CH', name: 'Federal Food Safety and Veterinary Office', address: 'Schwarzenburgstrasse 155, 3003 Bern', role: 'managementAuthority', dids: ['did:web:cites.blv.admin.ch'] }],
};
const withAuthority = (change: Record<string, unknown>) => ({ ...GOOD, authorities: [{ ...GOOD.authorities[0], ...change }] });

describe('reading a trust-list file', () => {
  it('accepts a trust list as the verifiers read it', () => {
    expect(readTrustListFile(GOOD)).toEqual({ ok: true, list: GOOD });
  });

  it.each([
    ['not an object', [], ''],
    ['an unknown field', { ...GOOD, authority: [] }, '/authority'],
    ['no name', { ...GOOD, name: '' }, '/name'],
    ['a version that is not a whole number', { ...GOOD, version: '3' }, '/version'],
    ['no authorities', { name: 'x', version: 1 }, '/authorities'],
    ['a lower-case country', withAuthority({ country: 'ch' }), '/authorities/0/country'],
    ['an unknown role', withAuthority({ role: 'scientificAuthority' }), '/authorities/0/role'],
    ['a misspelt dids', { ...GOOD, authorities: [{ country: 'CH', name: 'FSVO', role: 'customs', did: ['did:web:a'] }] }, '/authorities/0/did'],
    ['no DID', withAuthority({ dids: [] }), '/authorities/0/dids'],
    ['something else than a DID', withAuthority({ dids: ['did:web:cites.blv.admin.ch', 'https://cites.blv.admin.ch'] }), '/authorities/0/dids/1'],
    ['an address that is not text', withAuthority({ address: 3003 }), '/authorities/0/address'],
  ])('refuses %s, at its path', (_what, file, path) => {
    const read = readTrustListFile(file);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.path).toBe(path);
  });
});

describe('saiga trust-list FILE', () => {
  it('answers a bad file with its path and signs nothing; signs a good one as the trust anchor', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const config = join(dir, 'agent.yml');
    const init = await runCli(['init', '--config', config, '--country', 'NO', '--name', 'Norwegian Environment Agency', '--did-method', 'key', '--json']);
    expect(init.code, init.stderr).toBe(0);

    writeFileSync(join(dir, 'bad.json'), JSON.stringify(withAuthority({ country: 'Switzerland' })));
    const bad = await runCli(['trust-list', join(dir, 'bad.json'), '--out', join(dir, 'bad.jwt'), '--config', config, '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toEqual({
      error: {
        code: 'BAD_REQUEST',
        path: '/authorities/0/country',
        message: `${join(dir, 'bad.json')} is not a trust list: at /authorities/0/country, must be an ISO 3166-1 alpha-2 country code, e.g. "LK". Nothing was signed.`,
      },
    });
    expect(existsSync(join(dir, 'bad.jwt'))).toBe(false);

    writeFileSync(join(dir, 'good.json'), JSON.stringify(GOOD));
    const good = await runCli(['trust-list', join(dir, 'good.json'), '--config', config, '--json']);
    expect(good.code, good.stderr).toBe(0);
    const { anchor, jwt } = JSON.parse(good.stdout) as { anchor: string; jwt: string };
    expect(anchor).toMatch(/^did:key:z6Mk/);
    expect(anchor).not.toBe((JSON.parse(init.stdout) as { did: string }).did);
    const header = JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string };
    expect(header.kid.startsWith(`${anchor}#`)).toBe(true);
    const payload = decodePayload(jwt) as { iss: string; vc: { credentialSubject: unknown } };
    expect(payload.iss).toBe(anchor);
    expect(payload.vc.credentialSubject).toEqual(GOOD);
  });
});
