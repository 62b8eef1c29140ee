/**
 * Errors of the RELAX NG engine. One root class, {@link RelaxNgError}, whose `details` carry every problem
 * found (code, message, file, 1-based line and column, and for schema errors the rule of the specification
 * broken): a schema is checked whole, so a bad schema reports all of its errors of one stage at once.
 */

/** Where something is: a file (URL or path as given) and a 1-based line and column. */
export interface Location {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, in UTF-16 code units of the decoded text. */
  column: number;
}

/** One problem, with its place. */
export interface ErrorDetail extends Partial<Location> {
  /** Stable code, such as `schema-syntax` or `restriction` (see {@link SchemaErrorCodes}). */
  code: string;
  message: string;
  /** The section of the RELAX NG specification (or of the DTD compatibility spec) the schema breaks: `4.17`, `7.1.3`. */
  rule?: string;
}

/** Codes of schema errors: one per kind of rule. */
export const SchemaErrorCodes = {
  /** The schema file could not be read, or a URL was refused (no network access, ever). */
  unreadable: 'schema-unreadable',
  /** Not well-formed XML, or a DOCTYPE the reader refuses. */
  notWellFormed: 'schema-not-well-formed',
  /** Section 3: an element or attribute the RELAX NG syntax does not allow there. */
  syntax: 'schema-syntax',
  /** Section 4: a simplification rule cannot be applied (include, externalRef, combine, refs, names). */
  simplification: 'schema-simplification',
  /** Section 6/datatypes: unknown datatype library or type, bad parameter, invalid value. */
  datatype: 'schema-datatype',
  /** Section 7: a restriction of the simplified schema broken. */
  restriction: 'schema-restriction',
  /** RELAX NG DTD Compatibility, section 3 (ID, IDREF, IDREFS). */
  idType: 'schema-id-type',
} as const;

/** The root of this package's errors. */
export class RelaxNgError extends Error {
  readonly code: string;
  readonly details: readonly ErrorDetail[];

  constructor(code: string, message: string, details: readonly ErrorDetail[] = [], options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.details = details.length > 0 ? details : [{ code, message }];
  }

  /** The first detail's place, if any. */
  get location(): Location | undefined {
    const d = this.details[0];
    return d?.file !== undefined && d.line !== undefined && d.column !== undefined ? { file: d.file, line: d.line, column: d.column } : undefined;
  }
}

/** An incorrect schema (the specification requires rejecting it), or one that cannot be read. */
export class SchemaError extends RelaxNgError {
  constructor(details: readonly ErrorDetail[], options?: { cause?: unknown }) {
    const first = details[0]!;
    const where = first.file !== undefined ? `${first.file}:${first.line ?? 0}:${first.column ?? 0}: ` : '';
    const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
    super(first.code, `${where}${first.message}${more}`, details, options);
  }
}

/** Formats a detail as `file:line:column: message [rule]`. */
export function formatDetail(d: ErrorDetail): string {
  const where = d.file !== undefined ? `${d.file}:${d.line ?? 0}:${d.column ?? 0}: ` : '';
  return `${where}${d.message}${d.rule ? ` (RELAX NG ${d.rule})` : ''}`;
}
