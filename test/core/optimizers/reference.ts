/**
 * Plain reference implementations of the optimizers' update rules, written from the papers'
 * formulas with plain loops (no epochs-in-slices, no evaluation pass), for tests to compare the
 * core's bits against. They share only the row sampler (sample-index.ts) with the core.
 */
import type { Dataset } from '../../../src/core/dataset.ts';
import { sampleIndex, sampleKey } from '../../../src/core/optimizers/sample-index.ts';

export interface Point {
  w: Float64Array;
  b: number;
}

function margin(data: Dataset, i: number, w: Float64Array, b: number): number {
  let s = b;
  for (let j = 0; j < data.d; j++) s += w[j]! * data.x[i * data.d + j]!;
  return s;
}

/** Pegasos for `epochs`·n updates: η = 1/(λt), bias step lr/√t, optional projection. */
export function referencePegasos(
  data: Dataset,
  start: Point,
  o: { lr: number; reg: number; project: boolean; seed: number; epochs: number },
): Point {
  const w = Float64Array.from(start.w);
  let b = start.b;
  const key = sampleKey(o.seed);
  for (let k = 0; k < o.epochs * data.n; k++) {
    const t = k + 1;
    const i = sampleIndex(key, k, data.n);
    const yi = data.y[i]!;
    const eta = 1 / (o.reg * t);
    const hit = yi * margin(data, i, w, b) < 1;
    for (let j = 0; j < data.d; j++) {
      w[j] = (1 - eta * o.reg) * w[j]! + (hit ? eta * yi * data.x[i * data.d + j]! : 0);
    }
    if (hit) b += (o.lr / Math.sqrt(t)) * yi;
    if (o.project) {
      const norm = Math.sqrt(w.reduce((a, v) => a + v * v, 0));
      const r = 1 / Math.sqrt(o.reg);
      if (norm > r) for (let j = 0; j < data.d; j++) w[j] = (r / norm) * w[j]!;
    }
  }
  return { w, b };
}

/** Mini-batch SGD: batches of B in each epoch of n samples; η by the schedule in τ (epochs). */
export function referenceMinibatch(
  data: Dataset,
  start: Point,
  o: { lr: number; reg: number; batchSize: number; schedule: string; seed: number; epochs: number },
): Point {
  const w = Float64Array.from(start.w);
  let b = start.b;
  const key = sampleKey(o.seed);
  const n = data.n;
  const B = Math.min(o.batchSize, n);
  const K = Math.ceil(n / B);
  for (let e = 0; e < o.epochs; e++) {
    for (let q = 0; q < K; q++) {
      const rows: number[] = [];
      for (let pos = q * B; pos < Math.min(n, (q + 1) * B); pos++) {
        rows.push(sampleIndex(key, e * n + pos, n));
      }
      const sum = new Float64Array(data.d);
      let sumB = 0;
      for (const i of rows) {
        const yi = data.y[i]!;
        if (yi * margin(data, i, w, b) < 1) {
          for (let j = 0; j < data.d; j++) sum[j] = sum[j]! + yi * data.x[i * data.d + j]!;
          sumB += yi;
        }
      }
      const tau = 1 + (e * K + q) / K;
      const eta =
        o.schedule === 'constant'
          ? o.lr
          : o.schedule === 'inverse'
            ? o.lr / tau
            : o.lr / Math.sqrt(tau);
      for (let j = 0; j < data.d; j++) w[j] = w[j]! - eta * (o.reg * w[j]! - sum[j]! / rows.length);
      b = b - eta * (-sumB / rows.length);
    }
  }
  return { w, b };
}

/** Full-batch momentum, PyTorch's form: v ← βv + g; heavy ball w −= lr·v, Nesterov w −= lr·(g + βv). */
export function referenceMomentum(
  data: Dataset,
  start: Point,
  o: { lr: number; reg: number; beta: number; nesterov: boolean; epochs: number },
): Point {
  const w = Float64Array.from(start.w);
  let b = start.b;
  const v = new Float64Array(data.d);
  let vb = 0;
  const { n, d } = data;
  for (let e = 0; e < o.epochs; e++) {
    const gw = new Float64Array(d);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const yi = data.y[i]!;
      if (1 - yi * margin(data, i, w, b) > 0) {
        for (let j = 0; j < d; j++) gw[j] = gw[j]! - yi * data.x[i * d + j]!;
        gb -= yi;
      }
    }
    for (let j = 0; j < d; j++) {
      const g = gw[j]! / n + o.reg * w[j]!;
      v[j] = o.beta * v[j]! + g;
      w[j] = w[j]! - o.lr * (o.nesterov ? g + o.beta * v[j]! : v[j]!);
    }
    const g = gb / n;
    vb = o.beta * vb + g;
    b = b - o.lr * (o.nesterov ? g + o.beta * vb : vb);
  }
  return { w, b };
}
