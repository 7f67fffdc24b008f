/**
 * The article's training loop ported to TypeScript the way the article writes it: a list of
 * (point, label) pairs as arrays of arrays and a new array for every gradient. Benchmark baseline
 * only; the app never runs this.
 */
export type Sample = [number[], number];

function decision(w: number[], b: number, x: number[]): number {
  let total = b;
  for (let j = 0; j < w.length; j++) total += w[j]! * x[j]!;
  return total;
}

function hingeGradient(y: number, s: number, x: number[]): [number[], number] {
  if (1.0 - y * s <= 0.0) return [x.map(() => 0.0), 0.0];
  return [x.map((xi) => -y * xi), -y];
}

/** One epoch of full-batch gradient descent, returning the new weights and bias. */
export function naiveEpoch(
  data: Sample[],
  w: number[],
  b: number,
  lr: number,
  reg: number,
): { w: number[]; b: number } {
  const gradW = w.map(() => 0.0);
  let gradB = 0.0;
  for (const [x, y] of data) {
    const [gw, gb] = hingeGradient(y, decision(w, b, x), x);
    for (let j = 0; j < gradW.length; j++) gradW[j] = gradW[j]! + gw[j]!;
    gradB += gb;
  }
  const n = data.length;
  const next = w.map((wj, j) => wj - lr * (gradW[j]! / n + reg * wj));
  return { w: next, b: b - lr * (gradB / n) };
}
