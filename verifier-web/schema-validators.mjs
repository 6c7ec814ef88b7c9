/**
 * Generates the verifier page's JSON Schema validators at build time: ajv "standalone"
 * code (plain functions, no `new Function` at run time) for the schemas of
 * src/permit/schema-validators.ts, as they are in the source tree at the moment of the
 * build. build.mjs bundles the result in place of that module, so the page needs no
 * 'unsafe-eval' in its CSP and ajv's compiler stays out of the bundle.
 *
 * The output is build output (dist/, never committed), rewritten on every build, so a
 * change to a schema can never leave the page with stale validators.
 */
import { build as esbuild } from 'esbuild';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import standaloneCode from 'ajv/dist/standalone/index.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The module the page swaps out, and where its generated replacement is written. */
export const SEAM = join(root, 'src/permit/schema-validators.ts');
export const GENERATED = join(root, 'dist/verifier-web/schema-validators.mjs');

/**
 * Loads src/permit/schema-validators.ts from source (not dist/, which tsc may not have
 * rebuilt): bundled by esbuild with its packages left as imports, written beside the
 * output so that those resolve from node_modules, imported (under a new URL each time: a
 * process that builds twice must not get the first copy from the module cache), deleted.
 */
async function loadSeam(dir) {
  const file = join(dir, `.seam-${process.pid}.mjs`);
  const bundled = await esbuild({ entryPoints: [SEAM], bundle: true, format: 'esm', platform: 'node', packages: 'external', write: false, logLevel: 'warning' });
  writeFileSync(file, bundled.outputFiles[0].contents);
  try {
    return await import(`${pathToFileURL(file).href}?${Date.now()}`);
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * ajv's standalone code loads its runtime helpers (ucs2length, equal) and ajv-formats'
 * formats with `require(…)`, even with `code.esm` (ajv-formats issue #68); an ES module has
 * no `require`. Each becomes a default import: for a CommonJS module that is its
 * `module.exports`, just what `require` returned (in Node, and in esbuild for an .mjs file).
 */
function requiresToImports(code) {
  const specs = [];
  const body = code.replace(/require\("((?:ajv|ajv-formats)\/dist\/[\w/-]+)"\)/g, (_, spec) => {
    const at = specs.includes(spec) ? specs.indexOf(spec) : specs.push(spec) - 1;
    return `required${at}`;
  });
  // JSON strings escape quotes, so `require("` can only be code: any left is one not rewritten.
  if (body.includes('require("')) throw new Error('ajv standalone code requires a module other than ajv/dist/… or ajv-formats/dist/…');
  return specs.map((spec, at) => `import required${at} from ${JSON.stringify(`${spec}.js`)};\n`).join('') + body;
}

/**
 * One validator's standalone code as an expression: its own ajv instance (as at run time),
 * its code in a closure, and `@__PURE__` so that esbuild drops the ones the page never
 * calls (the request schemas): ajv's `validateN.evaluated = …` statements would keep them.
 */
function validatorExpression(seam, schema) {
  // The same setup as at run time, plus the source options standalone code needs.
  const ajv = seam.createAjv({ code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(schema));
  const head = /^"use strict";\n?export const validate = (\w+);\n?export default \1;/.exec(code);
  if (!head) throw new Error('unexpected ajv standalone code: update verifier-web/schema-validators.mjs');
  return `/* @__PURE__ */ (() => {\n${pruneEmbeddedSchemas(code.slice(head[0].length))}\nreturn ${head[1]};\n})()`;
}

/**
 * ajv's standalone code embeds the whole root schema (`const schema31 = {…};`, titles and
 * descriptions included) as soon as one keyword reads a value from it: an `enum` of more than
 * a few values is checked, and reported (`params.allowedValues`), from
 * `schema31.properties.….enum`. The code reads nothing else from it, so the embedded object
 * is cut down to the values at the paths the code reads, each copied whole: the code, and so
 * every verdict and error, stays exactly ajv's (test/permit/standalone-validators.test.ts),
 * and the console's JavaScript stays within its budget (issue 11 §4). Where the code only
 * asks whether an object has a key (`additionalProperties: false` is checked with
 * `hasOwnProperty.call(schemaN.properties, key)`), only the keys are kept. A schema the code
 * uses as a whole (a bare `schemaN`) is left as it is.
 */
function pruneEmbeddedSchemas(code) {
  const declaration = /const (schema\d+) = /g;
  let out = '';
  let from = 0;
  for (let m; (m = declaration.exec(code)) !== null; ) {
    const start = m.index + m[0].length;
    const end = jsonEnd(code, start);
    const name = m[1];
    const rest = code.slice(0, m.index) + code.slice(end);
    const paths = referencedPaths(rest, name, hasOwnPropertyNames(code));
    const schema = JSON.parse(code.slice(start, end));
    out += code.slice(from, start) + (paths === undefined ? code.slice(start, end) : JSON.stringify(pick(schema, paths)));
    from = end;
    declaration.lastIndex = end;
  }
  return out + code.slice(from);
}

/** Where the JSON value that starts at `start` ends (ajv writes it with JSON.stringify). */
function jsonEnd(code, start) {
  let depth = 0;
  for (let i = start; i < code.length; i++) {
    const c = code[i];
    if (c === '"') {
      for (i++; code[i] !== '"'; i++) if (code[i] === '\\') i++;
    } else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error('unexpected ajv standalone code: an embedded schema does not end');
}

/** The names ajv's code gives `Object.prototype.hasOwnProperty` (`const func1 = Object.prototype.hasOwnProperty`). */
function hasOwnPropertyNames(code) {
  return new Set([...code.matchAll(/const (func\d+) = Object\.prototype\.hasOwnProperty\b/g)].map(([, name]) => name));
}

/**
 * The property paths read from `name` (`.a.b`, `["a"]`, `[0]`), each marked `keysOnly` when
 * the code only passes it to hasOwnProperty; undefined when the schema is used whole.
 */
function referencedPaths(code, name, hasOwn) {
  const use = new RegExp(`\\b${name}\\b((?:\\.[A-Za-z_$][\\w$]*|\\[(?:\\d+|"(?:[^"\\\\]|\\\\.)*")\\])*)`, 'g');
  const paths = [];
  for (const m of code.matchAll(use)) {
    const chain = m[1];
    if (chain === '') return undefined;
    const before = /(func\d+)\.call\($/.exec(code.slice(Math.max(0, m.index - 20), m.index));
    const keysOnly = before !== null && hasOwn.has(before[1]) && code[m.index + m[0].length] === ',';
    const keys = [...chain.matchAll(/\.([A-Za-z_$][\w$]*)|\[(\d+|"(?:[^"\\]|\\.)*")\]/g)].map(([, dotted, bracketed]) => dotted ?? JSON.parse(bracketed));
    paths.push({ keys, keysOnly });
  }
  return paths;
}

/** A copy of `schema` that holds only the values at `paths`: each whole, or for a `keysOnly` path its keys. */
function pick(schema, paths) {
  const copy = Array.isArray(schema) ? [] : {};
  // Whole values first, so that a keys-only path never stands in for a value the code reads.
  for (const { keys, keysOnly } of [...paths].sort((a, b) => Number(a.keysOnly) - Number(b.keysOnly))) {
    let source = schema;
    let target = copy;
    keys.forEach((key, i) => {
      if (source === null || typeof source !== 'object' || !Object.hasOwn(source, key)) throw new Error(`unexpected ajv standalone code: it reads ${keys.join('.')}, which the schema lacks`);
      const last = i === keys.length - 1;
      if (last && !keysOnly) target[key] = structuredClone(source[key]);
      else target[key] ??= Array.isArray(source[key]) ? [] : {};
      if (last && keysOnly) for (const k of Object.keys(source[key])) target[key][k] ??= 0;
      source = source[key];
      target = target[key];
    });
  }
  return copy;
}

/** Writes `GENERATED` and returns its path. */
export async function generateValidators() {
  const dir = dirname(GENERATED);
  mkdirSync(dir, { recursive: true });
  const seam = await loadSeam(dir);
  const names = Object.keys(seam.SCHEMAS);
  const code = [
    `// Generated by ${relative(root, fileURLToPath(import.meta.url))} from ${relative(root, SEAM)} at build time. Do not edit.`,
    requiresToImports(names.map((name) => `const ${name}Function = ${validatorExpression(seam, seam.SCHEMAS[name])};`).join('\n')),
    // The getters the seam exports.
    ...names.map((name) => `export const ${name} = () => ${name}Function;`),
    // Only for the test that the build is current; unused by the page, so esbuild leaves it out.
    `export const SCHEMAS = ${JSON.stringify(seam.SCHEMAS)};`,
    '',
  ].join('\n');
  // Written whole, then renamed: builds may run side by side (the browser tests each build the page).
  const temp = `${GENERATED}.${process.pid}`;
  writeFileSync(temp, code);
  renameSync(temp, GENERATED);
  return GENERATED;
}
