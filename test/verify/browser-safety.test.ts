/** The verification core must run in a browser: guard against Node-only code creeping in. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, reachableFrom, SRC } from '../helpers/imports.js';

const dir = new URL('../../src/verify/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

/** What src/verify may import: these packages, its own modules, and these browser-safe modules of src. */
const PACKAGES = ['jose', '@scure/base', 'fflate'];
const OUTSIDE = ['../codes.js', '../permit/model.js', '../permit/subject.js', '../permit/schema-validators.js', '../permit/validate.js', '../permit/import-permit.js', '../qr/cpr1.js', '../qr/input.js'];
const allowed = (spec: string): boolean =>
  PACKAGES.includes(spec) || OUTSIDE.includes(spec) || /^\.\.\/vocab\/[a-z0-9-]+\.js$/.test(spec) || /^\.\/[a-z-]+\.js$/.test(spec);

/** Packages the modules outside src/verify may use in turn (the endorsement validator uses ajv). */
const TRANSITIVE_PACKAGES = [...PACKAGES, 'ajv/dist/2020.js', 'ajv-formats'];

describe('src/verify is browser-safe', () => {
  it.each(files)('%s imports only jose, @scure/base, fflate and our own browser-safe modules', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const spec of importsOf(source)) expect(allowed(spec), spec).toBe(true);
    expect(source).not.toMatch(/\b(Buffer|process|require|__dirname)\b[.(]/);
    expect(source.split('\n').length).toBeLessThanOrEqual(250);
  });

  it('index.ts names every export (no export *)', () => {
    expect(readFileSync(new URL('index.ts', dir), 'utf8')).not.toMatch(/export \*/);
  });
});

/** Every source file outside src/verify that src/verify reaches through relative imports. */
function reachedOutside(): string[] {
  return reachableFrom(files.map((f) => `verify/${f}`)).filter((f) => !f.startsWith('verify/'));
}

describe('what src/verify imports from the rest of src is browser-safe too', () => {
  const outside = reachedOutside();

  it('reaches the shared vocabulary, the permit model and rules and the QR codec, no service folder', () => {
    expect(outside).toEqual(expect.arrayContaining(['codes.ts', 'permit/model.ts', 'vocab/bitstring.ts', 'vocab/endorsement.ts', 'permit/schema-validators.ts', 'qr/input.ts', 'qr/payload.ts', 'qr/cp3.ts', 'qr/cpr1.ts']));
    expect(outside.filter((f) => /^(issuance|status|endorsement|record|store|agent|http|cli|auth|print|trust)\//.test(f))).toEqual([]);
  });

  it.each(outside)('%s imports no node: module and no server package, and uses no Node global', (file) => {
    const source = readFileSync(new URL(file, SRC), 'utf8');
    for (const spec of importsOf(source)) {
      expect(spec.startsWith('node:'), spec).toBe(false);
      expect(spec.startsWith('.') || TRANSITIVE_PACKAGES.includes(spec), spec).toBe(true);
    }
    expect(source).not.toMatch(/\b(Buffer|process|require|__dirname)\b[.(]/);
  });
});

it('the import scan sees multi-line imports', () => {
  const source = readFileSync(new URL('verify.ts', dir), 'utf8');
  expect(importsOf(source)).toContain('./verifier-types.js');
});
