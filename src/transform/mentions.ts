/**
 * The edition's mentions of persons, packed: a volume of 50 MB holds some 270,000 of them, which as objects (three
 * strings each, the contexts two-byte for their "…") took 2.7 times the file. Here each is a row of numbers; the
 * person, document and name are each kept once, the contexts side by side in strings of about 64 K characters,
 * without the "…" that marks a cut context (a flag says where it goes back). A {@link Mention} is made when asked.
 */

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
  private readonly chunks: string[] = [];
  private open: string[] = [];
  private openChars = 0;

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
    const text = this.chunks[chunk]!;
    const at = this.cell(i, AT);
    const sizes = this.cell(i, SIZES);
    const middle = at + (sizes & CONTEXT_MAX);
    const before = text.slice(at, middle);
    const after = text.slice(middle, middle + ((sizes >> LENGTH_BITS) & CONTEXT_MAX));
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

  private cell(i: number, column: number): number {
    if (!(Number.isInteger(i) && i >= 0 && i < this.count)) throw new RangeError(`no mention ${i} of ${this.count}`);
    return this.blocks[Math.floor(i / BLOCK_ROWS)]![(i % BLOCK_ROWS) * WIDTH + column]!;
  }

  /** Joins the open contexts into one string: a copy, so the blocks they were cut from can go. */
  private seal(): void {
    this.chunks.push(this.open.join(''));
    this.open = [];
    this.openChars = 0;
  }
}
