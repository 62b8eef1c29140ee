/**
 * The one way Chancery reads an input file: only a regular file (a device, FIFO, socket or folder is refused
 * before it is opened, and again after, should it have been swapped in between), only up to a size limit that
 * is checked before anything is read, and never blocking (O_NONBLOCK, so a FIFO cannot hang a run).
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** Why a file was not read: `message` names the cause for a person, without the path (callers add it). */
export interface FileProblem {
  kind: 'missing' | 'not-regular' | 'too-large' | 'unreadable';
  message: string;
}

/** What an error code of the file system means, in a few words. */
const CAUSES: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'a folder, not a file',
  ELOOP: 'a loop of symbolic links',
  ENAMETOOLONG: 'name too long',
  ENOTDIR: 'a part of the path is not a folder',
  EIO: 'input/output error',
  EMFILE: 'too many open files',
  ENXIO: 'no such device (a socket?)',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'already exists',
  ENOTEMPTY: 'folder not empty',
};

/** `EACCES (permission denied)` for an error of node:fs; the message's first line for anything else. */
export function ioCause(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (code) return CAUSES[code] ? `${CAUSES[code]} (${code})` : code;
  return String((e as Error)?.message ?? e).split('\n')[0]!;
}

/** `a FIFO`, `a character device`… for what is not a regular file. */
export function kindOfNonFile(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

function mib(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${n} bytes`;
}

/** Checks a stat result against the rules: a regular file, within the limit. */
function statProblem(st: Stats, maxBytes: number): FileProblem | undefined {
  if (!st.isFile()) return { kind: 'not-regular', message: `${kindOfNonFile(st)}, not a regular file: never read` };
  if (st.size > maxBytes) {
    return { kind: 'too-large', message: `file is ${mib(st.size)}, over the limit of ${mib(maxBytes)}; refused unread` };
  }
  return undefined;
}

/** Reads a regular file of at most `maxBytes` bytes, or says why not. Never throws for a file it cannot read. */
export function readRegularFile(path: string, maxBytes: number): { bytes: Buffer } | { problem: FileProblem } {
  let fd: number;
  try {
    const before = statProblem(statSync(path), maxBytes);
    if (before) return { problem: before };
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: { kind: code === 'ENOENT' ? 'missing' : 'unreadable', message: `cannot read: ${ioCause(e)}` } };
  }
  try {
    const st = fstatSync(fd);
    const after = statProblem(st, maxBytes);
    if (after) return { problem: after };
    // One byte more than announced: a file that grew past the limit while being read is caught, not read on.
    const want = Math.min(st.size, maxBytes) + 1;
    let buffer = Buffer.allocUnsafe(want);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { problem: { kind: 'too-large', message: `file grew over the limit of ${mib(maxBytes)} while being read; refused` } };
        const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { problem: { kind: 'too-large', message: `file grew over the limit of ${mib(maxBytes)} while being read; refused` } };
    return { bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { problem: { kind: 'unreadable', message: `cannot read: ${ioCause(e)}` } };
  } finally {
    closeSync(fd);
  }
}
