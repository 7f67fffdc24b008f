/**
 * The rule for a run's label, the name the user gives a run in the Compare panel: shared by the
 * run record's validation, pinning and renaming, so all of them say the same thing.
 */

export const MAX_LABEL_LENGTH = 80;

export type LabelCheck = { ok: true; label: string } | { ok: false; error: string };

/**
 * Bidirectional controls: embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and
 * the marks (U+200E, U+200F, U+061C). An override makes `run \u202Egnp.exe\u202C ok` show as
 * "run exe.png ok"; a label has no use for them, so they are removed.
 */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/**
 * The label as typed, bidi controls removed, trimmed; valid when it is 1 to MAX_LABEL_LENGTH
 * characters (code points, so an emoji counts once) without control characters (a label is
 * shown on one line).
 */
export function checkLabel(raw: unknown): LabelCheck {
  if (typeof raw !== 'string') {
    return { ok: false, error: `label must be text, got ${raw === null ? 'null' : typeof raw}` };
  }
  const label = raw.replace(BIDI, '').trim();
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
