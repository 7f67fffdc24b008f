/**
 * The settings mapping (fit-params.ts), and that both scripts compile and call the estimators with
 * exactly its arguments: Python's own parser reads every estimator call of each script (the Spark
 * script cannot run here: no Spark on this machine; the README says so).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_HYPERPARAMETERS,
  DEFAULT_RECIPE,
  type Hyperparameters,
} from '../../../src/core/recipe.ts';
import {
  linearSvcParams,
  sgdClassifierParams,
  sparkLinearSvcParams,
  type FitParams,
  type MappedRun,
} from '../../../src/core/scripts/fit-params.ts';
import type { ScriptRun } from '../../../src/core/scripts/script-run.ts';
import { sklearnScript } from '../../../src/core/scripts/sklearn-script.ts';
import { sparkScript } from '../../../src/core/scripts/spark-script.ts';
import { runPython, scratchDir } from './python.ts';

// Each test starts Python (and scikit-learn): seconds each, more on a busy machine.
vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });
const scratch = scratchDir();
afterAll(() => scratch.remove());

const base = { ...DEFAULT_HYPERPARAMETERS, lr: 0.05, reg: 0.01, epochs: 400 };
const run = (hp: Partial<Hyperparameters>, n = 60): MappedRun => {
  const all = { ...base, ...hp };
  return { hp: all, n, seed: 7, epochs: all.epochs };
};
const args = (f: FitParams) => Object.fromEntries(f.params.map((q) => [q.name, q.value]));

describe('SGDClassifier', () => {
  it('takes alpha = λ and one pass an epoch for every optimizer, and no early stop', () => {
    for (const optimizer of ['gd', 'pegasos', 'sgd', 'momentum'] as const) {
      const a = args(sgdClassifierParams(run({ optimizer, reg: 0.003, epochs: 77 })));
      expect(a).toMatchObject({ loss: "'hinge'", penalty: "'l2'", alpha: '0.003' });
      expect(a).toMatchObject({ fit_intercept: 'True', max_iter: '77', tol: 'None' });
      expect(a.random_state).toBe('7');
    }
  });

  it('maps each step rule: lr/n for GD, lr/B for constant mini-batches, the heavy ball, optimal', () => {
    const cases: [object, Record<string, string>][] = [
      [{ optimizer: 'gd' }, { learning_rate: "'constant'", eta0: '0.05 / 60' }],
      [
        { optimizer: 'sgd', schedule: 'constant', batchSize: 8 },
        { learning_rate: "'constant'", eta0: '0.05 / 8' },
      ],
      [{ optimizer: 'sgd', schedule: 'constant', batchSize: 500 }, { eta0: '0.05 / 60' }],
      [{ optimizer: 'sgd', schedule: 'inverse-sqrt' }, { learning_rate: "'optimal'" }],
      [{ optimizer: 'sgd', schedule: 'inverse' }, { learning_rate: "'optimal'" }],
      [{ optimizer: 'pegasos' }, { learning_rate: "'optimal'" }],
      [
        { optimizer: 'momentum', beta: 0.9 },
        { learning_rate: "'constant'", eta0: '0.05 / (60 * (1.0 - 0.9))' },
      ],
      [
        { optimizer: 'pegasos', reg: 0 },
        { learning_rate: "'constant'", eta0: '0.05 / 60' },
      ],
    ];
    for (const [hp, want] of cases) {
      const a = args(sgdClassifierParams(run(hp)));
      expect(a, JSON.stringify(hp)).toMatchObject(want);
      if (want.learning_rate === "'optimal'") expect(a.eta0).toBeUndefined();
    }
  });

  it('names what it cannot express', () => {
    expect(sgdClassifierParams(run({ optimizer: 'pegasos', project: 'on' })).unmatched).toEqual([
      "Pegasos' bias step lr/√t: the intercept takes the weights' step",
      "Pegasos' projection onto the ball of radius 1/√λ",
    ]);
    expect(
      sgdClassifierParams(run({ optimizer: 'sgd', schedule: 'constant', batchSize: 1 })),
    ).toMatchObject({ unmatched: [] });
  });
});

describe('LinearSVC and Spark', () => {
  it('LinearSVC: C from the rows, the hinge in the dual, the scaling asked for, tight tol', () => {
    expect(args(linearSvcParams(run({}), '10.0'))).toEqual({
      ...{ C: 'C', loss: "'hinge'", penalty: "'l2'", dual: 'True', fit_intercept: 'True' },
      ...{ intercept_scaling: '10.0', tol: '1e-10', max_iter: '100000', random_state: '7' },
    });
  });

  it('Spark: regParam = λ, standardization off, intercept fitted, maxIter the epochs', () => {
    expect(args(sparkLinearSvcParams(run({ reg: 1e-5, epochs: 0 })))).toEqual({
      ...{ featuresCol: "'features'", labelCol: "'label'", regParam: '1e-05' },
      ...{ standardization: 'False', fitIntercept: 'True', maxIter: '1', tol: '1e-09' },
    });
  });
});

/**
 * Compiles a script and returns every call's keyword arguments by callee, read by Python's ast,
 * and under 'undefined names' the names it reads that nothing defines.
 */
function calls(text: string): Record<string, unknown[]> {
  const file = join(scratch.dir, `script-${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, text);
  const source = `import ast, json, py_compile
path = ${JSON.stringify(file)}
py_compile.compile(path, doraise=True)
calls = {}
for node in ast.walk(ast.parse(open(path, encoding='utf-8').read())):
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.keywords:
        calls.setdefault(node.func.id, []).append({k.arg: ast.unparse(k.value) for k in node.keywords})
# Names read but defined nowhere (a typo the Spark script, never run here, would only show on
# Spark): every global a scope reads must be bound at module level or be a builtin.
import builtins, symtable
top = symtable.symtable(open(path, encoding='utf-8').read(), path, 'exec')
bound = {s.get_name() for s in top.get_symbols() if s.is_assigned() or s.is_imported()}
bound |= {t.get_name() for t in top.get_children()} | set(dir(builtins)) | {'__file__'}
undefined = []
def visit(table):
    for sym in table.get_symbols():
        if sym.is_referenced() and (sym.is_global() or table is top) and sym.get_name() not in bound:
            undefined.append(sym.get_name())
    for child in table.get_children():
        visit(child)
visit(top)
calls['undefined names'] = sorted(set(undefined))
print(json.dumps(calls))
`;
  return JSON.parse(runPython(source, scratch.dir)) as Record<string, unknown[]>;
}

describe('the scripts compile and pass exactly the mapped arguments', () => {
  for (const optimizer of ['gd', 'pegasos', 'sgd', 'momentum'] as const) {
    it(`for ${optimizer}`, () => {
      const hp = { ...base, optimizer, reg: 0.004, epochs: 123 };
      const script: ScriptRun = {
        ...{ label: 'a \'b\' \\ "c"', data: { kind: 'generator', recipe: DEFAULT_RECIPE } },
        ...{ hp, epoch: 123, w: [1.5, -0.25], b: 0.1, objective: 0.2 },
      };
      const mapped = { hp, n: 60, seed: 7, epochs: 123 };
      const spark = calls(sparkScript(script));
      expect(spark.LinearSVC).toEqual([args(sparkLinearSvcParams(mapped))]);
      const sk = calls(sklearnScript(script));
      expect(sk.SGDClassifier).toEqual([args(sgdClassifierParams(mapped))]);
      expect(sk.LinearSVC).toEqual([args(linearSvcParams(mapped, 'scaling'))]);
      expect(spark['undefined names']).toEqual([]);
      expect(sk['undefined names']).toEqual([]);
    });
  }
});
