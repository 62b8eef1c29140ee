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
import { deserialize, serialize } from 'node:v8';
import type { TeiDocument } from '../model/document.js';
import type { DocumentQueue } from '../convert/index.js';
import { SpillFile, type SpillPlace } from '../io/spill-file.js';

/** Where a waiting document is: a stretch of the file, or (when the file could not take it) memory. */
type Place = SpillPlace | { held: TeiDocument };

export class ParkedDocuments implements DocumentQueue {
  private readonly file: SpillFile;
  /** Where each waiting document is, first in first out. */
  private places: Place[] = [];
  private first = 0;
  /** The last document put in, after all in `places`. */
  private last: TeiDocument | undefined;

  constructor(dir: string) {
    this.file = new SpillFile(dir, 'waiting');
  }

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
      this.first = 0;
      this.file.clear();
    }
    return doc;
  }

  /** Closes and removes the file. */
  close(): void {
    this.last = undefined;
    this.places = [];
    this.first = 0;
    this.file.close();
  }

  private store(doc: TeiDocument): Place {
    return this.file.write(serialize(doc)) ?? { held: doc };
  }

  private read(place: SpillPlace): TeiDocument {
    const bytes = this.file.read(place);
    if (bytes.length < place.bytes) throw new Error(`${this.file.path}: a waiting document was cut short`);
    return deserialize(bytes) as TeiDocument;
  }
}
