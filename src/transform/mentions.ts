/**
 * The edition's mentions of persons, packed: a volume of 50 MB holds some 270,000 of them, which as objects (three
 * strings each, the contexts two-byte for their "…") took 2.7 times the file. Here each is a row of numbers; the
 * person, document and name are each kept once, the contexts side by side in strings of about 64 K characters,
 * without the "…" that marks a cut context (a flag says where it goes back). A {@link Mention} is made when asked.
 *
 * The contexts of a volume are still most of what a run holds (30 MB of the 50 MB alive at 50 MB, which the heap's
 * growth doubles), so given a spill file the chunks past the first million characters wait there, in Latin-1 where
 * they can be (else UTF-16) so that a context's characters are found at a computed byte; they are read back a
 * context at a time, or a chunk at a time when the mentions are read in order (a person page, the tables).
 */
import type { SpillFile, SpillPlace } from '../io/spill-file.js';

/** A persName in a document's reading text. */
export interface Mention {
  person: string;
  document: string;
  /** The name as written. */
  name: string;
  before: string;
  after: string;
}

/** The mark of a context cut at a word, as the person pages show it. */
const CUT = '…';
/** Context characters gathered before they are joined into one string. */
const CHUNK_CHARS = 1 << 16;

// the columns of a row; the last packs the contexts' lengths (each at most CONTEXT_MAX) and the marks of a cut
const PERSON = 0;
const DOCUMENT = 1;
const NAME = 2;
const CHUNK = 3;
const AT = 4;
const SIZES = 5;
const WIDTH = 6;
const LENGTH_BITS = 12;
const CONTEXT_MAX = (1 << LENGTH_BITS) - 1;
const CUT_BEFORE = 1 << (2 * LENGTH_BITS);
const CUT_AFTER = 2 << (2 * LENGTH_BITS);
/** Rows per block: the rows grow a block at a time, never copied. */
const BLOCK_ROWS = 8192;
/** Sealed chunks kept in memory before the others go to the spill file: about a million characters. */
const CHUNKS_IN_MEMORY = 16;

/** A chunk of contexts in the spill file: one byte a character, or two where a character needs them. */
interface SpilledChunk {
  place: SpillPlace;
  bytesPerChar: 1 | 2;
}

/** Strings kept once each, by number. */
class Interned {
  readonly strings: string[] = [];
  private readonly numbers = new Map<string, number>();

  number(s: string): number {
    let n = this.numbers.get(s);
    if (n === undefined) {
      // a copy: the string may be a slice of a whole block of text, which it would keep alive
      const own = structuredClone(s);
      n = this.strings.length;
      this.strings.push(own);
      this.numbers.set(own, n);
    }
    return n;
  }
}

/** The mentions of an edition (or of one text), in the order they were found. */
export class Mentions implements Iterable<Mention> {
  private readonly persons = new Interned();
  private readonly documents = new Interned();
  private readonly names = new Interned();
  private readonly blocks: Int32Array[] = [];
  private count = 0;
  private readonly chunks: (string | SpilledChunk)[] = [];
  private open: string[] = [];
  private openChars = 0;
  /** The spilled chunk read back whole, and the chunk the last context was read from. */
  private readBack: { chunk: number; text: string } | undefined;
  private lastChunk = -1;

  /**
   * @param spill where chunks wait beyond the first `chunksInMemory` (none: all stay in memory); {@link close}
   * removes it
   */
  constructor(
    private readonly spill?: SpillFile,
    private readonly chunksInMemory = CHUNKS_IN_MEMORY,
  ) {}

  get length(): number {
    return this.count;
  }

  /**
   * Adds a mention whose contexts are given without their marks of a cut (`cutBefore`: "…" goes before `before`;
   * `cutAfter`: after `after`), so that a context in Latin-1 stays a one-byte string. A context holds at most
   * 4,095 characters (the collector's hold 70).
   */
  add(person: string, document: string, name: string, before: string, after: string, cutBefore: boolean, cutAfter: boolean): void {
    if (before.length > CONTEXT_MAX || after.length > CONTEXT_MAX) throw new RangeError(`a context of a mention is longer than ${CONTEXT_MAX} characters`);
    if (this.count === this.blocks.length * BLOCK_ROWS) this.blocks.push(new Int32Array(BLOCK_ROWS * WIDTH));
    const block = this.blocks[this.blocks.length - 1]!;
    const row = (this.count % BLOCK_ROWS) * WIDTH;
    block[row + PERSON] = this.persons.number(person);
    block[row + DOCUMENT] = this.documents.number(document);
    block[row + NAME] = this.names.number(name);
    block[row + CHUNK] = this.chunks.length;
    block[row + AT] = this.openChars;
    block[row + SIZES] = before.length | (after.length << LENGTH_BITS) | (cutBefore ? CUT_BEFORE : 0) | (cutAfter ? CUT_AFTER : 0);
    this.open.push(before, after);
    this.openChars += before.length + after.length;
    this.count++;
    if (this.openChars >= CHUNK_CHARS) this.seal();
  }

  /** Forgets the mentions from `length` on (those of a file that proved not to be a document). */
  truncate(length: number): void {
    if (length < this.count) this.count = length;
  }

  person(i: number): string {
    return this.persons.strings[this.cell(i, PERSON)]!;
  }

  document(i: number): string {
    return this.documents.strings[this.cell(i, DOCUMENT)]!;
  }

  /** The name as written. */
  name(i: number): string {
    return this.names.strings[this.cell(i, NAME)]!;
  }

  /** The mention at `i` (0-based), made anew. */
  at(i: number): Mention {
    const chunk = this.cell(i, CHUNK);
    if (chunk === this.chunks.length) this.seal();
    const at = this.cell(i, AT);
    const sizes = this.cell(i, SIZES);
    const beforeLength = sizes & CONTEXT_MAX;
    const both = this.contexts(chunk, at, at + beforeLength + ((sizes >> LENGTH_BITS) & CONTEXT_MAX));
    const before = both.slice(0, beforeLength);
    const after = both.slice(beforeLength);
    return {
      person: this.person(i),
      document: this.document(i),
      name: this.name(i),
      before: sizes & CUT_BEFORE ? CUT + before : before,
      after: sizes & CUT_AFTER ? after + CUT : after,
    };
  }

  *[Symbol.iterator](): Iterator<Mention> {
    for (let i = 0; i < this.count; i++) yield this.at(i);
  }

  /** Removes the spill file; the contexts that waited there cannot be read any more. */
  close(): void {
    this.spill?.close();
    this.readBack = undefined;
  }

  /** Characters `from` to `to` of a chunk. */
  private contexts(chunk: number, from: number, to: number): string {
    const held = this.chunks[chunk]!;
    if (typeof held === 'string') return held.slice(from, to);
    if (this.readBack?.chunk !== chunk && this.lastChunk === chunk) {
      // a second context in a row from this chunk: the mentions are read in order, so read it whole once
      this.readBack = { chunk, text: this.readSpilled(held, 0, held.place.bytes / held.bytesPerChar) };
    }
    this.lastChunk = chunk;
    if (this.readBack?.chunk === chunk) return this.readBack.text.slice(from, to);
    return this.readSpilled(held, from, to);
  }

  private readSpilled({ place, bytesPerChar }: SpilledChunk, from: number, to: number): string {
    const file = this.spill!;
    if (file.path === undefined) throw new Error('the mentions were closed: the contexts that waited in their spill file are gone');
    const bytes = file.read({ at: place.at + from * bytesPerChar, bytes: (to - from) * bytesPerChar });
    if (bytes.length !== (to - from) * bytesPerChar) throw new Error(`the mentions' spill file ${file.path} was cut short`);
    return bytes.toString(bytesPerChar === 1 ? 'latin1' : 'utf16le');
  }

  private cell(i: number, column: number): number {
    if (!(Number.isInteger(i) && i >= 0 && i < this.count)) throw new RangeError(`no mention ${i} of ${this.count}`);
    return this.blocks[Math.floor(i / BLOCK_ROWS)]![(i % BLOCK_ROWS) * WIDTH + column]!;
  }

  /** Joins the open contexts into one string: a copy, so the blocks they were cut from can go. */
  private seal(): void {
    const text = this.open.join('');
    this.chunks.push((this.chunks.length >= this.chunksInMemory ? this.spilled(text) : undefined) ?? text);
    this.open = [];
    this.openChars = 0;
  }

  /** `text` written to the spill file, or undefined where there is none or it cannot take more. */
  private spilled(text: string): SpilledChunk | undefined {
    if (!this.spill) return undefined;
    const bytesPerChar = /[^\u0000-\u00ff]/.test(text) ? 2 : 1;
    const place = this.spill.write(Buffer.from(text, bytesPerChar === 1 ? 'latin1' : 'utf16le'));
    return place && { place, bytesPerChar };
  }
}
