/**
 * Chancery's public API: the only entry point of the library. The CLI (`src/cli/`) is a thin layer over
 * these functions.
 */
export { convert, serializeTei, PersonRegistry, type ConvertOptions, type ConvertResult, type SerializeOptions } from './convert/index.js';
export { convertFiles, readInput, DEFAULT_MAX_BYTES, buildEdition, initProject, type ConvertFilesOptions, type ConvertFilesResult, type ConvertedFile, type BuildOptions, type BuildReport } from './build/index.js';
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
  DIAGNOSTIC_CODES,
  ConvertCodes,
  EntityCodes,
  XmlCodes,
  ValidateCodes,
  TransformCodes,
  EditionCodes,
  IoCodes,
  allCodes,
  codeInfo,
  messageOf,
  type Area,
  type CodeInfo,
  type CodeSpec,
  type DiagnosticCode,
  type MessageParams,
} from './diagnostics/index.js';
export type { TeiDocument, Block, Inline, BlockKind, DocumentKind, Party } from './model/index.js';
export { VERSION } from './version.js';
