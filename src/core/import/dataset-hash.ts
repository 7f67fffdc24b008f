/**
 * A content hash of a dataset, for the URL, Compare's grouping and run files: the same data give
 * the same hash in every browser and in Node, and any changed bit changes it (almost surely).
 */

/**
 * FNV-1a, 64-bit (offset basis 0xcbf29ce484222325, prime 0x100000001b3 = 2^40 + 435), over the
 * bytes of: d as a uint32, little-endian; then x[0 .. n·d) (row-major float64), then y[0 .. n),
 * each value's 8 bytes little-endian (IEEE 754 binary64, so −0 and +0 differ). Written as 16
 * lowercase hex digits. The same bytes in Python: `struct.pack('<I', d) + x.tobytes() +
 * y.tobytes()` of little-endian float64 numpy arrays (test/core/import/dataset-hash.test.ts).
 */
export function datasetHash(x: Float64Array, y: Float64Array, n: number, d: number): string {
  const hasher = new DatasetHasher(x, y, n, d);
  hasher.advance(Infinity);
  return hasher.digest();
}

/**
 * datasetHash in slices, so a worker can hash 10^7 rows (240 MB at d = 2, about 0.7 s) and
 * still answer pings and cancels between slices: `advance(bytes)` hashes at most that many more
 * bytes and returns true when all are done; then `digest()` is datasetHash's value, however the
 * work was sliced.
 */
export class DatasetHasher {
  /** The 64-bit state as four 16-bit limbs, low first: small integers all the way. */
  private readonly h = Uint16Array.of(0x2325, 0x8422, 0x9ce4, 0xcbf2);
  private readonly parts: Uint8Array[];
  private part = 0;
  private at = 0;

  constructor(x: Float64Array, y: Float64Array, n: number, d: number) {
    if (x.length < n * d || y.length < n) {
      throw new RangeError(`datasetHash: x must hold n·d = ${n * d} values and y n = ${n}`);
    }
    const head = Uint8Array.of(d & 255, (d >>> 8) & 255, (d >>> 16) & 255, (d >>> 24) & 255);
    this.parts = [
      head,
      littleEndianBytes(x.subarray(0, n * d)),
      littleEndianBytes(y.subarray(0, n)),
    ];
  }

  get done(): boolean {
    return this.part === this.parts.length;
  }

  /** Hashes at most `maxBytes` more bytes (>= 1); true when every byte is hashed. */
  advance(maxBytes: number): boolean {
    let budget = Math.max(1, maxBytes);
    while (!this.done && budget > 0) {
      const bytes = this.parts[this.part]!;
      const stop = Math.min(bytes.length, this.at + budget);
      fnv1a(bytes.subarray(this.at, stop), this.h);
      budget -= stop - this.at;
      this.at = stop;
      if (this.at === bytes.length) {
        this.part++;
        this.at = 0;
      }
    }
    return this.done;
  }

  /** The hash: 16 lowercase hex digits. Throws before every byte is hashed. */
  digest(): string {
    if (!this.done) throw new Error('digest before the last byte: call advance until it is done');
    const { h } = this;
    return hex4(h[3]!) + hex4(h[2]!) + hex4(h[1]!) + hex4(h[0]!);
  }
}

/**
 * Folds bytes into the FNV-1a 64 state h (four 16-bit limbs, low first): h ^= byte, then
 * h·(2^40 + 435) mod 2^64 = h·435 + (h << 40), limb by limb with carries (2.7 ns a byte in
 * Node, twice as fast as 32-bit halves with a double product).
 */
function fnv1a(bytes: Uint8Array, h: Uint16Array): void {
  let h0 = h[0]!;
  let h1 = h[1]!;
  let h2 = h[2]!;
  let h3 = h[3]!;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i]!;
    const t0 = h0 * 435;
    let t1 = h1 * 435;
    let t2 = h2 * 435 + (h0 << 8);
    const t3 = h3 * 435 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 65535;
    t2 += t1 >>> 16;
    h1 = t1 & 65535;
    h3 = (t3 + (t2 >>> 16)) & 65535;
    h2 = t2 & 65535;
  }
  h[0] = h0;
  h[1] = h1;
  h[2] = h2;
  h[3] = h3;
}

function hex4(v: number): string {
  return v.toString(16).padStart(4, '0');
}
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The bytes of a, little-endian (a view when the platform is little-endian, as all JS engines are). */
function littleEndianBytes(a: Float64Array): Uint8Array {
  const view = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN) return view;
  const out = new Uint8Array(view.length);
  for (let i = 0; i < view.length; i += 8) {
    for (let k = 0; k < 8; k++) out[i + k] = view[i + 7 - k]!;
  }
  return out;
}
