/**
 * Builds objects from an `agent.yml` written in Veramo's configuration dialect.
 *
 * `@veramo/cli` (which owns this dialect) cannot be installed from the npm registry
 * alone, so Saiga keeps its own loader. Supported directives, as in Veramo:
 * - `$require: "module?t=class|function|object&p=/json/pointer#export"` — `class` (default)
 *   means `new X(...$args)`, `function` means `X(...$args)`, `object` means the export itself;
 *   `p` picks a member of the result.
 * - `$args: [...]` — arguments, resolved recursively.
 * - `$ref: /json/pointer` — another node of the file, created once and shared.
 * - `$env: NAME` — an environment variable (from the env map given to the loader).
 * Saiga adds one directive:
 * - `$path: ./relative` — a file path resolved against the folder of `agent.yml`, so that
 *   an agent behaves the same whatever directory it is started from.
 *
 * Module names resolve from Saiga's own `node_modules`; `#saiga/...` names resolve to
 * Saiga's own modules through the `imports` map of package.json.
 */
import { isAbsolute, resolve } from 'node:path';

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(
    message: string,
    readonly pointer: string,
  ) {
    super(`${message} (at ${pointer || '/'})`);
    this.name = 'ConfigError';
  }
}

export interface LoaderContext {
  /** Folder against which `$path` entries resolve. */
  baseDir: string;
  /** Values for `$env`; usually `process.env` plus secrets read from a file. */
  env: Readonly<Record<string, string | undefined>>;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Reads the node at a JSON pointer (RFC 6901). */
export function getByPointer(root: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return root;
  if (!pointer.startsWith('/')) throw new ConfigError(`"${pointer}" is not a JSON pointer`, pointer);
  let node: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object' || !(key in node)) {
      throw new ConfigError(`nothing found at "${pointer}"`, pointer);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function parseRequire(spec: string, pointer: string): { module: string; type: string; member?: string; exportName: string } {
  const hash = spec.lastIndexOf('#');
  const beforeHash = hash > 0 ? spec.slice(0, hash) : spec;
  const exportName = hash > 0 ? spec.slice(hash + 1) : 'default';
  const question = beforeHash.indexOf('?');
  const module = question >= 0 ? beforeHash.slice(0, question) : beforeHash;
  const params = new URLSearchParams(question >= 0 ? beforeHash.slice(question + 1) : '');
  const type = params.get('t') ?? 'class';
  if (!['class', 'function', 'object'].includes(type)) throw new ConfigError(`unknown $require type "${type}"`, pointer);
  if (!module) throw new ConfigError('$require names no module', pointer);
  const member = params.get('p') ?? undefined;
  return member === undefined ? { module, type, exportName } : { module, type, member, exportName };
}

/**
 * Creates the objects at the given pointers of a parsed agent.yml.
 * Shared nodes (`$ref`) are created once: the promise is cached per pointer.
 */
export async function createObjects(
  config: Record<string, unknown>,
  pointers: Record<string, string>,
  context: LoaderContext,
): Promise<Record<string, unknown>> {
  const cache = new Map<string, Promise<unknown>>();

  const atPointer = (pointer: string): Promise<unknown> => {
    let created = cache.get(pointer);
    if (!created) {
      created = build(getByPointer(config, pointer) as Json, pointer);
      cache.set(pointer, created);
    }
    return created;
  };

  async function build(node: Json, pointer: string): Promise<unknown> {
    if (Array.isArray(node)) return Promise.all(node.map((item, i) => build(item, `${pointer}/${i}`)));
    if (node === null || typeof node !== 'object') return node;
    if ('$ref' in node) return atPointer(String(node.$ref));
    if ('$env' in node) {
      const name = String(node.$env);
      const value = context.env[name];
      if (value === undefined || value === '') throw new ConfigError(`environment variable ${name} is not set`, pointer);
      return value;
    }
    if ('$path' in node) {
      const path = String(node.$path);
      return isAbsolute(path) ? path : resolve(context.baseDir, path);
    }
    if ('$require' in node) return instantiate(node, pointer);
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = await build(value, `${pointer}/${key}`);
    return out;
  }

  async function instantiate(node: { [key: string]: Json }, pointer: string): Promise<unknown> {
    const spec = parseRequire(String(node.$require), pointer);
    const args = node.$args === undefined ? [] : node.$args;
    if (!Array.isArray(args)) throw new ConfigError('$args must be an array', pointer);
    const resolvedArgs = (await build(args, `${pointer}/$args`)) as unknown[];
    let imported: Record<string, unknown>;
    try {
      imported = (await import(spec.module)) as Record<string, unknown>;
    } catch (error) {
      throw new ConfigError(`cannot load module "${spec.module}": ${(error as Error).message}`, pointer);
    }
    const target = imported[spec.exportName];
    if (target === undefined) throw new ConfigError(`module "${spec.module}" has no export "${spec.exportName}"`, pointer);
    let value: unknown;
    if (spec.type === 'object') value = target;
    else if (typeof target !== 'function') throw new ConfigError(`"${spec.exportName}" is not a ${spec.type}`, pointer);
    else if (spec.type === 'class') value = new (target as new (...a: unknown[]) => unknown)(...resolvedArgs);
    else value = await (target as (...a: unknown[]) => unknown)(...resolvedArgs);
    return spec.member === undefined ? value : getByPointer(value, spec.member);
  }

  const result: Record<string, unknown> = {};
  for (const [name, pointer] of Object.entries(pointers)) result[name] = await atPointer(pointer);
  return result;
}
