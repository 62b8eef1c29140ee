/**
 * How far V8 lets the heap grow past what survived its last full collection. By default, on a machine with
 * memory to spare, up to four times: a conversion keeps little (the source, what it teaches about names, the
 * cuts, the mentions) beside what it allocates and drops for every document, so the default let a 50 MB source
 * peak at 1.2 GB of RSS with about 250 MB alive. The CLI asks for a fixed, smaller factor instead
 * (docs/decisions.md, "Documents stream through the pipeline"). A V8 flag holds for every thread of the process, the
 * conversion's worker threads with it; the library leaves the process's flags alone.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow by this share of what survived: 1.3 times. */
export const HEAP_GROWING_PERCENT = 30;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
