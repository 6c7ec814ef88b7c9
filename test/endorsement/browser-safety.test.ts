/**
 * The verifier page bundles `model.ts` and `validate.ts` through src/verify/record.ts, so
 * they and everything they import must run in a browser. (`endorse.ts` is the agent's
 * side — store and signing — and is not part of the bundle.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const SRC = new URL('../../src/', import.meta.url);
const ENTRIES = ['endorsement/model.ts', 'endorsement/validate.ts'];
const PACKAGES = ['ajv/dist/2020.js', 'ajv-formats'];

const importsOf = (source: string) => [...source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)].map((m) => m[1]!);

/** The source files reachable from the entries through relative imports (`.js` → `.ts`). */
function reachable(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of importsOf(readFileSync(new URL(file, SRC), 'utf8'))) {
      if (spec.startsWith('.')) visit(new URL(spec.replace(/\.js$/, '.ts'), new URL(file, SRC)).href.slice(SRC.href.length));
    }
  };
  ENTRIES.forEach(visit);
  return [...seen].sort();
}

describe('what the verifier bundles from src/endorsement is browser-safe', () => {
  const files = reachable();

  it('reaches the endorsement model, schema and validator and the permit helpers they use', () => {
    expect(files).toEqual(expect.arrayContaining(['codes.ts', ...ENTRIES, 'endorsement/schema.ts', 'permit/findings.ts']));
    expect(files).not.toContain('endorsement/endorse.ts');
  });

  it.each(files)('%s imports no Node or server module and uses no Node global', (file) => {
    const source = readFileSync(new URL(file, SRC), 'utf8');
    for (const spec of importsOf(source)) expect(spec.startsWith('.') || PACKAGES.includes(spec), spec).toBe(true);
    expect(source).not.toMatch(/\b(Buffer|process|require|__dirname)\b[.(]/);
  });
});
