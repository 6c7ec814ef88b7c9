#!/usr/bin/env node
/**
 * The last step of `npm run build`: joins the compiled CLI (dist/src/cli/main.js and the Saiga
 * modules it imports) into dist/cli/saiga.js and a few chunks, with esbuild. Packages stay
 * outside the bundle and load from node_modules as before; only Saiga's own modules are joined.
 * `saiga verify` otherwise loads about a hundred small modules, and resolving and linking them
 * is a tenth of its time on the 2-core machine (`npm run bench` times it against `node -e 0`).
 * Dynamic imports stay chunks of their own, so `saiga verify` still never loads Veramo,
 * express or pdfkit.
 *
 * The bundle is what `saiga` (package.json bin), `npm start` and the tests run. A module that
 * requires a file beside itself (src/agent/config/config.ts: its generated validator) finds
 * it beside the bundle, copied there (BESIDE). esbuild's metafile (which module went into which
 * chunk) is written beside the bundle too (metafile.json). Then it writes the stamp
 * that scripts/ensure-built.mjs compares with the sources.
 */
import { build } from 'esbuild';
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'dist/src/cli/main.js');
const outdir = join(root, 'dist/cli');
if (!existsSync(entry)) throw new Error('compile the TypeScript first (tsc -p tsconfig.json)');

/** What a bundled module requires by a path relative to itself, and so must find beside the bundle. */
const BESIDE = ['dist/src/agent/config/config-validator.cjs'];

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root,
  entryPoints: { saiga: entry },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  external: ['./*.cjs'],
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
  metafile: true,
});
// Which Saiga module is in which chunk: test/cli/readonly-loads.test.ts reads it to name the
// modules a read-only command loads (developers' rule: it opens nothing it does not need).
writeFileSync(join(outdir, 'metafile.json'), JSON.stringify(result.metafile));
for (const file of BESIDE) copyFileSync(join(root, file), join(outdir, basename(file)));
writeFileSync(join(root, 'dist/.build-stamp'), `${new Date().toISOString()}\n`);
