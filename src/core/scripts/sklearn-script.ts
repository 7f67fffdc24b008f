/**
 * The "Reproduce in Python" script: a standalone Python 3 file that gets the run's rows (drawn
 * again or read from the export), prints the objective of hinge-lab's weights (equal to the
 * app's bit for bit: python-data.ts), fits scikit-learn's SGDClassifier and LinearSVC to the same
 * objective (arguments from fit-params.ts) and prints each fit's objective in the app's definition
 * in a table, every number as repr. `--json` prints the same as one JSON object instead.
 * Exit codes: 0; 2 for a missing data file or library (the message says what to install); 3 when
 * hinge-lab's weights do not give the exported objective on these rows (other data).
 */
import {
  LARGE_INTERCEPT_SCALING,
  linearSvcParams,
  pyKwargs,
  sgdClassifierParams,
  type FitParams,
} from './fit-params.ts';
import { PYTHON_DATA } from './python-data.ts';
import { pythonRunConstants } from './python-header.ts';
import { pyInt } from './python-literal.ts';
import { checkScriptRun, mappedRun, type ScriptRun } from './script-run.ts';

/** Comment lines listing what the estimator cannot express (fixed texts and numbers only). */
function unmatchedComment(title: string, f: FitParams): string {
  return [`# ${title} has no equivalent of:`, ...f.unmatched.map((u) => `#   - ${u}`)].join('\n');
}

/** The script's text for `run` (throws a RangeError for a run checkScriptRun refuses). */
export function sklearnScript(run: ScriptRun): string {
  checkScriptRun(run);
  const mapped = mappedRun(run);
  const sgd = sgdClassifierParams(mapped);
  const svc = linearSvcParams(mapped, 'scaling');
  return `#!/usr/bin/env python3
# Reproduce a hinge-lab run in scikit-learn (written by hinge-lab's "Reproduce in Python").
#
# The objective, hinge-lab's and every fit's below:
#   P(w, b) = (1/n)·Σ max(0, 1 − y_i·(w·x_i + b)) + λ/2·‖w‖²   (the bias b is not regularised)
# This script gets the run's rows (drawn again exactly as hinge-lab draws them, or read from its
# CSV or LIBSVM export), prints P for hinge-lab's exported weights (the same double hinge-lab
# computed), fits scikit-learn's SGDClassifier and LinearSVC to the same objective and prints
# each fit's P in a table. Every number is printed with repr (all its digits).
#
# LinearSVC (liblinear) regularises the bias too: it minimises P(w, b) + λ/2·(b/s)², s being its
# intercept_scaling. It is fitted with scikit-learn's default s = 1 and with s = ${LARGE_INTERCEPT_SCALING}; the
# table shows each fit's extra term λ/2·(b/s)² and its P. Whatever s, that fit's P is at most
# P* + λ/2·(b*/s)² (b* the bias of the true optimum P*), so a larger s brings it to P*.
#
# Usage: python3 THIS_FILE.py [--data FILE] [--json] [--intercept-scaling S]
# Needs Python 3.8+; the fits need scikit-learn and numpy
#   (pip install scikit-learn numpy, or on Debian and Ubuntu: apt-get install python3-sklearn).
#
${unmatchedComment('SGDClassifier', sgd)}
${unmatchedComment('LinearSVC', svc)}
import argparse
import json
import math
import os
import random
import sys
import warnings

${pythonRunConstants(run)}
${PYTHON_DATA}

def fit_sgd(X, y, w0, b0):
    """SGDClassifier on the same objective, from hinge-lab's initial weights when known."""
    from sklearn.linear_model import SGDClassifier
    model = SGDClassifier(
${pyKwargs(sgd.params, '        ')}
    )
    if w0 is None:
        model.fit(X, y)
    else:
        model.fit(X, y, coef_init=[w0], intercept_init=[b0])
    return model, {'n_iter': int(model.n_iter_)}


def fit_linear_svc(X, y, C, scaling):
    """LinearSVC with C = 1/(n·λ) at intercept_scaling s = scaling."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.svm import LinearSVC
    model = LinearSVC(
${pyKwargs(svc.params, '        ')}
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always', ConvergenceWarning)
        model.fit(X, y)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    return model, {'n_iter': int(model.n_iter_), 'converged': converged,
                   'intercept_scaling': scaling}


def weights_of(model):
    return [float(v) for v in model.coef_[0]], float(model.intercept_[0])


def main():
    parser = argparse.ArgumentParser(description='Reproduce the hinge-lab run %r in scikit-learn.' % RUN_NAME)
    parser.add_argument('--data', help="hinge-lab's CSV or LIBSVM export of the run's rows")
    parser.add_argument('--json', action='store_true', help='print one JSON object, not a table')
    parser.add_argument('--intercept-scaling', type=float, default=${pyInt(LARGE_INTERCEPT_SCALING)}.0,
                        help="LinearSVC's larger intercept_scaling (default ${LARGE_INTERCEPT_SCALING})")
    args = parser.parse_args()
    rows, labels, w0, b0, source = load(args)
    n = len(rows)
    mine = objective(rows, labels, HINGE_LAB_W, HINGE_LAB_B, LAM)
    equal = mine == HINGE_LAB_OBJECTIVE or (math.isnan(mine) and math.isnan(HINGE_LAB_OBJECTIVE))
    out = {'run': RUN_NAME, 'n': n, 'd': D, 'lambda': LAM, 'source': source,
           'hinge_lab': {'w': HINGE_LAB_W, 'b': HINGE_LAB_B, 'objective': mine,
                         'exported_objective': HINGE_LAB_OBJECTIVE, 'equal': equal},
           'fits': [], 'skipped': []}
    try:
        import numpy as np
        import sklearn
    except ImportError as e:
        report(out)
        fail('the fits need scikit-learn and numpy (%s): pip install scikit-learn numpy, '
             'or on Debian and Ubuntu: apt-get install python3-sklearn' % e)
    out['sklearn_version'] = sklearn.__version__
    X = np.asarray(rows, dtype=np.float64)
    y = np.asarray(labels, dtype=np.float64)
    fits = [('SGDClassifier', lambda: fit_sgd(X, y, w0, b0))]
    if LAM > 0:
        C = 1.0 / (n * LAM)
        for s in (1.0, args.intercept_scaling):
            fits.append(('LinearSVC s=%r' % s, lambda s=s: fit_linear_svc(X, y, C, s)))
    else:
        out['skipped'].append('LinearSVC: λ = 0 would need C = 1/(n·λ) = infinity')
    for name, fit in fits:
        model, info = fit()
        w, b = weights_of(model)
        row = dict(name=name, w=w, b=b, objective=objective(rows, labels, w, b, LAM), **info)
        if 'intercept_scaling' in info:
            row['bias_penalty'] = 0.5 * LAM * (b / info['intercept_scaling']) ** 2
            row['liblinear_objective'] = row['objective'] + row['bias_penalty']
        out['fits'].append(row)
    report(out)
    if not equal:
        sys.exit(3)


def report(out):
    if '--json' in sys.argv[1:]:
        print(json.dumps(out))
        return
    h = out['hinge_lab']
    print('hinge-lab run %r: n = %d rows, d = %d, λ = %r; data %s' % (out['run'], out['n'], out['d'], out['lambda'], out['source']))
    print('P(w, b) = (1/n)·Σ max(0, 1 − y·(w·x + b)) + λ/2·‖w‖², b not regularised')
    print()
    print('%-24s %-24s %-24s %s' % ('fit', 'P(w, b)', 'P − P(hinge-lab)', 'w, b'))
    print('%-24s %-24r %-24s %r, %r' % ('hinge-lab (exported)', h['objective'], '0.0', h['w'], h['b']))
    for f in out['fits']:
        print('%-24s %-24r %-24r %r, %r' % (f['name'], f['objective'], f['objective'] - h['objective'], f['w'], f['b']))
    print()
    if h['equal']:
        print("hinge-lab's weights give P = %r here, equal to the exported objective." % h['objective'])
    else:
        print("hinge-lab's weights give P = %r here, NOT the exported %r: these are not the run's rows."
              % (h['objective'], h['exported_objective']))
    for f in out['fits']:
        if 'bias_penalty' in f:
            print('%s also penalises the bias: λ/2·(b/s)² = %r (its own objective %r); %d iterations%s.'
                  % (f['name'], f['bias_penalty'], f['liblinear_objective'], f['n_iter'],
                     '' if f['converged'] else ', NOT converged'))
    for s in out['skipped']:
        print('skipped ' + s)


if __name__ == '__main__':
    main()
`;
}
