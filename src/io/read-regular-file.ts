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
  const { code, syscall } = (e ?? {}) as NodeJS.ErrnoException;
  // what mkdir meets where it would make a folder (`tei/letter` a file) says more than "already exists"
  if (code === 'EEXIST' && syscall === 'mkdir') return `a file where a folder should be (${code})`;
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

/**
 * A regular file opened for reading in chunks ({@link openRegularFile}): memory stays at one chunk whatever
 * the file's size. {@link close} must be called (a `finally`); reading past the limit is a {@link FileProblem}.
 */
export class RegularFileReader {
  private closed = false;
  private total = 0;
  /** A read returned nothing: the end of the file (asking again would be one more system call for nothing). */
  private ended = false;

  constructor(
    private readonly fd: number,
    /** The size `fstat` gave when the file was opened. */
    readonly size: number,
    private readonly maxBytes: number,
  ) {}

  /**
   * The next chunk of at most `bytes` bytes (a fresh buffer: callers may keep it), `undefined` at the end, or
   * the problem that stops reading (the file grew over the limit, an I/O error).
   */
  next(bytes: number): Buffer | undefined | { problem: FileProblem } {
    if (this.closed || this.ended) return undefined;
    // One byte more than the limit may be asked for: a file that grew past it is caught, not read on. Up to
    // its announced size (and the byte that shows it grew), no more is asked for: a small file is one buffer
    // of its size, not a whole chunk. (A size of 0 may be a file that does not know its size, as in /proc.)
    const announced = this.size > 0 ? this.size + 1 - this.total : 0;
    const want = Math.max(1, Math.min(bytes, this.maxBytes + 1 - this.total, announced > 0 ? announced : bytes));
    const buffer = Buffer.allocUnsafe(want);
    let length = 0;
    try {
      while (length < want) {
        const n = readSync(this.fd, buffer, length, want - length, null);
        if (n === 0) {
          this.ended = true;
          break;
        }
        length += n;
      }
    } catch (e) {
      return { problem: { kind: 'unreadable', message: `cannot read: ${ioCause(e)}` } };
    }
    this.total += length;
    if (this.total > this.maxBytes) return { problem: { kind: 'too-large', message: `file grew over the limit of ${mib(this.maxBytes)} while being read; refused` } };
    if (length === 0) return undefined;
    return length === want ? buffer : buffer.subarray(0, length);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}

/**
 * Opens a regular file of at most `maxBytes` bytes for reading in chunks, or says why not. Never throws for a
 * file it cannot read.
 */
export function openRegularFile(path: string, maxBytes: number): { reader: RegularFileReader } | { problem: FileProblem } {
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
    if (after) {
      closeSync(fd);
      return { problem: after };
    }
    return { reader: new RegularFileReader(fd, st.size, maxBytes) };
  } catch (e) {
    closeSync(fd);
    return { problem: { kind: 'unreadable', message: `cannot read: ${ioCause(e)}` } };
  }
}

/** Reads a regular file of at most `maxBytes` bytes, or says why not. Never throws for a file it cannot read. */
export function readRegularFile(path: string, maxBytes: number): { bytes: Buffer } | { problem: FileProblem } {
  const opened = openRegularFile(path, maxBytes);
  if ('problem' in opened) return opened;
  const { reader } = opened;
  try {
    // The announced size in one read (plus the byte that catches growth), then more only if the file grew.
    const parts: Buffer[] = [];
    let length = 0;
    for (let want = reader.size + 1; ; want = Math.max(65536, length)) {
      const chunk = reader.next(want);
      if (chunk === undefined) break;
      if ('problem' in chunk) return chunk;
      parts.push(chunk);
      length += chunk.length;
    }
    return { bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, length) };
  } finally {
    reader.close();
  }
}
