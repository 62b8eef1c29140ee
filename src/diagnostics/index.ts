/**
 * Diagnostics, the layer every other uses: findings as values (`Diagnostic`, `SourceSpan`), the error classes,
 * the table of codes, and text made safe for one-line reports.
 */
export {
  ChanceryError,
  type ChanceryErrorOptions,
  InputError,
  UsageError,
  ConvertError,
  ValidateError,
  TransformError,
  countBySeverity,
  formatDiagnostic,
  diagnostic,
  formatSpan,
  type Diagnostic,
  type Severity,
  type SourceSpan,
} from './diagnostic.js';
export {
  ConvertCodes,
  DIAGNOSTIC_CODES,
  EditionCodes,
  EntityCodes,
  IoCodes,
  TransformCodes,
  ValidateCodes,
  XmlCodes,
  allCodes,
  codeInfo,
  guidelinesUrl,
  messageOf,
  type Area,
  type CodeInfo,
  type CodeSpec,
  type DiagnosticCode,
  type MessageParams,
} from './codes.js';
export { MAX_MESSAGE_LENGTH, printable, reportMessage, shorten } from './printable.js';
export { diagnosticsReference } from './reference.js';
