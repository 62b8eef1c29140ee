/**
 * Where a command prints, and what it may know of the process it runs in. `runCli` takes these so that tests
 * can run the CLI in-process; only main.ts fills them from `process`.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress bars only then. */
  isTTY: boolean;
  cwd: string;
  /** Width of the terminal, for `--help`. */
  columns?: number;
  /** The terminal stream a progress bar draws on (only when isTTY). */
  progressStream?: NodeJS.WritableStream;
  /** The environment variables a command reads (SOURCE_DATE_EPOCH); default none. */
  env?: Readonly<Record<string, string | undefined>>;
  /**
   * Registers what stops a command's work when the process is interrupted (SIGINT, SIGTERM): main.ts awaits it
   * before it exits. Returns the function that unregisters it. Absent in-process (tests): nothing interrupts.
   */
  onInterrupt?: (stop: () => Promise<void>) => () => void;
}
