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
  /** Called as conversion advances through an input: lines' worth of work done, and the source's line count. */
  onProgress?: (done: number, total: number) => void;
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

/** Cuts one source into its documents: the first pass, and the only one that makes documents. */
export interface SourcePass extends PassBase {
  readonly scope: 'source';
  run(source: SourceText, ctx: ConvertContext): TeiDocument[];
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
 * Sees all documents of one source at once, after every earlier pass has finished on all of them: the one
 * point of the pipeline where a whole volume must be held in memory. Use only where a fact of each
 * document depends on all the others (the principal writer of a volume).
 */
export interface VolumePass extends PassBase {
  readonly scope: 'volume';
  run(docs: readonly TeiDocument[], ctx: ConvertContext): void;
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
