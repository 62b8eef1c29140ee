import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SourceText, TeiDocument } from '../model/document.js';
import type { PersonRegistry } from './entities/personography.js';

/** Options of {@link convert}. */
export interface ConvertOptions {
  /** Name of the input file, as it should appear in `idno type="source"` and in diagnostics. */
  fileName: string;
  /** The path the user named, for messages about unreadable input (default: fileName). */
  sourcePath?: string;
  /** The edition's personography; one registry is shared by every file of an edition so ids stay stable. */
  persons?: PersonRegistry;
  /** Fixed timestamp for revisionDesc (tests and reproducible builds). Default: today. */
  generatedOn?: string;
  /** Called as the segmenter advances through a long input: done and total lines. */
  onProgress?: (done: number, total: number) => void;
}

/** What every pass can use besides the document. */
export interface ConvertContext {
  source: SourceText;
  options: ConvertOptions;
  persons: PersonRegistry;
  report: (d: Diagnostic) => void;
}

/** A pass over one document: it refines the model in place. One concern per pass, one pass per file. */
export interface DocumentPass {
  name: string;
  run: (doc: TeiDocument, ctx: ConvertContext) => void;
}
