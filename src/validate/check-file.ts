/**
 * Every check of one file, in order: read (size limit), decode, well-formedness, RELAX NG/XSD, Schematron.
 * The same function runs in the main thread and in worker threads; what it returns is plain data
 * (structured-clonable), including the ids and cross-file references the edition-wide check needs.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { diagnostic, ValidateError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { openXmlChunks, readXmlFile } from '../xml/read-file.js';
import { noFacts, type FileFacts } from './facts.js';
import { parseXml, parseXmlChunks, type ReadFacts } from './parse.js';
import { compileSchema, type SchemaValidator } from './relaxng.js';
import { compileSchematron, type SchematronValidator } from './schematron.js';

/**
 * The largest file Schematron is run on (2 MiB, a TEI document is rarely a tenth of it): measured on generated
 * TEI, fontoxpath took 18 s and 370 MB of memory for 2 MB (RELAX NG alone: 0.9 s, 90 MB).
 */
export const SCHEMATRON_MAX_BYTES = 2 * 1024 * 1024;

/** What the per-file checks need to know; plain data so that it can be sent to a worker. */
export interface CheckConfig {
  /** RELAX NG (.rng) or XSD (.xsd) path; none: no schema check. */
  schema?: string;
  schematron?: string;
  maxFileBytes?: number;
  /** How deep elements may nest (default: the XML layer's limit, 1,000). */
  maxDepth?: number;
  /** Files above this size get no Schematron run, with a warning (default {@link SCHEMATRON_MAX_BYTES}). */
  schematronMaxBytes?: number;
  /** RELAX NG: ID/IDREF checks of DTD compatibility (default true; false is `jing -i`). */
  checkIds?: boolean;
  /** Process XInclude in documents (default false). */
  xinclude?: boolean;
  /** Keep each file's ids and cross-file references for the edition-wide check (default true). */
  facts?: boolean;
  /**
   * Threads side by side: a file Schematron reads whole above this size is left to a helper thread, so that
   * running out of memory on it ends the helper, not the run (default 256 KiB; tests make it smaller).
   */
  handOffBytes?: number;
  /** Bytes read at a time from a file checked as it is read (default 16 KiB; tests make it smaller). */
  chunkBytes?: number;
}

/** The findings on one file, and its facts for the edition-wide checks. */
export interface FileOutcome {
  file: string;
  diagnostics: Diagnostic[];
  /** Its xml:ids and references into other files (empty when the edition-wide check is off). */
  facts: FileFacts;
  /** Why the file was not read at all (a device, a link out of the edition, too large), when it was not. */
  unread?: string;
}

// Compiled once per process (per worker thread) and reused: compiling a schema costs up to seconds.
const schemas = new Map<string, Promise<SchemaValidator>>();
const schematrons = new Map<string, Promise<SchematronValidator>>();
const ready = new Map<string, SchemaValidator | SchematronValidator>();

// A run asks for its configuration's key once per file: resolving the schema's path each time showed in profiles.
const schemaKeys = new WeakMap<CheckConfig, { key: string; of: string }>();
function schemaKey(config: CheckConfig): string {
  const of = `rng:${config.checkIds === false ? 'noids' : 'ids'}:${config.xinclude ? 'xi' : ''}:${config.schema!}`;
  let known = schemaKeys.get(config);
  if (known?.of !== of) schemaKeys.set(config, (known = { key: `rng:${config.checkIds === false ? 'noids' : 'ids'}:${config.xinclude ? 'xi' : ''}:${resolve(config.schema!)}`, of }));
  return known.key;
}
function schematronKey(config: CheckConfig): string {
  return `sch:${resolve(config.schematron!)}`;
}

/**
 * Compiles the configured schemas (once per process) and loads their engines; {@link checkFile} needs it
 * done. With `schematron: false` the Schematron is left for later ({@link needsSchematron}): a run over files
 * too large for it never loads its engine. Throws {@link ValidateError} for a schema that cannot be used.
 */
export async function prepare(config: CheckConfig, what: { schematron?: boolean } = {}): Promise<void> {
  if (config.schema) {
    const key = schemaKey(config);
    let p = schemas.get(key);
    if (!p) schemas.set(key, (p = compileSchema(config.schema, { checkIds: config.checkIds, xinclude: config.xinclude })));
    ready.set(key, await p);
  }
  if (config.schematron && what.schematron !== false) {
    const key = schematronKey(config);
    let p = schematrons.get(key);
    if (!p) schematrons.set(key, (p = compileSchematron(config.schematron)));
    ready.set(key, await p);
  }
}

/**
 * Whether checking `file` needs the Schematron prepared first: one is configured, not yet compiled, and the file
 * is small enough for it to run (a file that cannot be stat'ed says so when it is checked).
 */
export function needsSchematron(file: string, config: CheckConfig): boolean {
  if (!config.schematron || ready.has(schematronKey(config))) return false;
  try {
    return statSync(file).size <= (config.schematronMaxBytes ?? SCHEMATRON_MAX_BYTES);
  } catch {
    return false;
  }
}

function prepared<T>(key: string): T {
  const v = ready.get(key);
  if (!v) throw ValidateError.of(ValidateCodes.engineFailed, { problem: `internal: checkFile called before prepare() for ${key}` });
  return v as T;
}

/**
 * Checks one file. Bad input becomes diagnostics; only an unusable schema throws (ValidateError).
 *
 * A file is read in chunks and checked as it is read (well-formedness, RELAX NG, its ids and references), so
 * that memory does not grow with its size; it is read whole only where a check needs the whole text: XSD
 * (libxml2 parses the bytes again), XInclude, Schematron (a DOM), a DOCTYPE (its entities are expanded first).
 */
export function checkFile(file: string, config: CheckConfig): FileOutcome {
  const schema = config.schema ? prepared<SchemaValidator>(schemaKey(config)) : undefined;
  if (schema && !schema.stream) return checkWhole(file, config, readXmlFile(file, config.maxFileBytes));
  const chunks = openXmlChunks(file, config.maxFileBytes, config.chunkBytes);
  if ('diagnostic' in chunks) return unread(file, chunks.diagnostic);
  const schematronLimit = config.schematronMaxBytes ?? SCHEMATRON_MAX_BYTES;
  if (config.schematron !== undefined && chunks.size <= schematronLimit) {
    const text = [...chunks].join('');
    if (chunks.problem) return unread(file, chunks.problem);
    // a decoding problem is placed by readXmlFile, which reads the file again for it
    return checkWhole(file, config, chunks.failed ? readXmlFile(file, config.maxFileBytes) : { text, size: chunks.size });
  }
  const stream = schema?.stream?.();
  const read = parseXmlChunks(file, chunks, { listener: stream?.listener, checkXmlIds: !schema, facts: config.facts !== false, maxDepth: config.maxDepth });
  if (chunks.problem) return unread(file, chunks.problem);
  if (chunks.failed || !read) return checkWhole(file, config, readXmlFile(file, config.maxFileBytes));
  const outcome: FileOutcome = { file, diagnostics: [], facts: noFacts() };
  if (config.schematron !== undefined) outcome.diagnostics.push(schematronSkipped(file, chunks.size, schematronLimit));
  for (const d of read.diagnostics) outcome.diagnostics.push(d);
  // Held for every file until the edition-wide check: not kept when that check is off.
  if (config.facts !== false) outcome.facts = read.facts;
  if (read.wellFormed && stream) addSchemaFindings(outcome, read, stream.finish());
  return outcome;
}

/** The outcome of a file that could not be read: its one finding. */
function unread(file: string, diagnostic: Diagnostic): FileOutcome {
  return { file, diagnostics: [diagnostic], facts: noFacts(), unread: diagnostic.message };
}

function schematronSkipped(file: string, bytes: number, limit: number): Diagnostic {
  return diagnostic(ValidateCodes.schematronSkipped, { bytes, limit }, { file, line: 1, column: 1 });
}

/** The schema's findings, less the twins of malformed xml:ids our own pass reported with a clearer message. */
function addSchemaFindings(outcome: FileOutcome, read: ReadFacts, found: Diagnostic[]): void {
  if (found.length === 0) return;
  const badIdLines = new Set(read.diagnostics.filter((d) => d.code === ValidateCodes.badId).map((d) => d.span?.line));
  for (const d of found) {
    const twin = d.code === ValidateCodes.badAttribute && /^(attribute id of|value "[^"]*" of attribute xml:id )/.test(d.message) && (badIdLines.has(d.span?.line) || badIdLines.has(d.span?.endLine));
    if (!twin) outcome.diagnostics.push(d);
  }
}

/** Checks a file read whole (`bytes` only where the schema engine parses them again: XSD, XInclude). */
function checkWhole(file: string, config: CheckConfig, read: { text: string; bytes?: Uint8Array; size?: number } | { diagnostic: Diagnostic }): FileOutcome {
  if ('diagnostic' in read) return unread(file, read.diagnostic);
  const outcome: FileOutcome = { file, diagnostics: [], facts: noFacts() };
  const schema = config.schema ? prepared<SchemaValidator>(schemaKey(config)) : undefined;
  // fontoxpath over a slimdom DOM holds a document several times over (2 MB: 18 s, 370 MB; 50 MB ran out of
  // memory): above the limit Schematron is not run, and the file says so; RELAX NG and references still are.
  const schematronLimit = config.schematronMaxBytes ?? SCHEMATRON_MAX_BYTES;
  const size = read.bytes?.length ?? read.size ?? Buffer.byteLength(read.text);
  const schematronTooLarge = config.schematron !== undefined && size > schematronLimit;
  if (schematronTooLarge) outcome.diagnostics.push(schematronSkipped(file, size, schematronLimit));
  const schematron = config.schematron && !schematronTooLarge ? prepared<SchematronValidator>(schematronKey(config)) : undefined;
  const stream = schema?.stream?.();
  // Under RELAX NG the schema decides what xml:id must be (as with jing); otherwise we check it here.
  const checkXmlIds = !(schema && schema.engine === 'chancery');
  const parsed = parseXml(file, read.text, { dom: schematron?.newDocument, listener: stream?.listener, checkXmlIds, facts: config.facts !== false, maxDepth: config.maxDepth });
  for (const d of parsed.diagnostics) outcome.diagnostics.push(d);
  if (config.facts !== false) outcome.facts = parsed.facts;
  if (!parsed.wellFormed) return outcome;
  if (schema) addSchemaFindings(outcome, parsed, stream ? stream.finish() : schema.validate(read.bytes ?? Buffer.from(read.text), parsed));
  if (schematron) for (const d of schematron.validate(parsed)) outcome.diagnostics.push(d);
  return outcome;
}
