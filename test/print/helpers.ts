/**
 * Helpers for the print tests: real agents in temp dirs, a stand-in compact QR encoding,
 * and poppler-utils (pdftoppm, pdftotext, pdfinfo) to read the PDFs back.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base32nopad, base64urlnopad } from '@scure/base';
import { deflateSync, inflateSync } from 'fflate';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { openAgent, type OpenedAgent } from '../../src/agent/wiring/open.js';
import { renderAgentYaml } from '../../src/agent/config/write-config.js';
import type { PermitRequest } from '../../src/permit/model.js';

type JsQR = typeof jsQRModule.default;
/** jsqr is CommonJS with `exports.default`: TypeScript (NodeNext) types the module object, Node may hand over either. */
const jsQR: JsQR = (jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR);

export const ROOT = join(import.meta.dirname, '..', '..');

export const readExample = (name: string): PermitRequest =>
  JSON.parse(readFileSync(join(ROOT, 'examples', 'permits', name), 'utf8')) as PermitRequest;

export interface TestAgent {
  saiga: OpenedAgent;
  dir: string;
  close(): Promise<void>;
}

/** A fresh agent in a temp dir (the agent loads its modules from dist/: run `npm run build` first). */
export async function createAgent(authority: { country: string; name: string; address: string; place: string; url: string }): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-print-'));
  const configPath = join(dir, 'agent.yml');
  writeFileSync(configPath, renderAgentYaml({ ...authority, didMethod: 'web' }));
  const saiga = await openAgent({ configPath, initialise: true, env: {} });
  return {
    saiga,
    dir,
    close: async () => {
      await saiga.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The link the stand-in QR opens (the verifier reads the fragment; it never reaches a server). */
export const VERIFY_LINK = 'HTTPS://CITES.DWC.GOV.LK/VERIFY#';

/**
 * A stand-in for the compact QR encoding of src/qr/ (the CP1 layout without its preset
 * dictionary): the link, then Base32 of len(header) ‖ header ‖
 * signature ‖ raw-DEFLATE(payload). All characters but "#" are QR-alphanumeric.
 */
export function compactQrText(jwt: string): string {
  const [h, p, s] = jwt.split('.') as [string, string, string];
  const header = base64urlnopad.decode(h);
  const packed = new Uint8Array([header.length, ...header, ...base64urlnopad.decode(s), ...deflateSync(base64urlnopad.decode(p), { level: 9 })]);
  return VERIFY_LINK + base32nopad.encode(packed);
}

/** Rebuilds the JWT from the stand-in QR text. */
export function jwtFromQrText(text: string): string {
  if (!text.startsWith(VERIFY_LINK)) throw new Error('not a stand-in permit QR');
  const bytes = base32nopad.decode(text.slice(VERIFY_LINK.length));
  const headerLength = bytes[0]!;
  const header = bytes.slice(1, 1 + headerLength);
  const signature = bytes.slice(1 + headerLength, 1 + headerLength + 64);
  const payload = inflateSync(bytes.slice(1 + headerLength + 64));
  return [header, payload, signature].map((b) => base64urlnopad.encode(b)).join('.');
}

/** The permit's public record URL, from the JWT payload: what a reference QR would carry. */
export function recordUrlOf(jwt: string): string {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as { vc: { permitRecord: string } };
  return payload.vc.permitRecord;
}

export const OUTPUT_DIR = join(ROOT, 'test-output');

export function writeTemp(dir: string, name: string, data: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
}

/** The PDF's text; `raw` keeps the order in which it was drawn (needed for rotated text). */
export const pdfText = (pdfPath: string, raw = false): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), pdfPath, '-'], { encoding: 'utf8' });

/** Text of one page (1-based). */
export const pdfPageText = (pdfPath: string, page: number): string =>
  execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), pdfPath, '-'], { encoding: 'utf8' });

export function pdfPages(pdfPath: string): number {
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
}

/** Renders one page (1-based) to PNG at `dpi` with pdftoppm; returns the PNG's path. */
export function renderPng(pdfPath: string, page: number, dpi: number): string {
  const prefix = pdfPath.replace(/\.pdf$/, `-p${page}-${dpi}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', String(page), '-l', String(page), pdfPath, prefix]);
  const path = `${prefix}.png`;
  if (!existsSync(path)) throw new Error(`pdftoppm wrote no ${path}`);
  return path;
}

export interface DecodedQr {
  text: string;
  version: number;
  /** Side of the symbol (without the quiet zone) in pixels, from the detected corners. */
  widthPx: number;
}

/** Decodes the QR code in a PNG with jsQR. */
export function decodeQrPng(pngPath: string): DecodedQr | undefined {
  const png = PNG.sync.read(readFileSync(pngPath));
  const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
  if (!found) return undefined;
  const { topLeftCorner: tl, topRightCorner: tr, bottomLeftCorner: bl } = found.location;
  const widthPx = (Math.hypot(tr.x - tl.x, tr.y - tl.y) + Math.hypot(bl.x - tl.x, bl.y - tl.y)) / 2;
  return { text: found.data, version: found.version, widthPx };
}
