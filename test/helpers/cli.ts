import { runCli } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

/** Runs the CLI in-process and returns what it printed and its exit code. */
export async function run(argv: string[], cwd = process.cwd()): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, cwd };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
