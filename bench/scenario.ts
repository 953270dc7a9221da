import type { BenchEnv } from './env.js';

// What the entry point needs from a scenario: each one measures, and reports its own section.

export interface ScenarioResult {
  title: string;
  /** Markdown section body (no top-level heading); every figure in it measured in this run. */
  markdown: string;
  pass: boolean;
  /** One line for the console and the summary table. */
  summary: string;
}

export interface Scenario {
  name: string;
  /**
   * Minutes added to the run's hard deadline when this scenario is chosen (the base deadline
   * covers the shared setup and a scenario of about a minute, like org-read).
   */
  extraMinutes?: number;
  run(env: BenchEnv): Promise<ScenarioResult>;
}

/** Load settings shared by scenarios; BENCH_SECONDS / BENCH_WARMUP_SECONDS shorten a trial run. */
function seconds(name: string, fallback: number): number {
  const v = Number(process.env[name] ?? fallback);
  return Number.isFinite(v) && v >= 1 && v <= 60 ? v : fallback;
}

export const LOAD = {
  warmupSeconds: seconds('BENCH_WARMUP_SECONDS', 3),
  seconds: seconds('BENCH_SECONDS', 10),
  connections: 50,
  pipelining: 1,
  rounds: 2,
};
