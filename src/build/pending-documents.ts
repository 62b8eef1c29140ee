/**
 * Documents converted but not yet written: serialised with placeholder person ids, they wait in one temporary
 * file beside the edition until the link step has decided the persons of every mention of the edition
 * (src/convert/entities/persons/link.ts). Memory then holds the documents' mentions, not their text. The file
 * has the pattern of the atomic writes' temporary files: a signal removes it, and so does a later run if this
 * one was killed.
 *
 * Documents are encoded into a buffer of {@link BATCH_BYTES} that goes to the file when full, and read back, in the
 * order they were put, a buffer at a time: one system call per batch instead of one per document each way, and no
 * buffer of its own for each document.
 *
 * Where the edition's folder cannot hold that file (a file where the folder should be, a read-only folder, a full
 * disk), the documents wait in memory instead: the run goes on, and each document's own write then reports, at
 * its path, why it failed.
 */
import { SpillFile } from '../io/spill-file.js';

/** Bytes of documents gathered before one write to the file, and read back at once. */
const BATCH_BYTES = 1 << 20;

/** Where a document waits: its number among those put. */
export type PendingPlace = number;

export class PendingDocuments {
  private readonly file: SpillFile;
  private readonly encoder = new TextEncoder();
  /** Where each document stands in the file (or, for those still in `batch`, where it will stand), and its length. */
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  /** Documents the file could not take. */
  private readonly held = new Map<number, Uint8Array>();
  private batch: Buffer = Buffer.allocUnsafe(BATCH_BYTES);
  /** Bytes in `batch`, and the first document among them. */
  private batched = 0;
  private firstBatched = 0;
  /** Bytes that reached the file. */
  private written = 0;
  /** The stretch of the file last read back, and where it starts in the file. */
  private window: Buffer | undefined;
  private windowAt = 0;

  /** The file is made in `dir` when the first batch is full. */
  constructor(dir: string) {
    this.file = new SpillFile(dir, 'documents');
  }

  put(text: string): PendingPlace {
    const place = this.starts.length;
    let done = this.encoder.encodeInto(text, this.batch.subarray(this.batched));
    if (done.read < text.length) {
      this.flush();
      done = this.encoder.encodeInto(text, this.batch.subarray(this.batched));
    }
    if (done.read < text.length) {
      // larger than a batch: on its own
      const bytes = Buffer.from(text, 'utf8');
      this.starts.push(this.written);
      this.lengths.push(bytes.length);
      this.firstBatched = place + 1;
      if (this.file.write(bytes)) this.written += bytes.length;
      else this.held.set(place, bytes);
      return place;
    }
    this.starts.push(this.written + this.batched);
    this.lengths.push(done.written);
    this.batched += done.written;
    return place;
  }

  /**
   * The document at `place`, as UTF-8 bytes, valid until the next call: each is taken once (memory lets it go), and
   * taking them in the order they were put reads the file a batch at a time.
   */
  get(place: PendingPlace): Uint8Array {
    if (place >= this.firstBatched) this.flush();
    const held = this.held.get(place);
    if (held) {
      this.held.delete(place);
      return held;
    }
    const bytes = this.lengths[place]!;
    if (bytes === 0) return new Uint8Array(0);
    const at = this.starts[place]!;
    if (!this.window || at < this.windowAt || at + bytes > this.windowAt + this.window.length) {
      this.window = this.file.read({ at, bytes: Math.max(bytes, BATCH_BYTES) });
      this.windowAt = at;
    }
    return this.window.subarray(at - this.windowAt, at - this.windowAt + bytes);
  }

  /** Closes and removes the file. */
  close(): void {
    this.file.close();
    this.window = undefined;
  }

  /** Sends the batch to the file, or, where the file cannot take it, keeps its documents in memory. */
  private flush(): void {
    const last = this.starts.length;
    if (this.batched > 0) {
      const bytes = this.batch.subarray(0, this.batched);
      if (this.file.write(bytes)) this.written += this.batched;
      else {
        for (let p = this.firstBatched; p < last; p++) {
          const from = this.starts[p]! - this.written;
          this.held.set(p, Uint8Array.prototype.slice.call(bytes, from, from + this.lengths[p]!));
        }
      }
    }
    this.batched = 0;
    this.firstBatched = last;
  }
}
