import { createRequire } from 'node:module';
import type { CliIO } from './io.js';

// Loaded when a bar is drawn, not at start-up: most runs (a pipe, CI, --quiet) draw none, and every command paid
// for its 17 modules. It is a CommonJS package, so `require` loads it synchronously, where the bar starts.
const requireFromHere = createRequire(import.meta.url);

/** A progress bar on stderr, only when it is a terminal and the user did not ask for quiet. */
export interface Progress {
  update: (done: number, total: number) => void;
  stop: () => void;
}

export function startProgress(io: CliIO, label: string, quiet: boolean): Progress {
  if (!io.isTTY || quiet || !io.progressStream) return { update: () => {}, stop: () => {} };
  const cliProgress = requireFromHere('cli-progress') as typeof import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} MB`, stream: io.progressStream, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update: (done, total) => {
      const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
      if (!started) {
        bar.start(mb(total), 0);
        started = true;
      }
      bar.update(mb(done));
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
