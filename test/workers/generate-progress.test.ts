import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { GenerateProgress } from '../../workers/trainer-api.ts';
import { serviceOnFakeClock } from './fake-clock.ts';

describe('generate() progress', () => {
  it('reports the points drawn as it goes, rising to all n (the page’s progress bar)', async () => {
    // A fake clock that moves 1 ms a read: a slice is one chunk, and reports go every 50 fake ms.
    const { service } = serviceOnFakeClock(2, 1);
    const seen: GenerateProgress[] = [];
    const summary = await service.generate({ ...DEFAULT_RECIPE, nPerClass: 200_000 }, (p) => {
      seen.push(p);
    });
    expect(seen.length).toBeGreaterThan(2);
    const partial = seen.filter((p) => p.accepted < p.n);
    expect(partial.length).toBeGreaterThan(0);
    for (let k = 1; k < seen.length; k++) {
      expect(seen[k]!.accepted).toBeGreaterThanOrEqual(seen[k - 1]!.accepted);
    }
    expect(seen.at(-1)).toEqual({ accepted: summary.n, n: summary.n });
  });
});
