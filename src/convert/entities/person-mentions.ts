/**
 * The one interface between tagging and the edition's personography, so that which mentions name one person is
 * decided once every source has been read, whatever the order they were converted in, and files can be
 * converted in parallel (`chancery convert --jobs`) with the same result.
 *
 * Tagging asks two things of the persons: what the edition knows of names (read from every source before any
 * document is tagged, so the same for every file whatever the order) and an id for each mention. A
 * {@link MentionRecorder} answers the first from a copy of the edition's knowledge and writes each mention down,
 * with a placeholder for its id. The link step then decides the persons of all mentions at once
 * ({@link PersonRegistry.link}, the rules of ./persons/link.ts), and {@link fillPersonRefs} puts the ids in place,
 * in the document's objects, or {@link fillPersonRefsInXml} in the document as serialised.
 */
import type { LineList, TeiDocument } from '../../model/document.js';
import { NameKnowledge } from './persons/knowledge.js';
import { normalizeSurname } from './persons/normalize.js';
import type { MentionOptions, NameForm } from './persons/link.js';
import { PersonRegistry, type MentionPlace } from './personography.js';
import { isStrongMention, knowsSurname } from './surname-evidence.js';

export type { MentionOptions } from './persons/link.js';

/** What tagging needs of the edition's persons. {@link PersonRegistry} is one; {@link MentionRecorder} another. */
export interface PersonResolver {
  /** What all sources of the edition establish about names (see ./persons/knowledge.ts). */
  readonly knowledge: NameKnowledge;
  /** True when the edition knows this surname as a person's (see {@link PersonRegistry.knows}). */
  knows(surname: string): boolean;
  /** The id of the person a mention names (an id to be filled in later, for a recorder). */
  resolve(form: NameForm, place?: MentionPlace, options?: MentionOptions): string;
  /**
   * What a source teaches about names read alone, if it was read already when the edition learnt it (see
   * {@link PersonRegistry.takeSourceKnowledge}); undefined, and the entity pass reads it itself, otherwise.
   */
  takeSourceKnowledge?(lines: LineList): NameKnowledge | undefined;
  /**
   * Told by the entity pass when it is done with a document: a recorder files the mentions written down since under
   * that document, for {@link MentionRecorder.take} (the pass may tag several documents before any is taken).
   */
  documentTagged?(doc: TeiDocument): void;
}

/** One call of {@link PersonResolver.resolve}, as a recorder keeps it. */
export interface RecordedMention {
  form: NameForm;
  place?: MentionPlace;
  options: MentionOptions;
}

/** The part of a registry a worker needs to tag as the registry would: plain data, to be sent to a thread. */
export interface EditionNameFacts {
  knowledge: Pick<NameKnowledge, 'surnames' | 'lower' | 'strong' | 'places'>;
  editorSurnames: string[];
  /** Surnames the registry's mentions so far named with evidence of their own (what `knows` reads without learned knowledge). */
  strongSurnames?: string[];
  /** Whether every source was read first (`learnSource`); only then does `knows` not depend on earlier mentions. */
  learned: boolean;
}

/**
 * Marks a placeholder id. A tab: never in a real id (a slug), and in an attribute the serialiser writes it as
 * `&#9;`, which no text can produce (its `&` would be written `&amp;`), so a placeholder is found in the
 * serialised document without any doubt.
 */
const PLACEHOLDER = '\t';

/**
 * Tags without resolving: answers what the edition knows from {@link EditionNameFacts}, and writes down every
 * mention with a placeholder id. `take(doc)` hands over the mentions of a tagged document.
 */
export class MentionRecorder implements PersonResolver {
  readonly knowledge: NameKnowledge;
  private readonly editorSurnames: ReadonlySet<string>;
  private readonly learned: boolean;
  /** Without learned knowledge, `knows` falls back to surnames named with evidence of their own so far. */
  private readonly strongSeen: Set<string>;
  private mentions: RecordedMention[] = [];
  /** Mentions of documents tagged and not yet taken, by document (the pipeline tags documents in batches). */
  private readonly tagged = new Map<TeiDocument, RecordedMention[]>();

  /**
   * `sourceKnowledge`: in the registry's own thread, what a source teaches read alone, which the registry read with
   * the edition's knowledge (see {@link PersonRegistry.takeSourceKnowledge}).
   */
  constructor(facts: EditionNameFacts, private readonly sourceKnowledge?: (lines: LineList) => NameKnowledge | undefined) {
    // In the registry's own thread its knowledge is used as it is; a worker gets a copy to make into one.
    this.knowledge = facts.knowledge instanceof NameKnowledge ? facts.knowledge : new NameKnowledge().add(facts.knowledge as NameKnowledge);
    this.editorSurnames = new Set(facts.editorSurnames);
    this.strongSeen = new Set(facts.strongSurnames);
    this.learned = facts.learned;
  }

  knows(surname: string): boolean {
    return knowsSurname(surname, this.editorSurnames, this.knowledge, this.learned, this.strongSeen);
  }

  takeSourceKnowledge(lines: LineList): NameKnowledge | undefined {
    return this.sourceKnowledge?.(lines);
  }

  resolve(form: NameForm, place?: MentionPlace, options: MentionOptions = {}): string {
    if (isStrongMention(form, options)) this.strongSeen.add(normalizeSurname(form.surname));
    const mention: RecordedMention = { form, options };
    if (place) mention.place = place;
    this.mentions.push(mention);
    return `${PLACEHOLDER}${this.mentions.length - 1}`;
  }

  documentTagged(doc: TeiDocument): void {
    this.tagged.set(doc, this.mentions);
    this.mentions = [];
  }

  /**
   * The mentions of `doc`, in the order they were met, once the entity pass is done with it; none for a document it
   * left alone. Their numbering starts again with each document.
   */
  take(doc: TeiDocument): RecordedMention[] {
    const filed = this.tagged.get(doc);
    if (!filed) return [];
    this.tagged.delete(doc);
    return filed;
  }
}

/**
 * Puts resolved ids where a recorder left placeholders: every `ref` of the document (persName entities, the
 * correspondents) that points at one. Walks the document's objects once, without recursion.
 */
export function fillPersonRefs(doc: TeiDocument, ids: readonly string[]): void {
  const placeholderRef = PersonRegistry.ref(PLACEHOLDER);
  const seen = new Set<object>();
  const stack: object[] = [doc];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === 'object' && item !== null) stack.push(item as object);
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'object' && v !== null) stack.push(v);
      else if (key === 'ref' && typeof v === 'string' && v.startsWith(placeholderRef)) {
        const id = ids[Number(v.slice(placeholderRef.length))];
        if (id !== undefined) record[key] = PersonRegistry.ref(id);
      }
    }
  }
}

/** A placeholder ref as the serialiser writes it: `ref="../persons.xml#&#9;12"`. */
const SERIALIZED_PLACEHOLDER = new RegExp(`(ref=")${escapeRegExp(PersonRegistry.ref(''))}&#9;(\\d+)"`, 'g');

/** Puts resolved ids where a recorder left placeholders, in a document already serialised as XML. */
export function fillPersonRefsInXml(xml: string, ids: readonly string[]): string {
  return xml.replace(SERIALIZED_PLACEHOLDER, (whole, attr: string, n: string) => {
    const id = ids[Number(n)];
    return id === undefined ? whole : `${attr}${PersonRegistry.ref(id)}"`;
  });
}

/**
 * {@link SERIALIZED_PLACEHOLDER} in a document's UTF-8 bytes read one character a byte (latin1): a byte string in
 * which the ASCII of the placeholder reads as it is.
 */
const BYTES_PLACEHOLDER = new RegExp(`(ref=")${escapeRegExp(asBytes(PersonRegistry.ref('')))}&#9;(\\d+)"`, 'g');

/**
 * {@link fillPersonRefsInXml} of a document given as its UTF-8 bytes, as UTF-8 bytes (the same bytes when it holds no
 * placeholder): documents wait for their ids as bytes and are written as bytes. The bytes are read as latin1, one
 * character a byte, which neither decodes nor encodes UTF-8; an id is put in as its UTF-8 bytes.
 */
export function fillPersonRefsInBytes(xml: Uint8Array, ids: readonly string[]): Uint8Array {
  const text = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength).toString('latin1');
  const filled = text.replace(BYTES_PLACEHOLDER, (whole, attr: string, n: string) => {
    const id = ids[Number(n)];
    return id === undefined ? whole : `${attr}${asBytes(PersonRegistry.ref(id))}"`;
  });
  return filled === text ? xml : Buffer.from(filled, 'latin1');
}

/** A string's UTF-8 bytes as a latin1 string (the string itself when it is ASCII). */
function asBytes(s: string): string {
  return /^[\x00-\x7f]*$/.test(s) ? s : Buffer.from(s, 'utf8').toString('latin1');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
