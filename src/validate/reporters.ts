/**
 * Reports of a validation run, one function per format: text for people, json for tools, junit for CI test
 * views, SARIF 2.1.0 for code scanning, github for workflow annotations. Reporters only format; they
 * never decide validity.
 */
import { pathToFileURL } from 'node:url';
import { codeInfo } from '../diagnostics/codes.js';
import { formatDiagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { printable, reportMessage, shorten } from '../diagnostics/printable.js';
import { escapeAttr, escapeText } from '../xml/escape.js';
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

/**
 * One problem, one line: a message never breaks the `file:line:column:` format nor drives the terminal, and a
 * long one is cut (src/diagnostics/printable.ts); file names likewise.
 */
const oneLine = reportMessage;

function line(d: Diagnostic): number {
  return d.span?.line ?? 1;
}
function column(d: Diagnostic): number {
  return d.span?.column ?? 1;
}

/** A finding of `file` as every command prints one (formatDiagnostic), placed at line 1 when it has no place. */
function textLine(file: string, d: Diagnostic): string {
  return formatDiagnostic({ ...d, span: { file, line: line(d), column: column(d) } });
}

/** `file:line:column: error|warning: message [code]` per problem, then the summary line. */
export function formatText(report: ValidationReport): string {
  const out: string[] = [];
  for (const f of report.files) {
    for (const d of f.diagnostics) out.push(textLine(f.file, d));
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
          message: shorten(d.message),
        })),
      })),
      summary: report.summary,
    }) + '\n'
  );
}

// JUnit is XML: written through the one escape of src/xml, after names and messages were made printable (which
// also keeps out every character XML forbids).
const xmlText = (s: string): string => escapeText(printable(s));
const xmlAttr = (s: string): string => escapeAttr(printable(s));

function formatJunit(report: ValidationReport): string {
  const s = report.summary;
  const cases = report.files.map((f: FileResult) => {
    const errors = f.diagnostics.filter((d) => d.severity === 'error');
    const head = `    <testcase classname="chancery.validate" name="${xmlAttr(f.file)}" file="${xmlAttr(f.file)}">`;
    const lines = f.diagnostics.map((d) => textLine(f.file, d));
    if (f.valid) {
      return lines.length ? `${head}\n      <system-out>${escapeText(lines.join('\n'))}</system-out>\n    </testcase>` : `${head}</testcase>`;
    }
    const first = errors[0];
    const message = first ? `${errors.length} error${errors.length === 1 ? '' : 's'}; first: ${oneLine(first.message)}` : 'invalid';
    return `${head}\n      <failure message="${xmlAttr(message)}" type="${xmlAttr(first?.code ?? 'invalid')}">${escapeText(lines.join('\n'))}</failure>\n    </testcase>`;
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

/** A surrogate without its pair: no URI can encode one (encodeURIComponent throws), so it becomes U+FFFD. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Each segment percent-encoded, `!'()*` too (encodeURIComponent leaves them, RFC 3986 reserves them). */
function encodeSegments(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/**
 * A file as SARIF wants it, a valid URI reference (`format: uri-reference` in the SARIF 2.1.0 schema): a relative
 * path with each segment percent-encoded (`a b#c.xml` → `a%20b%23c.xml`), an absolute one as a `file:` URL, a
 * Windows drive path too (`C:\a\b.xml` → `file:///C:/a/b.xml`, whatever system writes the report).
 */
export function sarifUri(file: string): string {
  const path = file.replace(LONE_SURROGATE, '\uFFFD').split('\\').join('/');
  const drive = /^([A-Za-z]):\//.exec(path);
  if (drive) return `file:///${drive[1]}:/${encodeSegments(path.slice(3))}`;
  if (path.startsWith('/')) return pathToFileURL(path).href;
  return encodeSegments(path);
}

/** A count SARIF accepts (an integer from 1): a span from a transform module of the user's may hold anything. */
function oneBased(n: number | undefined): number | undefined {
  return n !== undefined && Number.isInteger(n) && n >= 1 ? n : undefined;
}

/** SARIF's region: 1-based, and its end column is the first column after the span (ours is the last in it). */
function sarifRegion(d: Diagnostic): Record<string, number> {
  const endLine = oneBased(d.span?.endLine);
  const endColumn = oneBased(d.span?.endColumn);
  return {
    startLine: oneBased(line(d)) ?? 1,
    startColumn: oneBased(column(d)) ?? 1,
    ...(endLine !== undefined ? { endLine } : {}),
    ...(endColumn !== undefined ? { endColumn: endColumn + 1 } : {}),
  };
}

/** A rule of the run: its code, and what the code means where it is one of ours (code scanning shows it). */
function sarifRule(id: string): { id: string; shortDescription?: { text: string } } {
  const meaning = codeInfo(id)?.meaning;
  return meaning !== undefined ? { id, shortDescription: { text: meaning } } : { id };
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
        message: { text: shorten(d.message) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: sarifUri(f.file) },
              region: sarifRegion(d),
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
            rules: [...codes].sort().map(sarifRule),
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
        `::${kind} file=${ghProperty(printable(f.file))},line=${line(d)},col=${column(d)},title=${ghProperty(d.code)}::${ghData(shorten(d.message).split(/\r?\n/).map(printable).join('\n'))}`,
      );
    }
  }
  out.push(summaryLine(report));
  return out.join('\n') + '\n';
}
