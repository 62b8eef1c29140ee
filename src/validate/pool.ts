/**
 * Runs the per-file checks over a stream of files, in this thread or in worker threads, keeping the
 * order in which files were found. Each worker compiles the schemas once (a compiled libxml2 schema lives
 * in one WebAssembly instance and cannot be shared between threads).
 */
import { Worker } from 'node:worker_threads';
import { ValidateError } from '../diagnostics/diagnostic.js';
import { checkFile, prepare, type CheckConfig, type FileOutcome } from './check-file.js';
import { ValidateCodes } from './codes.js';
import type { WorkReply } from './worker.js';

/** Checks files one after another in this thread. */
export async function checkInProcess(files: AsyncIterable<string>, config: CheckConfig): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  let ready = false;
  for await (const f of files) {
    // Compile on the first file only: a run over no files (or only unreadable ones) compiles nothing.
    if (!ready) {
      await prepare(config);
      ready = true;
    }
    out.push(checkFile(f, config));
  }
  return out;
}

/** Checks files across `jobs` worker threads; rejects with a ValidateError if a worker cannot go on. */
export async function checkInWorkers(files: AsyncIterable<string>, config: CheckConfig, jobs: number): Promise<FileOutcome[]> {
  const results: FileOutcome[] = [];
  // Options meant for the main script (--input-type, --eval) break a worker's module loading: not inherited.
  const execArgv = process.execArgv.filter((a) => !/^--(input-type|eval|print)\b|^-[ep]$/.test(a));
  const workers = Array.from({ length: jobs }, () => new Worker(new URL('./worker.js', import.meta.url), { workerData: config, execArgv }));
  const iterator = files[Symbol.asyncIterator]();
  let seq = 0;
  let exhausted = false;
  let failure: ValidateError | undefined;
  // Two files in flight per worker hide the message round trip without hoarding work.
  const IN_FLIGHT = 2;
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let busy = 0;
      let pulling = false;
      let again = false;
      const inFlight = new Map<Worker, number>();
      const finish = (): void => {
        if (exhausted && busy === 0) resolveAll();
      };
      const feed = async (): Promise<void> => {
        if (pulling) {
          // A reply arrived while we awaited the file stream: go round once more when done.
          again = true;
          return;
        }
        pulling = true;
        again = false;
        try {
          for (const w of workers) {
            while (!exhausted && !failure && (inFlight.get(w) ?? 0) < IN_FLIGHT) {
              const next = await iterator.next();
              if (next.done) {
                exhausted = true;
                break;
              }
              inFlight.set(w, (inFlight.get(w) ?? 0) + 1);
              busy++;
              w.postMessage({ seq: seq++, file: next.value });
            }
          }
        } catch (e) {
          rejectAll(e);
        } finally {
          pulling = false;
        }
        if (again) return feed();
        finish();
      };
      for (const w of workers) {
        w.on('message', (reply: WorkReply) => {
          if ('error' in reply) {
            failure ??= new ValidateError(reply.error.code, reply.error.message, { exitCode: reply.error.exitCode });
            rejectAll(failure);
            return;
          }
          results[reply.seq] = reply.outcome;
          inFlight.set(w, (inFlight.get(w) ?? 1) - 1);
          busy--;
          void feed();
        });
        w.on('error', (e) => {
          failure ??= new ValidateError(ValidateCodes.engineFailed, `validation worker failed: ${e.message}`, { cause: e });
          rejectAll(failure);
        });
      }
      void feed();
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.filter(Boolean);
}
