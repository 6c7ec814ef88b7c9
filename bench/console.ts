/**
 * The console in headless Chromium (issue 11 "How it is checked"): the size of its
 * JavaScript as shipped (gzip, the whole app and what sign-in loads), the time from
 * pressing "Sign in" to the dashboard with its figures on screen, and the time from pressing
 * "Issue" on a filled form to the issued permit's page. The baseline in the same run is a
 * plain GET /api/session round trip from the same browser (what any screen costs at least).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { renderAgentYaml } from '../src/agent/config/write-config.js';
import { openAgent } from '../src/agent/wiring/open.js';
import { startServer } from '../src/http/server.js';
import { CHROMIUM_ARGS } from './camera-frame.js';
import { freePort } from './free-port.js';

const CHROMIUM = '/usr/bin/chromium';
const DIST = 'console-web/dist';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface ConsoleBundle {
  /** Every JavaScript file of the console, gzipped (level 9), in KiB. */
  totalGzipKiB: number;
  /** What the sign-in screen loads: the entry chunk and what it imports statically. */
  entryGzipKiB: number;
  files: number;
}

export function consoleBundle(): ConsoleBundle | { skipped: string } {
  if (!existsSync(join(DIST, 'manifest.json'))) return { skipped: 'the console is not built (npm run build)' };
  const assets = join(DIST, 'assets');
  const js = readdirSync(assets).filter((f) => f.endsWith('.js'));
  const gz = (file: string) => gzipSync(readFileSync(join(assets, file)), { level: 9 }).length;
  const manifest = JSON.parse(readFileSync(join(DIST, 'manifest.json'), 'utf8')) as Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;
  const entryFiles = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || entryFiles.has(chunk.file)) return;
    entryFiles.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key);
  const kib = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
  return {
    totalGzipKiB: kib(js.reduce((sum, f) => sum + gz(f), 0)),
    entryGzipKiB: kib([...entryFiles].filter((f) => f.endsWith('.js')).reduce((sum, f) => sum + gz(f.replace(/^assets\//, '')), 0)),
    files: js.length,
  };
}

export type ConsoleTiming =
  | { signInToDashboardMs: number; samplesMs: number[]; issueToPermitMs: number | null; issueSamplesMs: number[]; sessionRoundTripMs: number }
  | { skipped: string };

export async function consoleTimings(runs: number, progress: (line: string) => void): Promise<ConsoleTiming> {
  if (!existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM} (apt-get install chromium)` };
  if (!existsSync(join(DIST, 'index.html'))) return { skipped: 'the console is not built (npm run build)' };
  const dir = mkdtempSync(join(tmpdir(), 'saiga-bench-console-'));
  const port = await freePort();
  writeFileSync(join(dir, 'agent.yml'), renderAgentYaml({ country: 'LK', name: 'Bench authority', address: 'Colombo', place: 'Colombo', url: `http://localhost:${port}`, didMethod: 'web' }));
  const saiga = await openAgent({ configPath: join(dir, 'agent.yml'), initialise: true });
  const server = await startServer(saiga.capabilities, { logError: () => undefined });
  const base = server.url.replace('127.0.0.1', 'localhost');
  const password = 'bench-officer-password-2026';
  const created = await saiga.capabilities.users.create({ username: 'bench', displayName: 'Bench Officer', role: 'officer', password, totp: false });
  if (!created.ok) throw new Error('the bench user was refused');
  const orchids = JSON.parse(readFileSync('examples/permits/export-lk-orchids.json', 'utf8')) as unknown;
  const seeded = await saiga.issuer.issue(orchids, { signatory: 'Bench Officer' });
  if (!seeded.ok) throw new Error('the bench permit was refused');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] });
  const samplesMs: number[] = [];
  const issueSamplesMs: number[] = [];
  const roundTrips: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      progress(`  console run ${i + 1}/${runs}`);
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(`${base}/console/`);
      await page.getByLabel('Username').fill('bench');
      await page.getByLabel('Password').fill(password);
      const start = performance.now();
      await page.getByRole('button', { name: 'Sign in' }).click();
      // The dashboard is on screen with its figures (the list of counts appears once they are read).
      await page.locator('#permit-counts').waitFor({ timeout: 30_000 });
      samplesMs.push(performance.now() - start);
      roundTrips.push(await page.evaluate(async () => {
        const t = performance.now();
        await fetch('/api/session', { credentials: 'same-origin' });
        return performance.now() - t;
      }));
      // "Issue" on a form filled from an existing permit, to the issued permit's page.
      const issued = await issueOnce(page, base, seeded.record.permitNumber);
      if (issued !== null) issueSamplesMs.push(issued);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
    await saiga.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    signInToDashboardMs: median(samplesMs),
    samplesMs,
    issueToPermitMs: issueSamplesMs.length > 0 ? median(issueSamplesMs) : null,
    issueSamplesMs,
    sessionRoundTripMs: median(roundTrips),
  };
}

/** Opens the issue form, copies an existing permit into it, and times "Issue" to the permit page; null if the form has no such control. */
async function issueOnce(page: import('playwright-core').Page, base: string, fromNumber: string): Promise<number | null> {
  await page.goto(`${base}/console/issue`);
  const from = page.locator('#copy-permit');
  await from.waitFor({ timeout: 30_000 }).catch(() => undefined);
  if ((await from.count()) === 0) return null;
  await page.locator('#copy-number').fill(fromNumber);
  await from.click();
  // The form holds the copied boxes once the notice says so.
  await page.locator('#issue-notice:not([hidden])').waitFor({ timeout: 30_000 });
  const start = performance.now();
  await page.locator('#issue').click();
  await page.waitForURL(/\/console\/permits\/[^/]+$/, { timeout: 30_000 });
  // The permit page shows the state once the permit is read.
  await page.locator('#permit-state').waitFor({ timeout: 30_000 });
  return performance.now() - start;
}
