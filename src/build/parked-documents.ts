/**
 * Documents that wait in the middle of the pipeline (a volume pass cannot yet decide them, see
 * src/convert/pass.ts, `VolumePass`), kept in a temporary file beside the edition instead of in memory: the
 * document model is several times the size of its text, and a volume whose messages all wait for its principal
 * writer would otherwise be held whole. Written with v8's serializer, which keeps everything the model holds
 * (shared blocks, `undefined` fields, maps); the file has the pattern of the atomic writes' temporary files, so a
 * signal removes it, and so does a later run if this one was killed. The last document put in stays in memory
 * (it is the one the pipeline has just finished with): the file is made only when two wait, so that the usual
 * wait — a source of one document, which waits until the source is done — costs nothing.
 *
 * Where the edition's folder cannot hold that file (a file where the folder should be, a read-only folder, a full
 * disk), documents wait in memory instead, as `PendingDocuments` does: the run goes on, and the writes of the
 * documents report, at their paths, why they failed.
 */
import { closeSync, ftruncateSync, openSync, readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { TeiDocument } from '../model/document.js';
import type { DocumentQueue } from '../convert/index.js';
import { createTempFile, removeTempFile } from '../io/write-file-atomic.js';

/** Where a waiting document is: a stretch of the file, or (when the file could not take it) memory. */
type Place = { at: number; bytes: number } | { held: TeiDocument };

export class ParkedDocuments implements DocumentQueue {
  private file: { path: string; fd: number } | undefined;
  /** Set once the file failed: every later document waits in memory. */
  private fileFailed = false;
  /** Where each waiting document is, first in first out. */
  private places: Place[] = [];
  private first = 0;
  private end = 0;
  /** The last document put in, after all in `places`. */
  private last: TeiDocument | undefined;

  constructor(private readonly dir: string) {}

  get length(): number {
    return this.places.length - this.first + (this.last ? 1 : 0);
  }

  push(doc: TeiDocument): void {
    if (this.last) this.places.push(this.store(this.last));
    this.last = doc;
  }

  shift(): TeiDocument | undefined {
    const place = this.places[this.first];
    if (!place) {
      const last = this.last;
      this.last = undefined;
      return last;
    }
    this.places[this.first++] = { held: undefined as unknown as TeiDocument };
    const doc = 'held' in place ? place.held : this.read(place);
    // Empty again: the file starts over, so that it never grows past what waits at once.
    if (this.first === this.places.length) {
      this.places = [];
      this.first = this.end = 0;
      if (this.file) ftruncateSync(this.file.fd, 0);
    }
    return doc;
  }

  /** Closes and removes the file. */
  close(): void {
    this.last = undefined;
    this.places = [];
    this.first = this.end = 0;
    if (!this.file) return;
    closeSync(this.file.fd);
    removeTempFile(this.file.path);
    this.file = undefined;
  }

  private store(doc: TeiDocument): Place {
    const file = this.fileFailed ? undefined : this.openFile();
    if (!file) return { held: doc };
    const bytes = serialize(doc);
    try {
      let written = 0;
      while (written < bytes.length) written += writeSync(file.fd, bytes, written, bytes.length - written, this.end + written);
    } catch {
      // a full disk: what the file holds stays readable, the rest waits in memory
      this.fileFailed = true;
      return { held: doc };
    }
    const place = { at: this.end, bytes: bytes.length };
    this.end += bytes.length;
    return place;
  }

  private read(place: { at: number; bytes: number }): TeiDocument {
    const bytes = Buffer.alloc(place.bytes);
    let read = 0;
    while (read < place.bytes) {
      const n = readSync(this.file!.fd, bytes, read, place.bytes - read, place.at + read);
      if (n === 0) throw new Error(`${this.file!.path}: a waiting document was cut short`);
      read += n;
    }
    return deserialize(bytes) as TeiDocument;
  }

  private openFile(): { path: string; fd: number } | undefined {
    if (this.file || this.fileFailed) return this.file;
    let path: string | undefined;
    try {
      path = createTempFile(this.dir, 'waiting');
      this.file = { path, fd: openSync(path, 'r+') };
    } catch {
      if (path) removeTempFile(path);
      this.fileFailed = true;
    }
    return this.file;
  }
}
