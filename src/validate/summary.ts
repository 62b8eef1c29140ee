/** Totals of a run, computed in one place for the library and the baseline filter. */
import type { FileResult, ValidationReport } from './report.js';

/** Counts files and findings. */
export function summarise(files: readonly FileResult[], ms: number): ValidationReport['summary'] {
  let errors = 0;
  let warnings = 0;
  let valid = 0;
  for (const f of files) {
    if (f.valid) valid++;
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { files: files.length, valid, invalid: files.length - valid, errors, warnings, ms: Math.round(ms) };
}
