/**
 * The one interface between tagging and the edition's personography, so that files can be converted in parallel
 * and still give the ids one file after another would (`chancery convert --jobs`).
 *
 * Tagging asks two things of the persons: what the edition knows of names (read from every source before any
 * document is tagged, so the same for every file whatever the order) and an id for each mention. Ids depend on
 * the order mentions come in (a new surname takes `smith`, the next conflicting one `smith-2`; a bare surname
 * goes to the person named last). So a worker does not resolve: a {@link MentionRecorder} answers the first
 * question from a copy of the edition's knowledge and writes each mention down, with a placeholder for its id.
 * The thread that owns the {@link PersonRegistry} then resolves the mentions of each document, file after file in
 * the order given ({@link resolveMentions}), and puts the ids in place ({@link fillPersonRefs}). One file after
 * another in one thread, and the same files over many workers, make the same calls in the same order.
 */
import type { TeiDocument } from '../../model/document.js';
import { NameKnowledge } from './persons/knowledge.js';
import { normalizeSurname } from './persons/normalize.js';
import { PersonRegistry, type MentionPlace, type NameForm } from './personography.js';
import { isStrongMention, knowsSurname } from './surname-evidence.js';

/** What the text says of a mention beyond its name. */
export interface MentionOptions {
  correspondent?: boolean;
  role?: string;
}

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
  takeSourceKnowledge?(lines: readonly string[]): NameKnowledge | undefined;
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
  /** Whether every source was read first (`learnSource`); only then does `knows` not depend on earlier mentions. */
  learned: boolean;
}

/** Marks a placeholder id; a NUL never reaches a written file (the XML escape replaces it), nor a real id (a slug). */
const PLACEHOLDER = '\u0000';

/**
 * Tags without resolving: answers what the edition knows from {@link EditionNameFacts}, and writes down every
 * mention with a placeholder id. `take()` hands over the mentions of the document just tagged.
 */
export class MentionRecorder implements PersonResolver {
  readonly knowledge = new NameKnowledge();
  private readonly editorSurnames: ReadonlySet<string>;
  private readonly learned: boolean;
  /** Without learned knowledge, `knows` falls back to surnames named with evidence of their own so far. */
  private readonly strongSeen = new Set<string>();
  private mentions: RecordedMention[] = [];

  constructor(facts: EditionNameFacts) {
    this.knowledge.add(facts.knowledge as NameKnowledge);
    this.editorSurnames = new Set(facts.editorSurnames);
    this.learned = facts.learned;
  }

  knows(surname: string): boolean {
    return knowsSurname(surname, this.editorSurnames, this.knowledge, this.learned, this.strongSeen);
  }

  resolve(form: NameForm, place?: MentionPlace, options: MentionOptions = {}): string {
    if (isStrongMention(form, options)) this.strongSeen.add(normalizeSurname(form.surname));
    const mention: RecordedMention = { form, options };
    if (place) mention.place = place;
    this.mentions.push(mention);
    return `${PLACEHOLDER}${this.mentions.length - 1}`;
  }

  /** The mentions written down since the last call, in the order they were met; numbering starts again. */
  take(): RecordedMention[] {
    const taken = this.mentions;
    this.mentions = [];
    return taken;
  }
}

/** Resolves recorded mentions in their order: the ids the registry would have given them during tagging. */
export function resolveMentions(registry: PersonRegistry, mentions: readonly RecordedMention[]): string[] {
  return mentions.map((m) => registry.resolve(m.form, m.place, m.options));
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
