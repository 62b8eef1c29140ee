/**
 * Every check of one file, in order: read (size limit), decode, well-formedness, RELAX NG/XSD, Schematron.
 * The same function runs in the main thread and in worker threads; what it returns is plain data
 * (structured-clonable), including the ids and cross-file references the edition-wide check needs.
 */
import { resolve } from 'node:path';
import { ValidateError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { readXmlFile } from '../xml/read-file.js';
import { ValidateCodes } from './codes.js';
import { parseXml, type CrossReference, type IdInfo } from './parse.js';
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
}

/** The findings on one file, and its facts for the edition-wide checks. */
export interface FileOutcome {
  file: string;
  diagnostics: Diagnostic[];
  ids: IdInfo[];
  references: CrossReference[];
  /** Why the file was not read at all (a device, a link out of the edition, too large), when it was not. */
  unread?: string;
}

// Compiled once per process (per worker thread) and reused: compiling a schema costs up to seconds.
const schemas = new Map<string, Promise<SchemaValidator>>();
const schematrons = new Map<string, Promise<SchematronValidator>>();
const ready = new Map<string, SchemaValidator | SchematronValidator>();

function schemaKey(config: CheckConfig): string {
  return `rng:${config.checkIds === false ? 'noids' : 'ids'}:${config.xinclude ? 'xi' : ''}:${resolve(config.schema!)}`;
}
function schematronKey(config: CheckConfig): string {
  return `sch:${resolve(config.schematron!)}`;
}

/**
 * Compiles the configured schemas (once per process) and loads their engines; {@link checkFile} needs it
 * done. Throws {@link ValidateError} for a schema that cannot be used.
 */
export async function prepare(config: CheckConfig): Promise<void> {
  if (config.schema) {
    const key = schemaKey(config);
    let p = schemas.get(key);
    if (!p) schemas.set(key, (p = compileSchema(config.schema, { checkIds: config.checkIds, xinclude: config.xinclude })));
    ready.set(key, await p);
  }
  if (config.schematron) {
    const key = schematronKey(config);
    let p = schematrons.get(key);
    if (!p) schematrons.set(key, (p = compileSchematron(config.schematron)));
    ready.set(key, await p);
  }
}

function prepared<T>(key: string): T {
  const v = ready.get(key);
  if (!v) throw new ValidateError(ValidateCodes.engineFailed, `internal: checkFile called before prepare() for ${key}`);
  return v as T;
}

/**
 * Checks one file. Bad input becomes diagnostics; only an unusable schema throws (ValidateError).
 */
export function checkFile(file: string, config: CheckConfig): FileOutcome {
  const outcome: FileOutcome = { file, diagnostics: [], ids: [], references: [] };
  const read = readXmlFile(file, config.maxFileBytes);
  if ('diagnostic' in read) {
    outcome.diagnostics.push(read.diagnostic);
    outcome.unread = read.diagnostic.message;
    return outcome;
  }
  const { bytes } = read;
  const schema = config.schema ? prepared<SchemaValidator>(schemaKey(config)) : undefined;
  // fontoxpath over a slimdom DOM holds a document several times over (2 MB: 18 s, 370 MB; 50 MB ran out of
  // memory): above the limit Schematron is not run, and the file says so; RELAX NG and references still are.
  const schematronLimit = config.schematronMaxBytes ?? SCHEMATRON_MAX_BYTES;
  const schematronTooLarge = config.schematron !== undefined && bytes.length > schematronLimit;
  if (schematronTooLarge) {
    outcome.diagnostics.push({
      code: ValidateCodes.schematronSkipped,
      severity: 'warning',
      message: `Schematron not run: the file is ${(bytes.length / 1048576).toFixed(1)} MiB, above the ${(schematronLimit / 1048576).toFixed(0)} MiB the Schematron engine checks within bounded memory (split the document); well-formedness, the schema and references were checked`,
      span: { file, line: 1, column: 1 },
    });
  }
  const schematron = config.schematron && !schematronTooLarge ? prepared<SchematronValidator>(schematronKey(config)) : undefined;
  const stream = schema?.stream?.();
  // Under RELAX NG the schema decides what xml:id must be (as with jing); otherwise we check it here.
  const checkXmlIds = !(schema && schema.engine === 'chancery');
  const parsed = parseXml(file, read.text, { dom: schematron?.newDocument, listener: stream?.listener, checkXmlIds, maxDepth: config.maxDepth });
  for (const d of parsed.diagnostics) outcome.diagnostics.push(d);
  // Held for every file until the edition-wide check: not kept when that check is off.
  if (config.facts !== false) {
    outcome.ids = parsed.ids;
    outcome.references = parsed.references;
  }
  if (!parsed.wellFormed) return outcome;
  if (schema) {
    // Our saxes pass already reported malformed xml:ids, with a clearer message: drop the engine's twin.
    const badIdLines = new Set(parsed.diagnostics.filter((d) => d.code === ValidateCodes.badId).map((d) => d.span?.line));
    const found = stream ? stream.finish() : schema!.validate(bytes, parsed);
    for (const d of found) {
      const twin = d.code === ValidateCodes.badAttribute && /^(attribute id of|value "[^"]*" of attribute xml:id )/.test(d.message) && (badIdLines.has(d.span?.line) || badIdLines.has(d.span?.endLine));
      if (!twin) outcome.diagnostics.push(d);
    }
  }
  if (schematron) for (const d of schematron.validate(parsed)) outcome.diagnostics.push(d);
  return outcome;
}
