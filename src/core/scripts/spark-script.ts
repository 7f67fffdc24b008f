/**
 * The PySpark script: the same run on Spark MLlib's LinearSVC, for data beyond one machine.
 * It gets the rows as the scikit-learn script does (drawn again on the driver, or the export read
 * by Spark itself: LIBSVM through Spark's libsvm source, CSV through its csv reader), prints the
 * objective of hinge-lab's weights and of Spark's fit in the app's definition, each summed two
 * ways: exactly as the app sums it when the rows are on the driver (python-data.ts), and by a
 * Spark aggregation (any size; another order of summation, so equal to rounding, ~1e-15
 * relative, not bit for bit). Not run by hinge-lab's tests (no Spark there): they check that it
 * compiles and that its LinearSVC arguments are fit-params.ts's.
 */
import { pyKwargs, sparkLinearSvcParams } from './fit-params.ts';
import { PYTHON_DATA } from './python-data.ts';
import { pythonRunConstants } from './python-header.ts';
import { checkScriptRun, mappedRun, type ScriptRun } from './script-run.ts';

/** The script's text for `run` (throws a RangeError for a run checkScriptRun refuses). */
export function sparkScript(run: ScriptRun): string {
  checkScriptRun(run);
  const spark = sparkLinearSvcParams(mappedRun(run));
  return `#!/usr/bin/env python3
# Reproduce a hinge-lab run in Apache Spark MLlib (written by hinge-lab's "Reproduce in Python").
#
# The objective, hinge-lab's and Spark's:
#   P(w, b) = (1/n)·Σ max(0, 1 − y_i·(w·x_i + b)) + λ/2·‖w‖²   (the bias b is not regularised)
# Spark's LinearSVC minimises (1/Σ weight_i)·Σ weight_i·max(0, 1 − y_i·(w·x_i + b))
# + regParam/2·Σ_j w_j², the intercept not penalised: with unit weights that is P with
# regParam = λ. standardization=False keeps the penalty on the original features (Spark scales
# them internally and undoes it), as hinge-lab has it. Labels are 0/1 for Spark (0 is −1).
#
# Usage: spark-submit THIS_FILE.py [--data FILE] [--json]   (or python3 with pyspark installed)
# hinge-lab did not run this script (no Spark on its test machine); its tests check that it
# compiles and that the LinearSVC arguments below are the documented mapping.
#
# Spark's LinearSVC has no equivalent of:
${spark.unmatched.map((u) => `#   - ${u}`).join('\n')}
import argparse
import json
import math
import os
import random
import sys

${pythonRunConstants(run)}
${PYTHON_DATA}

def spark_frame(spark, args):
    """(DataFrame of label 0/1 and features, rows, labels): rows and labels are on the driver
    when they were drawn here (None when Spark read a file)."""
    from pyspark.ml.feature import VectorAssembler
    from pyspark.ml.linalg import Vectors
    from pyspark.sql import functions as F
    path = args.data or DATA_FILE
    if path is None:
        rows, labels, _, _, _ = load(args)
        frame = spark.createDataFrame(
            [(1.0 if y > 0 else 0.0, Vectors.dense(x)) for x, y in zip(rows, labels)],
            ['label', 'features'])
        return frame, rows, labels
    path = find_data(path)
    with open(path, encoding='utf-8-sig') as f:
        csv = ',' in f.readline()
    if csv:
        raw = spark.read.csv(path, header=True, inferSchema=False)
        columns = ['x%d' % j for j in range(D)]
        for c in columns + ['label']:
            raw = raw.withColumn(c, F.col(c).cast('double'))
        frame = VectorAssembler(inputCols=columns, outputCol='features').transform(raw)
    else:
        frame = spark.read.format('libsvm').option('numFeatures', D).load(path)
    frame = frame.withColumn('label', F.when(F.col('label') > 0, 1.0).otherwise(0.0))
    return frame.select('label', 'features'), None, None


def spark_objective(frame, w, b, lam):
    """P(w, b) by a Spark aggregation (any n; summed in Spark's order, not hinge-lab's)."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DoubleType
    ws = [float(v) for v in w]

    @F.udf(DoubleType())
    def hinge(label, features):
        y = 1.0 if label > 0 else -1.0
        s = b
        for wj, xj in zip(ws, features.toArray()):
            s += wj * float(xj)
        return max(0.0, 1.0 - y * s)

    total, n = frame.select(F.sum(hinge('label', 'features')), F.count('*')).first()
    return total / n + 0.5 * lam * sum(v * v for v in ws)


def main():
    parser = argparse.ArgumentParser(description='Reproduce the hinge-lab run %r in Spark.' % RUN_NAME)
    parser.add_argument('--data', help="hinge-lab's CSV or LIBSVM export of the run's rows")
    parser.add_argument('--json', action='store_true', help='print one JSON object, not a table')
    args = parser.parse_args()
    try:
        from pyspark.ml.classification import LinearSVC
        from pyspark.sql import SparkSession
    except ImportError as e:
        fail('this script needs pyspark (%s): pip install pyspark, or run it with spark-submit' % e)
    spark = SparkSession.builder.appName('hinge-lab reproduction').getOrCreate()
    frame, rows, labels = spark_frame(spark, args)
    frame.cache()
    svc = LinearSVC(
${pyKwargs(spark.params, '        ')}
    )
    model = svc.fit(frame)
    w = [float(v) for v in model.coefficients.toArray()]
    b = float(model.intercept)
    fits = [('hinge-lab (exported)', HINGE_LAB_W, HINGE_LAB_B), ('Spark LinearSVC', w, b)]
    out = {'run': RUN_NAME, 'd': D, 'lambda': LAM, 'spark_version': spark.version,
           'exported_objective': HINGE_LAB_OBJECTIVE,
           'iterations': model.summary.totalIterations if model.hasSummary else None, 'fits': []}
    for name, fw, fb in fits:
        row = {'name': name, 'w': fw, 'b': fb, 'objective_spark': spark_objective(frame, fw, fb, LAM)}
        if rows is not None:
            row['objective'] = objective(rows, labels, fw, fb, LAM)
        out['fits'].append(row)
    if args.json:
        print(json.dumps(out))
    else:
        print('hinge-lab run %r on Spark %s: d = %d, λ = %r' % (RUN_NAME, spark.version, D, LAM))
        print('%-22s %-24s %-24s %s' % ('fit', 'P (hinge-lab order)', 'P (Spark sum)', 'w, b'))
        for f in out['fits']:
            print('%-22s %-24s %-24r %r, %r' % (f['name'], repr(f.get('objective', '-')),
                                              f['objective_spark'], f['w'], f['b']))
        print("hinge-lab's own P(w, b), as exported: %r" % HINGE_LAB_OBJECTIVE)
    spark.stop()


if __name__ == '__main__':
    main()
`;
}
