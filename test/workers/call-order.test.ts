import { describe, expect, it } from 'vitest';
import { formatFixed } from '../../src/core/py-format.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot, TrainerService, TrainOptions } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';
import { coreFor } from './fake-clock.ts';

const hp = DEFAULT_HYPERPARAMETERS;
const immediate = () => new Promise((r) => setImmediate(r));

/** Whatever a call settles to: its value or its error's message, never an uncaught throw. */
function settle<T>(p: Promise<T>): Promise<{ ok: T } | { error: string }> {
  return p.then(
    (ok) => ({ ok }),
    (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
  );
}

/** A run trained until the page has seen a few snapshots, with a page that takes its time. */
async function running(service: TrainerService, epochs = 10_000_000) {
  const seen: Snapshot[] = [];
  const run = settle(
    service.train({ ...hp, epochs }, async (s) => {
      seen.push(s);
      await immediate();
    }),
  );
  while (seen.length < 3) await immediate();
  return { run };
}

describe('calls in any order', () => {
  it.each([30, 20_000])(
    'pause, then reset and step(1) in one task, at %i points per class: a clean run at epoch 1',
    async (nPerClass) => {
      const recipe = { ...DEFAULT_RECIPE, nPerClass };
      const service = createTrainerService({ sliceMs: 1 });
      const summary = await service.generate(recipe);
      const { run } = await running(service);
      const calls = [settle(service.pause()), settle(service.reset()), settle(service.step(1, hp))];
      const [paused, zero, one] = await Promise.all(calls);
      // The run stops at its next slice boundary, where the reset's cancel is already asked.
      expect(paused).toEqual({ ok: null });
      expect(zero).toMatchObject({ ok: { epoch: 0, status: 'idle' } });
      expect(one).toMatchObject({ ok: { epoch: 1, status: 'paused' } });
      expect(await run).toMatchObject({ ok: { status: 'cancelled' } });
      const { t } = coreFor(recipe, hp.lr, hp.reg);
      t.step(1);
      expect(Array.from((one as { ok: Snapshot }).ok.w)).toEqual(Array.from(t.w));
      expect(Array.from((zero as { ok: Snapshot }).ok.w)).toEqual(Array.from(summary.w0));
      // Not wedged: Train runs to the end from the initial weights.
      const epochs = nPerClass === 30 ? 400 : 3;
      const final = await service.train({ ...hp, epochs }, () => undefined);
      expect([final.status, final.epoch]).toEqual(['done', epochs]);
      t.reset();
      t.step(epochs);
      expect(Array.from(final.w)).toEqual(Array.from(t.w));
      if (nPerClass === 30) expect(formatFixed(final.meanLoss, 4)).toBe('0.1480');
      await service.dispose();
    },
  );

  it('settles every call of a burst in order, and leaves the service usable', async () => {
    const service = createTrainerService({ sliceMs: 1 });
    await service.generate({ ...DEFAULT_RECIPE, nPerClass: 2000 });
    const { run } = await running(service);
    const burst = [
      settle(service.step(2, hp)), // pauses the running run first
      settle(service.resume()),
      settle(service.pause()),
      settle(service.step(1, hp)),
      settle(service.step(1, hp)), // queues behind the previous step...
      settle(service.cancel()), // ...and the cancel ends it before it is done
      settle(service.step(1, hp)), // from the cancelled run's epoch
      settle(service.train({ ...hp, epochs: 0 }, () => undefined)),
      settle(service.reset()),
      settle(service.pause()),
    ];
    const out = await Promise.all(burst);
    expect(out[4]).toEqual({ error: 'the run ended (cancelled) before the step finished' });
    const [s2, , p, s1, , , s1c, trained, zero, none] = out as { ok: Snapshot | null }[];
    expect(p!.ok!.epoch).toBeGreaterThanOrEqual(s2!.ok!.epoch); // resumed, then paused
    expect(s1!.ok!.epoch).toBe(p!.ok!.epoch + 1);
    expect(s1c!.ok!.epoch).toBe(s1!.ok!.epoch + 1); // the cancel went back to the epoch shown
    expect([trained!.ok!.status, trained!.ok!.epoch]).toEqual(['done', 0]);
    expect([zero!.ok!.status, zero!.ok!.epoch]).toEqual(['idle', 0]);
    expect(none!.ok).toBeNull();
    expect(await run).toMatchObject({ ok: { status: 'cancelled' } });
    const steps = await Promise.all([service.step(2, hp), service.step(3, hp)]);
    expect(steps.map((s) => s.epoch)).toEqual([2, 5]);
    const final = await service.train({ ...hp, epochs: 5 }, () => undefined);
    expect([final.status, final.epoch]).toEqual(['done', 5]);
    await service.dispose();
  });

  it.each([
    [30, 60],
    [20_000, 4],
  ])(
    'seeded sequences of calls (%i per class, %i sequences): all settle, then Train is clean',
    async (nPerClass, sequences) => {
      const recipe = { ...DEFAULT_RECIPE, nPerClass };
      const service = createTrainerService({ sliceMs: 1 });
      await service.generate(recipe);
      let seed = 12345;
      const next = (k: number) => {
        seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
        return seed % k;
      };
      const options = (epochs: number): TrainOptions => ({
        ...hp,
        epochs,
        from: next(2) ? 'current' : 'start',
      });
      const actions: (() => Promise<unknown>)[] = [
        () => service.train(options(1 + next(60)), () => immediate()),
        () => service.pause(),
        () => service.resume(),
        () => service.step(1 + next(3), hp),
        () => service.cancel(),
        () => service.reset(),
      ];
      for (let q = 0; q < sequences; q++) {
        const pending: Promise<unknown>[] = [];
        for (let k = 0; k < 8; k++) {
          pending.push(settle(actions[next(actions.length)]!()));
          if (next(3) === 0) await immediate();
        }
        const settled = await Promise.all(pending);
        for (const r of settled) {
          if ('error' in (r as object)) {
            expect((r as { error: string }).error).toMatch(/before the step finished/);
          }
        }
      }
      const epochs = nPerClass === 30 ? 400 : 2;
      const final = await service.train({ ...hp, epochs }, () => undefined);
      const { t } = coreFor(recipe, hp.lr, hp.reg);
      t.step(epochs);
      expect([final.status, final.epoch]).toEqual(['done', epochs]);
      expect(Array.from(final.w)).toEqual(Array.from(t.w));
      await service.dispose();
    },
  );

  it('rejects with a message when a call cannot act, and carries on', async () => {
    const service = createTrainerService();
    const early = await Promise.all([
      settle(service.step(1, hp)),
      settle(service.reset()),
      settle(service.pause()),
      settle(service.train({ ...hp, from: 'current' }, () => undefined)),
    ]);
    expect(early.slice(0, 2)).toEqual([
      { error: 'no dataset yet: call generate(recipe) first' },
      { error: 'no dataset yet: call generate(recipe) first' },
    ]);
    expect(early[2]).toEqual({ ok: null });
    expect(early[3]).toEqual({ error: 'no dataset yet: call generate(recipe) first' });
    await service.generate({ ...DEFAULT_RECIPE });
    const bad = { ...hp, from: 'middle' } as unknown as Parameters<TrainerService['train']>[0];
    await expect(service.train(bad, () => undefined)).rejects.toThrow(
      /from must be 'start' or 'current', got 'middle'/,
    );
    const s = await service.step(3, hp);
    expect(s.epoch).toBe(3);
    await service.dispose();
    const after = await Promise.all([settle(service.pause()), settle(service.step(1, hp))]);
    for (const r of after) expect(r).toMatchObject({ error: expect.stringMatching(/disposed/) });
  });
});
