import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The built CLI, for tests that run it as a child process. */
export const CLI = join(resolve(dirname(fileURLToPath(import.meta.url)), '../../..'), 'dist/src/cli/main.js');

/** What a child process of the CLI did. */
export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
  signal: NodeJS.Signals | null;
}

/**
 * Runs the CLI in a child process (Node flags in `node`), killed after `ceiling` ms: a hang fails the test instead
 * of stalling the suite. SOURCE_DATE_EPOCH is fixed so that outputs compare.
 */
export function runChild(args: string[], options: { cwd: string; node?: string[]; ceiling?: number }): ChildRun {
  const r = spawnSync(process.execPath, [...(options.node ?? []), CLI, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.ceiling ?? 60000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, SOURCE_DATE_EPOCH: '0' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, signal: r.signal };
}

/** Every file under `dir`, relative to it, sorted (none where `dir` does not exist). */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
