/**
 * Builds the console (issue 11) into console-web/dist, served by the agent at /console.
 * Preact with preact-iso's router; JSX is compiled by Vite's own transformer (oxc) with
 * Preact's automatic runtime, so no Babel plugin is needed. Asset names carry a content
 * hash, so the agent may let browsers cache them for ever (src/http/routes/console-page.ts).
 * No inline script or style is emitted: the agent's CSP forbids both.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/console/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Vite inlines small assets as data: URLs by default; keep every asset a file.
    assetsInlineLimit: 0,
    // The module preload polyfill is an inline script; modern browsers need none.
    modulePreload: { polyfill: false },
    manifest: 'manifest.json',
    reportCompressedSize: false,
  },
});
