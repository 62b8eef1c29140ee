/**
 * Baselines: today's findings recorded in a file, so that CI fails only on new ones. A finding is keyed by
 * file, code and message, not by line, so that editing elsewhere in a file does not make old findings new;
 * a key recorded n times absorbs at most n findings.
 */
import type { ValidationReport } from './report.js';
import { summarise } from './summary.js';

/** The baseline file's content. */
export interface Baseline {
  version: 1;
  findings: { file: string; code: string; message: string }[];
}

function key(file: string, code: string, message: string): string {
  return `${file}\u0000${code}\u0000${message}`;
}

/** Records every finding of a report. */
export function makeBaseline(report: ValidationReport): Baseline {
  const findings = report.files.flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, code: d.code, message: d.message })));
  return { version: 1, findings };
}

/** Reads a baseline file's JSON; undefined when it is not a baseline. */
export function parseBaseline(text: string): Baseline | undefined {
  try {
    const data = JSON.parse(text) as Partial<Baseline>;
    if (data.version !== 1 || !Array.isArray(data.findings)) return undefined;
    return data as Baseline;
  } catch {
    return undefined;
  }
}

/** The report without the findings the baseline records; validity and summary recomputed. */
export function applyBaseline(report: ValidationReport, baseline: Baseline): ValidationReport {
  const budget = new Map<string, number>();
  for (const f of baseline.findings) {
    const k = key(f.file, f.code, f.message);
    budget.set(k, (budget.get(k) ?? 0) + 1);
  }
  const files = report.files.map((f) => {
    const diagnostics = f.diagnostics.filter((d) => {
      const k = key(f.file, d.code, d.message);
      const left = budget.get(k) ?? 0;
      if (left === 0) return true;
      budget.set(k, left - 1);
      return false;
    });
    return { file: f.file, diagnostics, valid: !diagnostics.some((d) => d.severity === 'error') };
  });
  return { files, summary: summarise(files, report.summary.ms) };
}
