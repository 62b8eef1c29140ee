/** Where a command prints. `runCli` takes these so that tests can run the CLI in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal: progress bars only then. */
  isTTY: boolean;
  cwd: string;
}

export { writeFileAtomic } from '../io/write-file-atomic.js';
