/**
 * How much a function runs before V8 considers compiling it with TurboFan. The default budget (67,584 bytes of
 * bytecode executed) makes a conversion optimise hundreds of functions while they are still warming up, and
 * deoptimise many of them again when blocks and documents of another shape arrive: on 3 MB of FRUS text four of
 * V8's helper threads spent 2.5 s compiling against 2.9 s of conversion. A budget fifteen times larger leaves the
 * functions that run only a little to the interpreter and baseline code and optimises the hot ones once, on
 * steadier feedback (docs/decisions.md, "V8's optimisation budget"). Like the heap flag, it holds for every thread
 * of the process, the conversion worker with it, and only the CLI sets it; the library leaves the process's flags
 * alone. Only the commands that convert raise it: a validation or a transform is over in a few hundred
 * milliseconds, and there the code TurboFan compiles early on the other core is what makes it fast (validating
 * 1,000 documents through the CLI took 0.30 s with the default budget and 0.33 s with the raised one).
 */
import { setFlagsFromString } from 'node:v8';
import { commandNamed } from './command-named.js';

/** Bytes of bytecode a function executes between two of V8's looks at whether to optimise it. */
export const INTERRUPT_BUDGET = 1_000_000;

/** The commands whose run is mostly conversion. */
const CONVERTING_COMMANDS: ReadonlySet<string> = new Set(['convert', 'build']);

/**
 * Whether the CLI's arguments (without node and the script) name a command that converts, as yargs will read them
 * (options may stand before the command: `chancery --jobs 2 convert …`).
 */
export function convertsSources(args: readonly string[]): boolean {
  const command = commandNamed(args);
  return command !== undefined && CONVERTING_COMMANDS.has(command);
}

export function raiseOptimisationBudget(): void {
  setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}
