/**
 * What a training run (training-run.ts) needs from its host: a clock, a way to yield to queued
 * messages, a way to wait, and where its snapshots go. The service passes the real ones; tests
 * pass fake clocks and pages.
 */
import type { Snapshot } from './trainer-api.ts';

export interface RunDeps {
  now: () => number;
  yieldToEvents: () => Promise<void>;
  /**
   * Hands a snapshot to the page; the returned promise settles when the page took it. Absent
   * for a run that only steps (its snapshots are the steps' results).
   */
  send?: (s: Snapshot) => Promise<unknown>;
  sliceMs: number;
  /** Resolves after about ms milliseconds (the slow pace's waits; default setTimeout). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Resolves when a pass waiting for other threads (an optimizer's advance() returned 0) has
   * an answer to take; rejects when a thread has died (the run fails). Absent: one thread.
   */
  passesReady?: () => Promise<void>;
}
