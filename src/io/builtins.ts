/**
 * Node's built-in modules that only some runs need, loaded on first use instead of with the module that names
 * them: node:child_process (git, for `validate --changed`) and node:worker_threads (helper threads, which a RELAX
 * NG validation on two cores never starts) cost every other run their loading at start-up (docs/decisions.md,
 * "Validation start-up").
 */
import { createRequire } from 'node:module';

const requireBuiltin = createRequire(import.meta.url);

export function childProcess(): typeof import('node:child_process') {
  return requireBuiltin('node:child_process') as typeof import('node:child_process');
}

export function workerThreads(): typeof import('node:worker_threads') {
  return requireBuiltin('node:worker_threads') as typeof import('node:worker_threads');
}
