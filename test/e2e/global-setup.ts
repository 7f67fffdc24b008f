/**
 * The e2e suite's global setup: builds the app with `vite build` into a temporary folder, serves
 * it with `vite preview` on a free loopback port, and hands the URL to the tests
 * (inject('baseUrl')). Teardown stops the server and removes the build. Each suite finds its own
 * browser when it starts (engines/discovery.ts) and fails loudly, naming what to install, if it is
 * missing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  const root = join(import.meta.dirname, '..', '..');
  outDir = await mkdtemp(join(tmpdir(), 'hinge-lab-e2e-'));
  // The build users get: vitest sets NODE_ENV=test, under which vite builds Svelte's development
  // runtime, whose update tracing keeps stack traces that hold old snapshots (the page then held
  // 40-50 MB more after 3·10^6 epochs; the production build, 5 MB).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  server = await preview({
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its URL');
  project.provide('baseUrl', url);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) await rm(outDir, { recursive: true, force: true });
}
