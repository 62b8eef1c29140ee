/**
 * The checks every command makes on the paths it was given, before it reads or writes anything. Each returns
 * a one-line problem (for a usage error, exit 2) or undefined.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

type Kind = 'file' | 'folder' | 'missing' | 'other';

function kindOf(path: string): Kind {
  try {
    const st = statSync(path);
    return st.isDirectory() ? 'folder' : st.isFile() ? 'file' : 'other';
  } catch {
    return 'missing';
  }
}

/** The first of `paths` that does not exist. */
export function missingPath(paths: readonly string[], cwd: string): string | undefined {
  const missing = paths.find((p) => kindOf(resolve(cwd, p)) === 'missing');
  return missing === undefined ? undefined : `no such file or folder: ${missing}`;
}

/** A path that must be a folder (or not exist yet, when `mayBeNew`). */
export function folderProblem(path: string, option: string, cwd: string, mayBeNew: boolean): string | undefined {
  const kind = kindOf(resolve(cwd, path));
  if (kind === 'folder') return undefined;
  if (kind === 'missing') return mayBeNew ? undefined : `${option} ${path}: no such folder`;
  return `${option} ${path} is a file, not a folder`;
}

/** True when `inner` is `outer` or lies inside it. */
export function within(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * An output (a folder or a file the command writes) must never be one of its inputs, nor lie inside an input
 * folder, nor be an input's folder's parent that the command would rewrite: writing there could overwrite the
 * user's texts or feed the command its own output next time.
 */
export function outputProblem(output: string, option: string, inputs: readonly string[], cwd: string): string | undefined {
  if (!output.trim()) return `${option} needs a path`;
  const out = resolve(cwd, output);
  for (const input of inputs) {
    const abs = resolve(cwd, input);
    if (out === abs) return `${option} ${output} is also an input: choose another path, inputs are never overwritten`;
    if (kindOf(abs) === 'folder' && within(out, abs)) return `${option} ${output} lies inside the input folder ${input}: choose a path outside it`;
  }
  return undefined;
}

/** A number option that must be above zero (yargs gives NaN for `--max-size abc`). */
export function positiveNumber(value: number | undefined, option: string): string | undefined {
  if (value === undefined) return undefined;
  return Number.isFinite(value) && value > 0 ? undefined : `${option} takes a number above 0`;
}

/** A path the command writes a file to: not a folder, and its folder, when it exists, a folder. */
export function outputFileProblem(path: string, option: string, cwd: string): string | undefined {
  const abs = resolve(cwd, path);
  const kind = kindOf(abs);
  if (kind === 'folder') return `${option} ${path} is a folder: name a file`;
  if (kind === 'other') return `${option} ${path} is not a regular file (a device or a FIFO?): name a file`;
  const parent = kindOf(resolve(abs, '..'));
  if (parent === 'file') return `${option} ${path}: ${resolve(abs, '..')} is a file, not a folder`;
  return undefined;
}
