/**
 * The page's keyboard shortcuts: space trains or pauses, s steps, r resets. None fires while the
 * user types in a field or holds a modifier; space is left to a focused button or link, which it
 * activates itself.
 */

export type Shortcut = 'toggle' | 'step' | 'reset';

/** What a keydown asks for, or null when it is not a shortcut here. */
export function shortcutFor(e: {
  key: string;
  target: EventTarget | null;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): Shortcut | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = targetTag(e.target);
  if (tag === 'input' || tag === 'textarea' || tag === 'select' || isEditable(e.target)) {
    return null;
  }
  if (e.key === ' ') return tag === 'button' || tag === 'a' || tag === 'summary' ? null : 'toggle';
  if (e.key === 's' || e.key === 'S') return 'step';
  if (e.key === 'r' || e.key === 'R') return 'reset';
  return null;
}

function targetTag(t: EventTarget | null): string {
  const tag = (t as { tagName?: unknown } | null)?.tagName;
  return typeof tag === 'string' ? tag.toLowerCase() : '';
}

function isEditable(t: EventTarget | null): boolean {
  return (t as { isContentEditable?: unknown } | null)?.isContentEditable === true;
}
