/**
 * The annual report on a seeded two-year database (./seed.ts): the exact rows of each report,
 * the unused permits with their reasons, and the upload checks, one mutated database per defect
 * (exact code, row and column). Time is pinned (2026-12-01 is "today").
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createReports, type Reports } from '../../src/report/service.js';
import { ANNUAL_HEADER } from '../../src/report/service.js';
import { fileSink } from '../../src/report/sinks.js';
import { ReportSource } from '../../src/store/report-source.js';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import type { UnusedPermit } from '../../src/report/unused.js';
import { copyAgent, readText, seedAuthority, TODAY, type Seeded } from './seed.js';

let seeded: Seeded;
const copies: string[] = [];

beforeAll(async () => {
  seeded = await seedAuthority();
}, 60_000);

afterAll(async () => {
  await seeded?.agent.close();
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

const reportsOn = (file: string): Reports => createReports({ openSource: () => ReportSource.open(file), country: 'LK', now: () => TODAY });
const HEADER = ANNUAL_HEADER.join(',');

async function csvOf(reports: Reports, query: Parameters<Reports['annual']>[0], options: { strict?: boolean } = {}) {
  const out = join(seeded.agent.dir, `report-${Math.random().toString(36).slice(2)}.csv`);
  const summary = await reports.annual(query, await fileSink('csv', out, ANNUAL_HEADER), options);
  let text: string | null = null;
  try {
    text = readText(out);
  } catch {
    /* not written */
  }
  return { summary, lines: text === null ? null : text.split('\r\n').filter(Boolean) };
}

describe('the exporter report, basis actual (the default)', () => {
  it('has one row per endorsed block, in the trade year, quantities as customs endorsed them', async () => {
    const { summary, lines } = await csvOf(seeded.agent.saiga.capabilities.reports, { year: 2026, type: 'exporter', basis: 'actual' });
    expect(lines).toEqual([
      HEADER,
      // Issued in 2025, exported in 2026: a 2026 row (Res. Conf. 11.17: the year of trade).
      'II,Phalaenopsis amabilis,LIV,1150,,CH,,,LK25-E000002,,T,A,2026',
      // The re-export: country of origin and origin permit from box 12; block B (0 shipped) gives no row.
      'II,Alligator mississippiensis,LPS,250,,JP,US,,LK26-R000001,24US812345/9,T,W,2026',
      'II,Phalaenopsis amabilis,LIV,600,,CH,,,LK26-E000003,,T,A,2026',
    ]);
    expect(summary).toMatchObject({ year: 2026, type: 'exporter', basis: 'actual', country: 'LK', records: 3, rows: 3, written: true });
    expect(summary.findings).toEqual({ errors: 0, warnings: 0, byCode: {}, findings: [], truncated: false });
  });

  it('reports 2025 apart', async () => {
    const { lines } = await csvOf(seeded.agent.saiga.capabilities.reports, { year: 2025, type: 'exporter', basis: 'actual' });
    expect(lines).toEqual([HEADER, 'II,Phalaenopsis amabilis,LIV,1000,,CH,,,LK25-E000001,,T,A,2025']);
  });

  it('lists the permits issued in the year and never used, with the reason, apart from the rows', async () => {
    const items: UnusedPermit[] = [];
    const summary = await seeded.agent.saiga.capabilities.reports.unused({ year: 2026, type: 'exporter' }, async (p) => void items.push(p));
    expect(items.map((p) => [p.permitNumber, p.code, p.replacedBy, p.validUntil])).toEqual([
      ['LK26-E000001', 'REPORT_UNUSED_REVOKED', '', '2026-07-10'],
      ['LK26-E000002', 'REPORT_UNUSED_REPLACED', 'LK26-E000003', '2026-08-10'],
      ['LK26-E000004', 'REPORT_UNUSED_EXPIRED', '', '2026-09-05'],
      ['LK26-E000005', 'REPORT_UNUSED_SUSPENDED', '', '2027-05-20'],
      ['LK26-E000006', 'REPORT_UNUSED_OPEN', '', '2027-05-25'],
    ]);
    expect(items[0]!.reason).toBe('The permit was cancelled (revoked) without being used. Reason: stolen.');
    expect(summary).toEqual({
      count: 5,
      byCode: { REPORT_UNUSED_REVOKED: 1, REPORT_UNUSED_REPLACED: 1, REPORT_UNUSED_EXPIRED: 1, REPORT_UNUSED_SUSPENDED: 1, REPORT_UNUSED_OPEN: 1 },
    });
  });
});

describe('the exporter report, basis issued', () => {
  it('has the permitted quantities of the permits issued in the year, revoked ones (the replaced one too) left out', async () => {
    const { lines } = await csvOf(seeded.agent.saiga.capabilities.reports, { year: 2026, type: 'exporter', basis: 'issued' });
    expect(lines).toEqual([
      HEADER,
      'II,Alligator mississippiensis,LPS,250,,JP,US,,LK26-R000001,24US812345/9,T,W,2026',
      'II,Crocodylus niloticus,LPS,120,,JP,ZW,,LK26-R000001,ZW-2026-004411,T,R,2026',
      'II,Phalaenopsis amabilis,LIV,1200,,CH,,,LK26-E000003,,T,A,2026',
      'II,Phalaenopsis amabilis,LIV,1200,,CH,,,LK26-E000004,,T,A,2026',
      'II,Phalaenopsis amabilis,LIV,1200,,CH,,,LK26-E000005,,T,A,2026',
      'II,Phalaenopsis amabilis,LIV,1200,,CH,,,LK26-E000006,,T,A,2026',
    ]);
  });
});

describe('the importer report of an authority that imported nothing', () => {
  it('has the header only, and no unused permits', async () => {
    const { lines } = await csvOf(seeded.agent.saiga.capabilities.reports, { year: 2026, type: 'importer', basis: 'actual' });
    expect(lines).toEqual([HEADER]);
    expect(await seeded.agent.saiga.capabilities.reports.unused({ year: 2026, type: 'importer' }, async () => undefined)).toEqual({ count: 0, byCode: {} });
  });
});

/**
 * One defect per database: a copy of the seeded file with one stored value changed, as data
 * can come from an older agent, an import or a repair (issuance itself refuses all of these).
 * Row 2 is LK25-E000002, row 3 the re-export LK26-R000001, row 4 LK26-E000003.
 */
const DEFECTS: { name: string; sql: string; finding: [code: string, severity: string, row: number, column: string] }[] = [
  { name: 'an unknown term', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.specimens[0].term', 'XYZ') WHERE permit_number = 'LK26-E000003'`, finding: ['REPORT_TERM_UNKNOWN', 'error', 4, 'Term'] },
  { name: 'an unknown unit', sql: `UPDATE endorsement SET subject_json = json_set(subject_json, '$.blocks[0].unit', 'BAG') WHERE permit_number = 'LK25-E000002'`, finding: ['REPORT_UNIT_UNKNOWN', 'error', 2, 'Unit'] },
  { name: 'an unknown purpose', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.purpose', 'K') WHERE permit_number = 'LK25-E000002'`, finding: ['REPORT_PURPOSE_UNKNOWN', 'error', 2, 'Purpose'] },
  { name: 'an unknown source', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.specimens[0].source', 'Q') WHERE permit_number = 'LK26-R000001'`, finding: ['REPORT_SOURCE_UNKNOWN', 'error', 3, 'Source'] },
  { name: 'an unknown appendix', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.specimens[0].appendix', 'IV') WHERE permit_number = 'LK26-E000003'`, finding: ['REPORT_APPENDIX_UNKNOWN', 'error', 4, 'Appendix'] },
  { name: 'an unknown country', sql: `UPDATE permit SET importer_country = 'QQ' WHERE permit_number = 'LK26-E000003'`, finding: ['REPORT_COUNTRY_UNKNOWN', 'error', 4, 'TradingPartner'] },
  { name: 'an unknown country of origin', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.specimens[0].origin.country', 'QQ') WHERE permit_number = 'LK26-R000001'`, finding: ['REPORT_COUNTRY_UNKNOWN', 'error', 3, 'CountryOfOrigin'] },
  { name: 'the exporter as importer', sql: `UPDATE permit SET importer_country = 'LK' WHERE permit_number = 'LK25-E000002'`, finding: ['REPORT_PARTNER_IS_REPORTER', 'error', 2, 'TradingPartner'] },
  { name: 'the exporter as origin', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.specimens[0].origin.country', 'LK') WHERE permit_number = 'LK26-R000001'`, finding: ['REPORT_ORIGIN_IS_EXPORTER', 'error', 3, 'CountryOfOrigin'] },
  { name: 'a quantity that is not a number', sql: `UPDATE endorsement SET subject_json = json_set(subject_json, '$.blocks[0].quantity', 'many') WHERE permit_number = 'LK26-E000003'`, finding: ['REPORT_QUANTITY_NOT_NUMERIC', 'error', 4, 'Quantity'] },
  { name: 'a taxon left blank', sql: `UPDATE permit SET subject_json = json_set(subject_json, '$.specimens[0].scientificName', ' ') WHERE permit_number = 'LK25-E000002'`, finding: ['REPORT_TAXON_MISSING', 'error', 2, 'Taxon'] },
  { name: 'an unusual term–unit pair (a warning)', sql: `UPDATE endorsement SET subject_json = json_set(subject_json, '$.blocks[0].unit', 'LTR') WHERE permit_number = 'LK25-E000002'`, finding: ['REPORT_TERM_UNIT_UNUSUAL', 'warning', 2, 'Unit'] },
];

export async function mutated(sql: string): Promise<{ dir: string; config: string; file: string }> {
  const copy = copyAgent(seeded);
  copies.push(copy.dir);
  const db = await SqliteDatabase.open(copy.file);
  try {
    expect((await db.run(sql)).changes).toBe(1);
  } finally {
    await db.close();
  }
  return copy;
}

describe('the upload checks, one mutated database per defect', () => {
  it('find nothing in the golden database (a copy of it, read as a file)', async () => {
    const copy = copyAgent(seeded);
    copies.push(copy.dir);
    expect((await reportsOn(copy.file).annual({ year: 2026, type: 'exporter', basis: 'actual' }, null)).findings.findings).toEqual([]);
  });

  it.each(DEFECTS)('$name: $finding', async ({ sql, finding }) => {
    const copy = await mutated(sql);
    const summary = await reportsOn(copy.file).annual({ year: 2026, type: 'exporter', basis: 'actual' }, null);
    expect(summary.findings.findings.map((f) => [f.code, f.severity, f.row, f.column])).toEqual([finding]);
    expect([summary.findings.errors, summary.findings.warnings]).toEqual(finding[1] === 'error' ? [1, 0] : [0, 1]);
  });

  it('an endorsement whose date is not of the year is not in that year (the Year column comes from the date the row was selected by)', async () => {
    const copy = await mutated(`UPDATE endorsement SET subject_json = json_set(subject_json, '$.date', '26-03-01') WHERE permit_number = 'LK26-E000003'`);
    const reports = reportsOn(copy.file);
    // Not of 2026 any more, so not in 2026's report (REPORT_YEAR_INVALID guards the column itself).
    expect((await reports.annual({ year: 2026, type: 'exporter', basis: 'actual' }, null)).rows).toBe(2);
  });

  it('--strict (the API strict=true): an error writes nothing; a warning does not stop it', async () => {
    const broken = await mutated(DEFECTS[0]!.sql);
    const out = join(broken.dir, 'strict.csv');
    const refused = await reportsOn(broken.file).annual({ year: 2026, type: 'exporter', basis: 'actual' }, await fileSink('csv', out, ANNUAL_HEADER), { strict: true });
    expect([refused.written, refused.findings.errors]).toEqual([false, 1]);
    expect(() => readText(out)).toThrow(/ENOENT/);
    const warned = await mutated(DEFECTS.at(-1)!.sql);
    const ok = await reportsOn(warned.file).annual({ year: 2026, type: 'exporter', basis: 'actual' }, await fileSink('csv', join(warned.dir, 'w.csv'), ANNUAL_HEADER), { strict: true });
    expect([ok.written, ok.findings.warnings]).toEqual([true, 1]);
    expect(readText(join(warned.dir, 'w.csv')).split('\r\n')[1]).toBe('II,Phalaenopsis amabilis,LIV,1150,LTR,CH,,,LK25-E000002,,T,A,2026');
  });
});
