/**
 * The long calls of the command line run in a worker thread, so that the main thread stays free to answer a
 * signal. Conversion is synchronous: a thread busy with one file hears no Ctrl-C and no SIGTERM until the file is
 * done (a source that took ten minutes ignored both for ten minutes); so is a transform between two files it
 * writes (a 6 MB document's HTML pages were made in stretches of seconds, and a signal heard 2–4 s late). Stopped, the worker ends at once (V8 stops
 * its JavaScript wherever it is, and the pool's threads with it), and the temporary files this process was writing
 * under the output folders are removed; a file already renamed into place is whole (writes are atomic). A library
 * caller who does not need signals calls `convertFiles` or `buildEdition` itself.
 */
import { ConvertCodes, TransformCodes } from '../../diagnostics/codes.js';
import { ConvertError, TransformError } from '../../diagnostics/diagnostic.js';
import { resolve } from 'node:path';
import { removeOwnTempFiles } from '../../io/write-file-atomic.js';
import type { BuildOptions, BuildReport } from '../build-edition.js';
import type { ConvertFilesOptions, ConvertFilesResult } from '../convert-files.js';
import type { TransformOptions, TransformReport } from '../../transform/index.js';
import { startWorker, type WorkerLimits } from '../../io/worker-start.js';
import { revive, type PassedError } from './passed-error.js';

/** What the worker is asked to do: a call of the library without its progress callback (functions stay here). */
export type WorkerCall =
  | { call: 'convertFiles'; paths: string[]; options: Omit<ConvertFilesOptions, 'onFile'> }
  | { call: 'buildEdition'; options: Omit<BuildOptions, 'onProgress'> }
  | { call: 'transform'; paths: string[]; options: TransformOptions };

/** Worker → main thread. */
export type WorkerCallReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'result'; value: unknown }
  | { kind: 'error'; error: PassedError };

/** A call under way in a worker thread. */
export interface WorkerRun<T> {
  /** What the call returns, or its error (ours with its class, code and exit code). */
  result: Promise<T>;
  /** Ends the call wherever it is, then removes its temporary files; resolves once the thread is gone. */
  stop(): Promise<void>;
}

/** {@link convertFiles} in a worker thread (see the module's comment). */
export function convertFilesInWorker(paths: string[], options: ConvertFilesOptions): WorkerRun<ConvertFilesResult> {
  const { onFile, ...rest } = options;
  const progress = onFile ? (done: number, total: number) => onFile('', done, total) : undefined;
  const outDir = options.cwd === undefined ? options.outDir : resolve(options.cwd, options.outDir);
  return runInWorker<ConvertFilesResult>({ call: 'convertFiles', paths, options: rest }, [outDir], progress, paths);
}

/** {@link buildEdition} in a worker thread (see the module's comment). */
export function buildEditionInWorker(options: BuildOptions, outputs: string[]): WorkerRun<BuildReport> {
  const { onProgress, ...rest } = options;
  return runInWorker<BuildReport>({ call: 'buildEdition', options: rest }, outputs, onProgress, []);
}

/**
 * The young generation of a transform's worker: 8 MB semi-spaces instead of 16. A transform keeps little (20 MB
 * alive while a 50 MB file renders) and makes short-lived strings by the million, so V8's 48 MB young generation was
 * a third of its heap; the smaller one took 35–45 MB off the peak at the same CPU (docs/decisions.md, "The large
 * transform's memory"). Conversion keeps the default: smaller semi-spaces cost it CPU.
 */
const TRANSFORM_YOUNG_GENERATION_MB = 24;

/** {@link transform} in a worker thread (see the module's comment): its temporary files in `outDir` go when it is stopped. */
export function transformInWorker(paths: string[], options: TransformOptions): WorkerRun<TransformReport> {
  const outDir = options.cwd === undefined ? resolve(options.outDir) : resolve(options.cwd, options.outDir);
  return runInWorker<TransformReport>({ call: 'transform', paths, options }, [outDir], undefined, paths, { youngGenerationMb: TRANSFORM_YOUNG_GENERATION_MB });
}

function runInWorker<T>(
  request: WorkerCall,
  outputs: string[],
  onProgress: ((done: number, total: number) => void) | undefined,
  paths: readonly string[],
  limits: WorkerLimits = {},
): WorkerRun<T> {
  const worker = startWorker(new URL('./call-worker.js', import.meta.url), { workerData: request }, limits);
  let stopping = false;
  const result = new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (f: () => void): void => {
      if (settled) return;
      settled = true;
      f();
    };
    worker.on('message', (reply: WorkerCallReply) => {
      if (reply.kind === 'progress') onProgress?.(reply.done, reply.total);
      else if (reply.kind === 'result') settle(() => resolve(reply.value as T));
      else settle(() => reject(revive(reply.error)));
    });
    const stopped = (detail: string): void => {
      // the thread is gone (out of memory, a crash): what it was writing is no file of anyone's now
      if (!settled) for (const dir of outputs) removeOwnTempFiles(dir);
      const path = paths.length === 1 ? paths[0]! : `${paths.length} files`;
      // a transform that ran out of memory is not said to be a conversion
      settle(() => reject(request.call === 'transform' ? TransformError.of(TransformCodes.transformFailed, { path, detail }) : ConvertError.of(ConvertCodes.conversionFailed, { path, detail })));
    };
    worker.on('error', (e) => stopped(/heap|memory/i.test(e.message) ? `it ran out of memory (${e.message.split('\n')[0]})` : `the worker thread failed (${e.message.split('\n')[0]})`));
    worker.on('exit', (code) => (stopping ? undefined : stopped(`the worker thread stopped (exit code ${code})`)));
  });
  return {
    result,
    async stop() {
      stopping = true;
      await worker.terminate();
      for (const dir of outputs) removeOwnTempFiles(dir);
    },
  };
}
