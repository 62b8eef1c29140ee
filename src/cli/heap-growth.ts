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

/** The heap may grow by this share of what survived: twice. */
export const HEAP_GROWING_PERCENT = 100;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
