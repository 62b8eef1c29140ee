/** The shape of a validation run's results, shared by the library entry and the reporters. */
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/** The findings on one file; `valid` is false when any finding is an error. */
export interface FileResult {
  file: string;
  valid: boolean;
  diagnostics: Diagnostic[];
}

/** Every file's results, in the order files were found, and the totals. */
export interface ValidationReport {
  files: FileResult[];
  summary: { files: number; valid: number; invalid: number; errors: number; warnings: number; ms: number };
}
