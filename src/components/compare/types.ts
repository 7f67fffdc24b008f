/** Types shared by the Compare panel's components. */
import type { CompareRow } from '../../compare/compare-rows.ts';
import type { RunStyle } from '../../compare/palette.ts';

/** A row with the colour and dash its run is drawn with. */
export interface StyledRow extends CompareRow {
  style: RunStyle;
}

/** One run's line in an overlay chart. */
export interface OverlayLine {
  key: string;
  colour: string;
  /** An SVG stroke-dasharray ('' for solid). */
  dash: string;
  /** x (epochs, or training times: ascending) and the metric's value at each. */
  xs: readonly number[];
  ys: readonly number[];
}

/** Where one run reached the target, on an overlay chart. */
export interface ReachMark {
  key: string;
  runId: string;
  colour: string;
  /** x (epoch or seconds) and y (the run's value there). */
  x: number;
  y: number;
  /** First to reach it on this chart's x; named on the chart. */
  first: boolean;
  label: string;
}
