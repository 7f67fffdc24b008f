/**
 * The text grid (text-grid.ts) for any weights without a pass over the data. What the grid needs
 * of the data does not depend on the weights: the point that marks each cell (the last one to land
 * in it) and the points sharing that point's six-decimal key (the reference marks the cell '@'
 * when any point with its key is a support vector). Found once per dataset and grid size in two
 * sliceable scans of the rows, O(n log cells); then a grid for (w, b) costs O(cells + key-mates):
 * the support-vector test 1 − y·(b + w·x) > 0 on just those rows, in the training passes' order of
 * operations (supportFlags), so it gives the same glyphs as textGrid with the full index list.
 *
 * Layout: cells are row-major gridSize × gridSize, row 0 at y = 3; `rows` lists, per cell with a
 * point, its marking point then its key-mates, cell c's at rows[start[c] .. start[c + 1]).
 */
import type { Dataset } from './dataset.ts';
import { supportFlags } from './display-sample.ts';
import { backgroundGlyph, gridCellOf, KEY_WINDOW, lowerBound, sameKey } from './text-grid.ts';

export class TextGridIndexBuilder {
  /** winner[cell]: the last row landing in the cell so far, or −1. */
  private readonly winner: Int32Array;
  /**
   * Phase 0 finds the winners scanning rows n − 1 … 0 (the first row met in a cell is its last
   * one; it stops early once every cell has one), phase 1 their key-mates over rows 0 … n − 1.
   */
  private phase = 0;
  /** Phase 0: rows [0, cursor) are left to scan; phase 1: rows [0, cursor) are scanned. */
  private cursor: number;
  private filled = 0;
  /** Phase 1: winners sorted by x0 (their rows and x0 values), and the key-mates found. */
  private sortedRows = new Int32Array(0);
  private sortedX = new Float64Array(0);
  /**
   * A quick reject for phase 1: entry ⌊x0 / KEY_WINDOW⌋ mod 2^20 is set for the buckets around
   * each winner's x0 (two either side, though x0 within KEY_WINDOW is at most one away), so a row
   * whose entry is clear has no key-mate; the binary search runs for the few others (about
   * cells·5 / 2^20 of them by chance).
   */
  private readonly near = new Uint8Array(1 << 20);
  private readonly mates = new Map<number, number[]>();

  constructor(
    private readonly data: Dataset,
    readonly gridSize: number,
  ) {
    if (data.d !== 2) throw new RangeError('the text grid needs d = 2');
    if (!Number.isInteger(gridSize) || gridSize < 2) {
      throw new RangeError(`grid size must be an integer >= 2, got ${gridSize}`);
    }
    this.winner = new Int32Array(gridSize * gridSize).fill(-1);
    this.cursor = data.n;
  }

  get done(): boolean {
    return this.phase === 2;
  }

  /** Scans up to `rows` more rows. */
  advance(rows: number): void {
    const { data, winner, gridSize: g } = this;
    const x = data.x;
    if (this.phase === 0) {
      const stop = Math.max(0, this.cursor - rows);
      const cells = winner.length;
      let i = this.cursor - 1;
      for (; i >= stop && this.filled < cells; i--) {
        const cell = gridCellOf(x[2 * i]!, x[2 * i + 1]!, g);
        if (cell >= 0 && winner[cell] === -1) {
          winner[cell] = i;
          this.filled++;
        }
      }
      this.cursor = this.filled < cells ? i + 1 : 0;
      if (this.cursor === 0) this.nextPhase();
      return;
    }
    const end = Math.min(data.n, this.cursor + rows);
    if (this.phase === 1) {
      const xs = this.sortedX;
      const near = this.near;
      for (let i = this.cursor; i < end; i++) {
        const xi = x[2 * i]!;
        if (near[bucketOf(xi)] === 0) continue;
        for (
          let k = lowerBound(xs, xi - KEY_WINDOW);
          k < xs.length && xs[k]! <= xi + KEY_WINDOW;
          k++
        ) {
          const w = this.sortedRows[k]!;
          if (w !== i && sameKey(x, i, w)) this.mates.get(w)!.push(i);
        }
      }
    }
    this.cursor = end;
    if (end === data.n && this.phase === 1) this.nextPhase();
  }

  private nextPhase(): void {
    this.cursor = 0;
    this.phase++;
    if (this.phase !== 1) return;
    const x = this.data.x;
    const rows = Int32Array.from(new Set(this.winner)).filter((i) => i >= 0);
    rows.sort((a, b) => x[2 * a]! - x[2 * b]!);
    this.sortedRows = rows;
    this.sortedX = Float64Array.from(rows, (i) => x[2 * i]!);
    for (const i of rows) {
      this.mates.set(i, []);
      const b = Math.floor(x[2 * i]! / KEY_WINDOW);
      for (let k = -2; k <= 2; k++) this.near[(b + k) & BUCKET_MASK] = 1;
    }
    if (this.data.n === 0) this.phase = 2;
  }

  /** The finished index (advance until done first). */
  index(): TextGridIndex {
    if (!this.done) throw new Error('the text grid index is not finished');
    const cells = this.winner.length;
    const start = new Uint32Array(cells + 1);
    const rows: number[] = [];
    for (let c = 0; c < cells; c++) {
      const i = this.winner[c]!;
      if (i >= 0) rows.push(i, ...this.mates.get(i)!);
      start[c + 1] = rows.length;
    }
    return new TextGridIndex(this.data, this.gridSize, this.winner, Uint32Array.from(rows), start);
  }
}

export class TextGridIndex {
  private readonly flags: Uint8Array;

  constructor(
    private readonly data: Dataset,
    readonly gridSize: number,
    private readonly winner: Int32Array,
    private readonly rows: Uint32Array,
    private readonly start: Uint32Array,
  ) {
    this.flags = new Uint8Array(rows.length);
  }

  /** Builds the index in one go (O(n log cells)); the worker slices TextGridIndexBuilder instead. */
  static of(data: Dataset, gridSize: number): TextGridIndex {
    const builder = new TextGridIndexBuilder(data, gridSize);
    while (!builder.done) builder.advance(data.n || 1);
    return builder.index();
  }

  /** The grid for weights (w, b): the same text as textGrid(w, b, data, sv(w, b), gridSize). */
  render(w: Float64Array, b: number): string {
    if (w.length !== 2) throw new RangeError('the text grid needs d = 2');
    const { data, gridSize: g, winner, rows, start, flags } = this;
    supportFlags(data.x, data.y, w, b, rows, flags);
    const lines: string[] = [];
    for (let r = 0; r < g; r++) {
      let line = '';
      for (let c = 0; c < g; c++) {
        const cell = r * g + c;
        const i = winner[cell]!;
        if (i < 0) {
          line += backgroundGlyph(w, b, r, c, g);
          continue;
        }
        let marked = false;
        for (let k = start[cell]!; k < start[cell + 1]! && !marked; k++) marked = flags[k] === 1;
        line += marked ? '@' : data.y[i]! > 0.0 ? '+' : '-';
      }
      lines.push(line);
    }
    return lines.join('\n');
  }
}

const BUCKET_MASK = (1 << 20) - 1;

/**
 * The filter bucket of x0: buckets are KEY_WINDOW wide, so x0 values within KEY_WINDOW of each
 * other are in the same or adjacent buckets (non-finite x0 all go to bucket 0, which only
 * costs a search).
 */
function bucketOf(x0: number): number {
  return Math.floor(x0 / KEY_WINDOW) & BUCKET_MASK;
}
