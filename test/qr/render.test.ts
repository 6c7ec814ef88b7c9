/**
 * Drawing the permit link (render.ts) and reading it back with a real QR decoder (jsQR),
 * as a camera would: the Base43 link survives QR encoding unchanged, in alphanumeric mode.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { afterAll, describe, expect, it } from 'vitest';
import { parseVerifierInput } from '../../src/qr/input.js';
import { permitQrLink } from '../../src/qr/link.js';
import { qrSvg, qrVersion, writeQrPng } from '../../src/qr/render.js';

type JsQR = typeof jsQRModule.default;
/** jsqr is CommonJS with `exports.default`: TypeScript (NodeNext) types the module object, Node may hand over either. */
const jsQR: JsQR = (jsQRModule as unknown as { default?: JsQR }).default ?? (jsQRModule as unknown as JsQR);

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const JWT = fixture('golden-permit.jwt');
const LINK = permitQrLink('https://cites.dwc.gov.lk', fixture('golden-permit.cp1.txt'));
const dir = mkdtempSync(join(tmpdir(), 'saiga-qr-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('render.ts', () => {
  it('draws the link at error correction M, mostly in alphanumeric mode, with a 4-module quiet zone, and jsQR reads it back', async () => {
    const file = join(dir, 'permit.png');
    await writeQrPng(LINK, file, { scale: 6 });
    const png = PNG.sync.read(readFileSync(file));
    const version = qrVersion(LINK);
    expect(png.width).toBe((17 + 4 * version + 8) * 6);
    // The quiet zone is white.
    for (let x = 0; x < png.width; x++) expect(png.data[(3 * 6 * png.width + x) * 4]).toBe(255);
    const found = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(found?.data).toBe(LINK);
    expect(found?.version).toBe(version);
    expect(parseVerifierInput(found!.data)).toMatchObject({ ok: true, kind: 'qr', jwt: JWT });

    const symbol = QRCode.create(LINK, { errorCorrectionLevel: 'M' });
    expect(symbol.errorCorrectionLevel.bit).toBe(0); // M
    const modes = symbol.segments.map((s) => [s.mode.id, (s as unknown as { data: string | Uint8Array }).data.length]);
    expect(modes.filter(([mode]) => mode === 'Byte')).toEqual([['Byte', 1]]); // only the "#"
  });

  it('an SVG with the quiet zone, for print', async () => {
    const svg = await qrSvg(LINK);
    const modules = 17 + 4 * qrVersion(LINK);
    expect(svg).toContain('<svg');
    expect(svg).toContain(`viewBox="0 0 ${modules + 8} ${modules + 8}"`);
  });

  it('qrVersion throws a RangeError for text no version holds', () => {
    expect(() => qrVersion('A'.repeat(5000))).toThrow(RangeError);
    expect(qrVersion('HELLO')).toBe(1);
  });
});
