/**
 * `saiga report annual` (the built CLI, read-only, on a copy of the seeded database: ./seed.ts)
 * with --json and --strict, the unused file beside --out, xlsx; and GET /api/reports/… on the
 * in-process agent's HTTP app: CSV streamed, roles (customs 403), bad parameters (400), strict (422).
 * The CLI's today is the real one, so through it only the unused reasons that no later day changes
 * (revoked, replaced, expired) are asserted; OPEN and SUSPENDED are asserted on the pinned API.
 */
import { readFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteDatabase } from '../../src/store/sqlite.js';
import { runCli } from '../helpers/agent-process.js';
import { copyAgent, seedAuthority, type Seeded } from './seed.js';

let seeded: Seeded;
let copy: { dir: string; config: string; file: string };
let broken: { dir: string; config: string; file: string };
const ROWS_2026 = [
  'Appendix,Taxon,Term,Quantity,Unit,TradingPartner,CountryOfOrigin,ImportPermit,ExportPermit,OriginPermit,Purpose,Source,Year',
  'II,Phalaenopsis amabilis,LIV,1150,,CH,,,LK25-E000002,,T,A,2026',
  'II,Alligator mississippiensis,LPS,250,,JP,US,,LK26-R000001,24US812345/9,T,W,2026',
  'II,Phalaenopsis amabilis,LIV,600,,CH,,,LK26-E000003,,T,A,2026',
];

beforeAll(async () => {
  seeded = await seedAuthority();
  copy = copyAgent(seeded);
  broken = copyAgent(seeded);
  const db = await SqliteDatabase.open(broken.file);
  await db.run(`UPDATE permit SET subject_json = json_set(subject_json, '$.purpose', 'K') WHERE permit_number = 'LK26-R000001'`);
  await db.close();
}, 60_000);

afterAll(async () => {
  await seeded?.agent.close();
  for (const c of [copy, broken]) if (c) rmSync(c.dir, { recursive: true, force: true });
});

describe('saiga report annual', () => {
  it('--out FILE --json: writes the rows and <name>.unused.csv beside them, and prints the summary as JSON', async () => {
    const out = join(copy.dir, 'lk-2026.csv');
    const run = await runCli(['report', 'annual', '--config', copy.config, '--year', '2026', '--type', 'exporter', '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(out, 'utf8').split('\r\n').filter(Boolean)).toEqual(ROWS_2026);
    const summary = JSON.parse(run.stdout);
    expect(summary).toMatchObject({ year: 2026, type: 'exporter', basis: 'actual', country: 'LK', records: 3, rows: 3, written: true, format: 'csv', out, unused: { count: 5 } });
    expect(summary.findings).toEqual({ errors: 0, warnings: 0, byCode: {}, findings: [], truncated: false });
    const unused = readFileSync(join(copy.dir, 'lk-2026.unused.csv'), 'utf8').split('\r\n').filter(Boolean);
    expect(unused[0]).toBe('Permit,DocumentType,TradingPartner,Issued,ValidUntil,Code,Reason,ReplacedBy');
    expect(unused.slice(1, 4)).toEqual([
      'LK26-E000001,export,CH,2026-01-10,2026-07-10,REPORT_UNUSED_REVOKED,The permit was cancelled (revoked) without being used. Reason: stolen.,',
      'LK26-E000002,export,CH,2026-02-10,2026-08-10,REPORT_UNUSED_REPLACED,The permit was replaced by another permit without being used.,LK26-E000003',
      'LK26-E000004,export,CH,2026-03-05,2026-09-05,REPORT_UNUSED_EXPIRED,The permit expired without being used.,',
    ]);
    expect(summary.unused.items.map((i: { permitNumber: string }) => i.permitNumber)).toEqual(['LK26-E000001', 'LK26-E000002', 'LK26-E000004', 'LK26-E000005', 'LK26-E000006']);
  });

  it('without --out: the rows on standard output, the summary on standard error', async () => {
    const run = await runCli(['report', 'annual', '--config', copy.config, '--year', '2026', '--type', 'exporter']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.split('\r\n').filter(Boolean)).toEqual(ROWS_2026);
    expect(run.stderr).toContain('Annual report 2026, exporter (LK), basis actual: 3 row(s) from 3 permit(s).');
    expect(run.stderr).toContain('Upload checks: 0 error(s), 0 warning(s).');
  });

  it('prints the findings with row numbers; --strict makes an error fatal: exit 1, nothing written', async () => {
    const out = join(broken.dir, 'lk-2026.csv');
    const lenient = await runCli(['report', 'annual', '--config', broken.config, '--year', '2026', '--type', 'exporter', '--out', out]);
    expect(lenient.code, lenient.stderr).toBe(0);
    expect(lenient.stdout).toContain('Upload checks: 1 error(s), 0 warning(s).');
    expect(lenient.stdout).toContain('  row 3 error   REPORT_PURPOSE_UNKNOWN Purpose (LK26-R000001 block A): The purpose is not a CITES purpose code: the upload service refuses the row. ("K")');
    rmSync(out);
    rmSync(join(broken.dir, 'lk-2026.unused.csv'));
    const strict = await runCli(['report', 'annual', '--config', broken.config, '--year', '2026', '--type', 'exporter', '--out', out, '--strict', '--json']);
    expect(strict.code).toBe(1);
    const summary = JSON.parse(strict.stdout);
    expect([summary.written, summary.error.code]).toEqual([false, 'REPORT_STRICT_FAILED']);
    expect(summary.findings.findings.map((f: Record<string, unknown>) => [f.code, f.row, f.column, f.permitNumber, f.block])).toEqual([['REPORT_PURPOSE_UNKNOWN', 3, 'Purpose', 'LK26-R000001', 'A']]);
    expect([existsSync(out), existsSync(join(broken.dir, 'lk-2026.unused.csv'))]).toEqual([false, false]);
  });

  it('--format xlsx (or an .xlsx --out) writes a workbook; bad flags are usage errors with the flag named', async () => {
    const out = join(copy.dir, 'lk-2026.xlsx');
    const run = await runCli(['report', 'annual', '--config', copy.config, '--year', '2026', '--type', 'exporter', '--out', out, '--json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).format).toBe('xlsx');
    const { default: ExcelJS } = await import('exceljs');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('exporter 2026');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['II', 'Alligator mississippiensis', 'LPS', 250, undefined, 'JP', 'US', undefined, 'LK26-R000001', '24US812345/9', 'T', 'W', '2026']);
    for (const [args, message] of [
      [['--year', '26', '--type', 'exporter'], '--year: must be a 4-digit year'],
      [['--year', '2026', '--type', 'both'], '--type: must be exporter or importer.'],
      [['--year', '2026', '--type', 'exporter', '--basis', 'planned'], '--basis: must be actual or issued.'],
      [['--year', '2026', '--type', 'exporter', '--json'], '--json prints the summary on standard output: give --out FILE for the rows'],
    ] as const) {
      const bad = await runCli(['report', 'annual', '--config', copy.config, ...args, '--json']);
      expect([bad.code, JSON.parse(bad.stdout).error.code], args.join(' ')).toEqual([2, 'BAD_REQUEST']);
      expect(JSON.parse(bad.stdout).error.message).toContain(message);
    }
  });
});

describe('GET /api/reports', () => {
  const get = (path: string, token: string) => fetch(`${seeded.agent.url}${path}`, { headers: { authorization: `Bearer ${token}` } });

  it('streams the CSV to an officer and an admin; customs get 403, no token 401', async () => {
    for (const token of [seeded.agent.officerToken, seeded.agent.adminToken]) {
      const response = await get('/api/reports/annual?year=2026&type=exporter', token);
      expect([response.status, response.headers.get('content-type'), response.headers.get('content-disposition')]).toEqual([
        200,
        'text/csv; charset=utf-8',
        'attachment; filename="annual-report-LK-2026-exporter-actual.csv"',
      ]);
      expect((await response.text()).split('\r\n').filter(Boolean)).toEqual(ROWS_2026);
    }
    expect((await get('/api/reports/annual?year=2026&type=exporter', seeded.agent.customsToken)).status).toBe(403);
    expect((await fetch(`${seeded.agent.url}/api/reports/annual?year=2026&type=exporter`)).status).toBe(401);
    for (const path of ['/api/reports/annual/findings?year=2026&type=exporter', '/api/reports/annual/unused?year=2026&type=exporter', '/api/reports/mirror?year=2026&partner=CH']) {
      expect((await get(path, seeded.agent.customsToken)).status, path).toBe(403);
    }
  });

  it('answers bad parameters with 400 and the path', async () => {
    const bad = await (await get('/api/reports/annual?year=2026&type=exporter&format=pdf', seeded.agent.officerToken)).json();
    expect(bad.error).toMatchObject({ code: 'BAD_REQUEST', path: '/format' });
    expect((await (await get('/api/reports/annual?year=x&type=exporter', seeded.agent.officerToken)).json()).error.path).toBe('/year');
    expect((await (await get('/api/reports/mirror?year=2026&partner=ZZ', seeded.agent.officerToken)).json()).error.path).toBe('/partner');
  });

  it('gives the findings and the unused permits (pinned today: OPEN and SUSPENDED too), as JSON and CSV', async () => {
    const findings = await (await get('/api/reports/annual/findings?year=2026&type=exporter', seeded.agent.officerToken)).json();
    expect(findings).toMatchObject({ year: 2026, rows: 3, records: 3, findings: { errors: 0, warnings: 0 } });
    const unused = await (await get('/api/reports/annual/unused?year=2026&type=exporter', seeded.agent.officerToken)).json();
    expect(unused.items.map((u: { permitNumber: string; code: string }) => [u.permitNumber, u.code])).toEqual([
      ['LK26-E000001', 'REPORT_UNUSED_REVOKED'],
      ['LK26-E000002', 'REPORT_UNUSED_REPLACED'],
      ['LK26-E000004', 'REPORT_UNUSED_EXPIRED'],
      ['LK26-E000005', 'REPORT_UNUSED_SUSPENDED'],
      ['LK26-E000006', 'REPORT_UNUSED_OPEN'],
    ]);
    expect(unused.count).toBe(5);
    const csv = await (await get('/api/reports/annual/unused?year=2026&type=exporter&format=csv', seeded.agent.officerToken)).text();
    expect(csv.split('\r\n').filter(Boolean).at(-1)).toBe('LK26-E000006,export,CH,2026-11-25,2027-05-25,REPORT_UNUSED_OPEN,The permit is still valid and has not been used yet.,');
  });

  it('strict=true on clean data streams the rows; xlsx comes as a workbook', async () => {
    const strict = await get('/api/reports/annual?year=2026&type=exporter&strict=true', seeded.agent.officerToken);
    expect([strict.status, (await strict.text()).split('\r\n').length - 1]).toEqual([200, 4]);
    const xlsx = await get('/api/reports/annual?year=2026&type=exporter&format=xlsx', seeded.agent.officerToken);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
  });

  it('strict=true on a row the upload refuses: 422 REPORT_STRICT_FAILED with the findings, no rows', async () => {
    await seeded.agent.saiga.db.run(`UPDATE permit SET subject_json = json_set(subject_json, '$.purpose', 'K') WHERE permit_number = 'LK26-E000003'`);
    try {
      const response = await get('/api/reports/annual?year=2026&type=exporter&strict=true', seeded.agent.officerToken);
      const body = await response.json();
      expect([response.status, body.error.code, body.error.findings.findings.map((f: { code: string; row: number }) => [f.code, f.row])]).toEqual([422, 'REPORT_STRICT_FAILED', [['REPORT_PURPOSE_UNKNOWN', 4]]]);
    } finally {
      await seeded.agent.saiga.db.run(`UPDATE permit SET subject_json = json_set(subject_json, '$.purpose', 'T') WHERE permit_number = 'LK26-E000003'`);
    }
  });
});
