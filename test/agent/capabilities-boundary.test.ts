/**
 * Capabilities, not a service locator (src/agent/wiring/capabilities.ts): only the
 * composition root (src/agent/wiring) imports Veramo or builds an agent from its parts, and
 * HTTP routes and CLI commands reach the agent through its capabilities and withAgent only,
 * never through its connections (`db`, `reads`) or its Veramo agent.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, SRC } from '../helpers/imports.js';

function sourceFiles(dir = ''): string[] {
  return readdirSync(new URL(dir || '.', SRC)).flatMap((name) => {
    const path = `${dir}${name}`;
    if (statSync(new URL(path, SRC)).isDirectory()) return sourceFiles(`${path}/`);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const read = (file: string) => readFileSync(new URL(file, SRC), 'utf8');
/** The file an import names, relative to src/ (`agent/wiring/open.ts`). */
const target = (file: string, spec: string) => new URL(spec.replace(/\.js$/, '.ts'), new URL(file, SRC)).href.slice(SRC.href.length);
const dynamicImportsOf = (source: string) => [...source.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]!);

describe('the agent wiring', () => {
  it('is the only place that imports Veramo', () => {
    const importers = sourceFiles().filter((f) => !f.startsWith('agent/wiring/') && [...importsOf(read(f)), ...dynamicImportsOf(read(f))].some((s) => s.startsWith('@veramo/')));
    expect(importers).toEqual([]);
  });

  it('is opened by routes and commands through withAgent and capabilities only', () => {
    const reaching = sourceFiles()
      .filter((f) => f.startsWith('http/') || f.startsWith('cli/'))
      .flatMap((f) => [...importsOf(read(f)), ...dynamicImportsOf(read(f))].filter((s) => s.startsWith('.')).map((s) => [f, target(f, s)] as const))
      .filter(([, to]) => to.startsWith('agent/wiring/') && !['agent/wiring/capabilities.ts', 'agent/wiring/with-agent.ts'].includes(to));
    expect(reaching).toEqual([]);
  });

  it('keeps its connections and Veramo to itself', () => {
    const touching = sourceFiles()
      .filter((f) => f.startsWith('http/') || f.startsWith('cli/'))
      .filter((f) => /\.(db|reads|veramo)\b/.test(read(f)));
    expect(touching).toEqual([]);
  });
});
