/**
 * Chancery's public API: the only entry point of the library. The CLI (`src/cli/`) is a thin layer over
 * these functions.
 */
export { convert, serializeTei, type ConvertOptions, type ConvertResult, type SerializeOptions } from './convert/index.js';
export { convertFiles, readInput, DEFAULT_MAX_BYTES, buildEdition, initProject, type ConvertFilesOptions, type ConvertFilesResult, type ConvertedFile, type BuildOptions, type BuildReport } from './build/index.js';
export { PersonRegistry } from './convert/entities/personography.js';
export { validate, formatReport, type ValidateOptions, type ValidationReport, type FileResult } from './validate/index.js';
export { transform, transformEdition, type TransformOptions, type TransformReport, type TransformTarget } from './transform/index.js';
export {
  ChanceryError,
  InputError,
  UsageError,
  ConvertError,
  ValidateError,
  TransformError,
  formatDiagnostic,
  type Diagnostic,
  type Severity,
  type SourceSpan,
} from './diagnostics/diagnostic.js';
export { ConvertCodes } from './diagnostics/codes.js';
export type { TeiDocument, Block, Inline, BlockKind, DocumentKind, Party } from './model/document.js';
export { VERSION } from './version.js';
