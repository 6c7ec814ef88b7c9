/**
 * The read-only commands (`saiga verify`, `permit list`, `permit status`) open nothing they do
 * not need (developers' rule; target ≤ 0.3 s, bench/commands.ts). Each runs the built CLI with
 * an ES module load hook that writes down every module URL it loads; esbuild's metafile
 * (dist/cli/metafile.json, scripts/bundle-cli.mjs) names the Saiga modules in each chunk.
 * No timing here: only which modules are loaded.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, EXAMPLES, runCli, tempDir } from '../helpers/agent-process.js';

interface Metafile {
  outputs: Record<string, { inputs: Record<string, unknown> }>;
}

/** Packages no read-only command needs: the agent's wiring, the web server, documents, the QR image reader, ajv's compiler. */
const HEAVY_PACKAGES = /\/node_modules\/(@veramo\/|typeorm\/|express\/|pdfkit\/|exceljs\/|zxing-wasm\/|ajv\/dist\/ajv\.js)/;

let dir: string;
let config: string;
let permitNumber: string;
let jwt: string;

/** Runs `saiga …args` and returns what it loaded: package URLs and the Saiga modules (dist/src/…) of the chunks it read. */
function loadsOf(args: string[]): Promise<{ packages: string[]; modules: string[]; stdout: string }> {
  const log = join(dir, `loads-${Math.random().toString(36).slice(2)}.txt`);
  writeFileSync(log, '');
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, CLI, ...args, '--config', config], { env: { ...process.env, SAIGA_TEST_LOADS: log }, timeout: 60_000 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`saiga ${args.join(' ')}: ${stderr}`));
      const urls = readFileSync(log, 'utf8').split('\n').filter((u) => u.startsWith('file:'));
      const meta = JSON.parse(readFileSync(resolve('dist/cli/metafile.json'), 'utf8')) as Metafile;
      const root = resolve('.');
      const chunks = urls.map((u) => fileURLToPath(u)).filter((f) => f.startsWith(resolve('dist/cli')));
      const modules = chunks.flatMap((f) => Object.keys(meta.outputs[f.slice(root.length + 1)]?.inputs ?? { [`unknown chunk ${f}`]: 0 }));
      done({ packages: urls.filter((u) => u.includes('/node_modules/')), modules, stdout });
    });
  });
}

beforeAll(async () => {
  dir = tempDir();
  config = join(dir, 'agent.yml');
  // The hook runs in the loader's thread: it only appends each URL to the file the test names.
  writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n");
  writeFileSync(
    join(dir, 'hooks.mjs'),
    "import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) {\n  appendFileSync(process.env.SAIGA_TEST_LOADS, url + '\\n');\n  return next(url, context);\n}\n",
  );
  const init = await runCli(['init', '--config', config, '--country', 'NO', '--did-method', 'key', '--json']);
  expect(init.code, init.stderr).toBe(0);
  const issued = await runCli(['permit', 'issue', join(EXAMPLES, 'export-no-captive-bred-parrots.json'), '--config', config, '--signatory', 'Kari Nordmann', '--json']);
  expect(issued.code, issued.stderr).toBe(0);
  ({ permitNumber, jwt } = JSON.parse(issued.stdout) as { permitNumber: string; jwt: string });
}, 60_000);

describe('read-only commands load only what they need', () => {
  it('the build wrote the metafile the test reads', () => {
    expect(existsSync(resolve('dist/cli/metafile.json'))).toBe(true);
  });

  it('saiga permit list: no verifier, no schema validators, no heavy package', async () => {
    const { packages, modules, stdout } = await loadsOf(['permit', 'list']);
    expect(stdout).toContain(permitNumber);
    expect(modules).toContain('dist/src/store/permits.js');
    expect(packages.filter((u) => HEAVY_PACKAGES.test(u))).toEqual([]);
    expect(modules.filter((m) => /^dist\/src\/(verify|verification|endorsement)\/|issuance\/issue|schema-validators/.test(m))).toEqual([]);
  });

  it('saiga permit status: the status view only, not the endorsement and status-change code nor the schema validators', async () => {
    const { packages, modules, stdout } = await loadsOf(['permit', 'status', permitNumber]);
    expect(stdout).toContain(permitNumber);
    expect(modules).toContain('dist/src/lifecycle/permit-status.js');
    expect(packages.filter((u) => HEAVY_PACKAGES.test(u))).toEqual([]);
    expect(modules.filter((m) => /^dist\/src\/(verify|verification|endorsement)\/|issuance\/issue|schema-validators|permit-lifecycle|status\/changes/.test(m))).toEqual([]);
  });

  it('saiga verify JWT: the verifier, but no issuance or endorsement code and no heavy package', async () => {
    const { packages, modules, stdout } = await loadsOf(['verify', jwt]);
    expect(stdout).toMatch(/^VALID /);
    expect(modules).toContain('dist/src/verify/verify.js');
    expect(packages.filter((u) => HEAVY_PACKAGES.test(u))).toEqual([]);
    expect(modules.filter((m) => /^dist\/src\/(endorsement|http|print|report)\/|issuance\/issue/.test(m))).toEqual([]);
  });
});
