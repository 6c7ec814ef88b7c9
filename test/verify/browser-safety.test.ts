/** The verification core must run in a browser: guard against Node-only code creeping in. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../../src/verify/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('src/verify is browser-safe', () => {
  it.each(files)('%s imports only jose, @scure/base and our own browser-safe modules', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    const imports = [...source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)].map((m) => m[1]!);
    for (const spec of imports) {
      expect(['jose', '@scure/base', '../codes.js', '../permit/model.js'].includes(spec) || /^\.\/[a-z-]+\.js$/.test(spec), spec).toBe(true);
    }
    expect(source).not.toMatch(/\b(Buffer|process|require|__dirname)\b[.(]/);
    expect(source.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('index.ts names every export (no export *)', () => {
    expect(readFileSync(new URL('index.ts', dir), 'utf8')).not.toMatch(/export \*/);
  });
});

it('the import scan sees multi-line imports', () => {
  const source = readFileSync(new URL('verify.ts', dir), 'utf8');
  expect([...source.matchAll(/^(?:import|export)\b[^;]*?from '([^']+)'/gm)].map((m) => m[1])).toContain('./verifier-types.js');
});
