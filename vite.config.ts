import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

/**
 * Cross-origin isolation: with these two headers the page (and its workers) may use
 * SharedArrayBuffer, so the training worker shares the data with its pass threads instead of
 * copying a shard to each (workers/pass-runner.ts). A deployment sends the same two headers on
 * the page and its scripts; every resource the app loads is its own (same origin), so
 * require-corp blocks nothing.
 */
const ISOLATION = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  build: { target: 'es2022' },
  server: { headers: ISOLATION },
  preview: { headers: ISOLATION },
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
