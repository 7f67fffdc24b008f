/**
 * The d = 2 kernel's body: two rows at a time in the two lanes of f64x2 vectors, so one
 * instruction does a step of both rows (about half the instructions of one row at a time). Every
 * lane computes the scalar kernel's IEEE operations on its row, and the sums whose bits depend on
 * order still take the rows one by one:
 *   s = (b + w0·x0) + w1·x1,  m = 1 − y·s,  a = [m > 0] (1.0 or 0.0, from the compare's mask),
 *   q = y·a;  loss += m·a for row i, then row i + 1;  g −= q_i·x_i, then g −= q_{i+1}·x_{i+1}
 *   (g = (g0, g1) in one vector, the row's (x0, x1) straight from memory).
 * count += a, ySv += q and signed += y & [s ≥ 0] (y or +0: the same integer sum as y·[s ≥ 0])
 * add per lane; integer-valued, so the lanes' sums added at the end are exact. m·a (not m & mask)
 * keeps a NaN or −∞ margin's NaN loss, which sends the caller to the careful kernel.
 * Capturing, each pair writes row i's index, moves on if row i is a support vector, then row
 * i + 1's (the compare's mask as two bits, no branch). Rows come in pairs (four a turn, then
 * two): the caller scans an odd last row itself.
 */
import {
  BIAS,
  FIRST_LOCAL,
  LOSS,
  PX,
  PY,
  SCRATCH,
  captureCode,
  nextRows,
  rowLoop,
  storeSums,
  sumSlot,
} from './kernel-abi.ts';
import { I32, V128, op, vec } from './wasm-encoding.ts';

// The v128 locals.
const B = FIRST_LOCAL;
const W0 = B + 1;
const W1 = B + 2;
const ONE = B + 3;
const ZERO = B + 4;
const COUNT = B + 5;
const Y_SV = B + 6;
const SIGNED = B + 7;
const G = B + 8;
const RA = B + 9; // row i: (x0, x1)
const RB = B + 10; // row i + 1
const S = B + 11;
const M = B + 12;
const A = B + 13;
const Q = B + 14;
const Y = B + 15;
const T = B + 16;
const MASK = B + 17; // all ones in the lanes of the support vectors
const V128_LOCALS = 18;
const BITS = B + V128_LOCALS; // i32: the mask's two lanes as bits 0 and 1

const lanes = (from: number) => [...Array(8).keys()].map((k) => from + k);
/** (first.lane0, second.lane0) and (first.lane1, second.lane1): column 0, column 1 of two rows. */
const LOW = [...lanes(0), ...lanes(16)];
const HIGH = [...lanes(8), ...lanes(24)];
/** (v.lane0, v.lane0) and (v.lane1, v.lane1). */
const DUP_LOW = [...lanes(0), ...lanes(0)];
const DUP_HIGH = [...lanes(8), ...lanes(8)];

/** Rows 2k and 2k + 1 of the turn: x at px + 32k, y at py + 16k; with `capture`, their indices. */
function pairCode(k: number, capture: boolean, classLabel: boolean): number[] {
  const indices = capture
    ? [
        [...op.get(MASK), ...op.i64x2Bitmask, ...op.set(BITS)],
        captureCode(2 * k, [...op.get(BITS), ...op.i32Const(1), ...op.i32And]),
        captureCode(2 * k + 1, [...op.get(BITS), ...op.i32Const(1), ...op.i32ShrU]),
      ]
    : [];
  return [
    [...op.get(PX), ...op.v128Load(32 * k), ...op.set(RA)],
    [...op.get(PX), ...op.v128Load(32 * k + 16), ...op.set(RB)],
    // s = (b + w0·x0) + w1·x1
    [...op.get(B), ...op.get(W0), ...op.get(RA), ...op.get(RB), ...op.shuffle(LOW)],
    [...op.f64x2Mul, ...op.f64x2Add],
    [...op.get(W1), ...op.get(RA), ...op.get(RB), ...op.shuffle(HIGH), ...op.f64x2Mul],
    [...op.f64x2Add, ...op.set(S)],
    // m = 1 − y·s;  a = [m > 0];  q = y·a
    // y: the rows' labels, or the class's (the same ±1 in every row of the call, read once)
    classLabel
      ? [...op.get(ONE), ...op.get(Y), ...op.get(S)]
      : [...op.get(ONE), ...op.get(PY), ...op.v128Load(16 * k), ...op.tee(Y), ...op.get(S)],
    [...op.f64x2Mul, ...op.f64x2Sub, ...op.tee(M)],
    [...op.get(ZERO), ...op.f64x2Gt, ...op.tee(MASK), ...op.get(ONE), ...op.v128And, ...op.tee(A)],
    [...op.get(COUNT), ...op.f64x2Add, ...op.set(COUNT)],
    [...op.get(Y), ...op.get(A), ...op.f64x2Mul, ...op.set(Q)],
    // loss += m·a, row by row
    [...op.get(M), ...op.get(A), ...op.f64x2Mul, ...op.set(T)],
    [...op.get(LOSS), ...op.get(T), ...op.f64x2ExtractLane(0), ...op.f64Add],
    [...op.get(T), ...op.f64x2ExtractLane(1), ...op.f64Add, ...op.set(LOSS)],
    [...op.get(Y_SV), ...op.get(Q), ...op.f64x2Add, ...op.set(Y_SV)],
    [...op.get(SIGNED), ...op.get(Y), ...op.get(S), ...op.get(ZERO), ...op.f64x2Ge],
    [...op.v128And, ...op.f64x2Add, ...op.set(SIGNED)],
    // g −= q_i·x_i, then g −= q_{i+1}·x_{i+1}
    [...op.get(G), ...op.get(Q), ...op.get(Q), ...op.shuffle(DUP_LOW), ...op.get(RA)],
    [...op.f64x2Mul, ...op.f64x2Sub],
    [...op.get(Q), ...op.get(Q), ...op.shuffle(DUP_HIGH), ...op.get(RB), ...op.f64x2Mul],
    [...op.f64x2Sub, ...op.set(G)],
    ...indices,
  ].flat();
}

const splat = (value: number[], local: number) => [...value, ...op.f64x2Splat, ...op.set(local)];
const laneSum = (v: number) => [
  ...op.get(v),
  ...op.f64x2ExtractLane(0),
  ...op.get(v),
  ...op.f64x2ExtractLane(1),
  ...op.f64Add,
];

/**
 * The function body for d = 2 (an even number of rows); with `capture`, the indices too. With
 * `classLabel`, every row's label is the scratch slot's class label (slot 2d + 4): rows of one
 * class in the generator's layout, whose labels need not be read (a third less memory traffic).
 */
export function d2LanesBody(capture: boolean, classLabel: boolean): number[] {
  const turn = [
    ...pairCode(0, capture, classLabel),
    ...pairCode(1, capture, classLabel),
    ...(capture ? nextRows(4) : []),
  ];
  const pair = [...pairCode(0, capture, classLabel), ...(capture ? nextRows(2) : [])];
  const label = classLabel
    ? splat([...op.get(SCRATCH), ...op.f64Load(8 * sumSlot(2, 'label'))], Y)
    : [];
  return [
    ...vec([
      [V128_LOCALS, V128],
      [1, I32],
    ]),
    ...splat(op.get(BIAS), B),
    ...splat([...op.get(SCRATCH), ...op.f64Load(0)], W0),
    ...splat([...op.get(SCRATCH), ...op.f64Load(8)], W1),
    ...splat(op.f64Const(1), ONE),
    ...splat(op.f64Const(0), ZERO),
    ...label,
    ...op.get(SCRATCH),
    ...op.v128Load(16),
    ...op.set(G),
    ...rowLoop(2, 4, turn),
    ...rowLoop(2, 2, pair),
    ...op.get(SCRATCH),
    ...op.get(G),
    ...op.v128Store(16),
    ...storeSums(2, {
      loss: op.get(LOSS),
      count: laneSum(COUNT),
      ySv: laneSum(Y_SV),
      signed: laneSum(SIGNED),
    }),
    ...op.end,
  ];
}
