/**
 * The list of files that the threads of one validation run share: a counter in shared memory from which each
 * thread takes the next file, a queue of files this thread hands to the helpers, and which file each helper is
 * checking (so that a helper that dies is known to have died on that file). Indexes are 0-based into the list.
 */
import type { CheckConfig, FileOutcome } from './check-file.js';

const NEXT = 0;
const GIVEN = 1;
const TAKEN = 2;
const SLOTS = 3;

/** What a helper is started with. */
export interface HelperData {
  config: CheckConfig;
  paths: string[];
  shared: SharedArrayBuffer;
  /** How many helpers the run has. */
  helpers: number;
  /** This helper's number, 0-based. */
  slot: number;
}

/**
 * Helper → this thread: outcomes by index, in batches; `done` once told no file will come; `error` for what
 * stops the run (an unusable schema, a failure that is not a finding), after which the helper checks nothing.
 */
export interface HelperReply {
  outcomes: { index: number; outcome: FileOutcome }[];
  done?: boolean;
  error?: { code: string; message: string; exitCode: number };
}

export class SharedWork {
  private readonly cells: Int32Array;

  private constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly files: number,
    private readonly helpers: number,
  ) {
    this.cells = new Int32Array(buffer);
  }

  static create(files: number, helpers: number): SharedWork {
    const work = new SharedWork(new SharedArrayBuffer(4 * (SLOTS + helpers + files)), files, helpers);
    for (let h = 0; h < helpers; h++) work.cells[SLOTS + h] = -1;
    return work;
  }

  /** The same list, seen from a helper. */
  static of(buffer: SharedArrayBuffer, files: number, helpers: number): SharedWork {
    return new SharedWork(buffer, files, helpers);
  }

  /** The next file to check, or -1 when none is left; a helper takes files handed off first. */
  claim(handedOff: boolean): number {
    if (handedOff) {
      for (;;) {
        const taken = Atomics.load(this.cells, TAKEN);
        if (taken >= Atomics.load(this.cells, GIVEN)) break;
        if (Atomics.compareExchange(this.cells, TAKEN, taken, taken + 1) === taken) return Atomics.load(this.cells, SLOTS + this.helpers + taken);
      }
    }
    const next = Atomics.add(this.cells, NEXT, 1);
    return next < this.files ? next : -1;
  }

  /** Leaves a file this thread took to the helpers (one thread only hands off). */
  handOff(index: number): void {
    const given = Atomics.load(this.cells, GIVEN);
    Atomics.store(this.cells, SLOTS + this.helpers + given, index);
    Atomics.store(this.cells, GIVEN, given + 1);
  }

  /** Marks the file helper `slot` is checking (-1: none). */
  checking(slot: number, index: number): void {
    Atomics.store(this.cells, SLOTS + slot, index);
  }

  /** The file helper `slot` is checking, -1 for none. */
  current(slot: number): number {
    return Atomics.load(this.cells, SLOTS + slot);
  }
}
