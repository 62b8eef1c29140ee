/**
 * `convert(text, options)`: one raw text → the TEI documents it holds, with what the converter was unsure
 * of. The passes of `pipeline.ts`, in order, over one source. `convertDocuments` gives the same documents one
 * at a time, as each is finished, for callers that write them out and let them go.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, TeiDocument } from '../model/document.js';
import { decodeSource, splitLines } from './readers/decode.js';
import { streamPipeline } from './pipeline.js';
import { PersonRegistry } from './entities/personography.js';
import { MentionStore } from './entities/mention-store.js';
import { fillPersonRefs, MentionRecorder } from './entities/person-mentions.js';
import { createContext, type ConvertOptions } from './pass.js';
import { forbiddenCharacterFindings } from './forbidden-characters.js';

export type { ConvertOptions, DocumentQueue } from './pass.js';
export { serializeTei, type SerializeOptions } from './serialize.js';
export { PersonRegistry, type RegisteredPerson, type PersonReview } from './entities/personography.js';
export { decodeSource } from './readers/decode.js';
export { DEFAULT_MAX_BYTES } from './limits.js';
export { MentionRecorder, fillPersonRefs, fillPersonRefsInBytes, fillPersonRefsInXml, type EditionNameFacts, type PersonResolver, type RecordedMention } from './entities/person-mentions.js';
export type { DocumentMentions } from './entities/personography.js';
export { MentionStore } from './entities/mention-store.js';
export { NameKnowledge } from './entities/persons/knowledge.js';

/** What {@link convert} makes of one input. */
export interface ConvertResult {
  /** The documents of the input, in source order. */
  documents: TeiDocument[];
  /** Everything the converter reports for this input, in source order. */
  diagnostics: Diagnostic[];
  /** The encoding the input was read in. */
  encoding: SourceText['encoding'];
}

/** What {@link convertDocuments} gives: the documents as they are finished. */
export interface ConvertStream {
  /** The encoding the input was read in. */
  encoding: SourceText['encoding'];
  /**
   * The documents in source order, each yielded once the last pass is done with it, with the diagnostics that
   * fall in its lines. Iterate once; the conversion runs as it is iterated.
   */
  documents: Generator<TeiDocument, void, undefined>;
  /** Everything reported for this input; in source order once `documents` is exhausted. */
  diagnostics: Diagnostic[];
}

/**
 * Converts one input (a string, or the file's bytes so that its encoding can be detected) to TEI
 * documents. Throws {@link InputError} only for input that cannot be read as text at all.
 */
export function convert(input: string | Uint8Array, options: ConvertOptions): ConvertResult {
  // With a registry, the source's mentions are written down as its documents are tagged and linked to persons
  // once all are (PersonRegistry.link): a bare surname before the full name in one document is that person.
  const registry = options.persons === undefined ? new PersonRegistry() : options.persons instanceof PersonRegistry ? options.persons : undefined;
  const recorder = registry ? new MentionRecorder(registry.editionNameFacts(), (lines) => registry.takeSourceKnowledge(lines)) : undefined;
  const stream = convertDocuments(input, recorder ? { ...options, persons: recorder } : options);
  const documents: TeiDocument[] = [];
  const mentions = new MentionStore();
  for (const doc of stream.documents) {
    documents.push(doc);
    if (recorder) mentions.add({ document: `${doc.sourceSlug}/${doc.id}`, source: options.fileName, mentions: recorder.take(doc) });
  }
  if (registry) {
    const ids = registry.link(mentions);
    documents.forEach((doc, i) => fillPersonRefs(doc, ids[i]!));
  }
  return { documents, diagnostics: stream.diagnostics, encoding: stream.encoding };
}

/**
 * Like {@link convert}, but the documents come one at a time as they are finished: memory then holds the
 * source, the cuts of its segmentation, a few facts of every document for the volume pass, and the document being
 * finished, never the whole converted volume. Documents the volume pass holds back (a message whose sender is
 * the volume's principal writer, known once every document is read) wait in `options.parking` (default: memory).
 * The input is decoded at once (an unreadable input throws here, before any document).
 */
export function convertDocuments(input: string | Uint8Array, options: ConvertOptions): ConvertStream {
  const diagnostics: Diagnostic[] = [];
  // Each document takes the diagnostics of its lines: filed by line as they are reported, so that handing them
  // over costs the document's own lines, not a look at every diagnostic of the source.
  const byLine = new Map<number, Diagnostic[]>();
  const report = (d: Diagnostic): void => {
    diagnostics.push(d);
    if (!d.span) return;
    const list = byLine.get(d.span.line);
    if (list) list.push(d);
    else byLine.set(d.span.line, [d]);
  };
  let source: SourceText;
  if (typeof input === 'string') {
    const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
    source = { file: options.fileName, encoding: 'utf-8', hadBom: text !== input, byteLength: Buffer.byteLength(input), lines: splitLines(text) };
  } else {
    const decoded = decodeSource(input, options.fileName, options.sourcePath);
    source = decoded.source;
    for (const d of decoded.diagnostics) report(d);
  }
  for (const d of forbiddenCharacterFindings(source)) report(d);
  const ctx = createContext(source, options, options.persons ?? new PersonRegistry(), report);
  function* documents(): Generator<TeiDocument, void, undefined> {
    for (const doc of streamPipeline(source, ctx)) {
      const own: Diagnostic[] = [];
      for (let line = doc.startLine; line <= doc.endLine; line++) {
        const list = byLine.get(line);
        if (list) for (const d of list) own.push(d);
      }
      doc.diagnostics = own;
      yield doc;
    }
    diagnostics.sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0));
  }
  return { encoding: source.encoding, documents: documents(), diagnostics };
}
