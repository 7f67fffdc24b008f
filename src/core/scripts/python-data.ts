/**
 * The Python both scripts share: the data (drawn again with the reference's generator, or read
 * from the app's CSV or LIBSVM export) and the objective summed exactly as the app sums it.
 * Fixed text (no user input); the scripts define RECIPE, DATA_FILE, BLOCK_ROWS and D above it.
 *
 * Exactness: generate_two_class_data and the initial weights are the reference's code, word for
 * word, on Python's random (MT19937 and gauss), which the app ports bit for bit (glibc's libm).
 * objective() repeats the app's pass: per row s = b + w_0·x_0 + … (left to right), m = 1 − y·s,
 * m added when m > 0; the rows summed from 0.0 in blocks of BLOCK_ROWS and the block sums added
 * in order from 0.0 (blocked-sums.ts; for n <= BLOCK_ROWS the plain sequential sum); ‖w‖²
 * summed from 0.0 in order; then sum/n + 0.5·λ·‖w‖², left to right (evaluate.ts). Python floats
 * are IEEE doubles with the same rounding and no fused operations, so the value is bit for bit
 * the app's.
 */
export const PYTHON_DATA = String.raw`

def generate_two_class_data(n_per_class, true_w, true_b, noise):
    """The reference's generator (hinge-lab's article), word for word: positives, then negatives."""
    positives = []
    negatives = []
    while len(positives) < n_per_class or len(negatives) < n_per_class:
        x = [random.uniform(-3.0, 3.0) for _ in range(len(true_w))]
        score = true_b
        for w, xi in zip(true_w, x):
            score += w * xi
        score += random.gauss(0.0, noise)
        if score >= 0.0:
            if len(positives) < n_per_class:
                positives.append((x, 1.0))
        else:
            if len(negatives) < n_per_class:
                negatives.append((x, -1.0))
    return positives + negatives


def draw_recipe(recipe):
    """The rows hinge-lab draws for the recipe, and its initial weights (drawn next, as the
    reference's LinearClassifier draws them): (rows, labels, w0, b0)."""
    random.seed(recipe['seed'])
    data = generate_two_class_data(
        recipe['n_per_class'], recipe['true_w'], recipe['true_b'], recipe['noise'])
    scale = 1.0 / math.sqrt(len(recipe['true_w']))
    w0 = [random.gauss(0.0, scale) for _ in recipe['true_w']]
    return [x for x, _ in data], [y for _, y in data], w0, 0.0


def fail(message):
    print('error: ' + message, file=sys.stderr)
    sys.exit(2)


def read_csv(path):
    """hinge-lab's CSV: the header x0,...,x{d-1},label, then d numbers and a label of 1 or -1."""
    rows, labels = [], []
    with open(path, encoding='utf-8-sig', newline='') as f:
        header = f.readline().rstrip('\r\n').split(',')
        if header[-1] != 'label' or len(header) != D + 1:
            fail('%s: line 1 must be the header x0,...,x%d,label; got %r' % (path, D - 1, header))
        for number, line in enumerate(f, start=2):
            line = line.rstrip('\r\n')
            if line == '':
                continue
            fields = line.split(',')
            if len(fields) != D + 1:
                fail('%s: line %d has %d fields, expected %d' % (path, number, len(fields), D + 1))
            rows.append([float(v) for v in fields[:D]])
            labels.append(float(fields[D]))
    return rows, labels


def read_libsvm(path):
    """LIBSVM: a label (+1 or -1) and index:value pairs, indices 1 to D ascending, zeros omissible."""
    rows, labels = [], []
    with open(path, encoding='utf-8-sig') as f:
        for number, line in enumerate(f, start=1):
            parts = line.split()
            if not parts:
                continue
            x = [0.0] * D
            last = 0
            for part in parts[1:]:
                index, _, value = part.partition(':')
                j = int(index)
                if j <= last or j > D:
                    fail('%s: line %d: index %d, expected %d to %d' % (path, number, j, last + 1, D))
                x[j - 1] = float(value)
                last = j
            rows.append(x)
            labels.append(float(parts[0]))
    return rows, labels


def find_data(path):
    """The path as given when it exists, else the same name beside this script."""
    if os.path.exists(path):
        return path
    beside = os.path.join(os.path.dirname(os.path.abspath(__file__)), path)
    if not os.path.exists(beside):
        fail('no data file %r here or beside this script: export it from hinge-lab '
             '(Compare, Dataset: CSV or LIBSVM) or pass --data FILE' % path)
    return beside


def read_data(path):
    """Rows and labels of a CSV or LIBSVM file (CSV when its first line holds a comma)."""
    with open(path, encoding='utf-8-sig') as f:
        first = f.readline()
    rows, labels = (read_csv if ',' in first else read_libsvm)(path)
    bad = [y for y in labels if y not in (1.0, -1.0)]
    if bad:
        fail('%s: labels must be 1 or -1, found %r' % (path, bad[0]))
    if not rows:
        fail('%s holds no rows' % path)
    return rows, labels


def load(args):
    """(rows, labels, w0, b0, source): the --data file, else DATA_FILE, else the recipe drawn
    again. w0 is None when the run's initial weights are not known (a file)."""
    path = args.data or DATA_FILE
    if path is not None:
        path = find_data(path)
        rows, labels = read_data(path)
        return rows, labels, None, None, 'read from %s' % path
    rows, labels, w0, b0 = draw_recipe(RECIPE)
    return rows, labels, w0, b0, "drawn again with Python's random (seed %d)" % RECIPE['seed']


def objective(rows, labels, w, b, lam):
    """P(w, b) = (1/n)*sum(max(0, 1 - y*(b + w.x))) + lam/2*|w|^2, summed as hinge-lab sums it."""
    n = len(rows)
    total = 0.0
    for start in range(0, n, BLOCK_ROWS):
        block = 0.0
        for i in range(start, min(n, start + BLOCK_ROWS)):
            s = b
            for wj, xj in zip(w, rows[i]):
                s += wj * xj
            m = 1.0 - labels[i] * s
            if m > 0.0:
                block += m
        total += block
    norm_sq = 0.0
    for wj in w:
        norm_sq += wj * wj
    return total / n + 0.5 * lam * norm_sq
`;
