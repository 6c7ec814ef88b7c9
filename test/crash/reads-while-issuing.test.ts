/**
 * Defect 1, kill -9 variant: while permits are being issued, readers list the permits
 * again and again; the agent is killed with SIGKILL at random moments. Every permit a read
 * ever showed is in the database after restart, byte for byte: a read never showed a
 * permit of a batch that was not committed (which a crash would lose, and whose number
 * the next start would give to another permit).
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { initAuthority, readExample, serveAuthority } from '../helpers/agent-process.js';
import { queryFile as query } from '../helpers/read-database.js';

const CYCLES = 3;
const WRITERS = 6;
const READERS = 2;

describe('reads while an agent is killed during issuing', () => {
  it(`never show a permit that is not stored after ${CYCLES} SIGKILLs`, async () => {
    const init = await initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation' });
    const request = readExample('export-lk-orchids.json');
    const seen = new Map<string, string>();
    let token = '';
    let reads = 0;

    for (let cycle = 0; cycle < CYCLES; cycle++) {
      const agent = await serveAuthority(init);
      token ||= agent.officerToken;
      let stop = false;
      const loop = (step: () => Promise<void>) => async () => {
        while (!stop) {
          try {
            await step();
          } catch {
            return; // the connection died with the agent
          }
        }
      };
      const writers = Array.from({ length: WRITERS }, loop(async () => void (await agent.api('/api/permits', { token, body: request }))));
      const readers = Array.from(
        { length: READERS },
        loop(async () => {
          const list = await agent.api('/api/permits?limit=200', { token });
          if (list.status !== 200) return;
          reads += 1;
          for (const item of list.body.items as { permitNumber: string; jwt: string }[]) {
            const before = seen.get(item.permitNumber);
            // A number shown twice with two different permits would be a reused number.
            expect(before === undefined || before === item.jwt, item.permitNumber).toBe(true);
            seen.set(item.permitNumber, item.jwt);
          }
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 400 + Math.floor(Math.random() * 800)));
      agent.child.kill('SIGKILL');
      stop = true;
      await Promise.all([...writers, ...readers]);
      await new Promise((resolve) => (agent.child.exitCode !== null || agent.child.signalCode !== null ? resolve(null) : agent.child.once('exit', resolve)));
    }

    const after = await serveAuthority(init);
    await after.stop();
    const permits = await query<{ permit_number: string; jwt: string }>(join(init.dir, 'data', 'agent.sqlite'), 'SELECT permit_number, jwt FROM permit');
    const stored = new Map(permits.map((p) => [p.permit_number, p.jwt]));
    expect(reads).toBeGreaterThan(0);
    expect(seen.size).toBeGreaterThan(0);
    for (const [number, jwt] of seen) expect(stored.get(number), number).toBe(jwt);
  }, 600_000);
});
