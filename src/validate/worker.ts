/**
 * A validation worker thread: compiles the schemas once, then checks the files the main thread sends,
 * one message per file, and answers with plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ValidateCodes } from '../diagnostics/codes.js';
import { ChanceryError } from '../diagnostics/diagnostic.js';
import { checkFile, prepare, type CheckConfig } from './check-file.js';

/** Main thread → worker. */
export interface WorkRequest {
  seq: number;
  file: string;
}
/** Worker → main thread: an outcome, or the error that stops the run (an unusable schema). */
export type WorkReply =
  | { seq: number; outcome: import('./check-file.js').FileOutcome }
  | { seq: number; error: { code: string; message: string; exitCode: number } };

const config = workerData as CheckConfig;
const port = parentPort;

function fail(seq: number, e: unknown): void {
  const err = e instanceof ChanceryError ? e : undefined;
  port?.postMessage({
    seq,
    error: { code: err?.code ?? ValidateCodes.io, message: (e as Error).message, exitCode: err?.exitCode ?? 2 },
  } satisfies WorkReply);
}

if (port) {
  const ready = prepare(config).then(
    () => true,
    (e: unknown) => {
      fail(-1, e);
      return false;
    },
  );
  port.on('message', (req: WorkRequest) => {
    void ready.then((ok) => {
      if (!ok) return;
      try {
        port.postMessage({ seq: req.seq, outcome: checkFile(req.file, config) } satisfies WorkReply);
      } catch (e) {
        fail(req.seq, e);
      }
    });
  });
}
