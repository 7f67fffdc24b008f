// Builds the bench's core-alone page (core-page.html and its worker) on its own, relative to
// wherever bench/ui-bench.ts serves it.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: { input: fileURLToPath(new URL('core-page.html', import.meta.url)) },
  },
});
