/**
 * Documents converted but not yet written: serialised with placeholder person ids, they wait in one temporary
 * file beside the edition until the link step has decided the persons of every mention of the edition
 * (src/convert/entities/persons/link.ts). Memory then holds the documents' mentions, not their text. The file
 * has the pattern of the atomic writes' temporary files: a signal removes it, and so does a later run if this
 * one was killed.
 *
 * Where the edition's folder cannot hold that file (a file where the folder should be, a read-only folder, a full
 * disk), the documents wait in memory instead: the run goes on, and each document's own write then reports, at
 * its path, why it failed.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createTempFile, removeTempFile } from '../io/write-file-atomic.js';

/** Where a document waits: a stretch of the file, or (when the file could not take it) memory. */
export type PendingPlace = { at: number; bytes: number } | { held: number };

export class PendingDocuments {
  private file: { path: string; fd: number } | undefined;
  /** Set once the file failed: every later document waits in memory. */
  private fileFailed = false;
  private size = 0;
  private readonly held: Array<string | undefined> = [];

  /** The file is made in `dir` when the first document comes. */
  constructor(private readonly dir: string) {}

  put(text: string): PendingPlace {
    const file = this.openFile();
    if (file) {
      const bytes = Buffer.from(text, 'utf8');
      try {
        let written = 0;
        while (written < bytes.length) written += writeSync(file.fd, bytes, written, bytes.length - written, this.size + written);
        const place = { at: this.size, bytes: bytes.length };
        this.size += bytes.length;
        return place;
      } catch {
        // a full disk: what the file holds stays readable, the rest waits in memory
        this.fileFailed = true;
      }
    }
    this.held.push(text);
    return { held: this.held.length - 1 };
  }

  /** The document at `place`; each is taken once (memory lets it go). */
  get(place: PendingPlace): string {
    if ('held' in place) {
      const text = this.held[place.held]!;
      this.held[place.held] = undefined;
      return text;
    }
    const bytes = Buffer.alloc(place.bytes);
    let read = 0;
    while (read < place.bytes) {
      const n = readSync(this.file!.fd, bytes, read, place.bytes - read, place.at + read);
      if (n === 0) break;
      read += n;
    }
    return bytes.toString('utf8');
  }

  /** Closes and removes the file. */
  close(): void {
    if (!this.file) return;
    closeSync(this.file.fd);
    removeTempFile(this.file.path);
    this.file = undefined;
  }

  private openFile(): { path: string; fd: number } | undefined {
    if (this.file || this.fileFailed) return this.file;
    let path: string | undefined;
    try {
      path = createTempFile(this.dir, 'documents');
      this.file = { path, fd: openSync(path, 'r+') };
    } catch {
      if (path) removeTempFile(path);
      this.fileFailed = true;
    }
    return this.file;
  }
}
