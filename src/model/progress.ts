/** Progress of a long job, reported a few times a second. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}
export type ProgressFn = (p: Progress) => void;

/** Wraps a progress callback so it fires at most every `ms` milliseconds (and always at the end). */
export function throttleProgress(fn: ProgressFn | undefined, ms = 150): ProgressFn {
  if (!fn) return () => {};
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last >= ms || p.done >= p.total) {
      last = now;
      fn(p);
    }
  };
}
