#!/usr/bin/env node
/**
 * Builds the verifier page into verifier-web/dist: a static page that the agent serves at
 * /verify (and /VERIFY) and that anyone can host anywhere next to a config.json.
 *
 *   dist/index.html                 the page (relative URLs only)
 *   dist/app.<hash>.js              src/main.ts and everything it imports, bundled and minified
 *   dist/chunk.<hash>.js            the QR decoder (barcode-detector), loaded on first scan
 *   dist/styles.<hash>.css
 *   dist/zxing_reader.<hash>.wasm   the QR decoder, copied from node_modules (never a CDN)
 *   dist/build.json                 the file names and sizes
 *
 * The JSON Schema validators are generated here too (schema-validators.mjs) and bundled in
 * place of src/permit/schema-validators.ts, so the page never compiles code at run time.
 *
 * Hashed names change with their content, so they may be cached for ever; index.html and
 * config.json must not be. Plain Node ESM: `node verifier-web/build.mjs`.
 */
import { build as esbuild, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateValidators, SEAM } from './schema-validators.mjs';
import { findWasm } from './zxing-wasm.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..');

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 12);
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

export async function build({ outDir = join(here, 'dist'), minify = true, log = (line) => console.log(line) } = {}) {
  const wasm = findWasm();
  const wasmName = `zxing_reader.${hash(wasm.bytes)}.wasm`;
  const validators = await generateValidators();

  const bundle = await esbuild({
    entryPoints: [join(here, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2022'],
    minify,
    // The QR decoder (src/scanner.ts) is a separate chunk, loaded when a camera or photo is used:
    // opening a verifier link needs only the verification core.
    splitting: true,
    entryNames: 'app.[hash]',
    chunkNames: 'chunk.[hash]',
    write: false,
    outdir: join(here, '.out'),
    define: { __ZXING_WASM__: JSON.stringify(wasmName) },
    logLevel: 'warning',
    metafile: true,
    plugins: [
      {
        // The validators ajv compiled at run time are swapped for the ones generated above.
        name: 'schema-validators',
        setup(b) {
          b.onResolve({ filter: /\/schema-validators\.js$/ }, (args) =>
            resolve(args.resolveDir, args.path).replace(/\.js$/, '.ts') === SEAM ? { path: validators } : undefined,
          );
        },
      },
    ],
  });
  // Only ajv's small runtime helpers may be bundled: its compiler would need 'unsafe-eval'.
  const compiler = Object.keys(bundle.metafile.inputs).filter((input) => /node_modules\/ajv\/(?!dist\/runtime\/)|node_modules\/ajv-formats\/dist\/(?!formats\.js)/.test(input));
  if (compiler.length > 0) throw new Error(`ajv's compiler is in the page bundle (${compiler.join(', ')}): import the validators from src/permit/schema-validators.ts only.`);
  const scripts = bundle.outputFiles.map((f) => ({ name: basename(f.path), contents: f.contents }));
  if (!scripts.every((s) => /^(app|chunk)\.[A-Z0-9]+\.js$/.test(s.name))) throw new Error(`unexpected esbuild output: ${scripts.map((s) => s.name).join(', ')}`);
  const entry = scripts.find((s) => s.name.startsWith('app.'));
  if (!entry) throw new Error('esbuild produced no app.*.js');
  const jsName = entry.name;

  const css = Buffer.from((await transform(readFileSync(join(here, 'styles.css'), 'utf8'), { loader: 'css', minify })).code);
  const cssName = `styles.${hash(css)}.css`;

  const template = readFileSync(join(here, 'index.html'), 'utf8');
  if (!template.includes('%SCRIPT%') || !template.includes('%STYLES%')) throw new Error('index.html must contain %SCRIPT% and %STYLES%.');
  const html = template.replace('%SCRIPT%', jsName).replace('%STYLES%', cssName);

  const jsBytes = scripts.reduce((n, s) => n + s.contents.length, 0);
  const jsGzip = scripts.reduce((n, s) => n + gz(s.contents), 0);
  const manifest = {
    script: jsName,
    chunks: scripts.filter((s) => s !== entry).map((s) => s.name),
    styles: cssName,
    wasm: wasmName,
    sizes: {
      script: { bytes: entry.contents.length, gzip: gz(entry.contents) },
      allScripts: { bytes: jsBytes, gzip: jsGzip },
      styles: { bytes: css.length, gzip: gz(css) },
      wasm: { bytes: wasm.bytes.length, gzip: gz(wasm.bytes) },
    },
  };

  // Write beside dist, then swap, so a server never sees a half-written page. The staging
  // folders are named dist too, so git ignores them even if a build is interrupted.
  const staging = join(dirname(outDir), `.build-${process.pid}`);
  const temp = join(staging, 'new', 'dist');
  const old = join(staging, 'old', 'dist');
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(temp, { recursive: true });
  mkdirSync(dirname(old), { recursive: true });
  writeFileSync(join(temp, 'index.html'), html);
  for (const script of scripts) writeFileSync(join(temp, script.name), script.contents);
  writeFileSync(join(temp, cssName), css);
  writeFileSync(join(temp, wasmName), wasm.bytes);
  writeFileSync(join(temp, 'build.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(temp, outDir);
  rmSync(staging, { recursive: true, force: true });

  const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
  log(`verifier-web: ${relative(root, outDir)}/ built`);
  for (const [name, size] of Object.entries(manifest.sizes)) log(`  ${name.padEnd(10)} ${kb(size.bytes).padStart(10)}  gzip ${kb(size.gzip).padStart(9)}`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(`verifier-web build failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  });
}
