/**
 * The QR decoder's wasm (zxing-cpp) for the verifier page (verifier-web/build.mjs) and the
 * console's customs screen (console-web/vite.config.mjs): copied from node_modules, never a
 * CDN, and it must be the wasm that the zxing-wasm JS bundled inside barcode-detector was built
 * for (barcode-detector pins its zxing-wasm version and names the wasm's SHA-256).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The zxing wasm that matches the zxing-wasm JS bundled inside barcode-detector (barcode-detector pins its zxing-wasm version; the wasm must be that version's). */
export function findWasm() {
  const candidates = [
    join(root, 'node_modules/barcode-detector/node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'),
    join(root, 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'),
  ];
  const bundled = readFileSync(join(root, 'node_modules/barcode-detector/dist/es/zxing-exported.js'), 'utf8');
  for (const file of candidates) {
    if (!existsSync(file)) continue;
    const bytes = readFileSync(file);
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (bundled.includes(`"${sha}"`)) return { file, bytes };
    throw new Error(`${relative(root, file)} (sha256 ${sha}) is not the wasm that barcode-detector was built for; install the zxing-wasm version it names.`);
  }
  throw new Error('zxing_reader.wasm not found in node_modules (npm install barcode-detector).');
}
