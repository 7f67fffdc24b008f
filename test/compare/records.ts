/** Test helpers: a valid run record and an arbitrary one (fast-check) for the compare modules. */
import fc from 'fast-check';
import { DEFAULT_OPTIMIZER_CHOICE } from '../../src/core/optimizers/optimizer-limits.ts';
import { DEFAULT_HYPERPARAMETERS, DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import { checkLabel } from '../../src/compare/run-label.ts';
import { RUN_STATUSES, type RunRecord } from '../../src/compare/run-record.ts';

/** A small valid record (the article's settings, a 4-point curve); fields may be overridden. */
export function makeRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return {
    id: 'run-1',
    label: 'article',
    status: 'done',
    epoch: 400,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_001_000,
    recipe: { ...DEFAULT_RECIPE, trueW: [...DEFAULT_RECIPE.trueW] },
    hp: { ...DEFAULT_HYPERPARAMETERS },
    metrics: { meanLoss: 0.148, objective: 0.166, svCount: 3, accuracy: 0.95 },
    w: [1.638, -1.006],
    b: 0.545,
    curves: {
      epochs: [0, 1, 200, 400],
      meanLoss: [1.2, 1.1, 0.2, 0.148],
      objective: [1.21, 1.11, 0.22, 0.166],
      svCount: [34, 33, 16, 15],
      churn: [0, 2, 30, 1],
    },
    svIndices: [3, 17, 42],
    ...overrides,
  };
}

/** A finite double, never −0 (JSON.stringify writes −0 as 0; see run-file.test.ts). */
const double = (min = -Number.MAX_VALUE) =>
  fc.double({ min, max: Number.MAX_VALUE, noNaN: true }).map((v) => (Object.is(v, -0) ? 0 : v));

const sortedUnique = (max: number, maxLength: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max }), { maxLength }).map((a) => a.sort((x, y) => x - y));

/**
 * Any valid record: every field over its whole valid range, its numbers consistent as an import
 * requires (run-record-check.ts inconsistency): the curves end at the stated epoch, with the
 * stated mean loss there, and epoch <= hp.epochs.
 */
export const arbitraryRecord: fc.Arbitrary<RunRecord> = fc
  .record({
    id: fc.string({ minLength: 1, maxLength: 40 }),
    label: fc.string({ minLength: 1, maxLength: 80, unit: 'binary' }).filter((s) => {
      const c = checkLabel(s);
      return c.ok && c.label === s;
    }),
    status: fc.constantFrom(...RUN_STATUSES),
    epoch: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    createdAt: double(0),
    updatedAt: double(0),
    seed: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    nPerClass: fc.integer({ min: 1, max: 5_000_000 }),
    trueW: fc.array(double(), { minLength: 1, maxLength: 4 }),
    trueB: double(),
    noise: double(0),
    lr: double(Number.MIN_VALUE),
    epochs: fc.integer({ min: 0, max: 10_000_000 }),
    reg: double(0),
    optimizer: fc.constantFrom('gd', 'sgd', 'momentum' as const),
    batchSize: fc.integer({ min: 1, max: 10_000_000 }),
    curveEpochs: sortedUnique(10_000_000, 30),
    churn: fc.boolean(),
    sv: fc.option(sortedUnique(1, 2)),
    b: double(),
    accuracy: fc.double({ min: 0, max: 1, noNaN: true }).map((v) => (v === 0 ? 0 : v)),
  })
  .chain((r) => {
    const k = r.curveEpochs.length;
    const nonNegative = fc.array(double(0), { minLength: k, maxLength: k });
    const counts = fc.array(fc.integer({ min: 0, max: 2 }), { minLength: k, maxLength: k });
    return fc
      .tuple(
        nonNegative,
        nonNegative,
        counts,
        counts,
        fc.array(double(), { minLength: r.trueW.length, maxLength: r.trueW.length }),
        double(0),
        double(0),
      )
      .map(([meanLoss, objective, svCount, churn, w, loss, objectiveNow]): RunRecord => {
        const last = r.curveEpochs.at(-1);
        const epoch = last ?? Math.min(r.epoch, r.epochs);
        if (last !== undefined) meanLoss[k - 1] = loss;
        const record: RunRecord = {
          id: r.id,
          label: r.label,
          status: r.status,
          epoch,
          createdAt: r.createdAt,
          updatedAt: r.updatedAt,
          recipe: {
            seed: r.seed,
            nPerClass: r.nPerClass,
            trueW: r.trueW,
            trueB: r.trueB,
            noise: r.noise,
          },
          hp: {
            lr: r.lr,
            epochs: Math.max(r.epochs, epoch),
            reg: r.reg,
            ...DEFAULT_OPTIMIZER_CHOICE,
            optimizer: r.optimizer,
            batchSize: r.batchSize,
          },
          metrics: {
            meanLoss: loss,
            objective: objectiveNow,
            svCount: r.sv?.length ?? 1,
            accuracy: r.accuracy,
          },
          w,
          b: r.b,
          curves: { epochs: r.curveEpochs, meanLoss, objective, svCount },
        };
        if (r.churn) record.curves.churn = churn;
        if (r.sv) record.svIndices = r.sv;
        return record;
      });
  });
