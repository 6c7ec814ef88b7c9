/**
 * The annual report at scale (issue 10 §1): a million permits with their customs endorsements,
 * reported as the CLI reports them, in one child process whose wall time and peak RSS are
 * measured (/usr/bin/time -v). Targets: ≤ 60 s and ≤ 300 MB.
 *
 * The database is generated, not committed: one real agent (`saiga init`), one permit issued
 * and endorsed through the real CLI, and that permit's rows as the template of every other, by
 * direct inserts in transactions of 50,000 (SQL that varies the number, species, quantities,
 * importer, dates and, for one permit in four, adds a second block). So each row has the
 * columns and subject_json shape issuance and endorsement write (src/store/permits.ts,
 * src/endorsement/endorse.ts). One permit in fifty is left unendorsed (the unused list).
 *
 * Baselines in the same run, on the same file: `SELECT count(*)` of the rows the report reads,
 * and a plain dump of the same rows (the report's keyset pages, written as CSV without parsing
 * or checking anything), in a child process measured the same way.
 *
 * SAIGA_BENCH_REPORT_PERMITS sets the number of permits (default 1,000,000).
 * Run alone: `npm run build && node dist/bench/annual-report.js`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderAgentYaml } from '../src/agent/config/write-config.js';
import { SqliteDatabase } from '../src/store/sqlite.js';

const CLI = resolve('dist/cli/saiga.js');
const DUMP = resolve('dist/bench/annual-report-dump.js');
const CHUNK = 50_000;

export interface ProcessRun {
  seconds: number;
  peakRssMb: number | null;
}

export interface AnnualReportBench {
  permits: number;
  endorsed: number;
  rows: number;
  unused: number;
  databaseMb: number;
  seedSeconds: number;
  report: ProcessRun;
  reportStrict: ProcessRun;
  baselineCountSeconds: number;
  baselineDump: ProcessRun;
  targets: { seconds: number; peakRssMb: number };
}

function cli(config: string, args: string[]): string {
  const run = spawnSync(process.execPath, [CLI, ...args, '--config', config, '--json'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`saiga ${args.join(' ')}: ${run.stderr}${run.stdout}`);
  return run.stdout;
}

/** Runs a child under /usr/bin/time -v: its wall time, and its peak RSS as the kernel counted it. */
function measured(args: string[]): Promise<ProcessRun & { stdout: string }> {
  const timed = existsSync('/usr/bin/time');
  const [command, ...rest] = timed ? ['/usr/bin/time', '-v', ...args] : args;
  return new Promise((ok, fail) => {
    const start = performance.now();
    const child = spawn(command!, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('exit', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      if (code !== 0) return fail(new Error(`${args.join(' ')} exited ${code}: ${stderr.slice(-2000)}`));
      ok({ seconds, peakRssMb: kb ? Number(kb) / 1024 : null, stdout });
    });
  });
}

/** The country of the importer of permit n (never LK, the exporter) and its species. */
const IMPORTERS = ['CH', 'JP', 'US', 'DE', 'FR', 'GB'];
const SPECIES = ['Phalaenopsis amabilis', 'Dendrobium nobile', 'Vanda coerulea', 'Paphiopedilum insigne', 'Cymbidium eburneum'];
const caseOf = (expr: string, values: string[]) => `CASE ${expr} ${values.map((v, i) => `WHEN ${i} THEN '${v}'`).join(' ')} END`;

async function seed(db: SqliteDatabase, count: number, template: { permit: Record<string, unknown>; endorsement: Record<string, unknown> }, progress: (line: string) => void): Promise<void> {
  const { permit, endorsement } = template;
  for (let first = 2; first <= count; first += CHUNK) {
    const last = Math.min(count, first + CHUNK - 1);
    await db.exec('BEGIN IMMEDIATE');
    // Permit n: issued on day n % 330 of 2026, for 180 days; one in four has a block B.
    await db.run(
      `WITH RECURSIVE seq(n) AS (SELECT ? UNION ALL SELECT n + 1 FROM seq WHERE n < ?),
            v AS (SELECT n, date('2026-01-01', '+' || (n % 330) || ' days') AS d, printf('LK26-E%07d', n) AS num,
                         ${caseOf(`n % ${IMPORTERS.length}`, IMPORTERS)} AS c, ${caseOf(`n % ${SPECIES.length}`, SPECIES)} AS sp FROM seq)
       INSERT INTO permit (permit_number, credential_id, document_type, issuer_did, exporter_country, importer_country, issued_at, valid_until, signatory, issued_by_token, subject_json, jwt)
       SELECT num, printf('urn:uuid:00000000-0000-4000-8000-%012d', n), 'export', ?, 'LK', c, d || 'T08:00:00.000Z', date(d, '+180 days'), ?, NULL,
              json_set(CASE WHEN n % 4 = 0 THEN json_insert(?, '$.specimens[#]', json_set(json_extract(?, '$.specimens[0]'), '$.block', 'B', '$.scientificName', 'Vanda tricolor', '$.quantity', 40 + n % 7)) ELSE ? END,
                       '$.permitNumber', num, '$.importer.country', c, '$.issued.date', d || 'T08:00:00.000Z', '$.validUntil', date(d, '+180 days'),
                       '$.specimens[0].quantity', 1 + n % 500, '$.specimens[0].scientificName', sp),
              ?
         FROM v`,
      [first, last, permit.issuer_did, permit.signatory, permit.subject_json, permit.subject_json, permit.subject_json, permit.jwt],
    );
    // Its endorsement, 0 to 19 days after issue, a little less than permitted; every 50th permit none. Permit n is row n (the template is row 1).
    await db.run(
      `WITH e AS (SELECT p.rowid AS n, p.permit_number, p.credential_id, p.subject_json, date(substr(p.issued_at, 1, 10), '+' || (p.rowid % 20) || ' days') AS d
                    FROM permit p WHERE p.rowid BETWEEN ? AND ? AND p.rowid % 50 <> 0)
       INSERT INTO endorsement (permit_number, credential_id, jwt, officer, actor_token, subject_json, created_at)
       SELECT e.permit_number, printf('urn:uuid:10000000-0000-4000-8000-%012d', e.n), ?, ?, NULL,
              json_set(?, '$.permit.id', e.credential_id, '$.permit.permitNumber', e.permit_number, '$.date', e.d,
                       '$.blocks', json((SELECT json_group_array(json_object('block', json_extract(s.value, '$.block'), 'unit', json_extract(s.value, '$.unit'),
                                                                              'quantity', max(1, json_extract(s.value, '$.quantity') - e.n % 3)))
                                           FROM json_each(e.subject_json, '$.specimens') s))),
              e.d || 'T10:00:00.000Z'
         FROM e`,
      [first, last, endorsement.jwt, endorsement.officer, endorsement.subject_json],
    );
    await db.exec('COMMIT');
    progress(`  seeded ${last.toLocaleString('en')} permits`);
  }
}

export async function annualReportBench(progress: (line: string) => void, permits = Number(process.env.SAIGA_BENCH_REPORT_PERMITS ?? 1_000_000)): Promise<AnnualReportBench> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-bench-report-'));
  try {
    const config = join(dir, 'agent.yml');
    writeFileSync(config, renderAgentYaml({ country: 'LK', name: 'Bench authority', address: 'Colombo', place: 'Colombo', url: 'http://localhost:9', didMethod: 'key' }));
    const seedStart = performance.now();
    // The template: one permit issued and endorsed through the real commands.
    cli(config, ['init']);
    const request = join(dir, 'request.json');
    writeFileSync(request, readFileSync('examples/permits/export-lk-orchids.json'));
    const issued = JSON.parse(cli(config, ['permit', 'issue', request, '--signatory', 'Bench Officer'])) as { permitNumber: string };
    const today = new Date().toISOString().slice(0, 10);
    cli(config, ['endorse', issued.permitNumber, '--block', 'A=1150', '--port', 'LKCMB', '--date', today, '--transport-doc', '176-12345675', '--officer', 'Bench Customs']);
    const file = join(dir, 'data', 'agent.sqlite');
    const db = await SqliteDatabase.open(file);
    let endorsed: number;
    let baselineCountSeconds: number;
    try {
      await db.exec('PRAGMA synchronous = OFF');
      const permit = (await db.get('SELECT * FROM permit WHERE permit_number = ?', [issued.permitNumber]))!;
      const endorsement = (await db.get('SELECT * FROM endorsement WHERE permit_number = ?', [issued.permitNumber]))!;
      progress(`Annual report: seeding ${permits.toLocaleString('en')} permits with endorsements…`);
      await seed(db, permits, { permit, endorsement }, progress);
      await db.exec('PRAGMA wal_checkpoint(TRUNCATE); ANALYZE');
      // The baseline: counting the rows the report reads (the same join and year).
      const countStart = performance.now();
      endorsed = (await db.get<{ n: number }>(
        `SELECT count(*) AS n FROM endorsement e JOIN permit p ON p.permit_number = e.permit_number
          WHERE json_extract(e.subject_json, '$.date') >= '2026-01-01' AND json_extract(e.subject_json, '$.date') < '2027-01-01'`,
      ))!.n;
      baselineCountSeconds = (performance.now() - countStart) / 1000;
    } finally {
      await db.close();
    }
    const seedSeconds = (performance.now() - seedStart) / 1000;
    const databaseMb = statSync(file).size / 1024 / 1024;

    progress('Annual report: the report as the CLI runs it…');
    const out = join(dir, 'report.csv');
    const run = await measured([process.execPath, CLI, 'report', 'annual', '--year', '2026', '--type', 'exporter', '--out', out, '--config', config, '--json']);
    const summary = JSON.parse(run.stdout) as { rows: number; unused: { count: number } };
    progress('Annual report: with --strict (the checks run first, then the rows)…');
    const strict = await measured([process.execPath, CLI, 'report', 'annual', '--year', '2026', '--type', 'exporter', '--strict', '--out', out, '--config', config, '--json']);
    progress('Annual report: baseline, a plain dump of the same rows…');
    const dump = await measured([process.execPath, DUMP, file, join(dir, 'dump.csv')]);
    return {
      permits,
      endorsed,
      rows: summary.rows,
      unused: summary.unused.count,
      databaseMb,
      seedSeconds,
      report: { seconds: run.seconds, peakRssMb: run.peakRssMb },
      reportStrict: { seconds: strict.seconds, peakRssMb: strict.peakRssMb },
      baselineCountSeconds,
      baselineDump: { seconds: dump.seconds, peakRssMb: dump.peakRssMb },
      targets: { seconds: 60, peakRssMb: 300 },
    };
  } finally {
    // SAIGA_BENCH_KEEP=1 keeps the seeded database to look into.
    if (process.env.SAIGA_BENCH_KEEP) progress(`Annual report: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (x: number | null) => (x === null ? 'n/a' : x.toFixed(0));

export function renderAnnualReportBench(b: AnnualReportBench): string {
  return [
    `Annual report: ${b.permits.toLocaleString('en')} permits, ${b.endorsed.toLocaleString('en')} endorsed in 2026, ${b.rows.toLocaleString('en')} rows, ${b.unused.toLocaleString('en')} unused; database ${b.databaseMb.toFixed(0)} MB (seeded in ${b.seedSeconds.toFixed(0)} s).`,
    '',
    '| annual report, exporter 2026 (whole process) | seconds | peak RSS MB |',
    '|---|---:|---:|',
    `| saiga report annual --out FILE (CSV, upload checks, unused list) | ${b.report.seconds.toFixed(1)} | ${mb(b.report.peakRssMb)} |`,
    `| the same with --strict (checked as written, the file taken back on an error) | ${b.reportStrict.seconds.toFixed(1)} | ${mb(b.reportStrict.peakRssMb)} |`,
    `| baseline: plain dump of the same rows (same pages, no parsing or checks) | ${b.baselineDump.seconds.toFixed(1)} | ${mb(b.baselineDump.peakRssMb)} |`,
    `| baseline: SELECT count(*) of the same rows, in process | ${b.baselineCountSeconds.toFixed(1)} | |`,
    `Targets: ≤ ${b.targets.seconds} s, ≤ ${b.targets.peakRssMb} MB peak RSS.`,
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const bench = await annualReportBench((line) => process.stderr.write(`${line}\n`));
  process.stdout.write(process.argv.includes('--json') ? `${JSON.stringify(bench, null, 2)}\n` : `${renderAnnualReportBench(bench)}\n`);
}
