/**
 * A Sri Lankan authority's records over two years, made through the real code paths (issuance,
 * customs endorsement, revocation, suspension, replacement) by an in-process agent whose clock
 * the seed moves (time is pinned: every date below is the agent's "now" when the act happened).
 *
 * | permit        | issued      | what happened                                         | in 2026 exporter report       |
 * |---------------|-------------|-------------------------------------------------------|-------------------------------|
 * | LK25-E000001  | 2025-03-10  | endorsed 2025-03-20 (1000 of 1200)                    | no (2025 trade)               |
 * | LK25-E000002  | 2025-12-20  | endorsed 2026-01-05 (1150 of 1200)                    | row 2                         |
 * | LK26-R000001  | 2026-02-01  | re-export, endorsed 2026-02-15: A 250, B 0 (not sent) | row 3 (block A only)          |
 * | LK26-E000001  | 2026-01-10  | revoked (stolen)                                      | unused: REVOKED               |
 * | LK26-E000002  | 2026-02-10  | replaced by LK26-E000003 (lost)                       | unused: REPLACED              |
 * | LK26-E000003  | 2026-02-12  | the replacement, endorsed 2026-03-01 (600 of 1200)    | row 4                         |
 * | LK26-E000004  | 2026-03-05  | never used; expired 2026-09-05                        | unused: EXPIRED               |
 * | LK26-E000005  | 2026-11-20  | suspended                                             | unused: SUSPENDED             |
 * | LK26-E000006  | 2026-11-25  | not used yet, in date                                 | unused: OPEN                  |
 */
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { example, inProcessAgent, type InProcessAgent } from '../store/helpers.js';
import type { PermitRequest } from '../../src/permit/model.js';

export const TODAY = new Date('2026-12-01T12:00:00Z');

const at = (agent: InProcessAgent, iso: string) => (agent.clock.now = new Date(iso));

async function issue(agent: InProcessAgent, when: string, request: PermitRequest): Promise<string> {
  at(agent, when);
  const outcome = await agent.saiga.capabilities.issuance.issue(request, { signatory: 'Kamal Perera' });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
  return outcome.ok ? outcome.record.permitNumber : '';
}

async function endorse(agent: InProcessAgent, when: string, permitNumber: string, blocks: { block: string; quantity: number }[]): Promise<void> {
  at(agent, `${when}T09:00:00Z`);
  const outcome = await agent.saiga.capabilities.lifecycle.endorse(permitNumber, { blocks, portOfExport: 'LKCMB', date: when, transportDocument: '176-12345675' }, { name: 'Nadeesha Silva' });
  expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
}

/** The watch-straps re-export, as exported from Sri Lanka (the origins stay US and ZW). */
export function lkReExport(): PermitRequest {
  const request = example('re-export-ch-watch-straps.json');
  request.exporter = { name: 'Lanka Leather Works (Pvt) Ltd', address: '12 Galle Road, Colombo 3', country: 'LK' };
  // The origin permits were issued before the re-export (not in the agent's future).
  for (const specimen of request.specimens) specimen.origin = { ...specimen.origin!, date: '2025-11-02' };
  return request;
}

export interface Seeded {
  agent: InProcessAgent;
  /** The agent's SQLite file. */
  file: string;
}

export async function seedAuthority(): Promise<Seeded> {
  const agent = await inProcessAgent(new Date('2025-03-10T08:00:00Z'));
  const orchids = example('export-lk-orchids.json');
  const a = await issue(agent, '2025-03-10T08:00:00Z', orchids);
  await endorse(agent, '2025-03-20', a, [{ block: 'A', quantity: 1000 }]);
  const b = await issue(agent, '2025-12-20T08:00:00Z', orchids);
  await endorse(agent, '2026-01-05', b, [{ block: 'A', quantity: 1150 }]);
  const stolen = await issue(agent, '2026-01-10T08:00:00Z', orchids);
  at(agent, '2026-01-11T08:00:00Z');
  expect((await agent.saiga.capabilities.lifecycle.change(stolen, { action: 'revoke', reason: 'stolen', actor: 'Kamal Perera' })).ok).toBe(true);
  const reExport = await issue(agent, '2026-02-01T08:00:00Z', lkReExport());
  const lost = await issue(agent, '2026-02-10T08:00:00Z', orchids);
  const replacement = await issue(agent, '2026-02-12T08:00:00Z', { ...orchids, replaces: { permitNumber: lost, reason: 'lost' } });
  await endorse(agent, '2026-02-15', reExport, [
    { block: 'A', quantity: 250 },
    { block: 'B', quantity: 0 },
  ]);
  await endorse(agent, '2026-03-01', replacement, [{ block: 'A', quantity: 600 }]);
  await issue(agent, '2026-03-05T08:00:00Z', orchids);
  const suspended = await issue(agent, '2026-11-20T08:00:00Z', orchids);
  at(agent, '2026-11-21T08:00:00Z');
  expect((await agent.saiga.capabilities.lifecycle.change(suspended, { action: 'suspend', reason: 'under investigation', actor: 'Kamal Perera' })).ok).toBe(true);
  await issue(agent, '2026-11-25T08:00:00Z', orchids);
  at(agent, TODAY.toISOString());
  // Everything in the main file, so that a copy of it is the whole database.
  await agent.saiga.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return { agent, file: join(agent.dir, 'data', 'agent.sqlite') };
}

/** A copy of the agent's folder (agent.yml and data/), for a mutated database or a CLI run. */
export function copyAgent(seeded: Seeded): { dir: string; config: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-report-'));
  // The WAL is checkpointed and empty: the main file is the whole database (its -wal and -shm are the live agent's).
  cpSync(seeded.agent.dir, dir, { recursive: true, filter: (source) => !/-(wal|shm)$/.test(source) });
  return { dir, config: join(dir, 'agent.yml'), file: join(dir, 'data', 'agent.sqlite') };
}

export const readText = (file: string) => readFileSync(file, 'utf8');
