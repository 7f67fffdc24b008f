/**
 * The rule for a run's label, the name the user gives a run in the Compare panel: shared by the
 * run record's validation, pinning and renaming, so all of them say the same thing.
 */

export const MAX_LABEL_LENGTH = 80;

export type LabelCheck = { ok: true; label: string } | { ok: false; error: string };

/**
 * The label as typed, trimmed; valid when it is 1 to MAX_LABEL_LENGTH characters (code points,
 * so an emoji counts once) without control characters (a label is shown on one line).
 */
export function checkLabel(raw: unknown): LabelCheck {
  if (typeof raw !== 'string') {
    return { ok: false, error: `label must be text, got ${raw === null ? 'null' : typeof raw}` };
  }
  const label = raw.trim();
  const length = [...label].length;
  if (length < 1 || length > MAX_LABEL_LENGTH) {
    const got = length === 0 ? 'nothing after trimming spaces' : `${length} characters`;
    return { ok: false, error: `label must be 1 to ${MAX_LABEL_LENGTH} characters, got ${got}` };
  }
  if (/\p{Cc}/u.test(label)) {
    return { ok: false, error: 'label must not contain control characters (line breaks, tabs)' };
  }
  return { ok: true, label };
}
