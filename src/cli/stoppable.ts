import type { CliIO } from './io.js';
import type { Progress } from './progress.js';

/**
 * Waits for work running in a worker thread (src/build/stoppable): while it runs, main.ts's signal handler can stop
 * it; once it is over, with a result or an error, the progress bar (if any) is closed.
 */
export async function awaitStoppable<T>(io: CliIO, run: { result: Promise<T>; stop: () => Promise<void> }, progress?: Progress): Promise<T> {
  const unregister = io.onInterrupt?.(() => run.stop());
  try {
    return await run.result;
  } finally {
    unregister?.();
    progress?.stop();
  }
}
