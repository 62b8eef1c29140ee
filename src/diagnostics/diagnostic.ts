/**
 * Diagnostics are values, not exceptions: every stage of Chancery reports what it found as a list of
 * {@link Diagnostic}s, each with a stable code, a message a person understands, and where it happened.
 */
import { DIAGNOSTIC_CODES, messageOf, type DiagnosticCode, type MessageParams } from './codes.js';
import { printable, reportMessage } from './printable.js';

/** A place in a source file. Lines and columns count from 1, everywhere in Chancery. */
export interface SourceSpan {
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in UTF-16 code units of the decoded text. */
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable code such as `TEI-CONV-003`; see src/diagnostics/codes.ts and docs/diagnostics.md. */
  code: string;
  severity: Severity;
  message: string;
  span?: SourceSpan;
  /** Further places that explain this one (the passage a duplicate repeats, the other xml:id). */
  related?: SourceSpan[];
}

/**
 * A finding made from the table of codes: the message from the code's template, the severity the table gives it
 * unless `options.severity` says otherwise (a Schematron rule's role).
 */
export function diagnostic<C extends DiagnosticCode>(
  code: C,
  params: MessageParams<C>,
  span?: SourceSpan,
  options: { severity?: Severity; related?: SourceSpan[] } = {},
): Diagnostic {
  return {
    code,
    severity: options.severity ?? DIAGNOSTIC_CODES[code].severity,
    message: messageOf(code, params),
    ...(span ? { span } : {}),
    ...(options.related ? { related: options.related } : {}),
  };
}

/** `file:line:column` (or as much of it as is known); a file name's control characters shown as escapes. */
export function formatSpan(span: SourceSpan | undefined): string {
  if (!span) return '';
  return `${printable(span.file)}:${span.line}:${span.column}`;
}

/**
 * One line, whatever the message or file name hold: `file:line:column: severity: message [CODE]`, the form of
 * compilers that editors and CI problem matchers read (`$gcc`), and the one every command prints: validate's text
 * report, convert's and build's findings, and the command line's errors, which put the command where the place goes
 * (`chancery convert: error: letter.txt: the file is empty [TEI-IN-003]`).
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.span ? `${formatSpan(d.span)}: ` : '';
  return `${where}${d.severity}: ${reportMessage(d.message)} [${d.code}]`;
}

/** Counts by severity, for summaries and exit codes. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return counts;
}

export interface ChanceryErrorOptions {
  span?: SourceSpan;
  /** Exit status the CLI uses for this error; default 2. */
  exitCode?: number;
  cause?: unknown;
}

/**
 * The root of Chancery's own errors. Library functions throw only these (and only for input they cannot
 * read at all); everything else is reported as a {@link Diagnostic}.
 */
export class ChanceryError extends Error {
  /**
   * The class's name as written, a literal: the errors' `name`, and what names their class when one crosses from a
   * worker thread (src/build/stoppable). A class's own `name` is whatever the build left it: a bundler renames a
   * class whose name another bundled module uses, a minifier renames them all.
   */
  static readonly kind: string = 'ChanceryError';
  readonly code: string;
  readonly span?: SourceSpan;
  /** Exit status the CLI uses for this error. */
  readonly exitCode: number;

  /**
   * The error of `code`, its message made from the code's template: `throw InputError.of(ConvertCodes.emptyFile,
   * { file })`. (The constructor takes a message already made: an error passed on from a worker thread.)
   */
  static of<C extends DiagnosticCode, E extends ChanceryError>(
    this: new (code: string, message: string, options?: ChanceryErrorOptions) => E,
    code: C,
    params: MessageParams<C>,
    options?: ChanceryErrorOptions,
  ): E {
    return new this(code, messageOf(code, params), options);
  }

  constructor(code: string, message: string, options: ChanceryErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = (new.target as typeof ChanceryError).kind;
    this.code = code;
    this.span = options.span;
    this.exitCode = options.exitCode ?? 2;
  }

  toDiagnostic(): Diagnostic {
    return { code: this.code, severity: 'error', message: this.message, span: this.span };
  }
}

/** Input that cannot be read as text: missing, a directory, empty, binary, undecodable, too large. */
export class InputError extends ChanceryError {
  static override readonly kind: string = 'InputError';
}

/** Wrong use of the command line or the library's options. */
export class UsageError extends ChanceryError {
  static override readonly kind: string = 'UsageError';
}

/** Conversion could not go on (a bug or an impossible state). */
export class ConvertError extends ChanceryError {
  static override readonly kind: string = 'ConvertError';
}

/** A validator could not run (unreadable schema, engine failure). */
export class ValidateError extends ChanceryError {
  static override readonly kind: string = 'ValidateError';
}

/** A transform could not run. */
export class TransformError extends ChanceryError {
  static override readonly kind: string = 'TransformError';
}
