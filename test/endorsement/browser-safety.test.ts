/**
 * The verifier page bundles `model.ts` and `validate.ts` through src/verify/record.ts, so
 * they and everything they import must run in a browser. (`endorse.ts` is the agent's
 * side — store and signing — and is not part of the bundle.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, reachableFrom, SRC } from '../helpers/imports.js';

const ENTRIES = ['endorsement/model.ts', 'endorsement/validate.ts'];
const PACKAGES = ['ajv/dist/2020.js', 'ajv-formats'];


describe('what the verifier bundles from src/endorsement is browser-safe', () => {
  const files = reachableFrom(ENTRIES);

  it('reaches the endorsement model, schema and validator and the permit helpers they use', () => {
    expect(files).toEqual(expect.arrayContaining(['codes.ts', ...ENTRIES, 'permit/endorsement-schema.ts', 'permit/findings.ts']));
    expect(files).not.toContain('endorsement/endorse.ts');
  });

  it.each(files)('%s imports no Node or server module and uses no Node global', (file) => {
    const source = readFileSync(new URL(file, SRC), 'utf8');
    for (const spec of importsOf(source)) expect(spec.startsWith('.') || PACKAGES.includes(spec), spec).toBe(true);
    expect(source).not.toMatch(/\b(Buffer|process|require|__dirname)\b[.(]/);
  });
});
