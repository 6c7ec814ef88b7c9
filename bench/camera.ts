/**
 * Time from the camera to the verdict in headless Chromium: the verifier page served by a
 * real agent, Chromium's fake camera showing the permit's printed QR code, timed from the
 * click on "Scan with camera" to the verdict on screen (camera start, frame decoding with
 * zxing-wasm, verification in the browser with the status and record fetched from the agent).
 * Each part is read from the page's User Timing marks (verifier-web/src/camera.ts, scanner.ts).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { chromium } from 'playwright-core';
import { openAgent } from '../src/agent/wiring/open.js';
import { permitQr } from '../src/print/permit-qr.js';
import { renderAgentYaml } from '../src/agent/config/write-config.js';
import { startServer } from '../src/http/server.js';
import { CHROMIUM_ARGS, y4mFromPng } from './camera-frame.js';

const CHROMIUM = '/usr/bin/chromium';


/** One run's parts, in ms, from the page's User Timing marks (verifier-web/src/camera.ts) and Resource Timing. */
export interface CameraParts {
  /** The page's own click-to-verdict time (its click handler's first mark to the verdict's), without the test driver's round trips that the run's total includes. */
  inPage: number;
  /** Click to the camera stream being open. */
  cameraStart: number;
  /** Camera open to the first successful decode (includes waiting for the first frame and, if it was not loaded yet, the decoder). */
  firstDecode: number;
  /** Of which: camera open to the first video frame. */
  firstFrame: number;
  /** Decoded to the verdict on screen (verification in the browser, with its fetches). */
  verification: number;
  /** Wall time the fetches to the issuing agent took after the decode (DID document, status lists, record), overlaps included. */
  network: number;
  /** Number of those fetches. */
  fetches: number;
  /** Of the verification: decoded to the first of those fetches (reading the code, in the page). */
  beforeFetches: number;
  /** Of the verification: the last of those fetches answered to the verdict on screen (checks and rendering, in the page). */
  afterFetches: number;
  /** Click to the wasm decoder being ready; 0 when it was ready before the click (preloaded). */
  decoderAfterClick: number;
  /** Click to the end of the page's idle warm-up of the verification code (verifier-web/src/warm-up.ts); 0 when it ended before the click. */
  warmAfterClick: number;
  /** Camera frames decoded until one gave the code (1: the first frame read was enough). */
  frames: number;
  /** Of the first decode: the time spent decoding frames (the rest is waiting for frames and the decoder). */
  decoding: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export type CameraTiming =
  | { samplesMs: number[]; medianMs: number; qrVersion: number; parts: CameraParts[]; medianParts: CameraParts }
  | { skipped: string };

/** Reads the marks and the fetches after the decode from the page. */
async function partsOf(page: import('playwright-core').Page): Promise<CameraParts> {
  return page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(`saiga:${name}`, 'mark').at(-1)?.startTime ?? Number.NaN;
    const click = at('scan-click');
    const open = at('camera-open');
    const decoded = at('decoded');
    const verdict = at('verdict');
    const ready = at('decoder-ready');
    const frame = at('first-frame');
    const warm = at('page-warm');
    const detects = performance.getEntriesByName('saiga:detect', 'measure');
    const fetches = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
      (r) => r.startTime >= decoded && (r.initiatorType === 'fetch' || r.initiatorType === 'xmlhttprequest'),
    );
    const first = Math.min(...fetches.map((r) => r.startTime));
    const last = Math.max(...fetches.map((r) => r.responseEnd));
    return {
      inPage: verdict - click,
      cameraStart: open - click,
      firstDecode: decoded - open,
      firstFrame: frame - open,
      verification: verdict - decoded,
      network: fetches.length ? last - first : 0,
      fetches: fetches.length,
      beforeFetches: fetches.length ? first - decoded : Number.NaN,
      afterFetches: fetches.length ? verdict - last : Number.NaN,
      decoderAfterClick: Math.max(0, ready - click),
      warmAfterClick: Math.max(0, warm - click),
      frames: detects.length,
      decoding: detects.reduce((sum, d) => sum + d.duration, 0),
    };
  });
}

export async function cameraToVerdict(runs: number, progress: (line: string) => void): Promise<CameraTiming> {
  if (!existsSync(CHROMIUM)) return { skipped: `no ${CHROMIUM} (apt-get install chromium)` };
  if (!existsSync('verifier-web/dist/build.json')) return { skipped: 'the verifier page is not built (npm run build)' };
  const dir = mkdtempSync(join(tmpdir(), 'saiga-bench-camera-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'agent.yml'),
    renderAgentYaml({ country: 'LK', name: 'Bench authority', address: 'Colombo', place: 'Colombo', url: `http://localhost:${port}`, didMethod: 'web' }),
  );
  const saiga = await openAgent({ configPath: join(dir, 'agent.yml'), initialise: true });
  const server = await startServer(saiga.capabilities, { logError: () => undefined });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS] }).catch(() => undefined);
  if (!browser) return { skipped: 'Chromium did not start' };
  await browser.close();
  try {
    const outcome = await saiga.issuer.issue(JSON.parse(readFileSync('examples/permits/export-lk-orchids.json', 'utf8')), { signatory: 'Bench Officer' });
    if (!outcome.ok) throw new Error('the bench permit was refused');
    const qr = await permitQr(saiga.config, outcome.record.jwt);
    const png = await QRCode.toBuffer(qr.text, { errorCorrectionLevel: 'M', margin: 4, width: 700, type: 'png' });
    const camera = join(dir, 'camera.y4m');
    y4mFromPng(png, camera);
    const withCamera = await chromium.launch({
      executablePath: CHROMIUM,
      args: [...CHROMIUM_ARGS, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${camera}`],
    });
    const samplesMs: number[] = [];
    const parts: CameraParts[] = [];
    try {
      for (let i = 0; i < runs; i++) {
        const context = await withCamera.newContext({ locale: 'en-GB' });
        const page = await context.newPage();
        await page.goto(`${server.url.replace('127.0.0.1', 'localhost')}/VERIFY`);
        const button = page.getByRole('button', { name: 'Scan with camera' });
        await button.waitFor();
        // As when a person opens the page and then presses the button: the page has preloaded
        // its decoder and run its verification code once while idle (verifier-web/src/main.ts
        // preloadDecoder, warmUpWhenIdle). decoderAfterClick and warmAfterClick show if it had not.
        await page
          .waitForFunction(() => ['decoder-ready', 'page-warm'].every((m) => performance.getEntriesByName(`saiga:${m}`).length > 0), undefined, { timeout: 10_000 })
          .catch(() => undefined);
        const start = performance.now();
        await button.click();
        const verdict = page.locator('#verdict[data-verdict]');
        await verdict.waitFor({ timeout: 30_000 });
        samplesMs.push(performance.now() - start);
        const kind = await verdict.getAttribute('data-verdict');
        if (kind !== 'valid') throw new Error(`the camera run gave "${kind}", not valid`);
        const part = await partsOf(page);
        parts.push(part);
        progress(
          `  camera run ${i + 1}/${runs}: ${samplesMs[i]!.toFixed(0)} ms (in the page ${part.inPage.toFixed(0)}: camera start ${part.cameraStart.toFixed(0)}, first decode ${part.firstDecode.toFixed(0)} (first frame ${part.firstFrame.toFixed(0)}, ${part.frames} frame(s) decoded in ${part.decoding.toFixed(0)}), verification ${part.verification.toFixed(0)} (${part.beforeFetches.toFixed(0)} before ${part.fetches} fetches of ${part.network.toFixed(0)}, ${part.afterFetches.toFixed(0)} after); decoder ready ${part.decoderAfterClick.toFixed(0)}, warm-up done ${part.warmAfterClick.toFixed(0)} after the click)`,
        );
        await context.close();
      }
    } finally {
      await withCamera.close();
    }
    const medianParts = Object.fromEntries(Object.keys(parts[0]!).map((k) => [k, median(parts.map((p) => p[k as keyof CameraParts]))])) as unknown as CameraParts;
    return { samplesMs, medianMs: median(samplesMs), qrVersion: qr.version, parts, medianParts };
  } finally {
    await server.close();
    await saiga.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
