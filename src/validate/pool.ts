/**
 * Runs the per-file checks over a stream of files, in this thread or in worker threads, keeping the order in
 * which files were found. Each worker compiles the schemas once (a compiled libxml2 schema lives in one
 * WebAssembly instance and cannot be shared between threads).
 *
 * No finding is lost to a worker: a worker that dies on a file (out of memory, a crash) gives that file one
 * finding saying so, a fresh worker takes its place and the files it still held are checked again. Workers are
 * started only as files arrive, never more than the cores or the files.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { diagnostic, ValidateError } from '../diagnostics/diagnostic.js';
import type { EditionFile } from '../edition/files.js';
import { breathe } from '../io/breathe.js';
import { startWorker } from '../io/worker-start.js';
import { checkFile, needsSchematron, prepare, type CheckConfig, type FileOutcome } from './check-file.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { noFacts } from './facts.js';
import type { WorkReply } from './worker.js';

/** The outcome of a path the walk refused (a device, a link out of the edition): its one finding. */
function refused(f: EditionFile): FileOutcome | undefined {
  return f.problem ? { file: f.path, diagnostics: [f.problem], facts: noFacts(), unread: f.problem.message } : undefined;
}

/** Checks files one after another in this thread. */
export async function checkInProcess(files: AsyncIterable<EditionFile>, config: CheckConfig): Promise<FileOutcome[]> {
  const out: FileOutcome[] = [];
  let ready = false;
  for await (const f of files) {
    const early = refused(f);
    if (early) {
      out.push(early);
      continue;
    }
    // Compile on the first file only: a run over no files (or only unreadable ones) compiles nothing; the
    // Schematron on the first file small enough for it (a run over one 50 MB file never loads fontoxpath).
    if (!ready) {
      await prepare(config, { schematron: false });
      ready = true;
    }
    if (needsSchematron(f.path, config)) await prepare(config);
    out.push(checkFile(f.path, config));
    if (out.length % 16 === 0) await breathe();
  }
  return out;
}

/** How many workers `jobs` gives on this machine: at least one, at most the cores. */
export function workerCount(jobs: number): number {
  return Math.max(1, Math.min(jobs, availableParallelism()));
}

interface Slot {
  worker: Worker;
  /** Files sent and not answered, in the order sent (a worker checks them in that order). */
  pending: { seq: number; file: string }[];
}

/** Checks files across up to `jobs` worker threads; rejects with a ValidateError only for an unusable schema. */
export async function checkInWorkers(files: AsyncIterable<EditionFile>, config: CheckConfig, jobs: number): Promise<FileOutcome[]> {
  const results: FileOutcome[] = [];
  const limit = workerCount(jobs);
  const slots: Slot[] = [];
  const iterator = files[Symbol.asyncIterator]();
  const retry: { seq: number; file: string }[] = [];
  let seq = 0;
  let exhausted = false;
  let failure: unknown;
  // Two files in flight per worker hide the message round trip without hoarding work.
  const IN_FLIGHT = 2;
  try {
    await new Promise<void>((resolveAll, rejectAll) => {
      let pulling = false;
      let again = false;
      const busy = (): number => slots.reduce((n, s) => n + s.pending.length, 0);
      const finish = (): void => {
        if (exhausted && retry.length === 0 && busy() === 0) resolveAll();
      };
      const fail = (e: unknown): void => {
        failure ??= e;
        rejectAll(failure);
      };
      const start = (): Slot => {
        // This process's Node flags and heap limit (a worker out of memory then ends alone, with ERR_WORKER_OUT_OF_MEMORY,
        // instead of taking the process and every other file's findings with it).
        const slot: Slot = { worker: startWorker(new URL('./worker.js', import.meta.url), { workerData: config }), pending: [] };
        slot.worker.on('message', (reply: WorkReply) => {
          if ('error' in reply) {
            fail(new ValidateError(reply.error.code, reply.error.message, { exitCode: reply.error.exitCode }));
            return;
          }
          results[reply.seq] = reply.outcome;
          slot.pending = slot.pending.filter((p) => p.seq !== reply.seq);
          void feed();
        });
        const lost = (why: string): void => {
          if (failure) return;
          // The first file still pending is the one the worker was checking: it gets the finding, the others go again.
          const [culprit, ...others] = slot.pending;
          slot.pending = [];
          if (culprit) {
            results[culprit.seq] = {
              file: culprit.file,
              diagnostics: [diagnostic(ValidateCodes.checkAborted, { reason: why }, { file: culprit.file, line: 1, column: 1 })],
              facts: noFacts(),
            };
          }
          retry.unshift(...others);
          slots.splice(slots.indexOf(slot), 1);
          void feed();
        };
        slot.worker.on('error', (e) => lost(/heap|memory/i.test(e.message) ? `the validation ran out of memory (${e.message.split('\n')[0]})` : `the validation worker failed (${e.message.split('\n')[0]})`));
        slot.worker.on('exit', (code) => {
          if (slots.includes(slot) && slot.pending.length > 0) lost(`the validation worker stopped (exit code ${code})`);
        });
        slots.push(slot);
        return slot;
      };
      const next = async (): Promise<{ seq: number; file: string } | undefined> => {
        const again = retry.shift();
        if (again) return again;
        while (!exhausted) {
          const n = await iterator.next();
          if (n.done) {
            exhausted = true;
            return undefined;
          }
          const early = refused(n.value);
          const s = seq++;
          if (early) results[s] = early;
          else return { seq: s, file: n.value.path };
        }
        return undefined;
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
          for (;;) {
            if (failure) return;
            // A worker with room, or a new one while there are fewer than the limit.
            let slot = slots.find((s) => s.pending.length < IN_FLIGHT);
            if (!slot && slots.length >= limit) break;
            const work = await next();
            if (!work) break;
            slot = slots.find((s) => s.pending.length < IN_FLIGHT) ?? (slots.length < limit ? start() : undefined);
            if (!slot) {
              retry.unshift(work);
              break;
            }
            slot.pending.push(work);
            slot.worker.postMessage(work);
          }
        } catch (e) {
          fail(e);
        } finally {
          pulling = false;
        }
        if (again) return feed();
        finish();
      };
      void feed();
    });
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  return results.filter(Boolean);
}
