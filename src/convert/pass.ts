/**
 * What a conversion pass is and what it can use. The passes themselves are listed, in order, in
 * `pipeline.ts`; each lives in its own module of `passes/` and imports only the model, rules, readers and
 * entities — never another pass. What a pass needs from earlier passes is its `requires` list, which the
 * pipeline checks.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, TeiDocument } from '../model/document.js';
import type { PersonResolver } from './entities/person-mentions.js';

/** Options of {@link convert}. */
export interface ConvertOptions {
  /** Name of the input file, as it should appear in `idno type="source"` and in diagnostics. */
  fileName: string;
  /** The path the user named, for messages about unreadable input (default: fileName). */
  sourcePath?: string;
  /**
   * The edition's personography (a `PersonRegistry`): one is shared by every file of an edition so ids stay
   * stable. A `MentionRecorder` instead leaves the ids to be filled in later (conversion in worker threads).
   */
  persons?: PersonResolver;
  /** Fixed timestamp for revisionDesc (tests and reproducible builds). Default: today. */
  generatedOn?: string;
  /**
   * Past either limit a document is reported (TEI-CONV-010) and passes marked `skipsOversized` leave it: 2 MiB
   * of text and 5,000 blocks by default.
   */
  maxDocumentChars?: number;
  maxDocumentBlocks?: number;
  /**
   * Documents taken through the document passes together, each pass over all of them in turn: 16 by default (and
   * never more than 4,000 source lines); 1 takes each document through every pass before the next is made.
   */
  batchDocuments?: number;
  /** Called as conversion advances through an input: the last line of the document just finished, and the source's line count. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Where documents wait, in order, while a volume pass cannot yet decide what it gives them (see {@link VolumePass}):
   * made when a source needs it. Default: in memory. `chancery convert` gives a file, so that memory stays bounded
   * by the largest document whatever waits.
   */
  parking?: () => DocumentQueue;
}

/**
 * Documents waiting in source order (first in, first out). The pipeline asks for one per volume pass and closes it
 * when the source is done.
 */
export interface DocumentQueue {
  readonly length: number;
  push(doc: TeiDocument): void;
  /** The first document waiting, taken out of the queue; undefined when none waits. */
  shift(): TeiDocument | undefined;
  /** Lets go of what it holds (a file). */
  close(): void;
}

/** The default {@link DocumentQueue}: the documents themselves, in memory. */
export function memoryQueue(): DocumentQueue {
  const docs: TeiDocument[] = [];
  let first = 0;
  return {
    get length() {
      return docs.length - first;
    },
    push: (doc) => void docs.push(doc),
    shift() {
      if (first >= docs.length) return undefined;
      const doc = docs[first]!;
      docs[first++] = undefined as unknown as TeiDocument;
      if (first === docs.length) docs.length = first = 0;
      return doc;
    },
    close() {
      docs.length = first = 0;
    },
  };
}

/** The names of the passes of the pipeline; `requires` lists name what a pass needs to have run before it. */
export type PassName = 'segment' | 'structure' | 'inline' | 'duplicates' | 'join' | 'notes' | 'header' | 'volume' | 'entities' | 'layout';

/**
 * A piece of state that a pass keeps across the documents of one source (the reference date a volume has
 * reached, the surnames the whole source establishes). It is created on first use and lives in the
 * source's {@link ConvertContext}, so nothing outlives one conversion and nothing is shared between sources.
 */
export interface SourceState<T> {
  /** For messages and debugging: whose state this is. */
  readonly name: string;
  create(ctx: ConvertContext): T;
}

/** What every pass can use besides the document: made once per source by {@link createContext}. */
export interface ConvertContext {
  readonly source: SourceText;
  readonly options: ConvertOptions;
  readonly persons: PersonResolver;
  report(d: Diagnostic): void;
  /** This source's instance of a pass's state (see {@link SourceState}). */
  state<T>(slot: SourceState<T>): T;
}

interface PassBase {
  readonly name: PassName;
  /** Passes whose results this one reads: each must come earlier in the pipeline. */
  readonly requires: readonly PassName[];
}

/**
 * Cuts one source into its documents: the first pass, and the only one that makes documents. It gives them one
 * at a time, in source order, and holds none it has given: each goes through the rest of the pipeline and out
 * before the next is made.
 */
export interface SourcePass extends PassBase {
  readonly scope: 'source';
  run(source: SourceText, ctx: ConvertContext): Iterable<TeiDocument>;
}

/**
 * Refines one document in place. It sees no other document: what it needs to remember across the
 * documents of a source goes in `ctx.state`, so that documents can be processed one at a time.
 */
export interface DocumentPass extends PassBase {
  readonly scope: 'document';
  /**
   * Set by a pass whose rules read a document as one whole (persons named "last in the same document"): a
   * document past the size guard, most likely a stretch the segmentation did not cut, is left to the other
   * passes, so that it neither costs time out of measure nor joins names across what are really many documents.
   */
  readonly skipsOversized?: true;
  run(doc: TeiDocument, ctx: ConvertContext): void;
}

/**
 * What a document learns from the other documents of its source (the principal writer of a volume). The pass
 * is split so that the volume is never held: as each document goes by it `read`s the few facts the volume needs
 * of it into the source's `facts` (a writer's name, a title), and returns a `note` of what deciding this document
 * needs (a few bytes, kept while it waits). As soon as the facts read so far `decide` a document, the pass
 * `apply`s them to it and it goes on; until then it waits, and every document after it with it, so that documents
 * leave in source order (in `ConvertOptions.parking`, a file for the CLI). When the source is `complete`, every
 * document is decided.
 */
export interface VolumePass<Facts = unknown, Note = unknown> extends PassBase {
  readonly scope: 'volume';
  /** The facts of one source, read from its documents as they go by. */
  readonly facts: SourceState<Facts>;
  read(doc: TeiDocument, facts: Facts, ctx: ConvertContext): Note;
  /** Whether the facts read so far decide what the pass gives a document of this note; must be true once `complete`. */
  decides(note: Note, facts: Facts, complete: boolean): boolean;
  /** Gives the document what the volume says of it; called once the document is decided, in source order. */
  apply(doc: TeiDocument, note: Note, facts: Facts, ctx: ConvertContext): void;
}

export type Pass = SourcePass | DocumentPass | VolumePass;

/** The context of one source: diagnostics go to `report`, pass state is made on first use. */
export function createContext(source: SourceText, options: ConvertOptions, persons: PersonResolver, report: (d: Diagnostic) => void): ConvertContext {
  const states = new Map<SourceState<unknown>, unknown>();
  const ctx: ConvertContext = {
    source,
    options,
    persons,
    report,
    state<T>(slot: SourceState<T>): T {
      if (!states.has(slot)) states.set(slot, slot.create(ctx));
      return states.get(slot) as T;
    },
  };
  return ctx;
}
