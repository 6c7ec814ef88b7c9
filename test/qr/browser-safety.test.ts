/** src/qr runs in the verifier page: only render.ts may use Node (and the qrcode package). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf } from '../helpers/imports.js';

const dir = new URL('../../src/qr/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'render.ts');

describe('src/qr is browser-safe (except render.ts)', () => {
  it('has the expected modules', () => {
    expect(files.sort()).toEqual([
      'base43.ts',
      'bytes.ts',
      'capacity.ts',
      'codes.ts',
      'compact-jws.ts',
      'cp3.ts',
      'cpr1.ts',
      'deflate-header.ts',
      'deflate-huffman.ts',
      'deflate-parse.ts',
      'deflate-rfc1951.ts',
      'deflate.ts',
      'dictionary-v2.ts',
      'dictionary-v3.ts',
      'dictionary.ts',
      'header-v3.ts',
      'inflate-bounded.ts',
      'input.ts',
      'json-split.ts',
      'link.ts',
      'macros-v3.ts',
      'payload.ts',
    ]);
  });

  it.each(files)('%s imports only fflate, src/codes, src/vocab and its own modules, and uses no Node global', (file) => {
    const source = readFileSync(new URL(file, dir), 'utf8');
    for (const spec of importsOf(source)) expect(spec === 'fflate' || spec === '../codes.js' || /^\.\.\/vocab\/[a-z0-9-]+\.js$/.test(spec) || /^\.\/[a-z0-9-]+\.js$/.test(spec), spec).toBe(true);
    expect(source).not.toMatch(/\b(Buffer|process|require|__dirname|global)\b[.(]/);
    expect(source).not.toMatch(/from 'node:/);
  });

  it('render.ts is the only module that draws (qrcode)', () => {
    const render = readFileSync(new URL('render.ts', dir), 'utf8');
    expect(importsOf(render)).toEqual(['qrcode', './capacity.js']);
  });
});
