import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  decide,
  mergesWith,
  PHASES,
  toggleAction,
  type Action,
  type Phase,
} from '../../src/app/run-machine.ts';

describe('decide', () => {
  it('defines every action in every phase, refusals with a reason naming the action', () => {
    for (const phase of PHASES) {
      for (const action of ACTIONS) {
        const d = decide(phase, action);
        expect(['run', 'wait', 'refuse']).toContain(d.kind);
        if (d.kind === 'refuse') expect(d.reason).toMatch(/^(Pause|Resume|Cancel)\b.+\.$/);
      }
    }
  });

  // The rows users meet most: what each control does in each resting phase.
  const table: [Phase, Action, 'run' | 'wait' | 'refuse'][] = [
    ['idle', 'train', 'run'],
    ['idle', 'pause', 'refuse'],
    ['idle', 'step', 'run'],
    ['generating', 'train', 'wait'],
    ['generating', 'step', 'wait'],
    ['generating', 'reset', 'wait'],
    ['generating', 'cancelGenerate', 'run'],
    ['generating', 'pause', 'refuse'],
    ['training', 'pause', 'run'],
    ['training', 'resume', 'refuse'],
    ['training', 'reset', 'run'],
    ['pausing', 'reset', 'wait'],
    ['pausing', 'step', 'wait'],
    ['pausing', 'pause', 'refuse'],
    ['paused', 'resume', 'run'],
    ['paused', 'pause', 'refuse'],
    ['stepping', 'step', 'wait'],
    ['stepping', 'reset', 'wait'],
    ['done', 'resume', 'refuse'],
    ['done', 'train', 'run'],
    ['failed', 'train', 'run'],
    ['failed', 'reset', 'run'],
  ];
  it.each(table)('%s + %s → %s', (phase, action, kind) => {
    expect(decide(phase, action).kind).toBe(kind);
  });

  it('never runs a cancel unless data is being drawn', () => {
    for (const phase of PHASES) {
      expect(decide(phase, 'cancelGenerate').kind === 'run').toBe(phase === 'generating');
    }
  });
});

describe('mergesWith and toggleAction', () => {
  it('merges repeated presses but for Step (each Step is one epoch)', () => {
    expect(mergesWith('pause', 'pause')).toBe(true);
    expect(mergesWith('reset', 'reset')).toBe(true);
    expect(mergesWith('step', 'step')).toBe(false);
    expect(mergesWith('pause', 'reset')).toBe(false);
  });

  it('space trains, pauses a training run and resumes a paused one', () => {
    expect(toggleAction('idle')).toBe('train');
    expect(toggleAction('done')).toBe('train');
    expect(toggleAction('training')).toBe('pause');
    expect(toggleAction('paused')).toBe('resume');
  });
});
