#!/usr/bin/env node
/**
 * Shows what a permit QR code costs: for each VC-JWT, the sizes and QR versions of the CP2
 * payload and link, and with --tokens, every DEFLATE token (literal runs and copies, and
 * whether a copy comes from the preset dictionary) with its bits. The tool behind the
 * dictionaries in src/qr/dictionary.ts and dictionary-v2.ts.
 *
 *   node scripts/qr-issue-examples.mjs /tmp/qr            # issue the examples
 *   node scripts/qr-inspect.mjs [--tokens] [--url https://cites.example.org] /tmp/qr/*.jwt
 *
 * src/qr is TypeScript: it is bundled with esbuild (a dev dependency) into a temp file first.
 */
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const args = process.argv.slice(2);
const tokens = args.includes('--tokens');
const urlAt = args.indexOf('--url');
const fixedUrl = urlAt >= 0 ? args[urlAt + 1] : undefined;
const files = args.filter((a, i) => !a.startsWith('--') && (urlAt < 0 || i !== urlAt + 1));
if (files.length === 0) {
  console.error('usage: node scripts/qr-inspect.mjs [--tokens] [--url <verifier url>] <file.jwt>…');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'saiga-qr-inspect-'));
const entry = join(tmp, 'entry.ts');
writeFileSync(
  entry,
  ['payload', 'link', 'capacity', 'dictionary', 'dictionary-v2', 'json-split', 'deflate'].map((m) => `export * from ${JSON.stringify(join(root, 'src/qr', `${m}.ts`))};`).join('\n'),
);
await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'neutral', outfile: join(tmp, 'qr.mjs'), logLevel: 'warning', absWorkingDir: root });
const qr = await import(pathToFileURL(join(tmp, 'qr.mjs')).href);
rmSync(tmp, { recursive: true, force: true });

/** Reads a raw DEFLATE stream back as tokens, with the bits each one took. */
function tokensOf(data) {
  let pos = 0;
  const bit = () => (data[pos >> 3] >> (pos++ & 7)) & 1;
  const bits = (n) => {
    let v = 0;
    for (let i = 0; i < n; i++) v |= bit() << i;
    return v;
  };
  const build = (lengths) => {
    const map = new Map();
    const max = Math.max(...lengths);
    const count = new Array(max + 1).fill(0);
    lengths.forEach((l) => l && count[l]++);
    const next = [0];
    let code = 0;
    for (let b = 1; b <= max; b++) next[b] = code = (code + (count[b - 1] || 0)) << 1;
    lengths.forEach((l, s) => l && map.set(`${l}:${next[l]++}`, s));
    return map;
  };
  const decode = (map) => {
    let code = 0;
    for (let l = 1; l <= 15; l++) {
      code = (code << 1) | bit();
      const s = map.get(`${l}:${code}`);
      if (s !== undefined) return s;
    }
    throw new Error('bad Huffman code');
  };
  const LB = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LE = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DB = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
  const DE = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  const out = [];
  let at = 0;
  let header = 0;
  for (let final = 0; !final; ) {
    final = bit();
    const type = bits(2);
    const h0 = pos;
    let lit;
    let dist;
    if (type === 1) {
      lit = build(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
      dist = build(new Array(30).fill(5));
    } else if (type === 2) {
      const hlit = bits(5) + 257;
      const hdist = bits(5) + 1;
      const hclen = bits(4) + 4;
      const order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];
      const cl = new Array(19).fill(0);
      for (let i = 0; i < hclen; i++) cl[order[i]] = bits(3);
      const clm = build(cl);
      const lengths = [];
      while (lengths.length < hlit + hdist) {
        const s = decode(clm);
        if (s < 16) lengths.push(s);
        else if (s === 16) for (let n = 3 + bits(2), p = lengths[lengths.length - 1]; n--; ) lengths.push(p);
        else for (let n = s === 17 ? 3 + bits(3) : 11 + bits(7); n--; ) lengths.push(0);
      }
      lit = build(lengths.slice(0, hlit));
      dist = build(lengths.slice(hlit));
    } else throw new Error('stored block');
    header += pos - h0 + 3;
    for (;;) {
      const t0 = pos;
      const s = decode(lit);
      if (s === 256) break;
      if (s < 256) {
        out.push({ at, length: 1, bits: pos - t0 });
        at++;
      } else {
        const length = LB[s - 257] + bits(LE[s - 257]);
        const ds = decode(dist);
        const distance = DB[ds] + bits(DE[ds]);
        out.push({ at, length, distance, bits: pos - t0 });
        at += length;
      }
    }
  }
  return { header, tokens: out };
}

const rows = [];
for (const file of files) {
  const jwt = readFileSync(file, 'utf8').trim();
  const claims = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  const url = fixedUrl ?? (String(claims.iss).startsWith('did:web:') ? `https://${decodeURIComponent(claims.iss.slice(8).split(':')[0])}` : 'https://cites.example.org');
  const payload = qr.encodePermitQr(jwt);
  const link = qr.permitQrLink(url, payload);
  const json = Buffer.from(jwt.split('.')[1], 'base64url');
  // What CP2 compresses: the payload split into skeleton and values (json-split.ts), with dictionary v2.
  const split = qr.splitJson(json.toString('utf8'));
  const deflated = qr.deflateRawOptimal(split, qr.DICTIONARY_V2);
  rows.push({ file: basename(file), jwt: jwt.length, json: json.length, deflate: deflated.length, payload: payload.length, link: link.length, version: qr.qrVersionFor(link, 'M') });
  if (tokens) {
    const { header, tokens: list } = tokensOf(deflated);
    const text = Buffer.from(split).toString('latin1');
    console.log(`\n== ${basename(file)}: ${deflated.length} bytes, Huffman tables ${header} bits`);
    let run = '';
    let runBits = 0;
    const flush = () => {
      if (run) console.log(`  literal ${String(runBits).padStart(4)} b  ${JSON.stringify(run)}`);
      run = '';
      runBits = 0;
    };
    for (const t of list) {
      if (t.distance === undefined) {
        run += text[t.at];
        runBits += t.bits;
        continue;
      }
      flush();
      const fromDictionary = t.distance > t.at;
      console.log(`  copy    ${String(t.bits).padStart(4)} b  ${fromDictionary ? 'dictionary' : 'payload   '} ${JSON.stringify(text.slice(t.at, t.at + t.length)).slice(0, 90)}`);
    }
    flush();
  }
}
console.log(`\ndictionary v2: ${qr.DICTIONARY_V2.length} bytes\n`);
console.table(rows);
