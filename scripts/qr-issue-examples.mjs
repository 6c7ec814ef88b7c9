#!/usr/bin/env node
/**
 * Issues every example permit (examples/permits/*.json) at a real, throwaway agent of its
 * country and writes the VC-JWTs, and their decoded payload JSON, to a folder: the raw
 * material for the QR dictionary (src/qr/dictionary.ts) and for scripts/qr-inspect.mjs.
 * Also writes "re-export-ch-watch-straps-4-lines", the watch straps with two more blocks.
 *
 *   npm run build && node scripts/qr-issue-examples.mjs [out-dir]   (default: test-output/qr-examples)
 *
 * Uses the compiled agent in dist/ (the agent loads its own modules from there anyway).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import jsYaml from 'js-yaml';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const { openAgent } = await import(join(root, 'dist/src/agent/wiring/open.js'));
const { renderAgentYaml } = await import(join(root, 'dist/src/agent/config/write-config.js'));

/** Realistic authorities, one per country of the examples (keep in step with test/qr/helpers.ts). */
export const AUTHORITIES = {
  LK: { country: 'LK', name: 'Department of Wildlife Conservation', address: '811A Jayanthipura, Battaramulla', place: 'Battaramulla', url: 'https://cites.dwc.gov.lk' },
  CH: { country: 'CH', name: 'Federal Food Safety and Veterinary Office FSVO', address: 'Schwarzenburgstrasse 155, 3003 Bern', place: 'Bern', url: 'https://cites.blv.admin.ch' },
  NO: { country: 'NO', name: 'Norwegian Environment Agency', address: 'Brattørkaia 15, 7010 Trondheim', place: 'Trondheim', url: 'https://cites.miljodirektoratet.no' },
};
const SIGNATORY = { LK: 'Kamal Perera', CH: 'Andrea Müller', NO: 'Ingrid Solberg' };

/** The authority that issues an example: the importer's country for an import permit, else the exporter's. */
const countryOf = (request) => (request.documentType === 'import' ? request.importer.country : request.exporter.country);

const outDir = resolve(process.argv[2] ?? join(root, 'test-output/qr-examples'));
mkdirSync(outDir, { recursive: true });
const examplesDir = join(root, 'examples/permits');
const requests = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => ({ name: basename(f, '.json'), request: JSON.parse(readFileSync(join(examplesDir, f), 'utf8')) }));
const straps = requests.find((r) => r.name === 're-export-ch-watch-straps');
if (straps) {
  const request = structuredClone(straps.request);
  request.specimens.push(
    { ...request.specimens[0], scientificName: 'Crocodylus porosus', commonName: 'Saltwater crocodile', quantity: 80, origin: { country: 'AU', permitNumber: 'PWS2026-AU-001122', date: '2026-02-10' } },
    { ...request.specimens[1], scientificName: 'Caiman crocodilus fuscus', commonName: 'Brown caiman', source: 'C', quantity: 300, origin: { country: 'CO', permitNumber: 'CO-26-000777', date: '2026-02-20' } },
  );
  requests.push({ name: 're-export-ch-watch-straps-4-lines', request });
}

const agents = {};
const dirs = [];
try {
  for (const { name, request } of requests) {
    const country = countryOf(request);
    if (!agents[country]) {
      const dir = mkdtempSync(join(tmpdir(), `saiga-qr-${country.toLowerCase()}-`));
      dirs.push(dir);
      const configPath = join(dir, 'agent.yml');
      const config = jsYaml.load(renderAgentYaml({ ...AUTHORITIES[country], didMethod: 'web' }), { schema: jsYaml.CORE_SCHEMA });
      // Each authority trusts the other two: the LK elephant export names the CH import permit (Art. III(2)(d)).
      config.saiga.trust = { peers: Object.entries(AUTHORITIES).filter(([c]) => c !== country).map(([c, a]) => ({ did: `did:web:${new URL(a.url).host}`, country: c, name: a.name })) };
      // The peers do not run, so no import permit can reach these agents: the elephant export names it only.
      config.saiga.issuance = { requireHeldImportPermit: false };
      writeFileSync(configPath, jsYaml.dump(config, { schema: jsYaml.CORE_SCHEMA, noRefs: true, lineWidth: -1 }));
      agents[country] = await openAgent({ configPath, initialise: true, env: {} });
    }
    const outcome = await agents[country].issuer.issue(request, { signatory: SIGNATORY[country] });
    if (!outcome.ok) throw new Error(`${name}: ${JSON.stringify(outcome.errors)}`);
    const jwt = outcome.record.jwt;
    writeFileSync(join(outDir, `${name}.jwt`), jwt);
    writeFileSync(join(outDir, `${name}.payload.json`), Buffer.from(jwt.split('.')[1], 'base64url'));
    console.log(`${name}: ${jwt.length} characters`);
  }
} finally {
  for (const agent of Object.values(agents)) await agent.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}
console.log(`written to ${outDir}`);
