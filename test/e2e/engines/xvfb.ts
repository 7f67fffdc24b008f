/**
 * An X display for WebKitGTK, which has no headless mode: the one in $DISPLAY when there is one,
 * else a private Xvfb started here on a free display number (Xvfb picks it and writes it to the
 * file descriptor given with -displayfd), stopped by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { findOnThisMachine } from './discovery.ts';

export interface XDisplay {
  /** The value for $DISPLAY, e.g. ':99'. */
  display: string;
  stop(): Promise<void>;
}

export async function xDisplay(): Promise<XDisplay> {
  const existing = process.env.DISPLAY;
  if (existing) return { display: existing, stop: async () => {} };
  const xvfb = findOnThisMachine('xvfb');
  const child = spawn(
    xvfb,
    ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
    {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      reject(new Error(`Xvfb exited (code ${code}) before it started: ${err}`)),
    );
  });
  return { display: `:${number}`, stop: () => stopChild(child) };
}

/** Ends a child process we started and waits for it (SIGKILL after 5 s). */
export function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
