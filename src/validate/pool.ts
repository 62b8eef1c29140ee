/**
 * Runs the per-file checks over a stream of files, in this thread alone or in this thread and helper worker
 * threads side by side, keeping the order in which files were found. Each helper compiles the schemas once (a
 * compiled libxml2 schema lives in one WebAssembly instance and cannot be shared between threads).
 *
 * Side by side, every thread takes the next file from one counter in shared memory (no message per file): this
 * thread starts checking at once, while the helpers load and compile, and the threads end together whatever the
 * files' sizes. A file Schematron will read whole that is large is left to a helper, so that running out of
 * memory on it ends the helper, not the run.
 *
 * No finding is lost to a helper: one that dies on a file (out of memory, a crash) gives that file one finding
 * saying so, and whatever else it held is checked by this thread.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { diagnostic, ValidateError } from '../diagnostics/diagnostic.js';
import type { EditionFile } from '../edition/files.js';
import { breathe } from '../io/breathe.js';
import { startWorker } from '../io/worker-start.js';
import { checkFile, needsSchematron, prepare, type CheckConfig, type FileOutcome } from './check-file.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { noFacts } from './facts.js';
import { SharedWork, type HelperData, type HelperReply } from './shared-work.js';

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

/** Files per thread below which a helper would cost more (start, module loading, schema) than it saves. */
export const MIN_FILES_PER_THREAD = 64;

/**
 * A file Schematron reads whole (a DOM, fontoxpath) above this size is checked by a helper when there is one:
 * 2 MB took 370 MB of memory. RELAX NG alone reads in chunks, in bounded memory, and takes any file here.
 */
const HAND_OFF_BYTES = 256 * 1024;

/**
 * How many threads check files side by side: `jobs` when given (at most the cores and the files), else one per
 * `minFilesPerThread` files, at most the cores with Schematron and one fewer without it. V8 compiles and collects
 * garbage on threads of its own, and on RELAX NG alone they are busy: 1,000 edition documents took 0.66 s of CPU
 * on the main thread and 0.45 s on V8's, and a helper added 0.35 s (its own start, JIT warm-up and derivative
 * tables), so on 2 cores it paid only from about 4,000 files. With Schematron (several ms a file) it halves the
 * main thread's time (378 files: 3.2 s against 1.9 and 2.0). Measured: docs/decisions.md, "Validation engine".
 */
export function threadCount(files: number, jobs: number | undefined, options: { schematron?: boolean; minFilesPerThread?: number } = {}): number {
  const cores = workerCount(Number.MAX_SAFE_INTEGER);
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, cores, files));
  const usable = options.schematron ? cores : cores - 1;
  return Math.max(1, Math.min(usable, Math.floor(files / (options.minFilesPerThread ?? MIN_FILES_PER_THREAD))));
}

async function* listed<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

interface Helper {
  worker: Worker;
  slot: number;
  finished: boolean;
}

/**
 * Checks files in this thread and up to `threads - 1` helper worker threads side by side (see the module's
 * comment); with fewer files than `minFilesPerThread` per thread, fewer helpers or none. Rejects with a
 * ValidateError only for an unusable schema, as {@link checkInProcess}.
 */
export async function checkSideBySide(
  files: AsyncIterable<EditionFile>,
  config: CheckConfig,
  jobs: number | undefined,
  minFilesPerThread = MIN_FILES_PER_THREAD,
): Promise<FileOutcome[]> {
  // Names only are gathered (never contents): the threads need the list to share a counter over it.
  const found: EditionFile[] = [];
  for await (const f of files) found.push(f);
  const readable = found.filter((f) => !f.problem);
  const threads = threadCount(readable.length, jobs, { schematron: config.schematron !== undefined, minFilesPerThread });
  if (threads < 2) return checkInProcess(listed(found), config);

  const paths = readable.map((f) => f.path);
  const work = SharedWork.create(paths.length, threads - 1);
  const outcomes: (FileOutcome | undefined)[] = new Array(paths.length);
  const helpers: Helper[] = [];
  // What stops the run, from a helper: its thread has said so, and this one stops at the next file.
  let failure: ValidateError | undefined;
  let settle: () => void = () => {};
  const allFinished = new Promise<void>((resolve) => (settle = resolve));
  const check = (): void => {
    if (helpers.every((h) => h.finished)) settle();
  };
  const end = (h: Helper, why: string | undefined): void => {
    if (h.finished) return;
    h.finished = true;
    // The file it was checking gets the finding; any other it held without answering is checked here.
    const culprit = work.current(h.slot);
    if (why !== undefined && culprit >= 0 && outcomes[culprit] === undefined) {
      outcomes[culprit] = {
        file: paths[culprit]!,
        diagnostics: [diagnostic(ValidateCodes.checkAborted, { reason: why }, { file: paths[culprit]!, line: 1, column: 1 })],
        facts: noFacts(),
      };
    }
    check();
  };
  // Helpers start first, so that they load and compile while this thread prepares and checks.
  for (let slot = 0; slot < threads - 1; slot++) {
    const data: HelperData = { config, paths, shared: work.buffer, helpers: threads - 1, slot };
    const h: Helper = { worker: startWorker(new URL('./worker.js', import.meta.url), { workerData: data }), slot, finished: false };
    h.worker.on('message', (reply: HelperReply) => {
      for (const r of reply.outcomes) outcomes[r.index] = r.outcome;
      if (reply.error) failure ??= new ValidateError(reply.error.code, reply.error.message, { exitCode: reply.error.exitCode });
      if (reply.done || reply.error) end(h, undefined);
    });
    h.worker.on('error', (e) => end(h, /heap|memory/i.test(e.message) ? `the validation ran out of memory (${e.message.split('\n')[0]})` : `the validation worker failed (${e.message.split('\n')[0]})`));
    h.worker.on('exit', (code) => end(h, `the validation worker stopped (exit code ${code})`));
    helpers.push(h);
  }
  try {
    await prepare(config, { schematron: false });
    let checked = 0;
    for (let i = work.claim(false); i >= 0; i = work.claim(false)) {
      if (failure) throw failure;
      const file = paths[i]!;
      if (config.schematron !== undefined && helpers.some((h) => !h.finished) && sizeOf(file) > (config.handOffBytes ?? HAND_OFF_BYTES)) {
        work.handOff(i);
        for (const h of helpers) if (!h.finished) h.worker.postMessage('more');
        continue;
      }
      if (needsSchematron(file, config)) await prepare(config);
      outcomes[i] = checkFile(file, config);
      if (++checked % 16 === 0) await breathe();
    }
    for (const h of helpers) if (!h.finished) h.worker.postMessage('finish');
    await allFinished;
    if (failure) throw failure;
    // What a helper took and could not answer (it died), or a file handed off as the last helper ended.
    for (let i = 0; i < paths.length; i++) {
      if (outcomes[i] !== undefined) continue;
      if (needsSchematron(paths[i]!, config)) await prepare(config);
      outcomes[i] = checkFile(paths[i]!, config);
    }
  } finally {
    await Promise.all(helpers.map((h) => h.worker.terminate()));
  }
  let next = 0;
  return found.map((f) => refused(f) ?? outcomes[next++]!);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
