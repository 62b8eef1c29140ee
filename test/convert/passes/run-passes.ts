/**
 * Test helper for the pass tests: a short text through the passes of pipeline.ts up to (and including) the
 * one under test — never the entities pass.
 */
import type { Diagnostic } from '../../../src/diagnostics/diagnostic.js';
import type { Block, Inline, SourceText, TeiDocument } from '../../../src/model/document.js';
import { createContext, type PassName } from '../../../src/convert/pass.js';
import { splitLines } from '../../../src/convert/readers/decode.js';
import { pipelineUpTo, runPipeline } from '../../../src/convert/pipeline.js';
import { PersonRegistry } from '../../../src/convert/entities/personography.js';

export const FILE = 't.txt';

export function sourceOf(text: string, file = FILE): SourceText {
  return { file, encoding: 'utf-8', hadBom: false, byteLength: Buffer.byteLength(text), lines: splitLines(text) };
}

export interface Run {
  docs: TeiDocument[];
  diagnostics: Diagnostic[];
  source: SourceText;
}

/** Runs the pipeline on `text` up to the pass `last`, leaving out the entities pass. */
export function runUpTo(text: string, last: Exclude<PassName, 'entities'>, file = FILE): Run {
  const source = sourceOf(text, file);
  const diagnostics: Diagnostic[] = [];
  const docs = runPipeline(source, createContext(source, { fileName: file }, new PersonRegistry(), (d) => diagnostics.push(d)), pipelineUpTo(last, ['entities']));
  return { docs, diagnostics, source };
}

/** The one document of a text that is not a volume. */
export function onlyDoc(run: Run): TeiDocument {
  if (run.docs.length !== 1) throw new Error(`expected one document, got ${run.docs.length}`);
  return run.docs[0]!;
}

/** [kind, first line] of each block. */
export function kinds(doc: TeiDocument): [Block['kind'], number][] {
  return doc.blocks.map((b) => [b.kind, b.line]);
}

/** The text of inline nodes, flattened (notes and interruptions left out; lb as "\n", pb as "|"). */
export function textOf(inlines: Inline[]): string {
  return inlines
    .map((i) => {
      switch (i.type) {
        case 'text':
          return i.text;
        case 'hi':
        case 'entity':
          return textOf(i.children);
        case 'noteRef':
          return `[^${i.n}]`;
        case 'gap':
          return '[gap]';
        case 'lb':
          return i.breakNo ? '' : '\n';
        case 'pb':
          return '|';
        default:
          return '';
      }
    })
    .join('');
}

/** Diagnostics as [code, line, column]. */
export function codes(diagnostics: Diagnostic[]): [string, number | undefined, number | undefined][] {
  return diagnostics.map((d) => [d.code, d.span?.line, d.span?.column]);
}
