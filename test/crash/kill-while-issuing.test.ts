/**
 * Fail closed and lose nothing: an agent killed with SIGKILL again and again while it
 * issues permits never gives a permit number or a status index twice, and every permit
 * whose issue it acknowledged (HTTP 201) is there afterwards, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { decodePayload } from '../helpers/forge.js';
import { queryFile as query } from '../helpers/read-database.js';

const CYCLES = 6;
const IN_FLIGHT = 8;

describe('an agent killed while issuing', () => {
  it(`loses no acknowledged permit and reuses no number or status index over ${CYCLES} SIGKILLs`, async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    const request = readExample('export-lk-orchids.json');
    const acknowledged = new Map<string, string>();
    let token = '';
    let refusedOrLost = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const agent = await serveAuthority(init);
      token ||= agent.officerToken;
      let stop = false;
      const workers = Array.from({ length: IN_FLIGHT }, async () => {
        while (!stop) {
          try {
            const response = await agent.api('/api/permits', { token, body: request });
            if (response.status === 201) acknowledged.set(response.body.permitNumber, response.body.jwt);
            else refusedOrLost += 1;
          } catch {
            refusedOrLost += 1; // the connection died with the agent: not acknowledged
            return;
          }
        }
      });
      // Kill at an unpredictable moment while requests are in flight.
      await new Promise((resolve) => setTimeout(resolve, 300 + Math.floor(Math.random() * 600)));
      agent.child.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await new Promise((resolve) => agent.child.exitCode !== null || agent.child.signalCode !== null ? resolve(null) : agent.child.once('exit', resolve));
    }

    // One clean start after the last crash, as an operator would.
    const after = await serveAuthority(init);
    await after.stop();
    const file = join(init.dir, 'data', 'agent.sqlite');
    const permits = await query<{ permit_number: string; jwt: string }>(file, 'SELECT permit_number, jwt FROM permit ORDER BY permit_number');
    const entries = await query<{ list_id: number; idx: number; permit_number: string }>(file, 'SELECT list_id, idx, permit_number FROM status_entry');

    expect(acknowledged.size).toBeGreaterThan(CYCLES);
    // Every acknowledged permit is there, exactly as acknowledged.
    const stored = new Map(permits.map((p) => [p.permit_number, p.jwt]));
    for (const [number, jwt] of acknowledged) expect(stored.get(number), number).toBe(jwt);
    // Numbers: unique and without gaps (a rolled-back issue gives its number back).
    const sequences = permits.map((p) => Number(p.permit_number.slice(-6)));
    expect(sequences).toEqual(Array.from({ length: permits.length }, (_, i) => i + 1));
    // Status indexes: each (list, index) once, two per permit, and the credentials say the same.
    const fromCredentials = permits.flatMap((p) =>
      (decodePayload(p.jwt).vc.credentialStatus as { statusListCredential: string; statusListIndex: string }[]).map((s) => `${s.statusListCredential}#${s.statusListIndex}`),
    );
    expect(new Set(fromCredentials).size).toBe(permits.length * 2);
    expect(entries).toHaveLength(permits.length * 2);
    expect(new Set(entries.map((e) => `${e.list_id}:${e.idx}`)).size).toBe(entries.length);
    expect(new Set(entries.map((e) => e.permit_number))).toEqual(new Set(stored.keys()));
    console.log(`crash test: ${CYCLES} SIGKILLs, ${acknowledged.size} acknowledged, ${permits.length} stored, ${refusedOrLost} requests cut off`);
  }, 120_000);
});
