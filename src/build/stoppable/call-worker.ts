/**
 * The worker thread of {@link convertFilesInWorker} and {@link buildEditionInWorker}: makes the one call it was
 * started for, sends progress as it goes, then the result or the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerCall, WorkerCallReply } from './index.js';
import { passError } from './passed-error.js';

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
  send({ kind: 'error', error: passError(e) });
}
