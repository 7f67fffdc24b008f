/**
 * Browser discovery for the e2e suites over fake file systems: the environment variable wins and
 * is never silently ignored, the usual places are tried in order (Debian, Google Chrome,
 * Playwright's managed browsers, WebKitGTK's multiarch folders), and a miss names every path tried
 * and how to install one on Linux and macOS.
 */
import { describe, expect, it } from 'vitest';
import {
  BrowserNotFoundError,
  candidates,
  findBinary,
  thisMachine,
  type BinaryKind,
  type Machine,
} from '../e2e/engines/discovery.ts';

/** A machine whose only executables are `files` (directories are inferred from their paths). */
function fake(
  files: string[],
  opts: { platform?: NodeJS.Platform; env?: Record<string, string> } = {},
): Machine {
  const set = new Set(files);
  return {
    platform: opts.platform ?? 'linux',
    home: '/home/ada',
    env: opts.env ?? {},
    fs: {
      exists: (p) => set.has(p),
      list(dir) {
        const names = new Set<string>();
        for (const f of files) {
          if (f.startsWith(`${dir}/`)) names.add(f.slice(dir.length + 1).split('/')[0]!);
        }
        return [...names];
      },
    },
  };
}

function miss(kind: BinaryKind, m: Machine): BrowserNotFoundError {
  try {
    findBinary(kind, m);
  } catch (e) {
    if (e instanceof BrowserNotFoundError) return e;
    throw e;
  }
  throw new Error(`expected no ${kind}`);
}

describe('findBinary', () => {
  it.each([
    ['chromium', '/usr/bin/chromium'],
    ['chromium', '/usr/bin/chromium-browser'],
    ['chromium', '/usr/bin/google-chrome-stable'],
    ['chromium', '/opt/google/chrome/chrome'],
    ['firefox', '/usr/bin/firefox-esr'],
    ['firefox', '/usr/bin/firefox'],
    ['webkit-driver', '/usr/bin/WebKitWebDriver'],
    ['webkit-browser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser'],
    ['webkit-browser', '/usr/libexec/webkit2gtk-4.1/MiniBrowser'],
    ['xvfb', '/usr/bin/Xvfb'],
  ] as [BinaryKind, string][])('finds %s at %s on Linux', (kind, path) => {
    expect(findBinary(kind, fake([path, '/usr/bin/unrelated']))).toBe(path);
  });

  it('prefers the Debian package over Google Chrome and Playwright', () => {
    const m = fake([
      '/home/ada/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome',
      '/usr/bin/google-chrome',
      '/usr/bin/chromium',
    ]);
    expect(findBinary('chromium', m)).toBe('/usr/bin/chromium');
  });

  it("finds Playwright's newest managed Chromium on Linux and macOS", () => {
    const linux = fake([
      '/home/ada/.cache/ms-playwright/chromium-1100/chrome-linux/chrome',
      '/home/ada/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome',
      '/home/ada/.cache/ms-playwright/firefox-1500/firefox/firefox',
    ]);
    expect(findBinary('chromium', linux)).toBe(
      '/home/ada/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome',
    );
    const cft =
      'chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    const mac = fake(
      [
        `/home/ada/Library/Caches/ms-playwright/chromium-1190/${cft}`,
        `/home/ada/Library/Caches/ms-playwright/chromium-1200/${cft}`,
      ],
      { platform: 'darwin' },
    );
    expect(findBinary('chromium', mac)).toBe(
      `/home/ada/Library/Caches/ms-playwright/chromium-1200/${cft}`,
    );
  });

  it('finds Google Chrome, Firefox and safaridriver on macOS', () => {
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const firefox = '/Applications/Firefox.app/Contents/MacOS/firefox';
    const m = fake([chrome, firefox, '/usr/bin/safaridriver', '/usr/bin/chromium'], {
      platform: 'darwin',
    });
    expect(findBinary('chromium', m)).toBe(chrome);
    expect(findBinary('firefox', m)).toBe(firefox);
    expect(findBinary('webkit-driver', m)).toBe('/usr/bin/safaridriver');
  });

  it("never takes Playwright's patched Firefox (it has no WebDriver BiDi)", () => {
    const e = miss(
      'firefox',
      fake(['/home/ada/.cache/ms-playwright/firefox-1500/firefox/firefox']),
    );
    expect(e.tried.some((p) => p.includes('ms-playwright'))).toBe(false);
  });

  it('takes the path in the environment variable before any usual place', () => {
    const m = fake(['/usr/bin/chromium', '/opt/my/chrome'], {
      env: { HINGE_CHROMIUM: '/opt/my/chrome' },
    });
    expect(findBinary('chromium', m)).toBe('/opt/my/chrome');
    const f = fake(['/usr/bin/firefox-esr', '/opt/ff/firefox'], {
      env: { HINGE_FIREFOX: '/opt/ff/firefox' },
    });
    expect(findBinary('firefox', f)).toBe('/opt/ff/firefox');
  });

  it('fails on an environment variable that names nothing, instead of searching elsewhere', () => {
    const m = fake(['/usr/bin/WebKitWebDriver'], { env: { HINGE_WEBKIT_DRIVER: '/nope/driver' } });
    const e = miss('webkit-driver', m);
    expect(e.tried).toEqual(['/nope/driver']);
    expect(e.message).toContain('HINGE_WEBKIT_DRIVER=/nope/driver names no executable file');
    expect(e.message).toContain('apt-get install -y webkit2gtk-driver');
  });

  it('lists every path it tried and how to install one on Linux and macOS', () => {
    const m = fake(['/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitWebProcess']);
    const e = miss('chromium', m);
    expect(e.tried).toEqual(candidates('chromium', m));
    for (const p of e.tried) expect(e.message).toContain(`\n  ${p}`);
    expect(e.message).toContain('HINGE_CHROMIUM');
    expect(e.message).toContain('apt-get install -y chromium');
    expect(e.message).toContain('macOS:');

    const wk = miss('webkit-driver', m);
    expect(wk.tried).toContain('/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/WebKitWebDriver');
    expect(wk.message).toContain('apt-get install -y webkit2gtk-driver xvfb');
    expect(wk.message).toContain('safaridriver');
    expect(miss('firefox', m).message).toContain('apt-get install -y firefox-esr');
    expect(miss('xvfb', m).message).toContain('apt-get install -y xvfb');
  });

  it('sees this machine through the real file system', () => {
    const m = thisMachine();
    expect(m.fs.exists(process.execPath)).toBe(true);
    expect(m.fs.exists('/')).toBe(false); // a directory is not an executable file
    expect(m.fs.list('/no/such/dir')).toEqual([]);
  });
});
