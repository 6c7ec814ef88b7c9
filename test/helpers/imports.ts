/**
 * The import graph of src/, for the browser-safety tests: what a module imports, and every
 * source file reachable from some entries through relative imports (`.js` → `.ts`).
 */
import { readFileSync } from 'node:fs';

export const SRC = new URL('../../src/', import.meta.url);

/** The module specifiers a source file imports or re-exports from. */
export function importsOf(source: string): string[] {
  return [...source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)].map((m) => m[1]!);
}

/** The files (relative to src/, e.g. `verify/verify.ts`) reachable from `entries`, the entries included, sorted. */
export function reachableFrom(entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(new URL(file, SRC), 'utf8'))) {
      if (spec.startsWith('.')) visit(new URL(spec.replace(/\.js$/, '.ts'), new URL(file, SRC)).href.slice(SRC.href.length));
    }
  };
  entries.forEach(visit);
  return [...seen].sort();
}
