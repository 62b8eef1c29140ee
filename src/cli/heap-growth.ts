/**
 * How far V8 lets the heap grow past what survived its last full collection. By default, on a machine with
 * memory to spare, up to four times: a conversion keeps little (the source, what it teaches about names, the
 * cuts, the mentions) beside what it allocates and drops for every document, so the default let a 50 MB source
 * peak at 1.2 GB of RSS with about 250 MB alive. The CLI asks for a fixed, smaller factor instead
 * (docs/decisions.md, "Documents stream through the pipeline"). A V8 flag holds for every thread of the process, the
 * conversion's worker threads with it; the library leaves the process's flags alone.
 *
 * Twice what survived, not 1.3 times as first set: that was chosen when 250 MB stayed alive at 50 MB; with the
 * 50–70 MB alive since (docs/decisions.md, "Memory of conversion"), 1.3 times made twice as many full collections
 * as needed (208 against 90 at 50 MB) for 40–75 MB less peak RSS (docs/decisions.md, "The fixed costs of a run").
 */
import { setFlagsFromString } from 'node:v8';
import { commandNamed } from './command-named.js';

/** The heap may grow by this share of what survived: twice. */
export const HEAP_GROWING_PERCENT = 100;

/**
 * Whether the CLI's arguments (without node and the script) name a command whose heap the limit is for: every one but
 * `validate`. A validation streams each document and keeps its findings only, so its heap stays small whatever the
 * input (a 52 MB document against tei_all peaked at 120 MB of RSS with the limit and without it), and the limit only
 * made it collect more often: without it, 1,000 documents against tei_all 0.91 → 0.87 s of CPU, against
 * chancery.rng 0.70 → 0.68 s, 4 MB more RSS (docs/decisions.md, "Validation start-up").
 */
export function limitsHeapGrowth(args: readonly string[]): boolean {
  return commandNamed(args) !== 'validate';
}

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
