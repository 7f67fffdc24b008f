/**
 * Rows that live in a WebAssembly.Memory, where the wasm kernel (rows-kernel-code.ts) reads them
 * in place: a dataset's x and y are views into one memory, allocated once (the generator draws
 * into them; imported or plain rows are copied in once), never copied per pass. A memory is
 * shared (its buffer a SharedArrayBuffer, posted to pass threads as the memory itself) when the
 * page may share memory, else private to its thread.
 *
 * Layout (bytes): [0, 4) the count of scratch slots taken (Atomics), then MAX_SLOTS scratch slots
 * (one per thread that scans the memory: scratchSlots(d) doubles, where a kernel reads w and
 * writes its sums, then CAPTURE_ROWS u32 for the support vectors' indices), then x (row-major
 * n×d doubles), then y (n doubles).
 *
 * Where WebAssembly (with SIMD) is missing, the rows do not fit in 4 GiB or d > MAX_KERNEL_D,
 * nothing here applies: the rows stay plain typed arrays and the JavaScript kernels scan them,
 * with the same bits.
 */
import { scratchSlots } from './kernel-abi.ts';
import { MAX_KERNEL_D, rowsKernelBytes } from './rows-kernel-code.ts';

/**
 * The part of the WebAssembly API used here, typed locally: the core compiles without the DOM's
 * declarations (where TypeScript keeps WebAssembly's), and some hosts have no WebAssembly.
 */
interface WasmMemory {
  readonly buffer: ArrayBuffer | SharedArrayBuffer;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (shape: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}
const wasm = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

/** A row memory, as posted to a pass thread (a WebAssembly.Memory). */
export type RowMemory = WasmMemory;

const PAGE_BYTES = 65536;
/** Pages a memory may have: 65,535 keeps every address the kernel forms below 2^32. */
const MAX_PAGES = 65535;
/** Threads that may scan one memory over its life (a run uses at most 16 at once). */
const MAX_SLOTS = 40;
/**
 * Rows a capturing call takes at most (even, for d = 2's pairs): their support vectors' indices
 * go to the slot's index area (4 bytes a row), then to the caller's array.
 */
export const CAPTURE_ROWS = 4096;

export interface RowHome {
  readonly memory: WasmMemory;
  readonly shared: boolean;
  readonly n: number;
  readonly d: number;
  readonly xByte: number;
  readonly yByte: number;
  /** This thread's kernel over the memory: undefined until first asked, null if it cannot be had. */
  kernel?: BoundKernel | null;
}

export type ScanFunction = (
  scratch: number,
  px: number,
  py: number,
  pyEnd: number,
  b: number,
  loss: number,
  row: number,
  out: number,
) => void;

export interface BoundKernel {
  readonly scan: ScanFunction;
  readonly scanCapture: ScanFunction;
  /** d = 2 only: every row's label the slot's class label (kernel-abi.ts). */
  readonly scanClass: ScanFunction | null;
  readonly scanClassCapture: ScanFunction | null;
  /** This thread's scratch slot: its byte offset, a view of its doubles and of its index area. */
  readonly slotByte: number;
  readonly slot: Float64Array;
  readonly outByte: number;
  readonly out: Uint32Array;
}

/**
 * Whether `buffer` is shared memory. Safe where SharedArrayBuffer is not defined (WebKitGTK
 * says it is cross-origin isolated, yet has none).
 */
export function isSharedBuffer(buffer: ArrayBufferLike): boolean {
  return typeof SharedArrayBuffer === 'function' && buffer instanceof SharedArrayBuffer;
}

/** The memory each thread's views live in, by the views' buffer. */
const homes = new WeakMap<ArrayBufferLike, RowHome>();
/** Compiled kernels of this thread, by d and sharing; null where compiling failed. */
const modules = new Map<string, object | null>();

/** A slot: the kernel's doubles (kernel-abi.ts), then CAPTURE_ROWS u32 indices; 16-aligned. */
function slotBytes(d: number): number {
  return (8 * scratchSlots(d) + 4 * CAPTURE_ROWS + 15) & ~15;
}

function headerBytes(d: number): number {
  return 16 + MAX_SLOTS * slotBytes(d);
}

function kernelModule(d: number, shared: boolean): object | null {
  const key = `${d}${shared ? 's' : ''}`;
  let m = modules.get(key);
  if (m === undefined) {
    try {
      if (!wasm) throw new Error('no WebAssembly');
      m = new wasm.Module(rowsKernelBytes(d, shared));
    } catch {
      m = null; // no SIMD, or wasm turned off: the JavaScript kernels do the work
    }
    modules.set(key, m);
  }
  return m;
}

/** Whether this thread can run the kernel for d (and so rows of that d are worth placing). */
export function rowKernelAvailable(d: number, shared: boolean): boolean {
  return wasm !== undefined && d >= 1 && d <= MAX_KERNEL_D && kernelModule(d, shared) !== null;
}

function register(memory: WasmMemory, shared: boolean, n: number, d: number): RowHome {
  const xByte = headerBytes(d);
  const home: RowHome = { memory, shared, n, d, xByte, yByte: xByte + 8 * n * d };
  homes.set(memory.buffer, home);
  return home;
}

function views(home: RowHome): { x: Float64Array; y: Float64Array } {
  const { buffer } = home.memory;
  return {
    x: new Float64Array(buffer, home.xByte, home.n * home.d),
    y: new Float64Array(buffer, home.yByte, home.n),
  };
}

/**
 * x (n×d) and y (n) in a new memory (zeros), or null where the wasm kernel cannot serve them
 * (then callers allocate plain arrays). `shared`: a shared memory, for pass threads.
 */
export function allocateRows(
  n: number,
  d: number,
  shared: boolean,
): { x: Float64Array; y: Float64Array } | null {
  if (!rowKernelAvailable(d, shared)) return null;
  const pages = Math.ceil((headerBytes(d) + 8 * n * (d + 1)) / PAGE_BYTES);
  if (pages > MAX_PAGES || !wasm) return null;
  let memory: WasmMemory;
  try {
    memory = new wasm.Memory(
      shared ? { initial: pages, maximum: pages, shared: true } : { initial: pages },
    );
  } catch {
    return null; // out of address space: plain arrays, if anything
  }
  return views(register(memory, shared, n, d));
}

/**
 * The memory behind x when x is a row memory's x (to post to a pass thread, which calls
 * adoptRows), else null.
 */
export function rowMemoryOf(x: Float64Array): WasmMemory | null {
  const home = homes.get(x.buffer);
  return home && home.xByte === x.byteOffset ? home.memory : null;
}

/** In a thread that was sent a row memory (rowMemoryOf): its x and y, which the kernel scans. */
export function adoptRows(
  memory: WasmMemory,
  n: number,
  d: number,
): { x: Float64Array; y: Float64Array } {
  const shared = isSharedBuffer(memory.buffer);
  return views(homes.get(memory.buffer) ?? register(memory, shared, n, d));
}

/** The row memory whose x and y these are, or undefined. */
function homeOf(x: Float64Array, y: Float64Array): RowHome | undefined {
  const home = homes.get(x.buffer);
  const ours = home && y.buffer === x.buffer && home.xByte === x.byteOffset;
  return ours && home.yByte === y.byteOffset ? home : undefined;
}

/** Whether x and y are a row memory's x and y. */
export function inRowMemory(x: Float64Array, y: Float64Array): boolean {
  return homeOf(x, y) !== undefined;
}

function bind(home: RowHome): BoundKernel | null {
  const module = kernelModule(home.d, home.shared);
  if (!module || !wasm) return null;
  const taken = Atomics.add(new Int32Array(home.memory.buffer, 0, 1), 0, 1);
  if (taken >= MAX_SLOTS) return null;
  const instance = new wasm.Instance(module, { env: { memory: home.memory } });
  const slotByte = 16 + taken * slotBytes(home.d);
  const outByte = slotByte + 8 * scratchSlots(home.d);
  return {
    scan: instance.exports.scan as ScanFunction,
    scanCapture: instance.exports.scanCapture as ScanFunction,
    scanClass: (instance.exports.scanClass as ScanFunction | undefined) ?? null,
    scanClassCapture: (instance.exports.scanClassCapture as ScanFunction | undefined) ?? null,
    slotByte,
    slot: new Float64Array(home.memory.buffer, slotByte, scratchSlots(home.d)),
    outByte,
    out: new Uint32Array(home.memory.buffer, outByte, CAPTURE_ROWS),
  };
}

/**
 * The row memory that holds x and y (w.length its d), with this thread's kernel over it bound on
 * first use; null when they are not a row memory's or no kernel can run here.
 */
export function rowKernelFor(
  x: Float64Array,
  y: Float64Array,
  w: Float64Array,
): (RowHome & { kernel: BoundKernel }) | null {
  const home = homeOf(x, y);
  if (!home || w.length !== home.d) return null;
  if (home.kernel === undefined) home.kernel = bind(home);
  return home.kernel ? (home as RowHome & { kernel: BoundKernel }) : null;
}
