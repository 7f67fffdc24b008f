/**
 * Growing typed buffers for rows whose count is not known in advance.
 *
 * Layout while reading: `x` is row-major with `stride` >= d slots a row (row i is
 * x[i·stride .. i·stride + stride), features the file did not give are 0), `y` one slot a row.
 * LIBSVM widens the stride when a larger index appears; finish() packs the rows to stride d.
 * Growth: doubling, or — once a few rows tell the bytes a row and the file's size is known — the
 * rows the whole file should hold plus 10%, so a file is usually read with one or two copies.
 */

/** Rows held before the first growth. */
const FIRST_ROWS = 1024;

export class RowStore {
  x: Float64Array;
  y: Float64Array;
  /** Rows stored. */
  n = 0;
  private capacity: number;

  constructor(
    public stride: number,
    /** The file's size in bytes, or 0 when unknown. */
    private readonly sizeHint: number,
  ) {
    this.capacity = FIRST_ROWS;
    this.x = new Float64Array(this.capacity * stride);
    this.y = new Float64Array(this.capacity);
  }

  /**
   * Makes room for row n (its slots are zero). `bytesRead` is how far into the file row n ends
   * (for the size estimate: rows so far per byte so far); `maxRows` caps the capacity. `d` (at
   * most the stride, the features in use): a growth narrows the rows to d, as it copies them
   * anyway, so a generous early widening costs nothing at the end.
   */
  reserve(bytesRead: number, maxRows: number, d = this.stride): void {
    if (this.n < this.capacity) return;
    let rows = 2 * this.capacity;
    if (this.sizeHint > bytesRead && this.n > 0) {
      const estimate = Math.ceil(((this.sizeHint / bytesRead) * this.n + 16) * 1.1);
      rows = Math.max(Math.ceil(this.capacity * 1.25), estimate);
    }
    this.resize(Math.max(this.n + 1, Math.min(rows, maxRows)), Math.max(1, d));
  }

  /**
   * Widens every row to `stride` slots (existing values kept, new ones 0) — row n too, the one
   * being filled (reserve made room for it).
   */
  widen(stride: number): void {
    if (stride > this.stride) this.resize(this.capacity, stride);
  }

  /** New buffers of `capacity` rows of `stride` slots, holding rows [0, n] (n: being filled). */
  private resize(capacity: number, stride: number): void {
    const x = new Float64Array(capacity * stride);
    const old = this.stride;
    if (stride === old) x.set(this.x.subarray(0, this.n * stride));
    else {
      const rows = Math.min(this.n + 1, this.capacity, capacity);
      const k = Math.min(old, stride);
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < k; j++) x[i * stride + j] = this.x[i * old + j]!;
      }
    }
    const y = new Float64Array(capacity);
    y.set(this.y.subarray(0, this.n));
    this.x = x;
    this.y = y;
    this.capacity = capacity;
    this.stride = stride;
  }

  /**
   * The n rows packed to stride d (in place: row i moves down to i·d), as arrays of exactly n·d
   * and n values: views when the buffers are at most a quarter larger, else copies.
   */
  pack(d: number): { x: Float64Array; y: Float64Array } {
    const { n, stride } = this;
    const x = this.x;
    if (d !== stride) {
      // Forward: row i's target [i·d, i·d + d) never overlaps a later row's source.
      for (let i = 1; i < n; i++) {
        for (let j = 0; j < d; j++) x[i * d + j] = x[i * stride + j]!;
      }
    }
    const fit = (a: Float64Array, length: number): Float64Array =>
      a.length * 4 <= length * 5 ? a.subarray(0, length) : a.slice(0, length);
    return { x: fit(x, n * d), y: fit(this.y, n) };
  }
}
