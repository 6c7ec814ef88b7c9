/**
 * Read-only commands open the configuration and the store only (§5 of the conformance
 * issue): they must work without the key store's secret, which shows that they start
 * no Veramo agent, open no key store and sign nothing, and they must see exactly what
 * the full agent sees.
 */
import { readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, runCli, tempDir } from '../helpers/agent-process.js';
import { openAgent } from '../../src/agent/wiring/open.js';
import { buildDidDocument, exchangeDocumentOptions } from '../../src/agent/identity/did-document.js';
import { readStoredIdentity } from '../../src/agent/identity/stored-identities.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { committedReads } from '../../src/store/unit-of-work.js';
import { loadConfig } from '../../src/agent/config/config.js';

async function agentWithOnePermit() {
  const dir = tempDir();
  const config = join(dir, 'agent.yml');
  const init = await runCli(['init', '--config', config, '--country', 'LK', '--url', 'http://localhost:18999', '--json']);
  expect(init.code, init.stderr).toBe(0);
  const issued = await runCli(['permit', 'issue', join(EXAMPLES, 'export-lk-orchids.json'), '--config', config, '--signatory', 'A. Perera', '--json']);
  expect(issued.code, issued.stderr).toBe(0);
  return { dir, config, issued: JSON.parse(issued.stdout) as { permitNumber: string; jwt: string } };
}

describe('read-only commands', () => {
  it('list, show, status, qr, pdf, verify and the token commands work with the secret gone; issuing does not', { timeout: 240_000 }, async () => {
    const { dir, config, issued } = await agentWithOnePermit();
    // Without its secret the key store cannot be opened: only commands that need no key still work.
    renameSync(join(dir, 'data', 'secret.key'), join(dir, 'secret.key.away'));
    const env = { SAIGA_SECRET_KEY: undefined };

    const list = await runCli(['permit', 'list', '--config', config, '--json'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(JSON.parse(list.stdout)).toMatchObject({ total: 1, items: [{ permitNumber: issued.permitNumber }] });

    const show = await runCli(['permit', 'show', issued.permitNumber, '--config', config, '--json'], env);
    expect(show.code, show.stderr).toBe(0);
    expect(JSON.parse(show.stdout)).toMatchObject({ permitNumber: issued.permitNumber, jwt: issued.jwt });

    const status = await runCli(['permit', 'status', issued.permitNumber, '--config', config, '--json'], env);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toMatchObject({ permitNumber: issued.permitNumber, state: 'valid', endorsement: null });

    const qr = await runCli(['permit', 'qr', issued.permitNumber, '--config', config, '--json'], env);
    expect(qr.code, qr.stderr).toBe(0);
    expect(JSON.parse(qr.stdout)).toMatchObject({ permitNumber: issued.permitNumber, kind: 'qr' });

    const verify = await runCli(['verify', issued.jwt, '--config', config, '--json'], env);
    expect(verify.code, verify.stderr).toBe(0);
    const verdict = JSON.parse(verify.stdout) as { verified: boolean; state: string; checks: { check: string; code: string }[] };
    expect(verdict.verified).toBe(true);
    expect(verdict.state).toBe('valid');
    expect(verdict.checks.every((c) => c.code === 'OK')).toBe(true);

    // The same verdict from the QR link the read-only path printed.
    const link = await runCli(['verify', (JSON.parse(qr.stdout) as { text: string }).text, '--config', config, '--json'], env);
    expect(link.code, link.stderr).toBe(0);
    expect(JSON.parse(link.stdout)).toMatchObject({ verified: true, state: 'valid' });

    // Printing and the token commands need the store only (withAgent 'read').
    const pdf = await runCli(['permit', 'pdf', issued.permitNumber, '--out', join(dir, 'permit.pdf'), '--config', config, '--json'], env);
    expect(pdf.code, pdf.stderr).toBe(0);
    expect(readFileSync(join(dir, 'permit.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const created = await runCli(['token', 'create', '--role', 'customs', '--name', 'Nadeesha Silva', '--config', config, '--json'], env);
    expect(created.code, created.stderr).toBe(0);
    const token = JSON.parse(created.stdout) as { id: string; token: string; role: string };
    expect(token.role).toBe('customs');
    const tokens = await runCli(['token', 'list', '--config', config, '--json'], env);
    expect(tokens.code, tokens.stderr).toBe(0);
    expect((JSON.parse(tokens.stdout) as { items: { id: string }[] }).items.map((t) => t.id)).toEqual([token.id]);
    const revoked = await runCli(['token', 'revoke', token.id, '--config', config, '--json'], env);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect(JSON.parse(revoked.stdout)).toMatchObject({ id: token.id, revokedAt: expect.any(String) });
    const missing = await runCli(['permit', 'show', 'LK26-E999999', '--config', config, '--json'], env);
    expect([missing.code, JSON.parse(missing.stdout)]).toEqual([1, { error: { code: 'NOT_FOUND', message: 'No permit numbered LK26-E999999 was issued here.' } }]);

    const issue = await runCli(['permit', 'issue', join(EXAMPLES, 'export-lk-orchids.json'), '--config', config, '--signatory', 'A. Perera', '--json'], env);
    expect(issue.code).toBe(2);
    expect(JSON.parse(issue.stdout)).toMatchObject({ error: { code: 'SECRET_INVALID' } });
  });

  it('reads the same identities and DID documents from the store as the full agent builds with Veramo', { timeout: 120_000 }, async () => {
    const { config } = await agentWithOnePermit();
    const saiga = await openAgent({ configPath: config });
    const db = await SqliteDatabase.open(join(saiga.config.baseDir, 'data', 'agent.sqlite'));
    try {
      const loaded = loadConfig(config);
      const pairs = [
        ['authority', saiga.didDocument],
        ['customs', saiga.customsDidDocument],
        ['anchor', saiga.anchorDidDocument],
      ] as const;
      for (const [role, document] of pairs) {
        const stored = await readStoredIdentity(committedReads(db).identities, loaded, role);
        expect(stored.did).toBe(document.id);
        expect(await buildDidDocument(stored.did, stored.keys, role === 'authority' ? exchangeDocumentOptions(stored.did, loaded.saiga.url) : {})).toEqual(document);
      }
    } finally {
      await db.close();
      await saiga.close();
    }
  });
});
