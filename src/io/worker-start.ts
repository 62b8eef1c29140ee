/**
 * How Chancery's worker threads start: with this process's Node flags where a worker can take them, and a heap
 * limit of their own equal to this thread's (a `--max-old-space-size` given to the CLI holds in its workers), so
 * that a worker out of memory ends alone (ERR_WORKER_OUT_OF_MEMORY) instead of taking the process, and every other
 * file's results, with it.
 */
import { getHeapStatistics } from 'node:v8';
import type { Worker, WorkerOptions } from 'node:worker_threads';
import { workerThreads } from './builtins.js';

/** What a worker may hold beyond the heap limit it shares with this thread. */
export interface WorkerLimits {
  /**
   * Its young generation (both semi-spaces and the space of new large objects: three times a semi-space), in MB.
   * V8's default on a machine with memory to spare is 48 MB (16 MB semi-spaces), committed once the thread has
   * allocated that much, whatever it keeps.
   */
  youngGenerationMb?: number;
}

/**
 * A new Worker running `url`. Options meant for the main script (`--input-type`, `--eval`) would break its module
 * loading and are not passed on. V8's own options (`--max-old-space-size`, `--expose-gc`, `--stack-size`) hold for
 * every thread already, and Node refuses them in a worker's flags (ERR_WORKER_INVALID_EXEC_ARGV): when it does,
 * the worker starts without flags, its heap limit still this thread's.
 */
export function startWorker(url: URL, options: Omit<WorkerOptions, 'execArgv' | 'resourceLimits'> = {}, limits: WorkerLimits = {}): Worker {
  const resourceLimits = {
    maxOldGenerationSizeMb: oldGenerationMb(),
    ...(limits.youngGenerationMb !== undefined ? { maxYoungGenerationSizeMb: limits.youngGenerationMb } : {}),
  };
  const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
  try {
    return new (workerThreads().Worker)(url, { ...options, execArgv, resourceLimits });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw e;
    return new (workerThreads().Worker)(url, { ...options, execArgv: [], resourceLimits });
  }
}

/**
 * This thread's old generation in MB: `--max-old-space-size` where the process was given it (on its command line or
 * in NODE_OPTIONS), else V8's limit. V8's `heap_size_limit` adds the young generation (48 MB): passed on as the
 * worker's old generation, a CLI run with `--max-old-space-size=24` gave its worker 72 MB.
 */
function oldGenerationMb(): number {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  let given: number | undefined;
  for (let i = 0; i < flags.length; i++) {
    const m = /^--max[-_]old[-_]space[-_]size(?:=(\d+))?$/.exec(flags[i]!);
    if (m) given = Number(m[1] ?? flags[i + 1]);
  }
  return given !== undefined && Number.isFinite(given) && given > 0 ? given : Math.floor(getHeapStatistics().heap_size_limit / 1048576);
}
