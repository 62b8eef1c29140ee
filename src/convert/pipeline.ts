/**
 * The conversion pipeline: every pass, in order, in one literal list. Each pass is one concern in its own
 * module (src/convert/passes/) and reads what the passes it `requires` left in the document model.
 *
 * Documents go through consecutive per-document passes one at a time; a volume pass is the one point where
 * all documents of a source wait for each other.
 */
import type { SourceText, TeiDocument } from '../model/document.js';
import type { ConvertContext, ConvertOptions, DocumentPass, Pass, PassName, SourcePass, VolumePass } from './pass.js';
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

/**
 * Runs a pipeline over one source and returns its documents. Consecutive document passes form a stage that
 * takes each document through all of them before the next document; a volume pass runs once all documents
 * have been through the stage before it.
 */
export function runPipeline(source: SourceText, ctx: ConvertContext, pipeline: Pipeline = PIPELINE): TeiDocument[] {
  return [...streamPipeline(source, ctx, pipeline)];
}

/**
 * Runs a pipeline over one source and yields each document as soon as the last pass is done with it, in source
 * order, so that a caller that writes it out and lets it go holds at most one finished document at a time. Up
 * to the last volume pass every document waits for the others (that pass needs them all); after it, each goes
 * through the remaining passes and out before the next one starts.
 *
 * A document past the size guard (see {@link documentSizeProblem}) is reported where it starts, and the passes
 * that declare `skipsOversized` leave it as it is.
 */
export function* streamPipeline(source: SourceText, ctx: ConvertContext, pipeline: Pipeline = PIPELINE): Generator<TeiDocument> {
  const [segment, ...rest] = pipeline;
  const docs: (TeiDocument | undefined)[] = segment.run(source, ctx);
  const oversized = new Set<TeiDocument>();
  for (const doc of docs) {
    const problem = documentSizeProblem(doc!, ctx.options);
    if (!problem) continue;
    oversized.add(doc!);
    const skipped = rest.filter((p) => p.scope === 'document' && p.skipsOversized).map((p) => p.name);
    ctx.report(
      diagnostic(
        ConvertCodes.documentTooLarge,
        { problem, line: doc!.startLine, endLine: doc!.endLine, skipped },
        { file: doc!.sourceFile, line: doc!.startLine, column: 1 },
      ),
    );
  }
  const runOn = (doc: TeiDocument, pass: DocumentPass): void => {
    if (!pass.skipsOversized || !oversized.has(doc)) pass.run(doc, ctx);
  };
  const stages = stagesOf(rest);
  const perDocumentStages = stages.filter(Array.isArray).length;
  // Stages after the last volume pass stream: each document goes through all of them, then out.
  let lastVolume = -1;
  stages.forEach((stage, i) => {
    if (!Array.isArray(stage)) lastVolume = i;
  });
  let stageIndex = 0;
  for (const stage of stages.slice(0, lastVolume + 1)) {
    if (!Array.isArray(stage)) {
      stage.run(docs as TeiDocument[], ctx);
      continue;
    }
    for (const doc of docs) {
      for (const pass of stage) runOn(doc!, pass);
      reportProgress(ctx, stageIndex, perDocumentStages, doc!.endLine);
    }
    stageIndex++;
  }
  const streamed = stages.slice(lastVolume + 1) as DocumentPass[][];
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    streamed.forEach((stage, k) => {
      for (const pass of stage) runOn(doc, pass);
      reportProgress(ctx, stageIndex + k, perDocumentStages, doc.endLine);
    });
    docs[i] = undefined; // the caller may let it go once it has written it
    yield doc;
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

/** Progress in lines of the source, spread over the per-document stages so that it rises once from 0 to the total. */
function reportProgress(ctx: ConvertContext, stage: number, stages: number, line: number): void {
  if (!ctx.options.onProgress) return;
  const total = ctx.source.lines.length;
  ctx.options.onProgress(Math.round((stage * total + line) / stages), total);
}
