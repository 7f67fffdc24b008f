/**
 * One colour per run in the Compare panel, from the Okabe–Ito palette (safe for the common forms
 * of colour blindness; its yellow is left out, too light on white). Past seven runs the colours
 * repeat with a dash pattern, so every run still draws differently.
 */

export const RUN_COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  // Okabe–Ito's black as the text colour, so that it stays visible in the dark theme too.
  'currentColor',
] as const;

const DASHES = ['', '7 4', '2 3'] as const;

export interface RunStyle {
  colour: string;
  /** An SVG stroke-dasharray ('' for a solid line). */
  dash: string;
}

/** The style of slot k (0, 1, …): colours first, then the same colours dashed. */
export function runStyle(k: number): RunStyle {
  const n = RUN_COLOURS.length;
  return { colour: RUN_COLOURS[k % n]!, dash: DASHES[Math.floor(k / n) % DASHES.length]! };
}

/**
 * Slots that stay with their key: a key keeps its slot while it is present, and a new key takes
 * the lowest free slot, so a run's colour does not change when others come and go.
 */
export class StyleBook {
  private readonly slots = new Map<string, number>();

  /** The slot of each key (in order), after freeing the slots of keys no longer present. */
  assign(keys: readonly string[]): number[] {
    const present = new Set(keys);
    for (const key of [...this.slots.keys()]) if (!present.has(key)) this.slots.delete(key);
    const used = new Set(this.slots.values());
    let free = 0;
    return keys.map((key) => {
      let slot = this.slots.get(key);
      if (slot === undefined) {
        while (used.has(free)) free++;
        slot = free;
        this.slots.set(key, slot);
        used.add(slot);
      }
      return slot;
    });
  }
}

/**
 * Style keys for rows by run id: the id itself, and for a second row with the same id (a run's
 * live state and an older saved copy) 'id#1', and so on, so each row draws differently.
 */
export function styleKeys(ids: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return ids.map((id) => {
    const k = seen.get(id) ?? 0;
    seen.set(id, k + 1);
    return k === 0 ? id : `${id}#${k}`;
  });
}
