/**
 * Which files to validate: paths and folders walked lazily (a folder of 10,000 files yields one name at a
 * time, never a list of contents), a deterministic shard of them, or only those changed since a git ref.
 */
import { childProcess } from '../io/builtins.js';
import { readRegularFile } from '../io/read-regular-file.js';
import { walkXmlFiles, type EditionFile } from '../edition/files.js';
import { basename, relative, resolve, sep } from 'node:path';
import { UsageError, ValidateError } from '../diagnostics/diagnostic.js';
import { DEFAULT_MAX_FILE_BYTES } from '../xml/limits.js';
import { ValidateCodes } from '../diagnostics/codes.js';

/** `I/N`: this run takes the I-th of N shards (1-based). */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `--shard I/N`; throws {@link UsageError} for anything else. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw UsageError.of(ValidateCodes.usage, { problem: `--shard takes I/N with 1 ≤ I ≤ N (e.g. 2/4), not "${text}"` });
  }
  return { index, count };
}

/**
 * Yields the `.xml` files under each path (a file path is yielded as given, whatever its extension), in a
 * deterministic order, by src/edition's walk: regular files only, links followed only inside the folders given,
 * loops detected; a path that will not be read comes with its finding.
 */
export async function* walkXml(paths: readonly string[]): AsyncGenerator<EditionFile> {
  yield* walkXmlFiles(paths);
}

/** Keeps every N-th file, starting at the I-th: the shards of one list cover it exactly once. */
export async function* shardOf<T>(files: AsyncIterable<T>, shard: Shard): AsyncGenerator<T> {
  let i = 0;
  for await (const f of files) {
    if (i % shard.count === shard.index - 1) yield f;
    i++;
  }
}

function git(args: string[], cwd: string): string {
  try {
    return childProcess().execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const stderr = String((e as { stderr?: string }).stderr ?? '').trim();
    throw ValidateError.of(ValidateCodes.git, { command: args.join(' '), detail: stderr || (e as Error).message }, { cause: e });
  }
}

/**
 * The commit a ref names, or a {@link UsageError}: a ref is a name git knows (branch, tag, commit, `origin/main`),
 * never something that starts with `-`.
 */
export function verifyRef(ref: string, cwd: string): string {
  if (!ref || ref.startsWith('-') || /[\s\0]/.test(ref)) {
    throw UsageError.of(ValidateCodes.usage, { problem: `--changed takes a git ref (a branch, tag or commit), not "${ref}"` });
  }
  try {
    return childProcess().execFileSync('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    throw UsageError.of(ValidateCodes.usage, { problem: `--changed ${ref}: git knows no commit of that name here (try origin/main, or git fetch first)` });
  }
}

/** The default base of `--changed`: origin/HEAD's branch when known, else HEAD (uncommitted changes). */
export function defaultBase(cwd: string): string {
  for (const ref of ['origin/HEAD', 'origin/main']) {
    try {
      childProcess().execFileSync('git', ['rev-parse', '--verify', '--quiet', ref], { cwd, stdio: 'ignore' });
      return ref;
    } catch {
      // try the next
    }
  }
  return 'HEAD';
}

/**
 * Files changed since `base` (committed, staged, unstaged or untracked) among `files`, plus the files among
 * them that reference a changed file (`persons.xml#…`), because a change can break a reference into it.
 */
export async function* changedSince(files: AsyncIterable<EditionFile>, base: string, cwd: string, maxBytes = DEFAULT_MAX_FILE_BYTES): AsyncGenerator<EditionFile> {
  const top = git(['rev-parse', '--show-toplevel'], cwd).trim();
  const commit = verifyRef(base, cwd);
  const names = [
    // the ref is checked and resolved to a commit first, and git reads options only before `--end-of-options`:
    // a value such as `--output=/tmp/x` can never reach git as an option
    ...git(['diff', '--name-only', '--diff-filter=ACMRT', '--end-of-options', commit, '--'], cwd).split('\n'),
    ...git(['ls-files', '--others', '--exclude-standard'], top).split('\n'),
  ].filter(Boolean);
  const changed = new Set(names.map((n) => resolve(top, n)));
  const changedBase = [...changed].map((c) => basename(c));
  for await (const f of files) {
    const abs = resolve(cwd, f.path);
    if (changed.has(abs)) {
      yield f;
      continue;
    }
    if (changedBase.length === 0 || f.problem) continue;
    const read = readRegularFile(abs, maxBytes);
    if ('problem' in read) continue;
    const text = read.bytes.toString('utf8');
    if (changedBase.some((b) => text.includes(`${b}#`))) yield f;
  }
}

/** A path as reports show it: relative to cwd with `/`, unless it lies outside cwd. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, file));
  return (rel.startsWith('..') ? file : rel).split(sep).join('/');
}
