/**
 * Everyday commands, timed as a user runs them: whole processes, wall time, median of
 * several runs, each against `node -e 0` measured in the same run (the floor of any Node
 * command on this machine).
 *
 *  - `saiga verify JWT` and `saiga permit list`: read-only, they open the configuration and
 *    the store only (target ≤ 0.3 s);
 *  - `saiga permit status NUMBER`, also read-only;
 *  - `npm start` once built: from the command to the first answer of /health (target ≤ 3 s).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { freePort } from './free-port.js';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { renderAgentYaml } from '../src/agent/config/write-config.js';

const CLI = resolve('dist/cli/saiga.js');

export interface CommandTiming {
  name: string;
  samplesMs: number[];
  medianMs: number;
  /** The median as a multiple of `node -e 0`'s in the same run. */
  timesNode: number;
}

export interface CommandTimings {
  nodeBaselineMs: number;
  rows: CommandTiming[];
  targets: { readOnlyMs: number; startMs: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeRun(args: string[], env: NodeJS.ProcessEnv, expectStatus = 0): number {
  const start = performance.now();
  const run = spawnSync(args[0]!, args.slice(1), { env, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (run.status !== expectStatus) throw new Error(`${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}


/** `npm start`, with this run's agent.yml appended (the last --config wins), until /health answers. */
async function timeStart(config: string, port: number, env: NodeJS.ProcessEnv): Promise<number> {
  const start = performance.now();
  const child = spawn('npm', ['start', '--', '--config', config], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const deadline = start + 60_000;
    while (performance.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited ${child.exitCode}: ${output}`);
      try {
        const response = await fetch(`http://127.0.0.1:${port}/health`);
        if (response.ok) return performance.now() - start;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`npm start did not answer within 60 s: ${output}`);
  } finally {
    // npm starts node in its own process group member: stop the whole group.
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

export async function commandTimings(runs: number, progress: (line: string) => void): Promise<CommandTimings> {
  const dir = mkdtempSync(join(tmpdir(), 'saiga-bench-cli-'));
  const env = { ...process.env, SAIGA_SECRET_KEY: 'ab'.repeat(32) };
  try {
    const port = await freePort();
    const config = join(dir, 'agent.yml');
    writeFileSync(config, renderAgentYaml({ country: 'LK', name: 'Bench authority', address: 'Colombo', place: 'Colombo', url: `http://localhost:${port}`, didMethod: 'web' }));
    const setup = (args: string[]) => {
      const run = spawnSync('node', [CLI, ...args, '--config', config, '--json'], { env, encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`saiga ${args.join(' ')}: ${run.stderr}`);
      return run.stdout;
    };
    setup(['init', '--country', 'LK']);
    const request = join(dir, 'request.json');
    writeFileSync(request, readFileSync('examples/permits/export-lk-orchids.json'));
    let jwt = '';
    let number = '';
    for (let i = 0; i < 20; i++) {
      const issued = JSON.parse(setup(['permit', 'issue', request, '--signatory', 'Bench Officer'])) as { jwt: string; permitNumber: string };
      jwt = issued.jwt;
      number = issued.permitNumber;
    }
    progress(`  ${runs} runs each of node -e 0, saiga verify, saiga permit list, saiga permit status, npm start…`);
    const samples: Record<string, number[]> = { node: [], verify: [], list: [], status: [], start: [] };
    for (let i = 0; i < runs; i++) {
      // Interleaved, so a slower moment of the machine weighs on every row alike.
      samples.node!.push(timeRun(['node', '-e', '0'], env));
      samples.verify!.push(timeRun(['node', CLI, 'verify', jwt, '--config', config], env));
      samples.list!.push(timeRun(['node', CLI, 'permit', 'list', '--config', config], env));
      samples.status!.push(timeRun(['node', CLI, 'permit', 'status', number, '--config', config], env));
    }
    for (let i = 0; i < Math.min(runs, 3); i++) samples.start!.push(await timeStart(config, port, env));
    const nodeBaselineMs = median(samples.node!);
    const row = (name: string, xs: number[]): CommandTiming => ({ name, samplesMs: xs, medianMs: median(xs), timesNode: median(xs) / nodeBaselineMs });
    return {
      nodeBaselineMs,
      rows: [
        row('saiga verify JWT', samples.verify!),
        row('saiga permit list', samples.list!),
        row('saiga permit status NUMBER', samples.status!),
        row('npm start, built, until /health answers', samples.start!),
      ],
      targets: { readOnlyMs: 300, startMs: 3000 },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
