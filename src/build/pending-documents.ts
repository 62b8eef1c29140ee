/**
 * Documents converted but not yet written: serialised with placeholder person ids, they wait in one temporary
 * file beside the edition until the link step has decided the persons of every mention of the edition
 * (src/convert/entities/persons/link.ts). Memory then holds the documents' mentions, not their text. The file
 * has the pattern of the atomic writes' temporary files: a signal removes it, and so does a later run if this
 * one was killed.
 */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';
import { createTempFile, removeTempFile } from '../io/write-file-atomic.js';

/** Where a document waits in the file. */
export interface PendingPlace {
  at: number;
  bytes: number;
}

export class PendingDocuments {
  private file: { path: string; fd: number } | undefined;
  private size = 0;

  /** The file is made in `dir` when the first document comes. */
  constructor(private readonly dir: string) {}

  put(text: string): PendingPlace {
    this.file ??= (() => {
      const path = createTempFile(this.dir, 'documents');
      return { path, fd: openSync(path, 'r+') };
    })();
    const bytes = Buffer.from(text, 'utf8');
    let written = 0;
    while (written < bytes.length) written += writeSync(this.file.fd, bytes, written, bytes.length - written, this.size + written);
    const place = { at: this.size, bytes: bytes.length };
    this.size += bytes.length;
    return place;
  }

  get(place: PendingPlace): string {
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
}
