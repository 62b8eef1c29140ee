/**
 * Finding the TEI files of an edition, for every stage alike (validate, transform, `chancery persons`): folders
 * walked one listing at a time in name order, only regular files yielded, symbolic links followed only where
 * they stay inside the folders given (a link to /dev/zero or to /etc is refused with a finding, never read), a
 * loop of links detected, an unreadable folder a finding and the walk going on.
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute, sep } from 'node:path';
import { XmlCodes } from '../diagnostics/codes.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { absolutePath } from '../io/paths.js';
import { ioCause, kindOfNonFile } from '../io/read-regular-file.js';

/** A file to read, or a path that will not be read and why (a finding about it, at line 1). */
export type EditionFile = { path: string; problem?: undefined } | { path: string; problem: Diagnostic };

/** True when `inner` is `outer` or lies inside it (both absolute). */
export function isWithin(inner: string, outer: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/** A file of the walk that is not read, and why (`detail`: the cause in a few words). */
function problem(path: string, code: typeof XmlCodes.unreadable | typeof XmlCodes.notRegularFile, detail: string): EditionFile {
  return { path, problem: diagnostic(code, { detail }, { file: path, line: 1, column: 1 }) };
}

/**
 * Where an edition's files may point: anywhere inside each folder given (or the folder of a file given), and
 * the files directly in its parent folder, since the documents of `tei/<source>/` point at `../persons.xml` and
 * one may validate `tei/<source>` alone. Real paths, links resolved. A reference that leads anywhere else
 * (`../../../etc/x.xml`, another folder beside the edition, a link out of it) is not followed.
 */
export class EditionScope {
  private readonly roots: string[];
  private readonly parents: string[];

  /** `paths`: the folders and files of the edition, absolute (a relative one is a UsageError). */
  constructor(paths: readonly string[]) {
    const roots = new Set<string>();
    for (const abs of paths.map(absolutePath)) {
      let folder = abs;
      try {
        if (!statSync(abs).isDirectory()) folder = dirname(abs);
      } catch {
        folder = dirname(abs);
      }
      const real = realOrUndefined(folder);
      if (real) roots.add(real);
    }
    this.roots = [...roots];
    this.parents = this.roots.map((r) => dirname(r));
  }

  /** Whether the file (after following links) lies in the edition's folders. */
  contains(path: string): boolean {
    const real = realOrUndefined(path);
    if (real === undefined) return false;
    return this.roots.some((r) => isWithin(real, r)) || this.parents.includes(dirname(real));
  }
}

/**
 * Yields the `.xml` files under each path (absolute: a relative one is a UsageError), in a deterministic order (paths as given, each folder's entries
 * sorted by name), each once. A path named directly is yielded whatever it is (the reader refuses what is not a
 * regular file, with a finding on it); inside folders, names starting with `.` and `node_modules` are skipped.
 */
export function* walkXmlFiles(paths: readonly string[]): Generator<EditionFile> {
  const seen = new Set<string>();
  for (const abs of paths.map(absolutePath)) {
    let isDir = false;
    try {
      isDir = statSync(abs).isDirectory();
    } catch (e) {
      yield problem(abs, XmlCodes.unreadable, `cannot read: ${ioCause(e)}`);
      continue;
    }
    if (!isDir) {
      if (!seen.has(abs)) {
        seen.add(abs);
        yield { path: abs };
      }
      continue;
    }
    const root = realOrUndefined(abs) ?? abs;
    yield* walkFolder(abs, root, root, new Set([root]), seen);
  }
}

/** `real` is `dir` with every link resolved; `visiting` the real folders being read, the way down to here. */
function* walkFolder(dir: string, real: string, root: string, visiting: Set<string>, seen: Set<string>): Generator<EditionFile> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield problem(dir, XmlCodes.unreadable, `cannot read the folder: ${ioCause(e)}`);
    return;
  }
  // Names only are held (one folder's at a time), so that entries can be sorted; contents are read later.
  const names = entries.filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const path = join(dir, entry.name);
    const isXml = entry.name.toLowerCase().endsWith('.xml');
    if (entry.isDirectory()) {
      const sub = join(real, entry.name);
      visiting.add(sub);
      yield* walkFolder(path, sub, root, visiting, seen);
      visiting.delete(sub);
      continue;
    }
    if (entry.isSymbolicLink()) {
      const target = realOrUndefined(path);
      if (target === undefined) {
        if (isXml) yield problem(path, XmlCodes.unreadable, 'a symbolic link that leads nowhere (or into a loop of links): not followed');
        continue;
      }
      if (!isWithin(target, root)) {
        if (isXml || isFolder(target)) yield problem(path, XmlCodes.notRegularFile, `a symbolic link leading out of ${root} (to ${target}): not followed`);
        continue;
      }
      if (isFolder(target)) {
        if (visiting.has(target)) {
          yield problem(path, XmlCodes.notRegularFile, `a symbolic link back to ${target}, a folder already being read (a loop): not followed`);
          continue;
        }
        visiting.add(target);
        yield* walkFolder(path, target, root, visiting, seen);
        visiting.delete(target);
        continue;
      }
      if (!isXml) continue;
      if (seen.has(path)) continue;
      seen.add(path);
      yield { path };
      continue;
    }
    if (!isXml) continue;
    if (!entry.isFile()) {
      let kind = 'not a regular file';
      try {
        kind = kindOfNonFile(statSync(path));
      } catch {
        // vanished: the kind the listing saw is enough
      }
      yield problem(path, XmlCodes.notRegularFile, `${kind}, not a regular file: never read`);
      continue;
    }
    if (seen.has(path)) continue;
    seen.add(path);
    yield { path };
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
