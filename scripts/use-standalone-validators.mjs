#!/usr/bin/env node
/**
 * A step of `npm run build`: the agent and the CLI use the same build-time ajv
 * "standalone" validators as the verifier page (verifier-web/schema-validators.mjs generates
 * them from src/permit/schema-validators.ts's schemas and options). They replace the
 * compiled module in dist/, so a verification in the CLI or the API runs exactly the
 * validators the page runs, and no command compiles a schema at run time (compiling the
 * permit schema took most of `saiga verify`'s own time). Tests run from source still compile
 * at run time; test/permit/standalone-validators.test.ts shows both give the same answers.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const generated = join(root, 'dist/verifier-web/schema-validators.mjs');
const compiled = join(root, 'dist/src/permit/schema-validators.js');
if (!existsSync(generated) || !existsSync(compiled)) throw new Error('build the TypeScript and the verifier page first');
copyFileSync(generated, compiled);
