/**
 * Two kinds of test that cannot be trusted, looked for in every test file:
 *  - a timing budget asserted in a test (it fails on a slower or busier machine without anything
 *    being wrong, and passes a regression on a fast one); speed is measured by `npm run bench`;
 *  - a golden test that writes its fixture when the file is missing, so deleting the fixture
 *    still passes.
 * And one kind of comment: a citation of notes the repository does not hold (a user's clone has
 * only what is committed; facts the code relies on live in docs/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const REPO = join(ROOT, '..');

function testFiles(dir: string, pattern = /\.ts$/): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'fixtures' || name === 'dist' || name === 'node_modules' ? [] : testFiles(path, pattern);
    return pattern.test(name) ? [path] : [];
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

describe('citations', () => {
  const sources = ['src', 'test', 'verifier-web', 'bench', 'scripts'].flatMap((d) => testFiles(join(REPO, d), /\.(ts|mjs|js|html)$/));

  it('no code, test or comment cites notes outside the repository', () => {
    const outside = /cites-domain\.md|vc-tech-notes\.md|peer-systems\.md|house-style\.md|exchange-notes\.md|oid4vc-notes\.md|house style \d|\.\.\/shared\//;
    const offenders = sources.filter((f) => !f.endsWith('test-hygiene.test.ts') && outside.test(readFileSync(f, 'utf8'))).map((f) => relative(REPO, f));
    expect(offenders).toEqual([]);
  });

  it('every docs/ file a comment cites exists', () => {
    const missing = new Set<string>();
    for (const f of sources) {
      for (const [, doc] of readFileSync(f, 'utf8').matchAll(/\bdocs\/([\w.-]+\.md)/g)) {
        if (!existsSync(join(REPO, 'docs', doc!))) missing.add(`${relative(REPO, f)} → docs/${doc}`);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
