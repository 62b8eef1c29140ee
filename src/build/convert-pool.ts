/**
 * Converting many files over worker threads, handing what they give back in file order: all of the first file
 * (each document as soon as it is finished), then all of the second, and so on, whatever order the workers
 * finish in. That order is what lets the main thread resolve person mentions exactly as a run in one thread
 * would (src/convert/entities/person-mentions.ts).
 *
 * Memory: a worker runs ahead of the file being handed over by at most the number of workers, so what waits
 * is at most that many files' documents. Workers are started only as files need them, never more than the
 * files or the cores; a worker that dies (out of memory, a crash) costs its file one finding, and a fresh
 * worker takes the rest.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { startWorker } from '../io/worker-start.js';
import type { ConvertReply, ConvertRequest, WorkerSetup } from './convert-worker.js';

/** How many workers `jobs` gives for `files` files: at least one, at most the cores and the files. */
export function convertWorkerCount(jobs: number, files: number): number {
  return Math.max(1, Math.min(Math.floor(jobs), availableParallelism(), files));
}

/** A file to convert: what the worker needs, without its place in the order (the pool numbers them). */
export type ConvertJob = Omit<ConvertRequest, 'index'>;

/**
 * Converts `jobs` over `workers` threads and yields every reply in file order: the documents of a file, then
 * its `done`, `unreadable` or `failed`, before anything of the next file. `knowledgeOf` gives what a file teaches
 * about names read alone, where this thread learnt it already; asked when the file is sent, so that it is held
 * here only until then.
 */
export async function* convertInWorkers(
  jobs: readonly ConvertJob[],
  workers: number,
  setup: WorkerSetup,
  knowledgeOf?: (job: ConvertJob) => ConvertRequest['knowledge'],
): AsyncGenerator<ConvertReply> {
  const waiting = new Map<number, ConvertReply[]>();
  const finished = new Set<number>();
  const idle: Worker[] = [];
  const running = new Map<Worker, number>();
  let next = 0; // the next file to send
  let current = 0; // the file being handed over
  let wake: (() => void) | undefined;
  const arrived = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const receive = (reply: ConvertReply): void => {
    const list = waiting.get(reply.index);
    if (list) list.push(reply);
    else waiting.set(reply.index, [reply]);
    if (reply.kind !== 'document') finished.add(reply.index);
    arrived();
  };
  const start = (): Worker => {
    // This process's Node flags and heap limit: a worker out of memory ends alone, its file reported.
    const worker = startWorker(new URL('./convert-worker.js', import.meta.url), { workerData: setup });
    worker.on('message', (reply: ConvertReply) => {
      receive(reply);
      if (reply.kind !== 'document') {
        running.delete(worker);
        idle.push(worker);
        dispatch();
      }
    });
    const lost = (why: string, outOfMemory = false): void => {
      const index = running.get(worker);
      running.delete(worker);
      const at = idle.indexOf(worker);
      if (at >= 0) idle.splice(at, 1);
      if (index !== undefined && !finished.has(index)) receive({ index, kind: 'failed', message: why, outOfMemory });
      dispatch();
    };
    worker.on('error', (e) => {
      const memory = /heap|memory/i.test(e.message);
      lost(memory ? `ran out of memory (${e.message.split('\n')[0]})` : `the conversion worker failed (${e.message.split('\n')[0]})`, memory);
    });
    worker.on('exit', (code) => {
      if (running.has(worker)) lost(`the conversion worker stopped (exit code ${code})`);
    });
    return worker;
  };
  const dispatch = (): void => {
    // Not more than `workers` files ahead of the one being handed over: what waits stays bounded.
    while (next < jobs.length && next < current + workers) {
      const worker = idle.pop() ?? (running.size + idle.length < workers ? start() : undefined);
      if (!worker) return;
      const job = jobs[next]!;
      const knowledge = knowledgeOf?.(job);
      const request: ConvertRequest = { index: next, ...job, ...(knowledge ? { knowledge } : {}) };
      running.set(worker, next++);
      worker.postMessage(request);
    }
  };
  const all = (): Worker[] => [...idle, ...running.keys()];
  try {
    dispatch();
    while (current < jobs.length) {
      const list = waiting.get(current);
      const reply = list?.shift();
      if (!reply) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (reply.kind !== 'document') {
        waiting.delete(current);
        current++;
        dispatch();
      }
      yield reply;
    }
  } finally {
    await Promise.all(all().map((w) => w.terminate()));
  }
}
