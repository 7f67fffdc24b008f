import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../src/ui/keyboard.ts';

const key = (k: string, tagName = 'BODY', extra: Record<string, unknown> = {}) => ({
  key: k,
  target: { tagName, ...extra } as unknown as EventTarget,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
});

describe('shortcutFor', () => {
  it('maps space, s and r', () => {
    expect(shortcutFor(key(' '))).toBe('toggle');
    expect(shortcutFor(key('s'))).toBe('step');
    expect(shortcutFor(key('R'))).toBe('reset');
    expect(shortcutFor(key('x'))).toBeNull();
  });

  it('stays out of the way while typing', () => {
    for (const tag of ['INPUT', 'TEXTAREA', 'SELECT'])
      expect(shortcutFor(key('s', tag))).toBeNull();
    expect(shortcutFor(key('r', 'DIV', { isContentEditable: true }))).toBeNull();
    expect(shortcutFor({ ...key('s'), ctrlKey: true })).toBeNull();
  });

  it('leaves space to a focused button but still steps from one', () => {
    expect(shortcutFor(key(' ', 'BUTTON'))).toBeNull();
    expect(shortcutFor(key('s', 'BUTTON'))).toBe('step');
  });
});
