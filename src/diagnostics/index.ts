/**
 * Diagnostics, the layer every other uses: findings as values (`Diagnostic`, `SourceSpan`), the error classes,
 * the table of codes, and text made safe for one-line reports.
 */
export {
  ChanceryError,
  InputError,
  UsageError,
  ConvertError,
  ValidateError,
  TransformError,
  countBySeverity,
  formatDiagnostic,
  formatSpan,
  type Diagnostic,
  type Severity,
  type SourceSpan,
} from './diagnostic.js';
export { ConvertCodes } from './codes.js';
export { MAX_MESSAGE_LENGTH, printable, reportMessage, shorten } from './printable.js';
