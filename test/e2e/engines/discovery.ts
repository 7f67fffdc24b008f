/**
 * Where the browser binaries the e2e tests drive are found, on any machine: an environment
 * variable per binary names it; otherwise the usual install places are tried in order (Debian and
 * Ubuntu packages, Google Chrome, Playwright's managed browsers on Linux and macOS). When none is
 * there the error lists every path tried and how to install one on Linux and macOS.
 *
 * Pure over a small file-system view (`exists`, `list`), so the unit tests run it over fake ones;
 * `thisMachine()` is the real one.
 */
import { accessSync, constants, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';

/** The binaries the suites need: a browser per engine, and WebKit's WebDriver server + browser. */
export type BinaryKind = 'chromium' | 'firefox' | 'webkit-driver' | 'webkit-browser' | 'xvfb';

/** What discovery may ask of the machine. */
export interface FileSystemView {
  /** Whether an executable file is at this absolute path. */
  exists(path: string): boolean;
  /** The names in a directory ([] when it is missing or unreadable). */
  list(dir: string): string[];
}

export interface Machine {
  platform: NodeJS.Platform;
  home: string;
  env: Readonly<Record<string, string | undefined>>;
  fs: FileSystemView;
}

/** The environment variable that names each binary. */
export const ENV_VAR: Readonly<Record<BinaryKind, string>> = {
  chromium: 'HINGE_CHROMIUM',
  firefox: 'HINGE_FIREFOX',
  'webkit-driver': 'HINGE_WEBKIT_DRIVER',
  'webkit-browser': 'HINGE_WEBKIT_BROWSER',
  xvfb: 'HINGE_XVFB',
};

const NAMES: Readonly<Record<BinaryKind, string>> = {
  chromium: 'Chromium or Google Chrome',
  firefox: 'Firefox (115 or newer, for WebDriver BiDi)',
  'webkit-driver': "WebKit's WebDriver server (WebKitWebDriver, or Safari's safaridriver)",
  'webkit-browser': "WebKitGTK's MiniBrowser (driven by WebKitWebDriver)",
  xvfb: 'Xvfb (a virtual X display for WebKitGTK when there is no $DISPLAY)',
};

const INSTALL: Readonly<Record<BinaryKind, string>> = {
  chromium:
    'Linux: `apt-get install -y chromium` (Debian), or Google Chrome, or ' +
    '`npx playwright install chromium`; macOS: install Google Chrome, or ' +
    '`brew install --cask chromium`, or `npx playwright install chromium`.',
  firefox:
    'Linux: `apt-get install -y firefox-esr` (Debian) or `apt-get install -y firefox` (Ubuntu); ' +
    'macOS: `brew install --cask firefox`.',
  'webkit-driver':
    'Linux: `apt-get install -y webkit2gtk-driver xvfb` (Debian, Ubuntu); macOS: safaridriver ' +
    'ships with Safari at /usr/bin/safaridriver (enable it once with `safaridriver --enable`).',
  'webkit-browser':
    'Linux: `apt-get install -y webkit2gtk-driver` brings libwebkit2gtk-4.1-0 and its MiniBrowser.',
  xvfb: 'Linux: `apt-get install -y xvfb`, or run the tests under an X display ($DISPLAY).',
};

/** Directories under `dir` whose names start with `prefix`, newest (highest-sorting) first. */
function dirsStartingWith(fs: FileSystemView, dir: string, prefix: string): string[] {
  return fs
    .list(dir)
    .filter((name) => name.startsWith(prefix))
    .sort()
    .reverse()
    .map((name) => `${dir}/${name}`);
}

/** `<dir>/<a>*` expanded, then each joined with `rest` (a path below it). */
function under(fs: FileSystemView, dir: string, prefix: string, rest: string): string[] {
  return dirsStartingWith(fs, dir, prefix).map((d) => `${d}/${rest}`);
}

/** The places tried for a binary on this machine, in order (the environment variable aside). */
export function candidates(kind: BinaryKind, m: Machine): string[] {
  const { fs, home } = m;
  const mac = m.platform === 'darwin';
  const pwCache = mac ? `${home}/Library/Caches/ms-playwright` : `${home}/.cache/ms-playwright`;
  switch (kind) {
    case 'chromium':
      if (mac) {
        return [
          '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
          '/Applications/Chromium.app/Contents/MacOS/Chromium',
          ...['chrome-mac-arm64', 'chrome-mac-x64'].flatMap((sub) =>
            under(
              fs,
              pwCache,
              'chromium-',
              `${sub}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
            ),
          ),
          ...under(fs, pwCache, 'chromium-', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium'),
        ];
      }
      return [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/snap/bin/chromium',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/opt/google/chrome/chrome',
        ...under(fs, pwCache, 'chromium-', 'chrome-linux64/chrome'),
        ...under(fs, pwCache, 'chromium-', 'chrome-linux/chrome'),
      ];
    case 'firefox':
      // Playwright's own Firefox is a patched build without WebDriver BiDi: not a candidate.
      if (mac) return ['/Applications/Firefox.app/Contents/MacOS/firefox'];
      return [
        '/usr/bin/firefox-esr',
        '/usr/bin/firefox',
        '/snap/bin/firefox',
        '/usr/lib/firefox-esr/firefox-esr',
        '/usr/lib/firefox/firefox',
      ];
    case 'webkit-driver':
      if (mac) return ['/usr/bin/safaridriver'];
      return [
        '/usr/bin/WebKitWebDriver',
        ...webkitLibDirs(fs).map((d) => `${d}/WebKitWebDriver`),
        ...under(fs, '/usr/libexec', 'webkit2gtk-4.', 'WebKitWebDriver'),
      ];
    case 'webkit-browser':
      if (mac) return [];
      return [
        ...webkitLibDirs(fs).map((d) => `${d}/MiniBrowser`),
        ...under(fs, '/usr/libexec', 'webkit2gtk-4.', 'MiniBrowser'),
        '/usr/bin/MiniBrowser',
      ];
    case 'xvfb':
      return mac ? [] : ['/usr/bin/Xvfb', '/usr/local/bin/Xvfb'];
  }
}

/** /usr/lib/<multiarch>/webkit2gtk-4.* and /usr/lib/webkit2gtk-4.*, newest API first. */
function webkitLibDirs(fs: FileSystemView): string[] {
  const archDirs = fs
    .list('/usr/lib')
    .filter((name) => name.includes('-linux-'))
    .map((name) => `/usr/lib/${name}`);
  return [...archDirs, '/usr/lib'].flatMap((d) => dirsStartingWith(fs, d, 'webkit2gtk-4.'));
}

/** A binary the tests need is missing; the message says what was tried and how to install it. */
export class BrowserNotFoundError extends Error {
  constructor(
    readonly kind: BinaryKind,
    readonly tried: readonly string[],
    detail: string,
  ) {
    super(detail);
    this.name = 'BrowserNotFoundError';
  }
}

/**
 * The path of `kind` on this machine: the environment variable's value if it is set (an error if
 * nothing is there, never a silent fall-back), else the first candidate that exists.
 */
export function findBinary(kind: BinaryKind, m: Machine): string {
  const variable = ENV_VAR[kind];
  const named = m.env[variable];
  const how = `Install one: ${INSTALL[kind]}`;
  if (named !== undefined && named !== '') {
    if (m.fs.exists(named)) return named;
    throw new BrowserNotFoundError(
      kind,
      [named],
      `${variable}=${named} names no executable file. Point ${variable} at ${NAMES[kind]}, ` +
        `or unset it to search the usual places. ${how}`,
    );
  }
  const tried = candidates(kind, m);
  const found = tried.find((p) => m.fs.exists(p));
  if (found !== undefined) return found;
  const list = tried.length > 0 ? tried.map((p) => `\n  ${p}`).join('') : ' (none on this OS)';
  throw new BrowserNotFoundError(
    kind,
    tried,
    `The e2e tests need ${NAMES[kind]}, and found none. Tried ${variable} (unset), then:${list}\n` +
      `${how}\nOr set ${variable} to its path.`,
  );
}

/** This machine, as discovery sees it: executable regular files, directory listings. */
export function thisMachine(): Machine {
  return {
    platform: process.platform,
    home: homedir(),
    env: process.env,
    fs: {
      exists(path) {
        try {
          accessSync(path, constants.X_OK);
          return statSync(path).isFile();
        } catch {
          return false;
        }
      },
      list(dir) {
        try {
          return readdirSync(dir);
        } catch {
          return [];
        }
      },
    },
  };
}

/** `findBinary` on this machine. */
export function findOnThisMachine(kind: BinaryKind): string {
  return findBinary(kind, thisMachine());
}
