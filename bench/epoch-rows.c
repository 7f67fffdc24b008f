/* The general kernel's epoch in C: rows in any order, dimension D fixed at compile time (-DD=8),
 * the same order of operations as the core (no fast-math, no FMA contraction): per row
 * s = b + w_0·x_0 + … + w_{D−1}·x_{D−1} (left to right), m = 1 − y·s; where m > 0 accumulate
 * loss, count and the gradient −y·x, −y; accuracy counts y·[s >= 0]; then step w and b.
 * Reads the data the TypeScript bench wrote (x row-major n×D, then y, float64).
 * Usage: epoch-rows N FILE. Prints one JSON line:
 * {"impl":"c-rows-branch"|"c-rows-mask","n":N,"d":D,"nsPerPointEpoch":median,"cpuNsPerPointEpoch":median,"epochsPerBatch":k}. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#ifndef D
#define D 2
#endif
#ifdef MASK
#define IMPL "c-rows-mask"
#else
#define IMPL "c-rows-branch"
#endif

static double clock_s(clockid_t id) {
  struct timespec t;
  clock_gettime(id, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}
static double now(void) { return clock_s(CLOCK_MONOTONIC); }
/* This process's CPU time: on a shared machine, the wall time also counts others' turns. */
static double cpu_now(void) { return clock_s(CLOCK_PROCESS_CPUTIME_ID); }
static int cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* k epochs of full-batch gradient descent (lr 0.05, reg 0.01); returns a checksum. */
static double epochs(const double *x, const double *y, long n, long k, double *w, double *pb) {
  double b = *pb, lr = 0.05, reg = 0.01, sink = 0, g[D];
  for (long e = 0; e < k; e++) {
    double loss = 0, gb = 0, sp = 0;
    long count = 0;
    for (int j = 0; j < D; j++) g[j] = 0;
    for (long i = 0; i < n; i++) {
      const double *r = x + i * D;
      double s = b;
      for (int j = 0; j < D; j++) s += w[j] * r[j];
      double yi = y[i], m = 1.0 - yi * s;
#ifdef MASK
      double a = m > 0, ny = -yi * a;
      loss += m * a; count += (long)a; gb += ny;
      for (int j = 0; j < D; j++) g[j] += ny * r[j];
#else
      if (m > 0) {
        loss += m; count++; gb += -yi;
        for (int j = 0; j < D; j++) g[j] += -yi * r[j];
      }
#endif
      sp += yi * (double)(s >= 0);
    }
    for (int j = 0; j < D; j++) w[j] -= lr * (g[j] / n + reg * w[j]);
    b -= lr * (gb / n);
    sink += loss + count + sp;
  }
  *pb = b;
  return sink;
}

int main(int argc, char **argv) {
  if (argc != 3) return 2;
  long n = atol(argv[1]);
  double *x = malloc(sizeof(double) * D * n), *y = malloc(sizeof(double) * n);
  FILE *f = fopen(argv[2], "rb");
  if (!f || fread(x, sizeof(double), D * n, f) != (size_t)(D * n) || fread(y, sizeof(double), n, f) != (size_t)n) return 3;
  fclose(f);
  double w[D], b = 0.42, sink = 0;
  for (int j = 0; j < D; j++) w[j] = j == 0 ? 1.5 : j == 1 ? -0.85 : 0.0;
  /* Size a batch to about 0.4 s from one timed epoch (which also warms the caches). */
  double t0 = now();
  sink += epochs(x, y, n, 1, w, &b);
  long k = (long)(0.4 / (now() - t0));
  if (k < 1) k = 1;
  double ns[7], cpu[7];
  for (int rep = 0; rep < 7; rep++) {
    double t = now(), c = cpu_now();
    sink += epochs(x, y, n, k, w, &b);
    ns[rep] = (now() - t) * 1e9 / ((double)n * k);
    cpu[rep] = (cpu_now() - c) * 1e9 / ((double)n * k);
  }
  qsort(ns, 7, sizeof(double), cmp);
  qsort(cpu, 7, sizeof(double), cmp);
  printf("{\"impl\":\"%s\",\"n\":%ld,\"d\":%d,\"nsPerPointEpoch\":%.3f,\"cpuNsPerPointEpoch\":%.3f,\"epochsPerBatch\":%ld}\n", IMPL, n, D, ns[3], cpu[3], k);
  fprintf(stderr, "(sink %g)\n", sink);
  return 0;
}
