/**
 * The conversion pipeline: every pass, in order, in one literal list. Each pass is one concern in its own
 * module (src/convert/passes/) and reads what the passes it `requires` left in the document model.
 *
 * Documents go through the passes in small batches, from segmentation to the last pass; a volume pass may hold
 * some back until later documents have told it what it needs (see `VolumePass`).
 */
import type { SourceText, TeiDocument } from '../model/document.js';
import { memoryQueue, type ConvertContext, type ConvertOptions, type DocumentPass, type DocumentQueue, type Pass, type PassName, type SourcePass, type VolumePass } from './pass.js';
import { ConvertCodes } from '../diagnostics/codes.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import { segmentPass } from './passes/segment.js';
import { structurePass } from './passes/structure.js';
import { inlinePass } from './passes/inline.js';
import { duplicatesPass } from './passes/duplicates.js';
import { joinPass } from './passes/join.js';
import { notesPass } from './passes/notes.js';
import { headerPass } from './passes/header.js';
import { volumePass } from './passes/volume.js';
import { entitiesPass } from './passes/entities.js';
import { layoutPass } from './passes/layout.js';

/** A pipeline starts with the pass that cuts the source into documents; the rest refine them. */
export type Pipeline = readonly [SourcePass, ...(DocumentPass | VolumePass)[]];

/**
 * Segmentation into documents; each block's text read into inline nodes; what each block is; second OCR passes set
 * aside; paragraphs re-joined across page breaks; footnotes moved to their references; header facts; what a
 * volume's documents learn from each other; persons, dates and places; the body divided as TEI wants it.
 */
export const PIPELINE: Pipeline = [segmentPass, inlinePass, structurePass, duplicatesPass, joinPass, notesPass, headerPass, volumePass, entitiesPass, layoutPass];

/**
 * The pipeline up to and including the pass `last`, without the passes named in `without`: for tests and
 * benches that look at the model between two passes, or leave a costly one out. The order stays the pipeline's.
 */
export function pipelineUpTo(last: PassName, without: readonly PassName[] = [], pipeline: Pipeline = PIPELINE): Pipeline {
  const end = pipeline.findIndex((p) => p.name === last);
  const [segment, ...rest] = pipeline.slice(0, end < 0 ? pipeline.length : end + 1) as unknown as Pipeline;
  return [segment, ...rest.filter((p) => !without.includes(p.name))];
}

/** What is wrong with the order of a pipeline: a name used twice, a pass before one it requires. Empty when sound. */
export function orderProblems(pipeline: readonly Pass[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const pass of pipeline) {
    if (seen.has(pass.name)) problems.push(`${pass.name} appears twice`);
    for (const needed of pass.requires) if (!seen.has(needed)) problems.push(`${pass.name} requires ${needed}, which does not run before it`);
    seen.add(pass.name);
  }
  return problems;
}

/** Runs a pipeline over one source and returns its documents, in source order. */
export function runPipeline(source: SourceText, ctx: ConvertContext, pipeline: Pipeline = PIPELINE): TeiDocument[] {
  return [...streamPipeline(source, ctx, pipeline)];
}

/**
 * Runs a pipeline over one source and yields each document as soon as the last pass is done with it, in source
 * order. Segmentation makes one document at a time; a small batch of them goes through every pass and out before
 * the next batch is made, so that a caller that writes each out and lets it go holds one batch at a time. A volume pass may hold
 * documents back until later ones decide them (see {@link VolumePass}); they wait in `ctx.options.parking`.
 *
 * A document past the size guard (see {@link documentSizeProblem}) is reported where it starts, and the passes
 * that declare `skipsOversized` leave it as it is.
 */
export function* streamPipeline(source: SourceText, ctx: ConvertContext, pipeline: Pipeline = PIPELINE): Generator<TeiDocument> {
  const [segment, ...rest] = pipeline;
  // By id, not by object: a document that waits in a file comes back as another object.
  const oversized = new Set<string>();
  let docs: Iterable<TeiDocument> = guarded(segment.run(source, ctx), rest, oversized, ctx);
  for (const stage of stagesOf(rest)) docs = Array.isArray(stage) ? throughDocumentPasses(docs, stage, oversized, ctx) : throughVolumePass(docs, stage, ctx);
  for (const doc of docs) {
    ctx.options.onProgress?.(doc.endLine, source.lines.length);
    yield doc;
  }
}

function* guarded(docs: Iterable<TeiDocument>, rest: readonly (DocumentPass | VolumePass)[], oversized: Set<string>, ctx: ConvertContext): Generator<TeiDocument> {
  const skipped = rest.filter((p) => p.scope === 'document' && p.skipsOversized).map((p) => p.name);
  for (const doc of docs) {
    const problem = documentSizeProblem(doc, ctx.options);
    if (problem) {
      oversized.add(doc.id);
      ctx.report(
        diagnostic(ConvertCodes.documentTooLarge, { problem, line: doc.startLine, endLine: doc.endLine, skipped }, { file: doc.sourceFile, line: doc.startLine, column: 1 }),
      );
    }
    yield doc;
  }
}

/**
 * A batch of documents goes through one pass after another: each pass over all of them, then the next. A pass run
 * over one document after another finds its code and data still in the processor's caches; run once per document
 * between all the other passes, it found them cold (a running heading read in 37 µs inside a conversion, 7 µs
 * in a loop). A batch is a few documents, or fewer lines of source, so memory stays bounded by a document.
 * Output is the same whatever the batch: a pass keeps what it carries from one document to the next in its own
 * state, read by no other pass.
 */
export const BATCH_DOCUMENTS = 16;
export const BATCH_LINES = 4000;

function* throughDocumentPasses(docs: Iterable<TeiDocument>, stage: readonly DocumentPass[], oversized: ReadonlySet<string>, ctx: ConvertContext): Generator<TeiDocument> {
  const most = Math.max(1, ctx.options.batchDocuments ?? BATCH_DOCUMENTS);
  let batch: TeiDocument[] = [];
  let lines = 0;
  const runBatch = (): TeiDocument[] => {
    for (const pass of stage) for (const doc of batch) if (!pass.skipsOversized || !oversized.has(doc.id)) pass.run(doc, ctx);
    const done = batch;
    batch = [];
    lines = 0;
    return done;
  };
  for (const doc of docs) {
    batch.push(doc);
    lines += doc.endLine - doc.startLine + 1;
    if (batch.length >= most || lines >= BATCH_LINES) yield* runBatch();
  }
  yield* runBatch();
}

/**
 * A volume pass over documents as they come: each is read, then applied and passed on as soon as the facts decide
 * it. One that is not decided waits, and so does every one after it (source order); those waiting go on as soon
 * as the facts decide the first of them, and all of them once the source is done.
 */
function* throughVolumePass(docs: Iterable<TeiDocument>, pass: VolumePass, ctx: ConvertContext): Generator<TeiDocument> {
  const facts = ctx.state(pass.facts);
  let waiting: DocumentQueue | undefined;
  const notes: unknown[] = [];
  const release = function* (complete: boolean): Generator<TeiDocument> {
    while (notes.length > 0 && pass.decides(notes[0], facts, complete)) {
      const doc = waiting!.shift()!;
      pass.apply(doc, notes.shift(), facts, ctx);
      yield doc;
    }
  };
  try {
    for (const doc of docs) {
      const note = pass.read(doc, facts, ctx);
      if (notes.length === 0 && pass.decides(note, facts, false)) {
        pass.apply(doc, note, facts, ctx);
        yield doc;
        continue;
      }
      waiting ??= ctx.options.parking?.() ?? memoryQueue();
      waiting.push(doc);
      notes.push(note);
      yield* release(false);
    }
    yield* release(true);
  } finally {
    waiting?.close();
  }
}

/** Above these a document is reported and left to the passes that read it in parts (see `ConvertOptions`). */
export const DEFAULT_MAX_DOCUMENT_CHARS = 2 * 1048576;
export const DEFAULT_MAX_DOCUMENT_BLOCKS = 5000;

/** What is too large about a document ("2.4 MB of text", "7,310 blocks"), or undefined when it is within the limits. */
export function documentSizeProblem(doc: TeiDocument, limits: Pick<ConvertOptions, 'maxDocumentChars' | 'maxDocumentBlocks'> = {}): string | undefined {
  const maxBlocks = limits.maxDocumentBlocks ?? DEFAULT_MAX_DOCUMENT_BLOCKS;
  const maxChars = limits.maxDocumentChars ?? DEFAULT_MAX_DOCUMENT_CHARS;
  let chars = 0;
  for (const b of doc.blocks) for (const line of b.lines) chars += line.length + 1;
  const problems: string[] = [];
  if (chars > maxChars) problems.push(`${(chars / 1048576).toFixed(1)} MB of text`);
  if (doc.blocks.length > maxBlocks) problems.push(`${doc.blocks.length.toLocaleString('en')} blocks`);
  return problems.length ? problems.join(' in ') : undefined;
}

function stagesOf(passes: readonly (DocumentPass | VolumePass)[]): (DocumentPass[] | VolumePass)[] {
  const stages: (DocumentPass[] | VolumePass)[] = [];
  for (const pass of passes) {
    if (pass.scope === 'volume') stages.push(pass);
    else {
      const last = stages[stages.length - 1];
      if (Array.isArray(last)) last.push(pass);
      else stages.push([pass]);
    }
  }
  return stages;
}
