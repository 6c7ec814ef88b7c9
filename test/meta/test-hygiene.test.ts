/**
 * Two kinds of test that cannot be trusted, looked for in every test file:
 *  - a timing budget asserted in a test (it fails on a slower or busier machine without anything
 *    being wrong, and passes a regression on a fast one); speed is measured by `npm run bench`;
 *  - a golden test that writes its fixture when the file is missing, so deleting the fixture
 *    still passes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');

function testFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' ? [] : testFiles(path);
    return /\.ts$/.test(name) ? [path] : [];
  });
}

const TIMING = /expect\(\s*(elapsed|duration|took|slowest|seconds|ms|time|timing)\w*\s*\)\s*\.\s*toBeLessThan/i;
const SELF_HEALING = /!\s*existsSync\([^)]*\)[^;\n]*writeFileSync|existsSync\([^)]*\)\s*\)\s*writeFileSync/;

describe('test hygiene', () => {
  const files = testFiles(ROOT).filter((f) => !f.endsWith('test-hygiene.test.ts'));

  it('finds the test files', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('no test asserts a time budget', () => {
    const offenders = files.filter((f) => TIMING.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });

  it('no golden test regenerates a missing fixture', () => {
    const offenders = files.filter((f) => SELF_HEALING.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(offenders).toEqual([]);
  });
});
