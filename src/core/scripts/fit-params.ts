/**
 * How a hinge-lab run's settings map onto scikit-learn's SGDClassifier and LinearSVC and onto
 * Spark MLlib's LinearSVC: one table per estimator, each parameter with its Python value and why.
 * The scripts write exactly these keyword arguments; the README's "Reproduce elsewhere" section
 * says the same in words. All three minimise, or approximate, the app's objective
 *   P(w, b) = (1/n)·Σ max(0, 1 − y_i·(w·x_i + b)) + λ/2·‖w‖²   (λ = reg; b not regularised):
 * - SGDClassifier(loss='hinge', penalty='l2', alpha=λ) minimises exactly P (its docs: mean loss
 *   + alpha·R(w), R = ½‖w‖², intercept unpenalised), one sample per update.
 * - LinearSVC (liblinear) minimises ½‖w‖² + ½·w_s² + C·Σ hinge with the bias b = s·w_s for
 *   s = intercept_scaling; with C = 1/(n·λ), divided by n·C that is P(w, b) + λ/2·(b/s)²: P plus a
 *   penalty on the bias that shrinks as s grows.
 * - Spark's LinearSVC minimises (1/Σ weights)·Σ weight_i·hinge_i + regParam/2·Σ_j w_j² with the
 *   intercept unpenalised (L2RegularizationLoss, applied to the features only; with
 *   standardization=False on the original scale): P itself with unit weights, regParam = λ.
 */
import { optimizerChoiceOf, type Hyperparameters } from '../recipe.ts';
import { pyFloat, pyInt, pyStr } from './python-literal.ts';

/** One keyword argument of an estimator: its name, its Python value, and why (or ''). */
export interface PyParam {
  readonly name: string;
  /** Python source of the value: a literal, or an expression of the script's variables. */
  readonly value: string;
  readonly why: string;
}

/** An estimator's arguments, and what of the run it cannot express. */
export interface FitParams {
  readonly params: readonly PyParam[];
  /** Settings with no equivalent, said in one sentence each. */
  readonly unmatched: readonly string[];
}

/** What a mapping needs from the run: its settings, its row count and a seed for sampling. */
export interface MappedRun {
  readonly hp: Hyperparameters;
  /** Rows n of the dataset. */
  readonly n: number;
  /** The run's seed (the recipe's, or 0 for imported data): the estimators' random_state. */
  readonly seed: number;
  /** Epochs the run took (its `epoch`: the epochs setting once it is done). */
  readonly epochs: number;
}

/** liblinear's tolerance and iteration cap: tight, so the fit lands on its own optimum. */
export const LINEAR_SVC_TOL = 1e-10;
export const LINEAR_SVC_MAX_ITER = 100_000;
/** The larger intercept_scaling the script also fits (liblinear slows as s grows; 10 converges). */
export const LARGE_INTERCEPT_SCALING = 10;
/** Spark's OWLQN tolerance (relative change of the objective; Spark's default is 1e-6). */
export const SPARK_TOL = 1e-9;

const p = (name: string, value: string, why = ''): PyParam => ({ name, value, why });

/**
 * SGDClassifier's arguments. The step: SGDClassifier updates once per sample, so a step of lr on
 * the mean gradient of m samples is, to first order in the step, m updates of lr/m. Hence GD
 * (m = n) maps to learning_rate='constant', eta0 = lr/n, mini-batch SGD with a constant step to
 * eta0 = lr/batchSize (exact for a batch of 1), momentum to the heavy ball's long-run step
 * lr/(n·(1 − β)); Pegasos' 1/(λ·t) is 'optimal' (η = 1/(α·(t + t0)), sklearn's offset t0). The
 * decaying mini-batch schedules (lr/τ, lr/√τ with τ in epochs) have no equivalent ('invscaling'
 * counts single samples from 1) and take 'optimal' too; so does any step when λ = 0 fails it.
 */
export function sgdClassifierParams(run: MappedRun): FitParams {
  const { hp, n, seed } = run;
  const c = optimizerChoiceOf(hp);
  const unmatched: string[] = [];
  const lr = pyFloat(hp.lr);
  let schedule: PyParam[];
  const constant = (eta0: string, why: string) => [
    p('learning_rate', pyStr('constant'), why),
    p('eta0', eta0, 'the same step per epoch, to first order'),
  ];
  const optimal = (why: string) => [p('learning_rate', pyStr('optimal'), why)];
  if (c.optimizer === 'gd') {
    schedule = constant(`${lr} / ${pyInt(n)}`, 'full-batch GD: n single-sample steps of lr/n');
    unmatched.push('full-batch steps: SGDClassifier steps once per sample (eta0 = lr/n)');
  } else if (c.optimizer === 'momentum') {
    const beta = pyFloat(c.beta);
    schedule = constant(
      `${lr} / (${pyInt(n)} * (1.0 - ${beta}))`,
      `momentum (β = ${c.beta}): the heavy ball's long-run step lr/(1 − β), per sample`,
    );
    unmatched.push(
      `momentum (${c.momentum}, β): SGDClassifier has none; the step is lr/(n(1 − β))`,
    );
  } else if (c.optimizer === 'sgd' && c.schedule === 'constant') {
    const b = Math.min(c.batchSize, n);
    schedule = constant(`${lr} / ${pyInt(b)}`, `mini-batches of ${b}: ${b} steps of lr/${b}`);
    if (b > 1) unmatched.push('mini-batches: SGDClassifier steps once per sample');
  } else if (c.optimizer === 'sgd') {
    schedule = optimal(`the ${c.schedule} schedule (τ in epochs) has no equivalent`);
    unmatched.push(
      `the ${c.schedule} step schedule: 'invscaling' counts single samples from 1, not epochs`,
    );
    if (c.batchSize > 1) unmatched.push('mini-batches: SGDClassifier steps once per sample');
  } else if (c.optimizer === 'pegasos') {
    schedule = optimal("Pegasos' step 1/(λ·t), offset by sklearn's t0");
    unmatched.push("Pegasos' bias step lr/√t: the intercept takes the weights' step");
    if (c.project === 'on') unmatched.push("Pegasos' projection onto the ball of radius 1/√λ");
  } else {
    // Any other optimizer (a dual method): no single-sample analogue, sklearn's own schedule.
    schedule = optimal(`${c.optimizer} has no SGDClassifier analogue`);
    unmatched.push(`the ${c.optimizer} optimizer: SGDClassifier takes sklearn's own schedule`);
  }
  if (!(hp.reg > 0) && schedule[0]!.value === pyStr('optimal')) {
    schedule = constant(`${lr} / ${pyInt(n)}`, "λ = 0: 'optimal' needs alpha > 0");
  }
  const params = [
    p('loss', pyStr('hinge')),
    p('penalty', pyStr('l2')),
    p('alpha', pyFloat(hp.reg), 'λ: sklearn minimises the mean loss + alpha/2·‖w‖²'),
    p('fit_intercept', 'True', 'b, not penalised, as in the app'),
    ...schedule,
    p('max_iter', pyInt(Math.max(1, run.epochs)), "the run's epochs: a pass over n samples each"),
    p('tol', 'None', 'no early stop: the app runs all its epochs'),
    p('shuffle', 'True'),
    p('random_state', pyInt(seed), 'its own sampling stream: not the app’s samples'),
  ];
  return { params, unmatched };
}

/**
 * LinearSVC's arguments for one intercept_scaling `scaling` (a Python expression). C = 1/(n·λ)
 * (the script's variable C, computed from the rows it loads); dual=True is liblinear's dual
 * coordinate descent, the one solver for the hinge loss.
 */
export function linearSvcParams(run: MappedRun, scaling: string): FitParams {
  const params = [
    p('C', 'C', 'C = 1/(n·λ): the mean loss + λ/2·‖w‖², times n·C'),
    p('loss', pyStr('hinge')),
    p('penalty', pyStr('l2')),
    p('dual', 'True', 'liblinear solves the hinge loss in the dual only'),
    p('fit_intercept', 'True'),
    p('intercept_scaling', scaling, 'liblinear also penalises b/s: λ/2·(b/s)² more'),
    p('tol', pyFloat(LINEAR_SVC_TOL), 'tight: the fit reaches its own optimum'),
    p('max_iter', pyInt(LINEAR_SVC_MAX_ITER)),
    p('random_state', pyInt(run.seed), 'the order of its coordinate sweeps'),
  ];
  return {
    params,
    unmatched: [
      "the optimizer and its steps: liblinear's dual coordinate descent solves the problem",
      'the bias penalty λ/2·(b/s)² (smaller as intercept_scaling s grows)',
    ],
  };
}

/**
 * Spark MLlib LinearSVC's arguments. maxIter counts OWLQN iterations, each at least one pass
 * over the data, so the app's epochs are a budget of the same order, not the same steps.
 */
export function sparkLinearSvcParams(run: MappedRun): FitParams {
  const { hp } = run;
  // maxIter: OWLQN iterations, a pass or more over the data each.
  const params = [
    p('featuresCol', pyStr('features')),
    p('labelCol', pyStr('label'), 'labels 0/1: Spark maps 0 to −1'),
    p('regParam', pyFloat(hp.reg), 'λ: Spark minimises the mean hinge + regParam/2·‖w‖²'),
    p('standardization', 'False', 'the penalty on the original features, as in the app'),
    p('fitIntercept', 'True', 'b, not penalised, as in the app'),
    p('maxIter', pyInt(Math.max(1, run.epochs)), "the run's epochs as OWLQN iterations"),
    p('tol', pyFloat(SPARK_TOL), 'relative change of the objective (the app has none)'),
  ];
  return {
    params,
    unmatched: [
      "the optimizer and its steps: Spark's OWLQN (quasi-Newton) solves the problem",
      'a feature constant over the data: Spark fixes its coefficient at 0',
    ],
  };
}

/**
 * `name=value,` for a Python call, one argument a line at `indent`, each with its reason as a
 * comment (fixed texts and numbers: no user text reaches a comment).
 */
export function pyKwargs(params: readonly PyParam[], indent: string): string {
  return params
    .map((q) => `${indent}${q.name}=${q.value},${q.why ? `  # ${q.why}` : ''}`)
    .join('\n');
}
