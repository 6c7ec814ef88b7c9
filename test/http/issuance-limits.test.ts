/**
 * What issuance signs, every verifier reads (src/vocab/limits.ts): a real agent process
 * (did:web on loopback, SQLite file) refuses a permit too large for any verifier with 422
 * and uses no number, and the largest permit it accepts verifies through POST /api/verify,
 * through `saiga verify`, and through its CPR1 reference fetched from the agent.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePermitQrOrReference } from '../../src/qr/link.js';
import { MAX_CREDENTIAL_CHARS, MAX_ISSUED_CREDENTIAL_CHARS } from '../../src/vocab/limits.js';
import { initAuthority, readExample, runCli, serveAuthority, type AuthorityProcess } from '../helpers/agent-process.js';

let lk: AuthorityProcess;
const orchids = readExample('export-lk-orchids.json') as any;

beforeAll(async () => {
  const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' });
  lk = await serveAuthority(init);
});

afterAll(async () => {
  await lk?.stop();
});

const issue = (body: unknown) => lk.api('/api/permits', { token: lk.officerToken, body });
const sequenceOf = (permitNumber: string) => Number(permitNumber.slice(-6));

/** Twenty blocks, each described by `length` characters of three UTF-8 bytes (all within the schema's 1,000). */
function twentyBlocks(length: number, char = '蘭'): unknown {
  const request = structuredClone(orchids);
  request.specimens = Array.from({ length: 20 }, (_, i) => ({ ...orchids.specimens[0], description: `${char.repeat(length - 1)}${i % 10}` }));
  return request;
}

describe('size limits at issuance', () => {
  it('refuses twenty blocks of long Unicode descriptions with 422 and PERMIT_TOO_LARGE, and uses no number', async () => {
    const before = await issue(orchids);
    expect(before.status).toBe(201);
    const refused = await issue(twentyBlocks(1000));
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('PERMIT_INVALID');
    expect(refused.body.error.errors.map((e: { code: string; path: string }) => [e.code, e.path])).toEqual([['PERMIT_TOO_LARGE', '']]);
    expect(refused.body.error.errors[0].message).toContain('verifiers read at most 60,000');
    expect(refused.body.error.errors[0].message).toContain('block A description (2,998 bytes)');
    const after = await issue(orchids);
    expect(sequenceOf(after.body.permitNumber)).toBe(sequenceOf(before.body.permitNumber) + 1);
  });

  it('the largest permit it accepts is read by every verifier: POST /api/verify, saiga verify, and its CPR1 reference', async () => {
    // The longest description of twenty blocks that is still issued, found by bisection.
    let accepted = 1;
    let refused = 1000;
    let jwt = '';
    while (refused - accepted > 1) {
      const mid = Math.floor((accepted + refused) / 2);
      const response = await issue(twentyBlocks(mid));
      if (response.status === 201) {
        accepted = mid;
        jwt = response.body.jwt;
      } else {
        expect(response.body.error.errors.map((e: { code: string }) => e.code)).toEqual(['PERMIT_TOO_LARGE']);
        refused = mid;
      }
    }
    expect(refused).toBeLessThan(1000); // the limit, not the schema, stopped it
    // Within 1% of the limit: the bound before signing is close to the signed size.
    expect(jwt.length).toBeLessThanOrEqual(MAX_ISSUED_CREDENTIAL_CHARS);
    expect(jwt.length).toBeGreaterThan(MAX_ISSUED_CREDENTIAL_CHARS * 0.99);
    expect(MAX_ISSUED_CREDENTIAL_CHARS).toBeLessThan(MAX_CREDENTIAL_CHARS);

    const api = await lk.api('/api/verify', { body: { credential: jwt } });
    expect(api.status).toBe(200);
    expect(api.body.verified, JSON.stringify(api.body.checks)).toBe(true);

    const file = join(lk.dir, 'largest.jwt');
    writeFileSync(file, jwt);
    const cli = await runCli(['verify', file, '--config', lk.config, '--json']);
    expect(cli.code, cli.stdout + cli.stderr).toBe(0);
    expect(JSON.parse(cli.stdout).verified).toBe(true);

    // Too large for a QR code: printed as a reference, which the verifier fetches from the agent.
    const code = await encodePermitQrOrReference(jwt, lk.url);
    expect(code.kind).toBe('reference');
    const referenced = await lk.api('/api/verify', { body: { credential: code.text } });
    expect(referenced.status).toBe(200);
    expect(referenced.body.verified, JSON.stringify(referenced.body.checks)).toBe(true);
  });
});
