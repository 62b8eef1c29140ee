/**
 * Validation of TEI files: well-formedness (saxes), RELAX NG (our engine, packages/relaxng) or XSD
 * (libxml2-wasm), both behind `relaxng.ts`, Schematron (node-schematron on fontoxpath) and references across the edition, all
 * reported together as {@link Diagnostic}s with 1-based positions.
 *
 * ```ts
 * const report = await validate(['tei']);
 * process.stdout.write(formatReport(report, 'text'));
 * ```
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { packageFile } from '../io/package-files.js';
import { resolveFrom } from '../io/paths.js';
import { UsageError, ValidateError, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { CheckConfig, FileOutcome } from './check-file.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { changedSince, defaultBase, displayPath, shardOf, walkXml, type Shard } from './files.js';
import { checkInProcess, checkSideBySide } from './pool.js';
import { EditionScope, type EditionFile } from '../edition/files.js';
import type { FileResult, ValidationReport } from './report.js';
import { summarise } from './summary.js';

export type { FileResult, ValidationReport } from './report.js';
export { formatReport, summaryLine, REPORT_FORMATS, type ReportFormat } from './reporters.js';
export { applyBaseline, makeBaseline, parseBaseline, type Baseline } from './baseline.js';
export { parseShard, type Shard } from './files.js';
export { ValidateCodes } from '../diagnostics/codes.js';

/** Chancery's own schemas (in the package, wherever it is installed), used when no schema is named. */
export const DEFAULT_SCHEMA = packageFile('schema/chancery.rng');
export const DEFAULT_SCHEMATRON = packageFile('schema/chancery.sch');

/**
 * Options of {@link validate}. With neither `schema` nor `schematron`, Chancery's own
 * `schema/chancery.rng` and `schema/chancery.sch` from its package; naming a schema alone runs no
 * Schematron unless one is named too.
 */
export interface ValidateOptions {
  /** RELAX NG (.rng, XML syntax) or XSD (.xsd) file. */
  schema?: string;
  /** Schematron file (XPath 3.1 query binding). */
  schematron?: string;
  /**
   * Threads that check files side by side: this one and `jobs - 1` helper worker threads. Default: one per 64
   * files, at most the cores with Schematron, one fewer without (V8's compiler and collector use the other).
   */
  jobs?: number;
  /** Check references across files and ids unique across the edition; default true. */
  references?: boolean;
  /** Only this shard of the file list (`--shard I/N`). */
  shard?: Shard;
  /** Only files changed since this git ref (true: the default base), plus files that reference them. */
  changed?: string | true;
  /**
   * RELAX NG DTD compatibility: IDs unique and IDREFs resolved within each document, for the attributes the
   * schema types ID, IDREF, IDREFS (as jing does by default); false turns it off, like `jing -i`.
   */
  ids?: boolean;
  /** Process XInclude (`xi:include`) in documents before validating them; default false, as in jing. */
  xinclude?: boolean;
  /** Files larger than this are refused unread; default 64 MiB. */
  maxFileBytes?: number;
  /** Elements may nest this deep; deeper files get TEI-XML-010 and are not checked further. Default 1,000. */
  maxDepth?: number;
  /**
   * Accept paths that hold no `.xml` file at all (a report of 0 files). By default that is a {@link UsageError}:
   * a misspelt or empty folder must not pass as a valid edition. Files left out by `changed` or `shard` do not
   * count: nothing changed is a normal outcome.
   */
  allowEmpty?: boolean;
  /**
   * The folder relative paths (files, schemas) are resolved against and reports show files relative to; the CLI
   * passes its working folder. Without it, paths must be absolute and reports show them whole.
   */
  cwd?: string;
}

/**
 * Validates files and folders (recursively, `*.xml`, read lazily). Findings are data in the report;
 * it rejects only with a {@link ValidateError} (unusable schema, unreadable path, git failure) or a
 * {@link UsageError}.
 */
export async function validate(paths: string[], options: ValidateOptions = {}): Promise<ValidationReport> {
  const started = performance.now();
  const cwd = options.cwd;
  if (paths.length === 0) throw UsageError.of(ValidateCodes.usage, { problem: 'name at least one file or folder to validate' });
  const named = options.schema !== undefined || options.schematron !== undefined;
  const config: CheckConfig = {
    schema: resolveSchema(options.schema ?? (named ? undefined : DEFAULT_SCHEMA), cwd),
    schematron: resolveSchema(options.schematron ?? (named ? undefined : DEFAULT_SCHEMATRON), cwd),
    maxFileBytes: options.maxFileBytes,
    maxDepth: options.maxDepth,
    checkIds: options.ids,
    xinclude: options.xinclude,
    facts: options.references !== false,
  };

  const absolute = paths.map((p) => resolveFrom(cwd, p));
  const walked = walkXml(absolute);
  let files: AsyncIterable<EditionFile> = options.allowEmpty ? walked : nonEmpty(walked, paths);
  if (options.changed !== undefined) {
    if (cwd === undefined) throw UsageError.of(ValidateCodes.usage, { problem: 'changed needs the cwd option: the folder of the git repository to compare in' });
    files = changedSince(files, options.changed === true ? defaultBase(cwd) : options.changed, cwd, options.maxFileBytes);
  }
  if (options.shard) files = shardOf(files, options.shard);

  const outcomes = await run(files, config, options.jobs);
  let extra = new Map<string, Diagnostic[]>();
  if (options.references !== false) {
    // the edition-wide check (and the personography it reads) is loaded only when it runs
    const { checkReferences } = await import('./references.js');
    extra = checkReferences(outcomes, (f) => shownPath(f, cwd), { scope: new EditionScope(absolute), maxFileBytes: options.maxFileBytes });
  }
  const results: FileResult[] = outcomes.map((o) => toResult(o, extra.get(o.file) ?? [], cwd));
  return { files: results, summary: summarise(results, performance.now() - started) };
}

/** Passes the files through, and throws a {@link UsageError} at the end when there were none. */
async function* nonEmpty(files: AsyncIterable<EditionFile>, paths: readonly string[]): AsyncGenerator<EditionFile> {
  let any = false;
  for await (const f of files) {
    any = true;
    yield f;
  }
  if (!any) {
    throw UsageError.of(ValidateCodes.usage, { problem: `no .xml files in ${paths.join(', ')}: nothing to validate (check the path, or pass --allow-empty)` });
  }
}

function resolveSchema(path: string | undefined, cwd: string | undefined): string | undefined {
  if (path === undefined) return undefined;
  const abs = resolveFrom(cwd, path);
  if (!existsSync(abs)) throw ValidateError.of(ValidateCodes.schemaUnreadable, { problem: `schema not found: ${path}` });
  return abs;
}

async function run(files: AsyncIterable<EditionFile>, config: CheckConfig, jobs: number | undefined): Promise<FileOutcome[]> {
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1)) throw UsageError.of(ValidateCodes.usage, { problem: `jobs must be a whole number ≥ 1, not ${jobs}` });
  // One thread: files are checked as the walk finds them, no list is gathered.
  return jobs === 1 || availableParallelism() < 2 ? checkInProcess(files, config) : checkSideBySide(files, config, jobs);
}

/** A file as reports show it: relative to `cwd` when there is one, else whole. */
function shownPath(file: string, cwd: string | undefined): string {
  return cwd === undefined ? file : displayPath(file, cwd);
}

function toResult(o: FileOutcome, extra: Diagnostic[], cwd: string | undefined): FileResult {
  const file = shownPath(o.file, cwd);
  const diagnostics = [...o.diagnostics, ...extra]
    .map((d) => (d.span ? { ...d, span: { ...d.span, file } } : d))
    .sort((a, b) => (a.span?.line ?? 0) - (b.span?.line ?? 0) || (a.span?.column ?? 0) - (b.span?.column ?? 0));
  return { file, valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics };
}
