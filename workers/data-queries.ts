/**
 * The service's read-only questions about the current dataset: the support vectors of given
 * weights, the text view, and the data as CSV or LIBSVM text. Split from trainer-service.ts
 * (which owns the state) so that file is only about runs; the maths is the core's.
 */
import type { Dataset } from '../src/core/dataset.ts';
import { evaluateWeights } from '../src/core/evaluate.ts';
import { datasetText, EXPORT_FORMATS, type ExportFormat } from '../src/core/export-formats.ts';
import { TextGridIndex } from '../src/core/text-grid-index.ts';
import type { TrainerService } from './trainer-api.ts';

export interface DataQueryDeps {
  /** The current dataset (throws with the reason when there is none). */
  data: () => Dataset;
  /** Null while `d` is still the dataset; else why an export of it stops (replaced, disposed). */
  stillCurrent: (d: Dataset) => string | null;
  /** The weights on screen (the text view draws them). */
  latest: () => { w: Float64Array; b: number };
  grid: { get: () => TextGridIndex | null; set: (g: TextGridIndex) => void };
  yieldToEvents: () => Promise<void>;
}

export function createDataQueries(
  deps: DataQueryDeps,
): Pick<TrainerService, 'supportVectors' | 'textGrid' | 'exportDataset'> {
  return {
    async supportVectors(w: Float64Array, b: number) {
      const d = deps.data();
      if (!(w instanceof Float64Array) || w.length !== d.d || !w.every(Number.isFinite)) {
        throw new RangeError(`w must be a Float64Array of ${d.d} finite numbers`);
      }
      if (!Number.isFinite(b)) throw new RangeError(`b must be a finite number, got ${b}`);
      const sv = new Uint32Array(d.n);
      const m = evaluateWeights(d, w, b, 0, sv);
      return sv.slice(0, m.svCount);
    },

    async textGrid(gridSize: number) {
      const d = deps.data();
      if (d.d !== 2) throw new RangeError(`the text grid needs d = 2, the data has d = ${d.d}`);
      if (!Number.isInteger(gridSize) || gridSize < 2 || gridSize > 200) {
        throw new RangeError(`gridSize must be an integer in [2, 200], got ${gridSize}`);
      }
      let index = deps.grid.get();
      if (index?.gridSize !== gridSize) deps.grid.set((index = TextGridIndex.of(d, gridSize)));
      const { w, b } = deps.latest();
      return index.render(w, b);
    },

    async exportDataset(format: ExportFormat, onChunk: (text: string) => unknown) {
      const d = deps.data();
      if (!EXPORT_FORMATS.includes(format)) {
        throw new RangeError(`format must be 'csv' or 'libsvm', got '${String(format)}'`);
      }
      // The dataset of this call: generate() replaces the dataset object, never mutates it.
      let bytes = 0;
      for (const text of datasetText(d, format)) {
        await onChunk(text);
        bytes += text.length; // ASCII: one byte per character
        await deps.yieldToEvents();
        const stopped = deps.stillCurrent(d);
        if (stopped) throw new Error(`export stopped: ${stopped}`);
      }
      return { rows: d.n, bytes };
    },
  };
}
