/**
 * The Python the script tests run: one with scikit-learn and numpy. Tried in order: $HINGE_PYTHON,
 * Debian's /usr/bin/python3 (python3-sklearn installs there, and a pyenv or venv python3 on PATH
 * may hide it), then python3 on PATH. None found fails the tests with every path tried and what
 * to install: these tests never skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROBE = 'import sklearn, numpy; print(sklearn.__version__)';

let found: { python: string; sklearn: string } | null = null;

/** The interpreter (and its scikit-learn version), found once per test file. */
export function findPython(): { python: string; sklearn: string } {
  found ??= firstPythonWithSklearn(
    [process.env.HINGE_PYTHON, '/usr/bin/python3', 'python3'].filter(
      (p): p is string => typeof p === 'string' && p !== '',
    ),
  );
  return found;
}

/** The first of `candidates` that imports scikit-learn and numpy; else an Error naming each. */
export function firstPythonWithSklearn(candidates: readonly string[]): {
  python: string;
  sklearn: string;
} {
  const tried: string[] = [];
  for (const python of candidates) {
    const r = spawnSync(python, ['-c', PROBE], { encoding: 'utf8' });
    if (r.status === 0) return { python, sklearn: r.stdout.trim() };
    const why = r.error?.message ?? (r.stderr.trim().split('\n').pop() || `exit code ${r.status}`);
    tried.push(`${python} (${why})`);
  }
  throw new Error(
    `no Python with scikit-learn and numpy: tried ${tried.join('; ')}. Install them ` +
      `(Debian or Ubuntu: apt-get install -y python3-sklearn python3-numpy; elsewhere: ` +
      `pip install scikit-learn numpy) or set HINGE_PYTHON to such an interpreter`,
  );
}

/** A fresh temporary folder for scripts and data files; remove() deletes it. */
export function scratchDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'hinge-lab-scripts-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Runs Python source text; returns its stdout (throws with its stderr on a non-zero exit). */
export function runPython(source: string, dir: string, args: string[] = []): string {
  const file = join(dir, `run-${Math.random().toString(36).slice(2)}.py`);
  writeFileSync(file, source);
  return runPythonFile(file, args);
}

/** Runs a Python file; returns its stdout (throws with its stderr on a non-zero exit). */
export function runPythonFile(file: string, args: string[] = []): string {
  const { python } = findPython();
  try {
    return execFileSync(python, [file, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { status?: number; stderr?: string };
    throw new Error(`python ${file} exited with ${err.status}: ${err.stderr ?? ''}`, { cause: e });
  }
}

/** Runs a Python file and returns its exit code, stdout and stderr (never throws on exit). */
export function runPythonStatus(file: string, args: string[] = []) {
  const r = spawnSync(findPython().python, [file, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
