/**
 * A diverged run ends on its last finite epoch: the epoch whose weights and every metric (mean
 * loss and objective) are finite. With lr = 1000 on the article's data the weights grow past
 * 1.3e154 at epoch 160, where ‖w‖² overflows and the objective is Infinity while the mean loss
 * stays finite until epoch 319 (issue 18 item 4): the page's read-outs, its curves and this tab's
 * Compare record (which cannot carry Infinity in JSON) must all stop at epoch 159.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RECIPE } from '../../src/core/recipe.ts';
import type { Snapshot } from '../../workers/trainer-api.ts';
import { createTrainerService } from '../../workers/trainer-service.ts';

describe('a diverging run', () => {
  it('ends diverged at the last epoch whose metrics are all finite, and sends nothing later', async () => {
    const service = createTrainerService();
    await service.generate({ ...DEFAULT_RECIPE });
    const sent: Snapshot[] = [];
    const final = await service.train({ lr: 1000, reg: 0.01, epochs: 400 }, (s: Snapshot) => {
      sent.push(s);
    });
    expect(final.status).toBe('diverged');
    expect(final.epoch).toBe(159);
    expect([final.meanLoss, final.objective, final.b, ...final.w].every(Number.isFinite)).toBe(
      true,
    );
    for (const s of [...sent, final]) {
      expect(s.epoch).toBeLessThanOrEqual(159);
      expect([...s.curve.meanLoss, ...s.curve.objective].every(Number.isFinite)).toBe(true);
    }
    await service.dispose();
  });
});
