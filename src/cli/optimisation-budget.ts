/**
 * How much a function runs before V8 considers compiling it with TurboFan. The default budget (67,584 bytes of
 * bytecode executed) makes a conversion optimise hundreds of functions while they are still warming up, and
 * deoptimise many of them again when blocks and documents of another shape arrive: on 3 MB of FRUS text four of
 * V8's helper threads spent 2.5 s compiling against 2.9 s of conversion. A budget fifteen times larger leaves the
 * functions that run only a little to the interpreter and baseline code and optimises the hot ones once, on
 * steadier feedback (docs/decisions.md, "V8's optimisation budget"). Like the heap flag, it holds for every thread
 * of the process, the conversion worker with it, and only the CLI sets it; the library leaves the process's flags
 * alone.
 */
import { setFlagsFromString } from 'node:v8';

/** Bytes of bytecode a function executes between two of V8's looks at whether to optimise it. */
export const INTERRUPT_BUDGET = 1_000_000;

export function raiseOptimisationBudget(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
