/**
 * Helpers for the QR transport tests: real agents of the three example countries in temp
 * dirs (the agent loads its modules from dist/: run `npm run build` first), the example
 * requests, and a seeded PRNG for the fuzz tests.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml, type NewAuthority } from '../../src/agent/config/write-config.js';
import type { PermitRequest } from '../../src/permit/model.js';
import { editConfig, setPeers } from '../helpers/agent-process.js';

export const ROOT = join(import.meta.dirname, '..', '..');

/** One authority per country of the examples, with a realistic domain (keep in step with scripts/qr-issue-examples.mjs). */
export const AUTHORITIES = {
  LK: { country: 'LK', name: 'Department of Wildlife Conservation', address: '811A Jayanthipura, Battaramulla', place: 'Battaramulla', url: 'https://cites.dwc.gov.lk', didMethod: 'web' },
  CH: { country: 'CH', name: 'Federal Food Safety and Veterinary Office FSVO', address: 'Schwarzenburgstrasse 155, 3003 Bern', place: 'Bern', url: 'https://cites.blv.admin.ch', didMethod: 'web' },
  NO: { country: 'NO', name: 'Norwegian Environment Agency', address: 'Brattørkaia 15, 7010 Trondheim', place: 'Trondheim', url: 'https://cites.miljodirektoratet.no', didMethod: 'web' },
} as const satisfies Record<string, NewAuthority>;
export type Country = keyof typeof AUTHORITIES;

/** The did:web of an example authority, from its URL. */
export const didOf = (country: Country): string => `did:web:${new URL(AUTHORITIES[country].url).host}`;

export const SIGNATORY: Record<Country, string> = { LK: 'Kamal Perera', CH: 'Andrea Müller', NO: 'Ingrid Solberg' };

export interface TestAgent {
  country: Country;
  saiga: OpenedAgent;
  close(): Promise<void>;
}

export async function createAgent(country: Country): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), `saiga-qr-${country.toLowerCase()}-`));
  const configPath = join(dir, 'agent.yml');
  writeFileSync(configPath, renderAgentYaml(AUTHORITIES[country]));
  // Each authority trusts the other two Management Authorities: the LK elephant export names the CH import permit.
  setPeers(configPath, (Object.keys(AUTHORITIES) as Country[]).filter((c) => c !== country).map((c) => ({ did: didOf(c), country: c, name: AUTHORITIES[c].name })));
  // The peers' hosts are not running, so no import permit can reach these agents: they name it only (test/linked/ checks held ones).
  editConfig(configPath, (saiga) => (saiga.issuance = { requireHeldImportPermit: false }));
  const saiga = await openAgent({ configPath, initialise: true, env: {} });
  return {
    country,
    saiga,
    close: async () => {
      await saiga.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Example {
  name: string;
  request: PermitRequest;
  /** The country whose authority issues it: the importer's for an import permit, else the exporter's. */
  country: Country;
}

/** Every example permit, ready to issue (the elephant export names the CH import permit it relies on, by CH's DID). */
export function examples(): Example[] {
  const dir = join(ROOT, 'examples', 'permits');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const request = JSON.parse(readFileSync(join(dir, f), 'utf8')) as PermitRequest;
      const country = (request.documentType === 'import' ? request.importer.country : request.exporter.country) as Country;
      return { name: basename(f, '.json'), request, country };
    });
}

/** The watch-straps re-export with two more blocks: a four-line permit. */
export function fourLinePermit(): Example {
  const straps = examples().find((e) => e.name === 're-export-ch-watch-straps')!;
  const request = structuredClone(straps.request);
  const [a, b] = request.specimens as [PermitRequest['specimens'][number], PermitRequest['specimens'][number]];
  request.specimens.push(
    { ...a, scientificName: 'Crocodylus porosus', commonName: 'Saltwater crocodile', quantity: 80, origin: { country: 'AU', permitNumber: 'PWS2026-AU-001122', date: '2026-02-10' } },
    { ...b, scientificName: 'Caiman crocodilus fuscus', commonName: 'Brown caiman', source: 'C', quantity: 300, origin: { country: 'CO', permitNumber: 'CO-26-000777', date: '2026-02-20' } },
  );
  return { name: 're-export-ch-watch-straps-4-lines', request, country: 'CH' };
}

/** A permit with `lines` blocks, each with its own random tag numbers (for the reference form). */
export function manyLinePermit(lines: number, seed = 1): Example {
  const four = fourLinePermit();
  const random = prng(seed);
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('').toUpperCase();
  const request = structuredClone(four.request);
  request.specimens = Array.from({ length: lines }, (_, i) => ({ ...four.request.specimens[i % 4]!, quantity: 10 + i, marks: `Tags ${hex(24)} to ${hex(24)}` }));
  return { name: `watch-straps-${lines}-lines`, request, country: 'CH' };
}

/** mulberry32: a small seeded PRNG, so that a failing fuzz case can be reproduced. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
