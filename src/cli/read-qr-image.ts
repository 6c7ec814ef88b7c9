/**
 * Reads the QR code in a PNG or JPEG file for `saiga verify qr.png`, with zxing-cpp in
 * WebAssembly (zxing-wasm, the decoder the verifier page uses too). The .wasm is read from
 * node_modules: nothing is fetched.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Loaded on first use only: no other command pays for the decoder. */
let reader: Promise<typeof import('zxing-wasm/reader')> | undefined;

function prepare(): Promise<typeof import('zxing-wasm/reader')> {
  reader ??= import('zxing-wasm/reader').then((zxing) => {
    load(zxing);
    return zxing;
  });
  return reader;
}

function load({ prepareZXingModule }: typeof import('zxing-wasm/reader')): void {
  const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = readFileSync(wasmPath);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: false });
}

/** PNG (RFC 2083 §3.1 signature) or JPEG (SOI marker FF D8 FF). */
export function isQrImage(bytes: Uint8Array): boolean {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return png.every((b, i) => bytes[i] === b) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);
}

/** The text of the first QR code in the image; undefined when none is found. */
export async function readQrImage(bytes: Uint8Array): Promise<string | undefined> {
  const { readBarcodes } = await prepare();
  const results = await readBarcodes(bytes, { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 1 });
  const text = results.find((r) => r.isValid && r.text.length > 0)?.text;
  return text;
}
