/**
 * The audit entry is in the action's transaction (issue 10 §3): an agent killed with SIGKILL
 * while it issues permits in group-commit batches leaves every permit with exactly its
 * entries (request accepted, issue) and no entry without its permit, and the chain verifies.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { initAuthority, readExample, runCli, serveAuthority } from '../helpers/agent-process.js';
import { queryFile as query } from '../helpers/read-database.js';

const CYCLES = 4;
const IN_FLIGHT = 12;

describe('an agent killed in the middle of an issuing batch', () => {
  it(`leaves no permit without its audit entries and no entry without its permit over ${CYCLES} SIGKILLs`, async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    const request = readExample('export-lk-orchids.json');
    const acknowledged = new Set<string>();
    let token = '';
    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const agent = await serveAuthority(init);
      token ||= agent.officerToken;
      let stop = false;
      // Many requests at once: the issuer's group commit puts them in one transaction, a savepoint each.
      const workers = Array.from({ length: IN_FLIGHT }, async () => {
        while (!stop) {
          try {
            const response = await agent.api('/api/permits', { token, body: request });
            if (response.status === 201) acknowledged.add(response.body.permitNumber);
          } catch {
            return; // the agent died: not acknowledged
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 500)));
      agent.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await new Promise((resolve) => (agent.child.exitCode !== null || agent.child.signalCode !== null ? resolve(null) : agent.child.once('exit', resolve)));
    }

    const file = join(init.dir, 'data', 'agent.sqlite');
    const permits = (await query<{ permit_number: string }>(file, 'SELECT permit_number FROM permit ORDER BY permit_number')).map((p) => p.permit_number);
    const issueEntries = await query<{ permit_number: string; n: number }>(file, "SELECT permit_number, COUNT(*) AS n FROM audit_entry WHERE action = 'permit.issue' GROUP BY permit_number ORDER BY permit_number");
    const accepted = await query<{ permit_number: string; n: number }>(
      file,
      "SELECT permit_number, COUNT(*) AS n FROM audit_entry WHERE action = 'permit.request.accepted' GROUP BY permit_number ORDER BY permit_number",
    );
    expect(acknowledged.size).toBeGreaterThan(CYCLES);
    for (const number of acknowledged) expect(permits).toContain(number);
    // Exactly one issue entry and one accepted request per stored permit, and none for a permit that is not stored.
    expect(issueEntries).toEqual(permits.map((permit_number) => ({ permit_number, n: 1 })));
    expect(accepted).toEqual(permits.map((permit_number) => ({ permit_number, n: 1 })));
    const verify = await runCli(['audit', 'verify', '--config', init.config, '--json']);
    const report = JSON.parse(verify.stdout);
    expect(report).toMatchObject({ ok: true, first: null });
    expect(verify.code).toBe(0);
    console.log(`audit crash test: ${CYCLES} SIGKILLs, ${acknowledged.size} acknowledged, ${permits.length} stored, ${report.entries} audit entries`);
  }, 180_000);
});
