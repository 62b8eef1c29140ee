/**
 * Reports of a validation run, one function per format: text for people, json for tools, junit for CI test
 * views, SARIF 2.1.0 for code scanning, github for workflow annotations. Reporters only format; they
 * never decide validity.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { VERSION } from '../version.js';
import type { FileResult, ValidationReport } from './report.js';

/** The formats {@link formatReport} knows. */
export const REPORT_FORMATS = ['text', 'json', 'junit', 'sarif', 'github'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Formats a report; every format ends with a newline. */
export function formatReport(report: ValidationReport, format: ReportFormat): string {
  switch (format) {
    case 'text':
      return formatText(report);
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
  }
}

/** One problem, one line: messages never break the `file:line:column:` format. */
function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ');
}

function line(d: Diagnostic): number {
  return d.span?.line ?? 1;
}
function column(d: Diagnostic): number {
  return d.span?.column ?? 1;
}

/** `file:line:column: error|warning: message [code]` per problem, then the summary line. */
export function formatText(report: ValidationReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) out.push(`${f.file}:${line(d)}:${column(d)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`);
  }
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
}

/** `71 files: 42 valid, 29 invalid; 232 errors, 0 warnings (1.23 s)`. */
export function summaryLine(report: ValidationReport): string {
  const s = report.summary;
  const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${plural(s.files, 'file')}: ${s.valid} valid, ${s.invalid} invalid; ${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')} (${(s.ms / 1000).toFixed(2)} s)`;
}

function formatJson(report: ValidationReport): string {
  return (
    JSON.stringify({
      files: report.files.map((f) => ({
        file: f.file,
        valid: f.valid,
        diagnostics: f.diagnostics.map((d) => ({
          line: line(d),
          column: column(d),
          severity: d.severity,
          code: d.code,
          message: d.message,
        })),
      })),
      summary: report.summary,
    }) + '\n'
  );
}

function xmlEscape(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

function formatJunit(report: ValidationReport): string {
  const s = report.summary;
  const cases = report.files.map((f: FileResult) => {
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    const head = `    <testcase classname="chancery.validate" name="${xmlEscape(f.file)}" file="${xmlEscape(f.file)}">`;
    if (f.valid) {
      const warnings = f.diagnostics.map((d) => `${f.file}:${line(d)}:${column(d)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`);
      return warnings.length ? `${head}\n      <system-out>${xmlEscape(warnings.join('\n'))}</system-out>\n    </testcase>` : `${head}</testcase>`;
    }
    const body = f.diagnostics.map((d) => `${f.file}:${line(d)}:${column(d)}: ${d.severity}: ${oneLine(d.message)} [${d.code}]`).join('\n');
    const first = errors[0];
    const message = first ? `${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${first.message}` : 'invalid';
    return `${head}\n      <failure message="${xmlEscape(message)}" type="${xmlEscape(first?.code ?? 'invalid')}">${xmlEscape(body)}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="chancery validate" tests="${s.files}" failures="${s.invalid}" time="${(s.ms / 1000).toFixed(3)}">`,
    `  <testsuite name="validate" tests="${s.files}" failures="${s.invalid}" errors="0" time="${(s.ms / 1000).toFixed(3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function formatSarif(report: ValidationReport): string {
  const codes = new Set<string>();
  const results = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      codes.add(d.code);
      results.push({
        ruleId: d.code,
        level: d.severity === 'info' ? 'note' : d.severity,
        message: { text: d.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: f.file.split('\\').join('/') },
              region: {
                startLine: line(d),
                startColumn: column(d),
                ...(d.span?.endLine ? { endLine: d.span.endLine } : {}),
                ...(d.span?.endColumn ? { endColumn: d.span.endColumn + 1 } : {}),
              },
            },
          },
        ],
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'chancery',
            version: VERSION,
            informationUri: 'https://tei-c.org/guidelines/p5/',
            rules: [...codes].sort().map((id) => ({ id })),
          },
        },
        results,
      },
    ],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

// Workflow-command escaping, as GitHub's toolkit does it (data vs property values).
function ghData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function ghProperty(s: string): string {
  return ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function formatGithub(report: ValidationReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) {
      const kind = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
      out.push(
        `::${kind} file=${ghProperty(f.file)},line=${line(d)},col=${column(d)},title=${ghProperty(d.code)}::${ghData(d.message)}`,
      );
    }
  }
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
}
