/**
 * A temporary file beside the edition that holds byte strings until they are read back (documents waiting for a
 * later step). Made on the first write, with the pattern of the atomic writes' temporary files, so a signal
 * removes it, and so does a later run if this one was killed. Where the folder cannot hold it (a file where the
 * folder should be, a read-only folder, a full disk), `write` answers undefined from then on and the caller keeps
 * what it stores in memory instead.
 */
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { createTempFile, removeTempFile } from './write-file-atomic.js';

/** A stretch of the file. */
export interface SpillPlace {
  at: number;
  bytes: number;
}

export class SpillFile {
  private file: { path: string; fd: number } | undefined;
  /** Set once the file failed: it takes nothing more. */
  private failed = false;
  private end = 0;

  /** `purpose` names the temporary file (its pattern is the atomic writes'). */
  constructor(
    private readonly dir: string,
    private readonly purpose: string,
  ) {}

  get path(): string | undefined {
    return this.file?.path;
  }

  /** Where `bytes` now stand in the file, or undefined where the file cannot take them. */
  write(bytes: Uint8Array): SpillPlace | undefined {
    const file = this.open();
    if (!file) return undefined;
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(file.fd, bytes, written, bytes.length - written, this.end + written);
    } catch {
      // a full disk: what the file holds stays readable, the rest is the caller's to keep
      this.failed = true;
      return undefined;
    }
    const place = { at: this.end, bytes: bytes.length };
    this.end += bytes.length;
    return place;
  }

  /** The bytes at `place`; fewer where the file was cut short. */
  read(place: SpillPlace): Buffer {
    const bytes = Buffer.alloc(place.bytes);
    let read = 0;
    while (read < place.bytes) {
      const n = readSync(this.file!.fd, bytes, read, place.bytes - read, place.at + read);
      if (n === 0) break;
      read += n;
    }
    return read === place.bytes ? bytes : bytes.subarray(0, read);
  }

  /** Empties the file, so that it never grows past what waits at once. */
  clear(): void {
    this.end = 0;
    if (this.file) ftruncateSync(this.file.fd, 0);
  }

  /** Closes and removes the file. */
  close(): void {
    this.end = 0;
    if (!this.file) return;
    closeSync(this.file.fd);
    removeTempFile(this.file.path);
    this.file = undefined;
  }

  private open(): { path: string; fd: number } | undefined {
    if (this.file || this.failed) return this.file;
    let path: string | undefined;
    try {
      path = createTempFile(this.dir, this.purpose);
      this.file = { path, fd: openSync(path, 'r+') };
    } catch {
      if (path) removeTempFile(path);
      this.failed = true;
    }
    return this.file;
  }
}
