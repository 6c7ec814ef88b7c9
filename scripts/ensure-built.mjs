#!/usr/bin/env node
/**
 * `npm start` runs this first: it builds only when the build is missing or older than the
 * sources, so a start after `npm install` (which builds, through `prepare`) answers in a
 * few seconds instead of rebuilding every time. `npm run build` writes the stamp last, so
 * an interrupted build is never taken for a finished one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const STAMP = join(root, 'dist', '.build-stamp');
const INPUTS = ['src', 'verifier-web/src', 'verifier-web/build.mjs', 'verifier-web/schema-validators.mjs', 'verifier-web/index.html', 'verifier-web/styles.css', 'package.json', 'tsconfig.json', 'tsconfig.verify.json', 'verifier-web/tsconfig.json', 'scripts/use-standalone-validators.mjs', 'scripts/config-validator.mjs', 'scripts/bundle-cli.mjs'];

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

const built = existsSync(STAMP) ? statSync(STAMP).mtimeMs : -Infinity;
const sources = Math.max(...INPUTS.map((p) => join(root, p)).filter(existsSync).map(newest));
if (sources > built) {
  process.stderr.write(existsSync(STAMP) ? 'saiga: sources changed since the last build; building…\n' : 'saiga: not built yet; building…\n');
  const run = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
