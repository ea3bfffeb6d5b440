/**
 * What every bench entry shares: the entry shape, the machine header, timing (wall and CPU) and
 * peak-memory sampling. Entries live beside their code as `*.bench.ts` and export `bench`.
 */
import os from 'node:os';

export type BenchSize = 'small' | 'large';

export interface BenchContext {
  size: BenchSize;
  log(line: string): void;
  memory: MemoryTracker;
}

export interface BenchEntry {
  /** what `--only` matches, e.g. 'coverage' */
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<void> | void;
}

export function machineHeader(): string {
  const cpus = os.cpus();
  return [
    `machine: ${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length} cores (os.availableParallelism ${os.availableParallelism?.() ?? cpus.length}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.platform()} ${os.arch()}`,
    `node: ${process.version} (V8 ${process.versions.v8})`,
    `load average (1/5/15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(' / ')}  — other processes share these cores; CPU time is shown beside wall time`,
  ].join('\n');
}

export interface MemoryTracker {
  peakRss: number;
  peakHeapUsed: number;
  sample(): void;
  reset(): void;
}

export function createMemoryTracker(): MemoryTracker {
  const t: MemoryTracker = {
    peakRss: 0,
    peakHeapUsed: 0,
    sample() {
      const m = process.memoryUsage();
      if (m.rss > t.peakRss) t.peakRss = m.rss;
      if (m.heapUsed > t.peakHeapUsed) t.peakHeapUsed = m.heapUsed;
    },
    reset() {
      t.peakRss = 0;
      t.peakHeapUsed = 0;
      t.sample();
    },
  };
  return t;
}

export interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Runs fn once, measuring wall time and this process's CPU time (user + system). */
export function timed<T>(fn: () => T, memory?: MemoryTracker): { value: T } & Timing {
  memory?.sample();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  memory?.sample();
  return { value, wallMs, cpuMs: (c.user + c.system) / 1000 };
}

export const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const ms = (t: number) => (t >= 1000 ? `${(t / 1000).toFixed(2)} s` : `${t.toFixed(0)} ms`);

/** One result line: label, wall and CPU time, and a target check where one applies. */
export function timingLine(label: string, t: Timing, targetMs?: number): string {
  const target = targetMs === undefined ? '' : `   target ≤ ${ms(targetMs)} ${t.wallMs <= targetMs ? 'MET' : t.cpuMs <= targetMs ? 'met on CPU time (wall inflated by load)' : 'MISSED'}`;
  return `  ${label.padEnd(34)} ${ms(t.wallMs).padStart(9)} wall ${ms(t.cpuMs).padStart(9)} cpu${target}`;
}
