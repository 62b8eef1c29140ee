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
import { SpillFile, type SpillPlace } from '../io/spill-file.js';

/** Where a document waits: a stretch of the file, or (when the file could not take it) memory. */
export type PendingPlace = SpillPlace | { held: number };

export class PendingDocuments {
  private readonly file: SpillFile;
  private readonly held: Array<string | undefined> = [];

  /** The file is made in `dir` when the first document comes. */
  constructor(dir: string) {
    this.file = new SpillFile(dir, 'documents');
  }

  put(text: string): PendingPlace {
    const place = this.file.write(Buffer.from(text, 'utf8'));
    if (place) return place;
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
    return this.file.read(place).toString('utf8');
  }

  /** Closes and removes the file. */
  close(): void {
    this.file.close();
  }
}
