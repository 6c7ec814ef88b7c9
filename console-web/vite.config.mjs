/**
 * Builds the console (issue 11) into console-web/dist, served by the agent at /console.
 * Preact with preact-iso's router; JSX is compiled by Vite's own transformer (oxc) with
 * Preact's automatic runtime, so no Babel plugin is needed. Asset names carry a content
 * hash, so the agent may let browsers cache them for ever (src/http/routes/console-page.ts).
 * No inline script or style is emitted: the agent's CSP forbids both.
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { findWasm } from '../verifier-web/zxing-wasm.mjs';
import { generateValidators, SEAM } from '../verifier-web/schema-validators.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The customs screen runs the verify core, whose schema check imports
 * src/permit/schema-validators.ts: that module compiles with ajv at run time (`new Function`),
 * which the console's CSP forbids (no 'unsafe-eval'). As verifier-web/build.mjs does, the
 * module is swapped for the validators generated at build time (verifier-web/schema-validators.mjs).
 */
function schemaValidators() {
  let generated;
  return {
    name: 'saiga-schema-validators',
    enforce: 'pre',
    async buildStart() {
      generated = await generateValidators();
    },
    resolveId(source, importer) {
      if (!importer || !/\/schema-validators\.js$/.test(source)) return null;
      return resolve(dirname(importer), source).replace(/\.js$/, '.ts') === SEAM ? generated : null;
    },
  };
}

/**
 * The QR decoder's wasm (zxing-cpp, loaded by barcode-detector from verifier-web/src/scanner.ts),
 * emitted into assets/ under a hashed name that scanner.ts reads as __ZXING_WASM__ (relative to
 * its chunk, itself in assets/). The same wasm as the verifier page's, found and checked as it is
 * (verifier-web/zxing-wasm.mjs).
 */
function zxingWasm() {
  const { bytes } = findWasm();
  // Vite's own pattern (name-XXXXXXXX.ext), which the agent serves as immutable (src/http/routes/console-page.ts).
  const name = `zxing_reader-${createHash('sha256').update(bytes).digest('base64url').slice(0, 8)}.wasm`;
  return {
    define: { __ZXING_WASM__: JSON.stringify(name) },
    plugin: {
      name: 'saiga-zxing-wasm',
      generateBundle() {
        this.emitFile({ type: 'asset', fileName: `assets/${name}`, source: bytes });
      },
    },
  };
}

const wasm = zxingWasm();

export default defineConfig({
  root: here,
  base: '/console/',
  logLevel: 'warn',
  plugins: [schemaValidators(), wasm.plugin],
  define: wasm.define,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Vite inlines small assets as data: URLs by default; keep every asset a file.
    assetsInlineLimit: 0,
    // The module preload polyfill is an inline script; modern browsers need none.
    modulePreload: { polyfill: false },
    manifest: 'manifest.json',
    reportCompressedSize: false,
    // Generating the validators takes seconds by design (ajv compiles every schema once); no timing report for it.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
