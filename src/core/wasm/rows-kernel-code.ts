/**
 * The general kernel (rows in any order) as a WebAssembly module written for one d at run time,
 * two functions: scan, and scanCapture, which also writes the support vectors' row indices: the same per-row rule and the same IEEE operations in the same
 * order as general-kernels.ts and rows-d2-kernels.ts, so the same bits, in code V8, SpiderMonkey
 * and JavaScriptCore compile close to the C loop (no bounds checks: wasm32 memory sits behind
 * guard pages; the weights and running sums stay in registers).
 *
 * Per row i (x_i at px, y_i at py):
 *   s = ((b + w_0·x_0) + w_1·x_1) + …,   m = 1 − y·s,   a = [m > 0] (0 or 1),   q = y·a,
 *   loss += m·a,   g_j −= q·x_j (every j),   count += a,   ySv += q,   signed += y·[s ≥ 0].
 * The gradient takes two columns at a time in f64x2 lanes: each lane is the same IEEE product and
 * difference as the scalar code, so the bits do not change. A row that is not a support vector
 * subtracts a signed zero, which changes no sum (none is ever −0: each starts at +0). loss and the
 * g_j take the rows one by one; count, ySv and signed are integer-valued, exact in any order.
 *
 * Their parameters and the scratch slot's layout are kernel-abi.ts's. The memory is imported as
 * env.memory (shared or not: the import must say which).
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
} from './kernel-abi.ts';
import { d2LanesBody } from './rows-d2-lanes.ts';
import { F64, HEADER, I32, V128, name, op, section, uleb, vec } from './wasm-encoding.ts';

/** The largest d written out as its own kernel; wider rows use the JavaScript kernel. */
export const MAX_KERNEL_D = 64;

/** Rows a loop turn takes: fewer as rows widen, to keep the code small and in registers. */
function rowsPerTurn(d: number): number {
  return d <= 4 ? 4 : d <= 8 ? 2 : 1;
}

// The locals after the parameters (kernel-abi.ts).
const COUNT = FIRST_LOCAL; // i32
const AI = COUNT + 1; // i32: [m > 0] of the row at hand
const YI = COUNT + 2;
const S = YI + 1;
const M = YI + 2;
const A = YI + 3;
const Q = YI + 4;
const Y_SV = YI + 5;
const SIGNED = YI + 6;
const G_TAIL = YI + 7; // the last column's sum when d is odd
const W0 = YI + 8; // w_j at W0 + j, then the column pairs' f64x2 sums

/**
 * The bytes of one row's work, the row at px + 8·d·k, its label at py + 8·k; with `capture`, its
 * index (row + k) to out.
 */
function rowCode(d: number, k: number, capture: boolean): number[] {
  const ox = 8 * d * k;
  const pairs = d >> 1;
  const gPair = W0 + d;
  const code: (readonly number[])[] = [
    [...op.get(PY), ...op.f64Load(8 * k), ...op.set(YI)],
    op.get(BIAS),
  ];
  for (let j = 0; j < d; j++)
    code.push(op.get(W0 + j), op.get(PX), op.f64Load(ox + 8 * j), op.f64Mul, op.f64Add);
  code.push(
    op.set(S),
    op.f64Const(1),
    op.get(YI),
    op.get(S),
    op.f64Mul,
    op.f64Sub,
    op.tee(M),
    op.f64Const(0),
    op.f64Gt,
    op.tee(AI),
    op.get(COUNT),
    op.i32Add,
    op.set(COUNT),
    capture ? captureCode(k, op.get(AI)) : [],
    op.get(AI),
    op.f64ConvertI32U,
    op.set(A),
    op.get(YI),
    op.get(A),
    op.f64Mul,
    op.set(Q),
    op.get(LOSS),
    op.get(M),
    op.get(A),
    op.f64Mul,
    op.f64Add,
    op.set(LOSS),
  );
  for (let p = 0; p < pairs; p++) {
    code.push(op.get(gPair + p), op.get(Q), op.f64x2Splat, op.get(PX), op.v128Load(ox + 16 * p));
    code.push(op.f64x2Mul, op.f64x2Sub, op.set(gPair + p));
  }
  if (d & 1) {
    code.push(op.get(G_TAIL), op.get(Q), op.get(PX), op.f64Load(ox + 8 * (d - 1)), op.f64Mul);
    code.push(op.f64Sub, op.set(G_TAIL));
  }
  code.push(op.get(Y_SV), op.get(Q), op.f64Add, op.set(Y_SV));
  code.push(op.get(SIGNED), op.get(YI), op.get(S), op.f64Const(0), op.f64Ge, op.f64ConvertI32U);
  code.push(op.f64Mul, op.f64Add, op.set(SIGNED));
  return code.flat();
}

/** The function body: load w and g, the rows (u at a time, then one by one), store the sums. */
function scanBody(d: number, capture: boolean): number[] {
  const pairs = d >> 1;
  const gPair = W0 + d;
  // Local groups: COUNT and AI (i32), YI … the w_j (f64), the column pairs' sums (v128).
  const locals = vec([[2, I32], [W0 + d - YI, F64], ...(pairs > 0 ? [[pairs, V128]] : [])]);
  const load: number[][] = [];
  for (let j = 0; j < d; j++) load.push(op.get(SCRATCH), op.f64Load(8 * j), op.set(W0 + j));
  for (let p = 0; p < pairs; p++)
    load.push(op.get(SCRATCH), op.v128Load(8 * d + 16 * p), op.set(gPair + p));
  if (d & 1) load.push(op.get(SCRATCH), op.f64Load(8 * (2 * d - 1)), op.set(G_TAIL));
  const store: number[][] = [];
  for (let p = 0; p < pairs; p++)
    store.push(op.get(SCRATCH), op.get(gPair + p), op.v128Store(8 * d + 16 * p));
  if (d & 1) store.push(op.get(SCRATCH), op.get(G_TAIL), op.f64Store(8 * (2 * d - 1)));
  store.push(
    storeSums(d, {
      loss: op.get(LOSS),
      count: [...op.get(COUNT), ...op.f64ConvertI32U],
      ySv: op.get(Y_SV),
      signed: op.get(SIGNED),
    }),
  );
  const u = rowsPerTurn(d);
  const turn: number[] = [];
  for (let k = 0; k < u; k++) turn.push(...rowCode(d, k, capture));
  const one = rowCode(d, 0, capture);
  if (capture) {
    turn.push(...nextRows(u));
    one.push(...nextRows(1));
  }
  return [
    ...locals,
    ...load.flat(),
    ...rowLoop(d, u, turn),
    ...(u > 1 ? rowLoop(d, 1, one) : []),
    ...store.flat(),
    ...op.end,
  ];
}

/** The module's bytes for d columns (1 <= d <= MAX_KERNEL_D), importing a shared memory or not. */
export function rowsKernelBytes(d: number, shared: boolean): Uint8Array {
  if (!Number.isInteger(d) || d < 1 || d > MAX_KERNEL_D)
    throw new RangeError(`the wasm kernel takes d in [1, ${MAX_KERNEL_D}], got ${d}`);
  const params = [[I32], [I32], [I32], [I32], [F64], [F64], [I32], [I32]];
  const signature = [0x60, ...vec(params), ...vec([])];
  // Limits: shared memories must state a maximum; 65,535 pages keeps py + 32 below 2^32.
  const limits = shared ? [0x03, 0x00, 0xff, 0xff, 0x03] : [0x00, 0x00];
  const memoryImport = [...name('env'), ...name('memory'), 0x02, ...limits];
  // scan, scanCapture; at d = 2 also scanClass, scanClassCapture (kernel-abi.ts).
  const bodies =
    d === 2
      ? [false, true, false, true].map((capture, f) => d2LanesBody(capture, f >= 2))
      : [scanBody(d, false), scanBody(d, true)];
  const names = ['scan', 'scanCapture', 'scanClass', 'scanClassCapture'].slice(0, bodies.length);
  const code = bodies.map((b) => [...uleb(b.length), ...b]);
  return Uint8Array.from([
    ...HEADER,
    ...section(1, vec([signature])),
    ...section(2, vec([memoryImport])),
    ...section(3, vec(bodies.map(() => [0]))),
    ...section(7, vec(names.map((nm, f) => [...name(nm), 0x00, f]))),
    ...section(10, vec(code)),
  ]);
}
