import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The page's generated validators (verifier-web/schema-validators.mjs) are loaded by Node
    // itself, not through vite's CommonJS interop, which hands over a module's `default` differently.
    server: { deps: { external: [/\/dist\/verifier-web\//] } },
  },
});
