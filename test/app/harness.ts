/**
 * The page's controllers over a real trainer service, with frames that take no time: in-process
 * (fast, for unit tests) or behind a worker thread (the real boundary, for the fuzz test).
 */
import { afterEach } from 'vitest';
import { AppState } from '../../src/app-state.svelte.ts';
import { settingsTexts, type Settings } from '../../src/fields.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { TrainerClient } from '../../src/trainer-client.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';
import { immediateClock } from './fakes.ts';

/** The service in this thread, shaped as the page's client (it never crashes). */
export function inProcessClient(): TrainerClient {
  const service = createTrainerService({ sliceMs: 2 });
  return {
    ...service,
    restart: async () => null,
    onCrash: () => () => undefined,
  };
}

export function articleSettings(over: Partial<Settings['hp']> = {}, nPerClass = 30): Settings {
  return {
    recipe: { ...DEFAULT_RECIPE, nPerClass },
    hp: { ...DEFAULT_HYPERPARAMETERS, ...over },
  };
}

/** An AppState on `client` whose form holds `settings`. */
export function appOn(client: TrainerClient, settings = articleSettings()): AppState {
  const app = new AppState(client, {
    clock: immediateClock(),
    flush: () => undefined,
    cores: 2,
    hidden: false,
  });
  app.form.texts = settingsTexts(settings);
  return app;
}

/** Waits (in real time, polling every ms) until `ok()` or fails after `ms`. */
export async function until(ok: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = performance.now() + ms;
  while (!ok()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

/** Trains to the end and returns the final snapshot on screen. */
export async function trainToEnd(app: AppState, ms = 60_000) {
  app.train();
  const ended = () => app.run.phase === 'done' || app.run.phase === 'failed';
  await until(() => app.run.idle && !app.generating && ended(), 'the end', ms);
  return app.snapshot!;
}

/**
 * Apps on the in-process service, disposed after each test: `ready(settings)` gives one with its
 * data drawn and idle (call at the top of a test file).
 */
export function readyApps(): (settings?: Settings) => Promise<AppState> {
  let apps: AppState[] = [];
  afterEach(() => {
    for (const a of apps) a.dispose();
    apps = [];
  });
  return async (settings = articleSettings()) => {
    const app = appOn(inProcessClient(), settings);
    apps.push(app);
    app.generate();
    await until(() => app.run.phase === 'idle' && app.summary !== null, 'the data');
    return app;
  };
}
