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
  /** Epochs (ascending) and the metric's value at each. */
  xs: readonly number[];
  ys: readonly number[];
}
