/**
 * The worker thread of {@link convertFilesInWorker} and {@link buildEditionInWorker}: makes the one call it was
 * started for, sends progress as it goes, then the result or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChanceryError } from '../../diagnostics/diagnostic.js';
import type { PassedError, WorkerCall, WorkerCallReply } from './index.js';

const request = workerData as WorkerCall;
const send = (reply: WorkerCallReply): void => parentPort!.postMessage(reply);
const progress = (done: number, total: number): void => send({ kind: 'progress', done, total });

try {
  // Only what the call needs is loaded: `convert` never pays for validation and the transforms.
  const value =
    request.call === 'convertFiles'
      ? await (await import('../convert-files.js')).convertFiles(request.paths, { ...request.options, onFile: (_file, done, total) => progress(done, total) })
      : request.call === 'transform'
        ? await (await import('../../transform/index.js')).transform(request.paths, request.options)
        : await (await import('../build-edition.js')).buildEdition({ ...request.options, onProgress: progress });
  send({ kind: 'result', value });
} catch (e) {
  const error: PassedError =
    e instanceof ChanceryError
      ? { chancery: true, name: e.name, code: e.code, message: e.message, exitCode: e.exitCode, ...(e.span ? { span: e.span } : {}) }
      : { chancery: false, message: e instanceof Error ? e.message : String(e), ...(e instanceof Error && e.stack ? { stack: e.stack } : {}), ...systemPart(e) };
  send({ kind: 'error', error });
}

/** What a failure of the file system says of itself: its code, the call and the path. */
function systemPart(e: unknown): { system?: { code: string; syscall?: string; path?: string } } {
  const { code, syscall, path } = (e ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== 'string' || !/^E[A-Z]+$/.test(code)) return {};
  return { system: { code, ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) } };
}
