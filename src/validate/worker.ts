/**
 * A helper thread of a validation run (src/validate/pool.ts): compiles the schemas once, then takes files from
 * the shared list until none is left, and answers with plain data in batches. It says it is done when told that
 * no file will be handed to it any more ('finish'); 'more' says one was.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ValidateCodes } from '../diagnostics/codes.js';
import { ChanceryError } from '../diagnostics/diagnostic.js';
import { checkFile, prepare } from './check-file.js';
import { SharedWork, type HelperData, type HelperReply } from './shared-work.js';

const data = workerData as HelperData;
const port = parentPort;
// Answers go back a few at a time: a message per file cost more than the file on small documents.
const BATCH = 16;
const BATCH_MS = 50;

if (port) {
  const { config, paths, slot } = data;
  const work = SharedWork.of(data.shared, paths.length, data.helpers);
  let failed = false;
  const fail = (e: unknown, outcomes: HelperReply['outcomes']): void => {
    failed = true;
    const err = e instanceof ChanceryError ? e : undefined;
    port.postMessage({ outcomes, error: { code: err?.code ?? ValidateCodes.io, message: (e as Error).message, exitCode: err?.exitCode ?? 2 } } satisfies HelperReply);
  };
  const drain = (): void => {
    if (failed) return;
    let batch: HelperReply['outcomes'] = [];
    let sent = performance.now();
    for (let i = work.claim(true); i >= 0; i = work.claim(true)) {
      work.checking(slot, i);
      try {
        batch.push({ index: i, outcome: checkFile(paths[i]!, config) });
      } catch (e) {
        fail(e, batch);
        return;
      }
      if (batch.length >= BATCH || performance.now() - sent > BATCH_MS) {
        port.postMessage({ outcomes: batch } satisfies HelperReply);
        batch = [];
        sent = performance.now();
      }
    }
    work.checking(slot, -1);
    if (batch.length) port.postMessage({ outcomes: batch } satisfies HelperReply);
  };
  const ready = prepare(config).then(
    () => drain(),
    (e: unknown) => fail(e, []),
  );
  port.on('message', (say: 'more' | 'finish') => {
    void ready.then(() => {
      drain();
      if (say === 'finish' && !failed) {
        port.postMessage({ outcomes: [], done: true } satisfies HelperReply);
      }
    });
  });
}
