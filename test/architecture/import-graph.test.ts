/**
 * The folders of src/ form a layered graph: no cycle between top-level folders, the
 * vocabulary (src/vocab) is a leaf, and the verification core (src/verify) imports no
 * service folder. The rules, as this test enforces them:
 *
 * - src/vocab imports only src/vocab (and packages): the words both sides share.
 * - src/qr is a transport codec, not a service: it imports only src/vocab and codes.ts, so
 *   the core may use it to read what a camera or a person gives it.
 * - src/verify imports only itself, src/vocab, src/permit (the permit model and rules),
 *   src/qr and codes.ts, never a service folder.
 * - src/permit (the permit model, code tables and rules) imports only src/vocab and codes.ts,
 *   and codes.ts only src/vocab: the bottom layers import nothing above them.
 * - Frameworks stay at the edges (docs/architecture.md): express only in src/http, Veramo and
 *   TypeORM only in src/agent (the wiring and the identities), sqlite3 only in src/store,
 *   pdfkit only in src/print, nodemailer only in src/mail. Dynamic `import()`s count as imports.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, SRC } from '../helpers/imports.js';

const SERVICE_FOLDERS = ['issuance', 'status', 'endorsement', 'lifecycle', 'record', 'store', 'agent', 'http', 'cli', 'auth', 'print', 'trust', 'verification', 'exchange', 'import-confirmation', 'toolkit-xml', 'audit', 'report', 'mail'];

function sourceFiles(dir = ''): string[] {
  return readdirSync(new URL(dir || '.', SRC)).flatMap((name) => {
    const path = `${dir}${name}`;
    if (statSync(new URL(path, SRC)).isDirectory()) return sourceFiles(`${path}/`);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** `verify/verify.ts` → `verify`; a file at the top of src/ (codes.ts) is a node of its own. */
const folderOf = (file: string): string => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file);

/** Edges between folders, each with one import that makes it (file → specifier). */
function folderEdges(): Map<string, Map<string, string>> {
  const edges = new Map<string, Map<string, string>>();
  for (const file of sourceFiles()) {
    for (const spec of importsOf(readFileSync(new URL(file, SRC), 'utf8'))) {
      if (!spec.startsWith('.')) continue;
      const target = new URL(spec.replace(/\.js$/, '.ts'), new URL(file, SRC)).href.slice(SRC.href.length);
      const [from, to] = [folderOf(file), folderOf(target)];
      if (from === to) continue;
      if (!edges.has(from)) edges.set(from, new Map());
      if (!edges.get(from)!.has(to)) edges.get(from)!.set(to, `${file} imports ${spec}`);
    }
  }
  return edges;
}

/** The first cycle found, as the imports that make it; [] when the graph is acyclic. */
function findCycle(edges: Map<string, Map<string, string>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] => {
    state.set(node, 'open');
    path.push(node);
    for (const next of edges.get(node)?.keys() ?? []) {
      if (state.get(next) === 'open') {
        const loop = [...path.slice(path.indexOf(next)), next];
        return loop.slice(1).map((to, i) => edges.get(loop[i]!)!.get(to)!);
      }
      if (!state.has(next)) {
        const found = visit(next);
        if (found.length > 0) return found;
      }
    }
    path.pop();
    state.set(node, 'done');
    return [];
  };
  for (const node of edges.keys()) {
    if (state.has(node)) continue;
    const found = visit(node);
    if (found.length > 0) return found;
  }
  return [];
}

/** Every module a source file names: static imports and re-exports, and dynamic `import('…')`. */
function allImportsOf(source: string): string[] {
  return [...importsOf(source), ...[...source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((m) => m[1]!)];
}

/** The package a bare specifier names (`@veramo/core/x` → `@veramo/core`); undefined for a relative one. */
const packageOf = (spec: string): string | undefined =>
  spec.startsWith('.') ? undefined : spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];

/** The folders (first-level, or `codes.ts`) allowed to import each framework. */
const FRAMEWORK_HOMES: { test: (pkg: string) => boolean; name: string; folders: string[] }[] = [
  { name: 'express', test: (p) => p === 'express' || p.startsWith('express-'), folders: ['http'] },
  { name: 'Veramo', test: (p) => p.startsWith('@veramo/'), folders: ['agent'] },
  { name: 'TypeORM', test: (p) => p === 'typeorm', folders: ['agent'] },
  { name: 'sqlite3', test: (p) => p === 'sqlite3', folders: ['store'] },
  { name: 'pdfkit', test: (p) => p === 'pdfkit', folders: ['print'] },
  { name: 'nodemailer', test: (p) => p === 'nodemailer', folders: ['mail'] },
];

/** The folders each bottom layer may import, itself aside. */
const LAYER_LIMITS: Record<string, string[]> = {
  vocab: [],
  'codes.ts': ['vocab'],
  qr: ['vocab', 'codes.ts'],
  permit: ['vocab', 'codes.ts'],
  verify: ['vocab', 'permit', 'qr', 'codes.ts'],
};

/** Each broken rule, as "file imports spec (why)"; [] when the files keep every rule. */
function ruleViolations(files: { file: string; imports: string[] }[]): string[] {
  const found: string[] = [];
  for (const { file, imports } of files) {
    const from = folderOf(file);
    for (const spec of imports) {
      const pkg = packageOf(spec);
      if (pkg === undefined) {
        const to = folderOf(new URL(spec.replace(/\.js$/, '.ts'), new URL(file, SRC)).href.slice(SRC.href.length));
        const limit = LAYER_LIMITS[from];
        if (to !== from && limit && !limit.includes(to)) found.push(`${file} imports ${spec} (${from} may import only ${limit.join(', ') || 'itself'})`);
        continue;
      }
      const home = FRAMEWORK_HOMES.find((h) => h.test(pkg));
      if (home && !home.folders.includes(from)) found.push(`${file} imports ${spec} (${home.name} belongs in src/${home.folders.join(', src/')})`);
    }
  }
  return found;
}

const edges = folderEdges();
const targetsOf = (folder: string): string[] => [...(edges.get(folder)?.keys() ?? [])].sort();

describe('the import graph between the folders of src/', () => {
  it('has no cycle', () => {
    expect(findCycle(edges)).toEqual([]);
  });

  it('keeps src/vocab a leaf', () => {
    expect(targetsOf('vocab')).toEqual([]);
  });

  it('lets the QR transport codec import only the vocabulary and the codes', () => {
    expect(targetsOf('qr').filter((f) => f !== 'vocab' && f !== 'codes.ts')).toEqual([]);
  });

  it('lets src/verify import no service folder', () => {
    expect(targetsOf('verify').filter((f) => SERVICE_FOLDERS.includes(f))).toEqual([]);
    expect(targetsOf('verify').filter((f) => !['vocab', 'permit', 'qr', 'codes.ts'].includes(f))).toEqual([]);
  });

  it('keeps the bottom layers below everything else and the frameworks at the edges', () => {
    const files = sourceFiles().map((file) => ({ file, imports: allImportsOf(readFileSync(new URL(file, SRC), 'utf8')) }));
    expect(ruleViolations(files)).toEqual([]);
  });

  it('has service folders take shared vocabulary from src/vocab, not from the verifier', () => {
    const fromVerifyIndex = sourceFiles()
      .filter((f) => ['issuance', 'status', 'endorsement', 'record', 'trust', 'print', 'exchange', 'import-confirmation', 'toolkit-xml'].includes(folderOf(f)))
      .filter((f) => importsOf(readFileSync(new URL(f, SRC), 'utf8')).some((s) => /\/verify\/index\.js$/.test(s)));
    expect(fromVerifyIndex).toEqual([]);
  });
});

describe('the rule checker', () => {
  it('names a forbidden framework import, static or dynamic, and a layer that imports upwards', () => {
    const files = [
      { file: 'permit/rules.ts', imports: ['express', '../store/permits.js', './tables/index.js', '../vocab/limits.js'] },
      { file: 'issuance/issue.ts', imports: ['@veramo/core', 'typeorm'] },
      { file: 'qr/cp2.ts', imports: ['../verify/jws.js'] },
      { file: 'http/app.ts', imports: ['express', 'express-rate-limit', '../agent/open.js'] },
      { file: 'codes.ts', imports: ['./permit/model.js'] },
    ];
    expect(ruleViolations(files)).toEqual([
      'permit/rules.ts imports express (express belongs in src/http)',
      'permit/rules.ts imports ../store/permits.js (permit may import only vocab, codes.ts)',
      'issuance/issue.ts imports @veramo/core (Veramo belongs in src/agent)',
      'issuance/issue.ts imports typeorm (TypeORM belongs in src/agent)',
      'qr/cp2.ts imports ../verify/jws.js (qr may import only vocab, codes.ts)',
      'codes.ts imports ./permit/model.js (codes.ts may import only vocab)',
    ]);
  });

  it('reads dynamic imports too', () => {
    expect(allImportsOf("const x = await import('typeorm');\nimport { a } from './a.js';")).toEqual(['./a.js', 'typeorm']);
  });
});

describe('the cycle finder', () => {
  it('finds a cycle through three folders and names its imports', () => {
    const graph = new Map([
      ['a', new Map([['b', 'a/x.ts imports ../b/y.js']])],
      ['b', new Map([['c', 'b/y.ts imports ../c/z.js']])],
      ['c', new Map([['a', 'c/z.ts imports ../a/x.js']])],
    ]);
    expect(findCycle(graph)).toEqual(['a/x.ts imports ../b/y.js', 'b/y.ts imports ../c/z.js', 'c/z.ts imports ../a/x.js']);
  });

  it('finds none in a diamond', () => {
    const graph = new Map([
      ['a', new Map([['b', ''], ['c', '']])],
      ['b', new Map([['d', '']])],
      ['c', new Map([['d', '']])],
    ]);
    expect(findCycle(graph)).toEqual([]);
  });
});
