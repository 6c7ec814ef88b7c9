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
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, SRC } from '../helpers/imports.js';

const SERVICE_FOLDERS = ['issuance', 'status', 'endorsement', 'record', 'store', 'agent', 'http', 'cli', 'auth', 'print', 'trust'];

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

  it('has service folders take shared vocabulary from src/vocab, not from the verifier', () => {
    const fromVerifyIndex = sourceFiles()
      .filter((f) => ['issuance', 'status', 'endorsement', 'record', 'trust', 'print'].includes(folderOf(f)))
      .filter((f) => importsOf(readFileSync(new URL(f, SRC), 'utf8')).some((s) => /\/verify\/index\.js$/.test(s)));
    expect(fromVerifyIndex).toEqual([]);
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
