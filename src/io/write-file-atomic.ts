import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync, writeSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Temporary files being written right now, so that an interrupted run (SIGINT, SIGTERM) can remove them: the
 * CLI's signal handler calls {@link removePendingTempFiles}. A run killed outright leaves them behind; the next
 * run over the same folder removes them ({@link removeStaleTempFiles}).
 */
const pending = new Set<string>();

// `.<name>.<pid>.<time>.tmp`: hidden (no walk of the edition picks it up), short enough whatever the name
// (a 228-character source name plus a suffix once passed the file system's 255), and the pid says whose it is.
const TEMP_NAME = /^\..*\.(\d+)\.[0-9a-z]+\.tmp$/;

function tempPath(path: string): string {
  const name = basename(path);
  const short = name.length > 120 ? name.slice(0, 120) : name;
  return join(dirname(path), `.${short}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.tmp`);
}

/**
 * Writes a file atomically: to a temporary file beside it, then rename. A reader (or a crash) never sees a
 * half-written file. Shared by the library (TEI, personography, derivatives) and the CLI (reports).
 */
export function writeFileAtomic(path: string, content: string | Uint8Array): void {
  const tmp = tempPath(path);
  let fd: number | undefined = openInFolder(tmp);
  pending.add(tmp);
  try {
    writeFileSync(fd, content);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/**
 * Opens a new file for writing, making its folder only when the open fails: an edition's thousands of documents go
 * to a few folders, and a `mkdir` before each write was a system call each. A folder that cannot be made fails with
 * `mkdir`'s own error, as when it was made first.
 */
function openInFolder(file: string): number {
  try {
    return openSync(file, 'w');
  } catch {
    mkdirSync(dirname(file), { recursive: true });
    return openSync(file, 'w');
  }
}

/** Text gathered before one write to disk by {@link writeFileAtomicFrom} (characters). */
const WRITE_BATCH = 1 << 16;

/**
 * Writes a file atomically from content made piece by piece: `produce` hands each piece to its `write` (a string as
 * UTF-8, bytes as they are), which reaches disk in batches, so the content is never held whole. If `produce`
 * throws, the temporary file is removed and the target is left as it was.
 */
export function writeFileAtomicFrom(path: string, produce: (write: (piece: string | Uint8Array) => void) => void): void {
  const tmp = tempPath(path);
  let fd: number | undefined = openInFolder(tmp);
  pending.add(tmp);
  try {
    const out = fd;
    let batch: string[] = [];
    let size = 0;
    const flush = (): void => {
      if (size > 0) writeSync(out, batch.join(''));
      batch = [];
      size = 0;
    };
    produce((piece) => {
      if (typeof piece !== 'string') {
        flush();
        for (let at = 0; at < piece.length; ) at += writeSync(out, piece, at, piece.length - at);
        return;
      }
      batch.push(piece);
      size += piece.length;
      if (size >= WRITE_BATCH) flush();
    });
    flush();
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    pending.delete(tmp);
  }
}

/** Removes the temporary files of writes still under way (for a signal handler: synchronous, never throws). */
export function removePendingTempFiles(): number {
  let n = 0;
  for (const tmp of pending) {
    try {
      rmSync(tmp, { force: true });
      n++;
    } catch {
      // nothing more can be done while the process ends
    }
  }
  pending.clear();
  return n;
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes, under `dir`, the temporary files that runs no longer alive left behind (killed during a write);
 * returns how many. Only names of our own pattern are touched, and only when their process is gone.
 */
export function removeStaleTempFiles(dir: string): number {
  return removeTempFiles(dir, (pid) => !alive(pid));
}

/**
 * Removes, under `dir`, the temporary files of this process: those a worker thread was writing when it was stopped
 * (its own list of pending files went with it). Returns how many.
 */
export function removeOwnTempFiles(dir: string): number {
  return removeTempFiles(dir, (pid) => pid === process.pid);
}

function removeTempFiles(dir: string, whose: (pid: number) => boolean): number {
  let removed = 0;
  const folders = [dir];
  while (folders.length > 0) {
    const folder = folders.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory() && e.name !== 'node_modules' && e.name !== '.git') folders.push(join(folder, e.name));
      else if (e.isFile()) {
        const m = TEMP_NAME.exec(e.name);
        if (m && whose(Number(m[1]))) {
          try {
            rmSync(join(folder, e.name), { force: true });
            removed++;
          } catch {
            // a folder that became read-only: the file stays, and the next run tries again
          }
        }
      }
    }
  }
  return removed;
}

/**
 * A temporary file of our own pattern in `dir`, for a run to keep data in while it works (documents waiting for
 * their person ids): registered like a write under way, so that a signal removes it and a later run removes it
 * if this one was killed. Remove it with {@link removeTempFile}.
 */
export function createTempFile(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const tmp = tempPath(join(dir, name));
  pending.add(tmp);
  try {
    writeFileSync(tmp, '');
  } catch (e) {
    pending.delete(tmp);
    throw e;
  }
  return tmp;
}

/** Removes a file of {@link createTempFile}. */
export function removeTempFile(tmp: string): void {
  rmSync(tmp, { force: true });
  pending.delete(tmp);
}
