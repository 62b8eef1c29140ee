/**
 * `convert(text, options)`: one raw text → the TEI documents it holds, with what the converter was unsure
 * of. Segmentation first, then the passes of `pipeline.ts` over each document.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, TeiDocument } from '../model/document.js';
import { decodeSource, splitLines } from './readers/decode.js';
import { segmentDocuments } from './passes/segment.js';
import { DOCUMENT_PASSES, ENTITY_PASSES, SOURCE_PASSES } from './pipeline.js';
import { PersonRegistry } from './entities/personography.js';
import type { ConvertContext, ConvertOptions } from './pass.js';

export type { ConvertOptions } from './pass.js';
export { serializeTei, type SerializeOptions } from './serialize.js';

/**
 * The documents of one input, in source order: an array of {@link TeiDocument}s that also carries what the
 * converter reported (`diagnostics`) and the encoding it read (`encoding`). `documents` is the same list, for
 * code that prefers to name it.
 */
export type ConvertResult = TeiDocument[] & {
  documents: TeiDocument[];
  /** Everything the converter reports for this input, in source order. */
  diagnostics: Diagnostic[];
  encoding: SourceText['encoding'];
};

/**
 * Converts one input (a string, or the file's bytes so that its encoding can be detected) to TEI
 * documents. Throws {@link InputError} only for input that cannot be read as text at all.
 */
export function convert(input: string | Uint8Array, options: ConvertOptions): ConvertResult {
  const diagnostics: Diagnostic[] = [];
  let source: SourceText;
  if (typeof input === 'string') {
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
    source = { file: options.fileName, encoding: 'utf-8', hadBom: text !== input, byteLength: Buffer.byteLength(input), lines: splitLines(text) };
  } else {
    const decoded = decodeSource(input, options.fileName, options.sourcePath);
    source = decoded.source;
    diagnostics.push(...decoded.diagnostics);
  }
  const ctx: ConvertContext = {
    source,
    options,
    persons: options.persons ?? new PersonRegistry(),
    report: (d) => diagnostics.push(d),
  };
  const documents = segmentDocuments(source);
  for (const doc of documents) {
    for (const pass of DOCUMENT_PASSES) pass.run(doc, ctx);
    options.onProgress?.(doc.endLine, source.lines.length);
  }
  for (const pass of SOURCE_PASSES) pass.run(documents, ctx);
  for (const doc of documents) for (const pass of ENTITY_PASSES) pass.run(doc, ctx);
  diagnostics.sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0));
  for (const doc of documents) doc.diagnostics = diagnostics.filter((d) => d.span && d.span.line >= doc.startLine && d.span.line <= doc.endLine);
  return Object.assign([...documents], { documents, diagnostics, encoding: source.encoding });
}
