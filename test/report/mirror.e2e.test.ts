/**
 * The mirror comparison between two authorities as separate `saiga serve` processes (issue 10
 * §1): LK exports two consignments of orchids to CH and its customs endorse them; the exchange
 * brings permits and endorsements to CH; CH customs confirm the first with less than LK endorsed
 * (the planted discrepancy) and never confirm the second; the confirmation comes back to LK.
 * Each side's `saiga report mirror` (the built CLI, read-only, beside the running agent) and LK's
 * GET /api/reports/mirror then name both discrepancies; CH's importer report has the confirmed
 * quantity. The agents run on the real clock, so the year is this year.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { type AuthorityProcess, createToken, initAuthority, readExample, runCli, serveAuthority, setPeers, untilDelivered } from '../helpers/agent-process.js';

let lk: AuthorityProcess;
let ch: AuthorityProcess;
const today = new Date().toISOString().slice(0, 10);
const year = today.slice(0, 4);
let short: string;
let unconfirmed: string;

async function has(authority: AuthorityProcess, sql: string, params: unknown[]): Promise<boolean> {
  const db = await SqliteDatabase.openReadOnly(join(authority.dir, 'data', 'agent.sqlite'));
  try {
    return (await db.get(sql, params)) !== undefined;
  } finally {
    await db.close();
  }
}

beforeAll(async () => {
  const [lkInit, chInit] = await Promise.all([
    initAuthority({ country: 'LK', name: 'Department of Wildlife Conservation', place: 'Battaramulla' }),
    initAuthority({ country: 'CH', name: 'Federal Food Safety and Veterinary Office', place: 'Bern' }),
  ]);
  setPeers(lkInit.config, [{ did: chInit.did, country: 'CH', name: 'Federal Food Safety and Veterinary Office' }, { did: chInit.customsDid, country: 'CH', name: 'Swiss customs', role: 'customs' }]);
  setPeers(chInit.config, [{ did: lkInit.did, country: 'LK', name: 'Department of Wildlife Conservation' }, { did: lkInit.customsDid, country: 'LK', name: 'Sri Lanka Customs', role: 'customs' }]);
  [lk, ch] = await Promise.all([serveAuthority(lkInit), serveAuthority(chInit)]);

  const lkCustoms = await createToken(lk.config, 'customs', 'Kamal Perera');
  const numbers: string[] = [];
  for (const exported of [1150, 900]) {
    const issued = await lk.api('/api/permits', { token: lk.officerToken, body: readExample('export-lk-orchids.json') });
    expect(issued.status, JSON.stringify(issued.body)).toBe(201);
    const endorsed = await lk.api(`/api/permits/${issued.body.permitNumber}/endorsements`, {
      token: lkCustoms,
      body: { blocks: [{ block: 'A', quantity: exported }], portOfExport: 'LKCMB', date: today, transportDocument: '176-12345675' },
    });
    expect(endorsed.status, JSON.stringify(endorsed.body)).toBe(201);
    numbers.push(issued.body.permitNumber);
    await untilDelivered(`${issued.body.permitNumber}'s endorsement to CH`, () => has(ch, 'SELECT 1 FROM incoming_permit WHERE permit_number = ? AND endorsement_json IS NOT NULL', [issued.body.permitNumber]));
  }
  [short, unconfirmed] = numbers as [string, string];
  // The planted discrepancy: CH customs confirm 1148 of the 1150 LK endorsed.
  const chCustoms = await createToken(ch.config, 'customs', 'Martina Keller');
  const confirmed = await ch.api('/api/imports/confirmations', { token: chCustoms, body: { issuer: lk.did, permitNumber: short, blocks: [{ block: 'A', quantity: 1148 }], portOfImport: 'CHZRH', date: today } });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  await untilDelivered('the confirmation to LK', () => has(lk, "SELECT 1 FROM import_confirmation WHERE permit_number = ? AND direction = 'received'", [short]));
}, 180_000);

afterAll(async () => {
  await Promise.all([lk?.stop(), ch?.stop()]);
});

const q = (quantity: number) => ({ quantity, unit: 'NAR' });

describe('the mirror comparison between LK and CH', () => {
  it("LK (exporter) finds CH's smaller confirmation and the consignment CH never confirmed", async () => {
    const run = await runCli(['report', 'mirror', '--config', lk.config, '--year', year, '--partner', 'CH', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect([report.country, report.partner, report.asExporter.permits, report.asExporter.agreeing, report.asImporter]).toEqual(['LK', 'CH', 2, 0, { permits: 0, agreeing: 0, discrepancies: [] }]);
    expect(report.asExporter.discrepancies).toEqual([
      { code: 'REPORT_MIRROR_QUANTITY_DIFFERS', permitNumber: short, block: 'A', exported: q(1150), imported: q(1148), exportedOn: today, importedOn: today, message: expect.any(String) },
      { code: 'REPORT_MIRROR_IMPORT_MISSING', permitNumber: unconfirmed, block: '', exported: null, imported: null, exportedOn: today, importedOn: null, message: expect.any(String) },
    ]);
  });

  it("CH (importer) finds the same two from LK's endorsements it received", async () => {
    const run = await runCli(['report', 'mirror', '--config', ch.config, '--year', year, '--partner', 'LK', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.asExporter.permits).toBe(0);
    expect(report.asImporter.discrepancies.map((d: Record<string, unknown>) => [d.code, d.permitNumber, d.block, d.exported, d.imported])).toEqual([
      ['REPORT_MIRROR_QUANTITY_DIFFERS', short, 'A', q(1150), q(1148)],
      ['REPORT_MIRROR_IMPORT_MISSING', unconfirmed, '', null, null],
    ]);
    const text = await runCli(['report', 'mirror', '--config', ch.config, '--year', year, '--partner', 'LK']);
    expect(text.stdout).toContain(`  CH imported from LK: 2 permit(s), 0 agreeing, 2 discrepancy(ies).`);
    expect(text.stdout).toContain(`  ${short.padEnd(16)} A   REPORT_MIRROR_QUANTITY_DIFFERS  exported 1150 NAR (${today}), imported 1148 NAR (${today})`);
  });

  it('GET /api/reports/mirror on the running LK agent gives the same; customs may not', async () => {
    const response = await lk.api(`/api/reports/mirror?year=${year}&partner=CH`, { token: lk.officerToken });
    expect(response.status).toBe(200);
    expect(response.body.asExporter.discrepancies.map((d: { code: string }) => d.code)).toEqual(['REPORT_MIRROR_QUANTITY_DIFFERS', 'REPORT_MIRROR_IMPORT_MISSING']);
    const customs = await createToken(lk.config, 'customs', 'Kamal Perera');
    expect((await lk.api(`/api/reports/mirror?year=${year}&partner=CH`, { token: customs })).status).toBe(403);
  });

  it("CH's importer report has the confirmed quantity from LK; the unconfirmed permit is listed as unused", async () => {
    const run = await runCli(['report', 'annual', '--config', ch.config, '--year', year, '--type', 'importer', '--out', join(ch.dir, 'imports.csv'), '--json']);
    expect(run.code, run.stderr).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ country: 'CH', type: 'importer', rows: 1, findings: { errors: 0, warnings: 0 } });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(join(ch.dir, 'imports.csv'), 'utf8').split('\r\n')[1]).toBe(`II,Phalaenopsis amabilis,LIV,1148,,LK,,,${short},,T,A,${year}`);
    expect(summary.unused.items.map((u: { permitNumber: string; code: string; tradingPartner: string }) => [u.permitNumber, u.code, u.tradingPartner])).toEqual([[unconfirmed, 'REPORT_UNUSED_OPEN', 'LK']]);
    // LK's exporter report has what its customs endorsed.
    const lkRun = await runCli(['report', 'annual', '--config', lk.config, '--year', year, '--type', 'exporter']);
    expect(lkRun.stdout.split('\r\n').slice(1, 3)).toEqual([`II,Phalaenopsis amabilis,LIV,1150,,CH,,,${short},,T,A,${year}`, `II,Phalaenopsis amabilis,LIV,900,,CH,,,${unconfirmed},,T,A,${year}`]);
  });
});
