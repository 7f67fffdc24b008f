/**
 * The page's colour theme: 'system' follows the browser's prefers-color-scheme (the stylesheet's
 * media query does that, so nothing here watches it), 'light' and 'dark' override it. The choice
 * is written to the root element's data-theme attribute (absent for 'system') and kept in
 * localStorage, so a reload keeps it; storage that fails or holds junk falls back to 'system'.
 */

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

/** The localStorage key of the saved choice. */
export const THEME_KEY = 'hinge-lab:theme';

/** What the controller needs of the page: the root element and a storage (both injectable). */
export interface ThemeHost {
  root: { setAttribute(name: string, value: string): void; removeAttribute(name: string): void };
  storage: Pick<Storage, 'getItem' | 'setItem'> | null;
}

export function isTheme(value: unknown): value is Theme {
  return typeof value === 'string' && (THEMES as readonly string[]).includes(value);
}

export class ThemeState {
  #theme: Theme = $state('system');
  readonly #host: ThemeHost;

  constructor(host: ThemeHost) {
    this.#host = host;
    let saved: string | null = null;
    try {
      saved = host.storage?.getItem(THEME_KEY) ?? null;
    } catch {
      // Storage can throw (privacy modes, sandboxed frames): the system theme then.
    }
    this.#apply(isTheme(saved) ? saved : 'system');
  }

  get theme(): Theme {
    return this.#theme;
  }

  set theme(value: Theme) {
    if (!isTheme(value))
      throw new Error(`theme must be one of ${THEMES.join(', ')}, not ${String(value)}`);
    this.#apply(value);
    try {
      this.#host.storage?.setItem(THEME_KEY, value);
    } catch {
      // Not kept across reloads, but applied now.
    }
  }

  #apply(value: Theme) {
    this.#theme = value;
    if (value === 'system') this.#host.root.removeAttribute('data-theme');
    else this.#host.root.setAttribute('data-theme', value);
  }
}
