/**
 * What one file tells the edition-wide check: its xml:ids and its pointers into other files, with where each
 * stands. They are held for every file until the end of a run, so they are packed: each distinct string once
 * (a table), each id and reference a few numbers in a typed array. A 50 MB document's 200,000 references took
 * ~250 bytes each as objects (an object, a span, three strings), 20 bytes here; and the packed form is plain
 * data, cloned cheaply from a worker thread.
 */
import type { SourceSpan } from '../diagnostics/diagnostic.js';

/** An attribute value that points into another file: `persons.xml#id`, `../persons.xml#id`, `other.xml#p3`. */
export interface CrossReference {
  /** The element carrying it, local name. */
  element: string;
  attribute: string;
  /** The pointer as written (one whitespace-separated token of the attribute). */
  pointer: string;
  /** The referenced file, as written (before the `#`). */
  targetFile: string;
  targetId: string;
  span: SourceSpan;
}

/** An xml:id and the element that carries it. */
export interface IdInfo {
  id: string;
  /** Local name of the element. */
  element: string;
  span: SourceSpan;
}

/** A file's ids and references, packed; read them with {@link idsOf} and {@link referencesOf}. */
export interface FileFacts {
  /** Every distinct string the records name. */
  strings: string[];
  /** Per id, {@link ID_FIELDS} numbers: id, element (indexes into strings), line, column. */
  ids: Int32Array;
  /** Per reference, {@link REFERENCE_FIELDS} numbers: element, attribute, pointer (indexes into strings), line, column. */
  references: Int32Array;
}

const ID_FIELDS = 4;
const REFERENCE_FIELDS = 5;

/** Facts of a file that has none (not read, not checked). */
export function noFacts(): FileFacts {
  return { strings: [], ids: new Int32Array(0), references: new Int32Array(0) };
}

/** How many ids a file has. */
export function idCount(facts: FileFacts): number {
  return facts.ids.length / ID_FIELDS;
}

/** How many references a file has. */
export function referenceCount(facts: FileFacts): number {
  return facts.references.length / REFERENCE_FIELDS;
}

const NO_NUMBERS = new Int32Array(0);

/**
 * A growable list of 32-bit integers, in blocks that double up to 64 kB: growing never copies what is there
 * (doubling one array held the old and the new at once, three times the data at the peak), a small file's
 * list stays small, and {@link done} makes one exact array.
 */
class IntList {
  private static readonly MAX_BLOCK = 1 << 14;
  private readonly full: Int32Array[] = [];
  private fullLength = 0;
  // no block until the first number: most files (and every file when facts are not kept) add none
  private block = NO_NUMBERS;
  private used = 0;

  get length(): number {
    return this.fullLength + this.used;
  }

  push(a: number, b: number, c: number, d: number, e?: number): void {
    this.add(a);
    this.add(b);
    this.add(c);
    this.add(d);
    if (e !== undefined) this.add(e);
  }

  private add(v: number): void {
    if (this.used === this.block.length) this.grow();
    this.block[this.used++] = v;
  }

  private grow(): void {
    if (this.block.length === 0) {
      this.block = new Int32Array(64);
      return;
    }
    this.full.push(this.block);
    this.fullLength += this.used;
    this.block = new Int32Array(Math.min(IntList.MAX_BLOCK, this.block.length * 2));
    this.used = 0;
  }

  at(i: number): number {
    for (const b of this.full) {
      if (i < b.length) return b[i]!;
      i -= b.length;
    }
    return this.block[i]!;
  }

  done(): Int32Array {
    const out = new Int32Array(this.length);
    let at = 0;
    for (const b of this.full) {
      out.set(b, at);
      at += b.length;
    }
    out.set(this.block.subarray(0, this.used), at);
    return out;
  }
}

/** Collects a file's facts as a parse finds them. */
export class FileFactsBuilder {
  private readonly strings: string[] = [];
  private readonly index = new Map<string, number>();
  /** Each id's first record (the string table's copy as key). */
  private readonly firstIds = new Map<string, number>();
  private readonly ids = new IntList();
  private readonly references = new IntList();

  private intern(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      // A parser's strings may be slices of the chunk they were read from: a copy keeps the chunk collectable.
      const own = s.length > 12 ? copyString(s) : s;
      i = this.strings.length;
      this.strings.push(own);
      this.index.set(own, i);
    }
    return i;
  }

  addId(id: string, element: string, line: number, column: number): void {
    const record = this.ids.length / ID_FIELDS;
    const s = this.intern(id);
    this.ids.push(s, this.intern(element), line, column);
    if (!this.firstIds.has(this.strings[s]!)) this.firstIds.set(this.strings[s]!, record);
  }

  /** Where an id was first added, if it was. */
  firstId(id: string): { line: number; column: number } | undefined {
    const record = this.firstIds.get(id);
    if (record === undefined) return undefined;
    return { line: this.ids.at(record * ID_FIELDS + 2), column: this.ids.at(record * ID_FIELDS + 3) };
  }

  addReference(element: string, attribute: string, pointer: string, line: number, column: number): void {
    this.references.push(this.intern(element), this.intern(attribute), this.intern(pointer), line, column);
  }

  build(): FileFacts {
    return { strings: this.strings, ids: this.ids.done(), references: this.references.done() };
  }
}

/** A flat copy of a string (V8 keeps a slice of 13 characters or more as a view of its parent). */
function copyString(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

/** The ids of a file, as records (made on demand). */
export function* idsOf(facts: FileFacts, file: string): Generator<IdInfo> {
  const { ids, strings } = facts;
  for (let i = 0; i < ids.length; i += ID_FIELDS) {
    yield { id: strings[ids[i]!]!, element: strings[ids[i + 1]!]!, span: { file, line: ids[i + 2]!, column: ids[i + 3]! } };
  }
}

/** The references of a file, as records (made on demand). */
export function* referencesOf(facts: FileFacts, file: string): Generator<CrossReference> {
  const { references: refs, strings } = facts;
  for (let i = 0; i < refs.length; i += REFERENCE_FIELDS) {
    const pointer = strings[refs[i + 2]!]!;
    const hash = pointer.indexOf('#');
    yield {
      element: strings[refs[i]!]!,
      attribute: strings[refs[i + 1]!]!,
      pointer,
      targetFile: pointer.slice(0, hash),
      targetId: pointer.slice(hash + 1),
      span: { file, line: refs[i + 3]!, column: refs[i + 4]! },
    };
  }
}
