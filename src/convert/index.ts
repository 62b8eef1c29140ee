/**
 * `convert(text, options)`: one raw text → the TEI documents it holds, with what the converter was unsure
 * of. The passes of `pipeline.ts`, in order, over one source.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, TeiDocument } from '../model/document.js';
import { decodeSource, splitLines } from './readers/decode.js';
import { runPipeline } from './pipeline.js';
import { PersonRegistry } from './entities/personography.js';
import { createContext, type ConvertOptions } from './pass.js';

export type { ConvertOptions } from './pass.js';
export { serializeTei, type SerializeOptions } from './serialize.js';
export { PersonRegistry, type RegisteredPerson, type PersonReview } from './entities/personography.js';
export { decodeSource } from './readers/decode.js';
export { DEFAULT_MAX_BYTES } from './limits.js';

/** What {@link convert} makes of one input. */
export interface ConvertResult {
  /** The documents of the input, in source order. */
  documents: TeiDocument[];
  /** Everything the converter reports for this input, in source order. */
  diagnostics: Diagnostic[];
  /** The encoding the input was read in. */
  encoding: SourceText['encoding'];
}

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
  const ctx = createContext(source, options, options.persons ?? new PersonRegistry(), (d) => diagnostics.push(d));
  const documents = runPipeline(source, ctx);
  diagnostics.sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0));
  for (const doc of documents) doc.diagnostics = diagnostics.filter((d) => d.span && d.span.line >= doc.startLine && d.span.line <= doc.endLine);
  return { documents, diagnostics, encoding: source.encoding };
}
