/**
 * The exact optimum of the data and λ on screen, for the page: Solve (in the worker, with
 * progress and cancel), its certificate, and the article's claim checked by retraining on the
 * support vectors only. The optimum belongs to one dataset summary and one λ; `current` is null
 * once either changes (the old answer is of another problem).
 */
import type {
  DatasetSummary,
  OptimumResult,
  RetrainResult,
  SolveProgress,
} from '../../workers/trainer-api.ts';
import type { TrainerClient } from '../trainer-client.ts';
import { SMO_MAX_POINTS } from '../core/exact-solver.ts';

export type SolvePhase = 'idle' | 'solving' | 'solved' | 'failed';

/** What the optimum is of: the data on screen and the form's λ (null while the form is invalid). */
export interface SolveTarget {
  summary: DatasetSummary;
  reg: number;
}

type SolveClient = Pick<TrainerClient, 'solve' | 'cancelSolve' | 'retrainOnSupport'>;

/**
 * The gap asked of the solver: 1e-9 where SMO runs (milliseconds), 1e-6 above (the bias search
 * at 10^6 points takes about a second to 1e-6; each further digit costs more sweeps).
 */
export function solveTolerance(n: number): number {
  return n <= SMO_MAX_POINTS ? 1e-9 : 1e-6;
}

export class SolveState {
  phase: SolvePhase = $state('idle');
  /** The solve under way's last report. */
  progress: SolveProgress | null = $state.raw(null);
  /** The last optimum found, and what it is of. */
  optimum: OptimumResult | null = $state.raw(null);
  of: SolveTarget | null = $state.raw(null);
  message = $state('');
  retrain: RetrainResult | null = $state.raw(null);
  retraining = $state(false);
  /** Called when a solve has finished (the Compare record takes the optimum). */
  onSolved: () => void = () => undefined;
  /** Bumped by every solve and cancel: the answers of older ones are dropped. */
  private ticket = 0;

  constructor(
    private readonly client: SolveClient,
    private readonly target: () => SolveTarget | null,
  ) {}

  /** The optimum of the data and λ on screen, or null. */
  get current(): OptimumResult | null {
    const t = this.target();
    const of = this.of;
    if (!t || !of || !this.optimum) return null;
    return t.summary === of.summary && t.reg === of.reg ? this.optimum : null;
  }

  get canSolve(): boolean {
    const t = this.target();
    return t !== null && t.reg > 0 && this.phase !== 'solving';
  }

  /**
   * λ of the run on screen (from its start; null before any run: the epoch-0 snapshot's
   * objective is then of λ = 0). Its objective compares with P* only when this is P*'s λ.
   */
  runReg: number | null = $state(null);

  /** P(w, b) − P* for an objective of the run on screen, or null without a P* of its λ. */
  distance(objective: number): number | null {
    const o = this.current;
    return o && this.runReg === o.reg ? objective - o.primal : null;
  }

  /** Solves the data and λ on screen; resolves when done, cancelled or failed (never rejects). */
  async solve(): Promise<void> {
    const t = this.target();
    if (!t) return;
    if (!(t.reg > 0)) {
      this.phase = 'failed';
      this.message = 'the exact optimum needs λ > 0: with λ = 0 the minimiser is not unique';
      return;
    }
    const ticket = ++this.ticket;
    this.phase = 'solving';
    this.progress = null;
    this.message = '';
    this.retrain = null;
    try {
      const r = await this.client.solve(t.reg, solveTolerance(t.summary.n), (p) => {
        if (ticket === this.ticket) this.progress = p;
      });
      if (ticket !== this.ticket) return;
      this.optimum = r;
      this.of = t;
      this.phase = 'solved';
      this.onSolved();
    } catch (e) {
      if (ticket !== this.ticket) return;
      this.phase = 'failed';
      this.message = (e as Error).message;
    }
  }

  /** Stops a solve under way; the last optimum (if any) stays. */
  async cancel(): Promise<void> {
    if (this.phase !== 'solving') return;
    this.ticket++;
    this.phase = this.optimum ? 'solved' : 'idle';
    this.progress = null;
    await this.client.cancelSolve().catch(() => undefined);
  }

  /**
   * Retrains on the optimum's support vectors (from = null) or on those of the weights given (a
   * GD run's), and keeps the comparison with the optimum in `retrain`.
   */
  async retrainOn(from: { w: Float64Array; b: number } | null): Promise<void> {
    if (!this.current || this.retraining) return;
    this.retraining = true;
    this.message = '';
    try {
      const w = from ? Float64Array.from(from.w) : null;
      this.retrain = await this.client.retrainOnSupport(w && from ? { w, b: from.b } : null);
    } catch (e) {
      this.message = (e as Error).message;
    } finally {
      this.retraining = false;
    }
  }
}
