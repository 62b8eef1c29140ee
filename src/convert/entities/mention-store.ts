/**
 * The mentions of an edition, kept from the tagging of each document until the link step
 * ({@link PersonRegistry.link}) once every source is converted: compact, and detached from the text they were
 * read in.
 *
 * Detached: a name's printed form is a slice of its document's text, and V8 makes a slice of 13 characters or more
 * a view into the string it was cut from, which stays alive as long as the slice does. The forms of an edition's
 * mentions held the whole of every source they came from (the 50 MB frus text, 100 MB of two-byte string, until
 * the link step: docs/decisions.md, "Mentions kept compact"). Each distinct form and options are kept once, as
 * copies made by JSON (a fresh string for every field), and every mention as four numbers.
 */
import { detached } from '../readers/detached.js';
import type { MentionOptions, NameForm } from './persons/link.js';
import type { DocumentMentions, MentionPlace } from './personography.js';
import type { RecordedMention } from './person-mentions.js';

/** Numbers appended one at a time, in a typed array that doubles as it fills. */
class Int32Column {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }

  at(index: number): number {
    return this.data[index]!;
  }
}

/** Values kept once each, by a key that says what they are, numbered in the order they were first met. */
class Interned<T> {
  private readonly ids = new Map<string, number>();
  readonly values: T[] = [];

  idOf(key: string, make: () => T): number {
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(make());
      this.ids.set(key, id);
    }
    return id;
  }
}

/** No place, or a place without a line. */
const NONE = -1;

/**
 * Mentions document by document, in the order they are added; iterated, it gives back each document's mentions as
 * {@link DocumentMentions} (equal to what was added, but for fields that were `undefined`, which are left out), with
 * one object for all mentions of the same form or options.
 */
export class MentionStore implements Iterable<DocumentMentions> {
  private readonly forms = new Interned<NameForm>();
  private readonly options = new Interned<MentionOptions>();
  /** Document names and sources. */
  private readonly names = new Interned<string>();
  /** Per document: its name, its source, and how many mentions it has. */
  private readonly documentName = new Int32Column();
  private readonly documentSource = new Int32Column();
  private readonly documentCount = new Int32Column();
  /** Per mention: its form, its options, the document of its place and the place's line ({@link NONE} if none). */
  private readonly mentionForm = new Int32Column();
  private readonly mentionOptions = new Int32Column();
  private readonly placeDocument = new Int32Column();
  private readonly placeLine = new Int32Column();

  /** Documents added. */
  get size(): number {
    return this.documentName.length;
  }

  /** Mentions added, in all documents. */
  get mentionCount(): number {
    return this.mentionForm.length;
  }

  /** Distinct forms among them. */
  get formCount(): number {
    return this.forms.values.length;
  }

  add(doc: DocumentMentions): void {
    this.documentName.push(this.name(doc.document));
    this.documentSource.push(this.name(doc.source));
    this.documentCount.push(doc.mentions.length);
    for (const m of doc.mentions) {
      const form = JSON.stringify(m.form);
      this.mentionForm.push(this.forms.idOf(form, () => JSON.parse(form) as NameForm));
      const options = JSON.stringify(m.options);
      this.mentionOptions.push(this.options.idOf(options, () => JSON.parse(options) as MentionOptions));
      this.placeDocument.push(m.place ? this.name(m.place.document) : NONE);
      this.placeLine.push(m.place?.line ?? NONE);
    }
  }

  *[Symbol.iterator](): Iterator<DocumentMentions> {
    let at = 0;
    for (let d = 0; d < this.documentName.length; d++) {
      const mentions: RecordedMention[] = [];
      for (const end = at + this.documentCount.at(d); at < end; at++) {
        const mention: RecordedMention = { form: this.forms.values[this.mentionForm.at(at)]!, options: this.options.values[this.mentionOptions.at(at)]! };
        const placed = this.placeDocument.at(at);
        if (placed !== NONE) {
          const place: MentionPlace = { document: this.names.values[placed]! };
          const line = this.placeLine.at(at);
          if (line !== NONE) place.line = line;
          mention.place = place;
        }
        mentions.push(mention);
      }
      yield { document: this.names.values[this.documentName.at(d)]!, source: this.names.values[this.documentSource.at(d)]!, mentions };
    }
  }

  private name(text: string): number {
    return this.names.idOf(text, () => detached(text));
  }
}
