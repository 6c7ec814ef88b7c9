/**
 * Runs real Saiga agents for tests: each authority is its own process (the built CLI),
 * with its own SQLite file in a temporary folder, on its own loopback port.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import jsYaml from 'js-yaml';
import { freePort } from '../../bench/free-port.js';

export const CLI = resolve('dist/cli/saiga.js');
export const EXAMPLES = resolve('examples/permits');

export function tempDir(prefix = 'saiga-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

// One way to find a free loopback port, shared with the bench.
export { freePort };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An API token made with `saiga token create` (shown once, as a user would copy it). */
export async function createToken(config: string, role: 'officer' | 'customs' | 'admin', name: string): Promise<string> {
  const created = await runCli(['token', 'create', '--config', config, '--role', role, '--name', name, '--json']);
  return (JSON.parse(created.stdout) as { token: string }).token;
}

export function runCli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolveRun) => {
    execFile(process.execPath, [CLI, ...args], { env: { ...process.env, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolveRun({ code, stdout, stderr });
    });
  });
}

export function readExample(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, unknown>;
}

export interface AuthorityProcess {
  url: string;
  did: string;
  config: string;
  dir: string;
  officerToken: string;
  /** The console account the first start made for the officer (null on later starts or when accounts exist). */
  consoleAccount: { username: string; password: string } | null;
  child: ChildProcess;
  stop(): Promise<void>;
  /** Calls the agent's HTTP API. */
  api(path: string, init?: { method?: string; token?: string; body?: unknown; rawBody?: string; contentType?: string }): Promise<{ status: number; body: any; headers: Headers }>;
}

export interface AuthoritySpec {
  country: string;
  name: string;
  place?: string;
  didMethod?: 'web' | 'key';
  peers?: { did: string; country: string; name: string; role?: 'managementAuthority' | 'customs' }[];
  env?: Record<string, string>;
}

/** Writes the agent's config with `saiga init`, then adds the peers it trusts. */
export async function initAuthority(spec: AuthoritySpec): Promise<{ dir: string; config: string; port: number; url: string; did: string; customsDid: string }> {
  const dir = tempDir(`saiga-${spec.country.toLowerCase()}-`);
  const config = join(dir, 'agent.yml');
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const init = await runCli(
    ['init', '--config', config, '--country', spec.country, '--name', spec.name, '--place', spec.place ?? spec.country, '--url', url, '--did-method', spec.didMethod ?? 'web', '--json'],
    spec.env,
  );
  if (init.code !== 0) throw new Error(`init failed: ${init.stderr}${init.stdout}`);
  if (spec.peers) setPeers(config, spec.peers);
  const { did, customsDid } = JSON.parse(init.stdout) as { did: string; customsDid: string };
  return { dir, config, port, url, did, customsDid };
}

export function setPeers(config: string, peers: { did: string; country: string; name: string; role?: 'managementAuthority' | 'customs' }[]): void {
  editConfig(config, (saiga) => {
    saiga.trust = { peers };
  });
}

/** Changes the saiga: section of an agent.yml. */
export function editConfig(config: string, edit: (saiga: Record<string, any>) => void): void {
  const doc = jsYaml.load(readFileSync(config, 'utf8'), { schema: jsYaml.CORE_SCHEMA }) as { saiga: Record<string, any> };
  edit(doc.saiga);
  writeFileSync(config, jsYaml.dump(doc, { schema: jsYaml.CORE_SCHEMA, noRefs: true, lineWidth: -1 }));
}

/** Starts `saiga serve` and waits until it answers. */
export async function serveAuthority(init: { dir: string; config: string; url: string }, env: Record<string, string> = {}): Promise<AuthorityProcess> {
  const child = spawn(process.execPath, [...(process.env.SAIGA_PROFILE_SERVE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.SAIGA_PROFILE_SERVE}`] : []), CLI, 'serve', '--config', init.config, '--json', '--officer', 'Test Officer'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const started = await new Promise<{ did: string; officerToken: string | null; consoleAccount?: { username: string; password: string } | null }>((resolveStart, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent did not start: ${stderr}`)), 30_000);
    const poll = setInterval(() => {
      try {
        const value = JSON.parse(stdout) as { did: string; officerToken: string | null; consoleAccount?: { username: string; password: string } | null };
        clearInterval(poll);
        clearTimeout(timer);
        resolveStart(value);
      } catch {
        /* not complete yet */
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(poll);
      clearTimeout(timer);
      reject(new Error(`agent exited with ${code}: ${stderr}`));
    });
  });
  const api: AuthorityProcess['api'] = async (path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.rawBody !== undefined) body = opts.rawBody;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
    const response = await fetch(`${init.url}${path}`, { method: opts.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    url: init.url,
    did: started.did,
    config: init.config,
    dir: init.dir,
    officerToken: started.officerToken ?? '',
    consoleAccount: started.consoleAccount ?? null,
    child,
    api,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolveStop();
        // A stuck shutdown must not stall the suite: SIGKILL after 5 s.
        const force = setTimeout(() => child.kill('SIGKILL'), 5000);
        child.once('exit', () => {
          clearTimeout(force);
          resolveStop();
        });
        child.kill('SIGTERM');
      }),
  };
}

/** Polls every 250 ms until `done` (the exchange delivers in the background); fails after `seconds`, naming `what`. */
export async function untilDelivered(what: string, done: () => Promise<boolean>, seconds = 45): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (await done()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the exchange did not deliver ${what} in time`);
}
