/* The core's epoch in C, same order of operations (no fast-math, no FMA contraction):
 * s = b + w0*x0 + w1*x1; m = 1 - y*s; where m > 0 accumulate loss, count, gradient; then step.
 * Prints one JSON line per n: {"impl":"c-O3","n":..,"d":2,"nsPerPointEpoch":..}. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#ifdef MASK
#define IMPL "c-O3-mask"
#else
#define IMPL "c-O3-branch"
#endif

static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static int cmp(const void *a, const void *b) { double x = *(const double *)a, y = *(const double *)b; return (x > y) - (x < y); }

int main(int argc, char **argv) {
  for (int k = 1; k < argc; k++) {
    long n = atol(argv[k]);
    double *x = malloc(sizeof(double) * 2 * n), *y = malloc(sizeof(double) * n);
    unsigned long long s = 88172645463325252ULL;
    for (long i = 0; i < n; i++) {
      for (int j = 0; j < 2; j++) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; x[2 * i + j] = (s >> 11) * (6.0 / 9007199254740992.0) - 3.0; }
      y[i] = (x[2 * i] - 0.6 * x[2 * i + 1] + 0.4 >= 0) ? 1.0 : -1.0;
    }
    double w0 = 1.5, w1 = -0.85, b = 0.42, lr = 0.05, reg = 0.01, sink = 0;
    long epochs = n >= 10000000 ? 3 : n >= 1000000 ? 20 : 2000;
    double med[7];
    for (int rep = 0; rep < 8; rep++) {
      double t0 = now();
      for (long e = 0; e < epochs; e++) {
        double loss = 0, g0 = 0, g1 = 0, gb = 0; long count = 0;
        for (long i = 0; i < n; i++) {
          double sc = b + w0 * x[2 * i] + w1 * x[2 * i + 1];
          double m = 1.0 - y[i] * sc;
#ifdef MASK
          double a = m > 0, ny = -y[i] * a;
          loss += m * a; count += (long)a; g0 += ny * x[2 * i]; g1 += ny * x[2 * i + 1]; gb += ny;
#else
          if (m > 0) { loss += m; count++; g0 += -y[i] * x[2 * i]; g1 += -y[i] * x[2 * i + 1]; gb += -y[i]; }
#endif
        }
        double gw0 = g0 / n + reg * w0, gw1 = g1 / n + reg * w1;
        w0 -= lr * gw0; w1 -= lr * gw1; b -= lr * (gb / n);
        sink += loss + count;
      }
      double t = now() - t0;
      if (rep > 0) med[rep - 1] = t * 1e9 / ((double)n * epochs); /* rep 0 warms up */
    }
    qsort(med, 7, sizeof(double), cmp);
    printf("{\"impl\":\"%s\",\"n\":%ld,\"d\":2,\"nsPerPointEpoch\":%.3f,\"sink\":%.1f}\n", IMPL, n, med[3], sink > 0 ? 1.0 : 0.0);
    free(x); free(y);
  }
  return 0;
}
