/**
 * The RELAX NG / XSD adapter: the one file through which Chancery reaches a schema engine. Two engines sit
 * behind it: ours (`rng/`, derivative-based as jing is, validating during our saxes pass) and libxml2
 * (compiled to WebAssembly by libxml2-wasm; this is the only file that touches it), for XSD and for schemas
 * using what ours does not implement. Either way the findings come out as our diagnostics (TEI-RNG-nnn)
 * with 1-based positions from our saxes pass (libxml2 gives a line and a node path but no column).
 *
 * Why not libxmljs2: its `rngValidate` recompiles the schema on every call (6–9 s per document against
 * tei_all). Why our engine first: tei_all compiles in ~0.1 s instead of ~6 s. See docs/decisions.md.
 */
import { readFileSync } from 'node:fs';
import type { ErrorDetail, RelaxNGValidator, XmlDocument, XsdValidator } from 'libxml2-wasm';
import { ValidateError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ValidateCodes, guidelinesUrl } from './codes.js';
import { readContentModels, type ContentModels } from './content-models.js';
import { elementSpan, parseXml, type ParsedFile } from './parse.js';
import { compileRng, UnsupportedSchema, type CompiledRng } from './rng/schema.js';
import { DocumentValidator, type XmlListener } from './rng/validator.js';

/** A compiled schema, reusable for any number of documents. */
export interface SchemaValidator {
  readonly path: string;
  /** Which engine: ours (derivatives, streaming on saxes) or libxml2 (a second parse of the bytes). */
  readonly engine: 'chancery' | 'libxml2';
  /** Streaming engines: a listener for parseXml; its findings once the parse has ended. */
  stream?(): { listener: XmlListener; finish(): Diagnostic[] };
  /** Validates a document already found well-formed; returns every error (never throws for bad input). */
  validate(bytes: Uint8Array, parsed: ParsedFile): Diagnostic[];
  dispose(): void;
}

/** Which RELAX NG engine to use; `auto`: ours when it supports the schema, else libxml2. */
export type EngineChoice = 'auto' | 'chancery' | 'libxml2';

function engineFromEnv(): EngineChoice {
  const e = process.env.CHANCERY_RNG_ENGINE;
  return e === 'libxml2' || e === 'chancery' ? e : 'auto';
}

/**
 * Our engine, when it implements every feature the schema uses; undefined otherwise unless `required`
 * (then the reason is thrown). Any failure of ours in auto mode hands the schema to libxml2, which then
 * reports the schema's own errors, if it has any.
 */
function compileOurs(path: string, text: string, required: boolean): SchemaValidator | undefined {
  let compiled: CompiledRng;
  try {
    compiled = compileRng(text);
  } catch (e) {
    if (!required) return undefined;
    const why = e instanceof UnsupportedSchema ? '' : 'cannot compile schema ';
    throw new ValidateError(ValidateCodes.schemaNotCompiled, `${why}${path}: ${(e as Error).message}`, { cause: e });
  }
  return {
    path,
    engine: 'chancery',
    stream() {
      const v = new DocumentValidator(compiled);
      return { listener: v, finish: () => v.diagnostics };
    },
    validate(_bytes, parsed) {
      // Non-streaming use (tests, tools): parse again with the listener.
      const v = new DocumentValidator(compiled);
      parseXml(parsed.file, parsed.text, { listener: v });
      return v.diagnostics;
    },
    dispose() {},
  };
}

// Never load DTDs or fetch anything: no NOENT (entity substitution), no DTDLOAD, NONET. SKIP_IDS because
// our saxes pass checks xml:id (NCName, duplicates) with positions, and libxml2 would stop at the parse.
// libxml2's ParseOption values (XML_PARSE_NONET, XML_PARSE_SKIP_IDS, XML_PARSE_BIG_LINES), spelled out so
// that libxml2-wasm is loaded only when a schema needs it (loading it costs ~50 ms of every run otherwise).
const NONET = 2048;
const SKIP_IDS = 134217728;
const BIG_LINES = 4194304;
const DOC_OPTIONS = NONET | SKIP_IDS | BIG_LINES;
const SCHEMA_OPTIONS = NONET;
const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/**
 * Compiles a RELAX NG (.rng, XML syntax) or XSD (.xsd) schema. Throws {@link ValidateError} (exit 2) when the
 * schema cannot be read or compiled: that is a tool failure, not a finding about the documents.
 */
export async function compileSchema(path: string, engine: EngineChoice = engineFromEnv()): Promise<SchemaValidator> {
  if (engine === 'auto') engine = engineFromEnv();
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new ValidateError(ValidateCodes.schemaUnreadable, `cannot read schema ${path}: ${(e as Error).message}`, { cause: e });
  }
  const isXsd = /\.xsd$/i.test(path);
  if (!isXsd && engine !== 'libxml2') {
    const ours = compileOurs(path, Buffer.from(bytes).toString('utf8'), engine === 'chancery');
    if (ours) return ours;
  }
  const { RelaxNGValidator, XmlDocument, XmlValidateError, XsdValidator } = await import('libxml2-wasm');
  let schemaDoc: XmlDocument;
  let lib: RelaxNGValidator | XsdValidator;
  try {
    schemaDoc = XmlDocument.fromBuffer(bytes, { option: SCHEMA_OPTIONS, url: path });
    lib = isXsd ? XsdValidator.fromDoc(schemaDoc) : RelaxNGValidator.fromDoc(schemaDoc);
  } catch (e) {
    const details = (e as { details?: ErrorDetail[] }).details ?? [];
    const first = details[0];
    const where = first ? `:${first.line}` : '';
    throw new ValidateError(
      ValidateCodes.schemaNotCompiled,
      `cannot compile schema ${path}${where}: ${(first?.message ?? (e as Error).message).trim()}`,
      { cause: e },
    );
  }
  let models: ContentModels | undefined;
  const contentModels = (): ContentModels => (models ??= readContentModels(path));

  return {
    path,
    engine: 'libxml2',
    validate(docBytes, parsed) {
      let doc: XmlDocument;
      try {
        doc = XmlDocument.fromBuffer(docBytes, { option: DOC_OPTIONS, url: parsed.file });
      } catch (e) {
        // saxes found the file well-formed, so this is libxml2 disagreeing (or a limit of it): report it.
        const details = (e as { details?: ErrorDetail[] }).details ?? [];
        return (details.length ? details : [{ message: (e as Error).message, line: 1, col: 0, level: 2 }]).map(
          (d) => ({
            code: ValidateCodes.schemaOther,
            severity: 'error' as const,
            message: `cannot be checked against the schema: ${d.message.trim()}`,
            span: { file: parsed.file, line: Math.max(1, d.line), column: Math.max(1, d.col) },
          }),
        );
      }
      try {
        lib.validate(doc);
        return [];
      } catch (e) {
        if (!(e instanceof XmlValidateError)) {
          throw new ValidateError(ValidateCodes.engineFailed, `schema engine failed on ${parsed.file}: ${(e as Error).message}`, { cause: e });
        }
        return toDiagnostics(e.details, parsed, contentModels);
      } finally {
        doc.dispose();
      }
    },
    dispose() {
      lib.dispose();
      schemaDoc.dispose();
    },
  };
}

/** `/*​/*[2]/tei:x` → `/*[1]/*[2]/tei:x[1]`, the shape {@link ParsedFile.byPath} uses. */
function normalisePath(xpath: string): string[] {
  return xpath
    .split('/')
    .filter(Boolean)
    .map((step) => (step.endsWith(']') ? step : `${step}[1]`));
}

function findElement(parsed: ParsedFile, xpath: string | undefined): number | undefined {
  if (!xpath) return undefined;
  const steps = normalisePath(xpath);
  // libxml2 sometimes points one step below the element at fault ("expecting an element, got nothing").
  for (let n = steps.length; n > 0; n--) {
    const index = parsed.byPath().get('/' + steps.slice(0, n).join('/'));
    if (index !== undefined) return index;
  }
  return undefined;
}

/** The name of the attribute of the start tag at `start` whose value is `value`. */
function attributeWithValue(text: string, start: number, value: string): string | undefined {
  const tag = text.slice(start, text.indexOf('>', start) + 1 || undefined);
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`([\\w:.-]+)\\s*=\\s*(["'])${escaped}\\2`).exec(tag)?.[1];
}

/** The child of `parent` named `name`, preferably the one whose start tag is on `line`. */
function findChild(parsed: ParsedFile, parent: number, name: string, line: number): number | undefined {
  let first: number | undefined;
  for (let i = parent + 1; i < parsed.elements.length; i++) {
    const e = parsed.elements[i]!;
    if (e.parent < parent) break; // left the parent's subtree
    if (e.parent !== parent || e.local !== name) continue;
    first ??= i;
    const start = parsed.spanAt(e.start).line;
    if (start === line || e.tagEndLine === line) return i;
    if (start > line) break;
  }
  return first;
}

function listAllowed(names: string[] | undefined): string {
  if (!names || names.length === 0) return 'no child elements';
  if (names.length > 25) return `one of ${names.slice(0, 25).join(', ')} … (${names.length} in all)`;
  return names.length === 1 ? names[0]! : `one of ${names.join(', ')}`;
}

/** Turns libxml2's RELAX NG/XSD messages into ours: say which element, in which parent, what is allowed. */
function toDiagnostics(details: ErrorDetail[], parsed: ParsedFile, models: () => ContentModels): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // "Not allowed at this point" for an allowed child that is itself invalid: jing reports only the child's
  // own error, and so do we (dropped below when another error sits on the same element).
  const consequences = new Set<Diagnostic>();
  for (const d of details) {
    const raw = d.message.trim();
    // "failed to validate content" repeats, at the parent, an error already reported at the child.
    if (/^Element .* failed to validate (content|attributes)$/.test(raw)) continue;
    const index = findElement(parsed, d.xpath);
    const info = index === undefined ? undefined : parsed.elements[index];
    const parent = info && info.parent >= 0 ? parsed.elements[info.parent] : undefined;
    let span = (index !== undefined ? elementSpan(parsed, index) : undefined) ?? {
      file: parsed.file,
      line: Math.max(1, d.line),
      column: Math.max(1, d.col),
    };
    let isConsequence = false;
    let code: string = ValidateCodes.schemaOther;
    let message = raw;
    let m: RegExpExecArray | null;
    if ((m = /^(?:Did not expect element (\S+) there|Expecting element (\S+), got (\S+))$/.exec(raw))) {
      const child = m[1] ?? m[3] ?? info?.local ?? '?';
      // libxml2 names the parent's path here, sometimes the child's: find the child on the reported line.
      let where = info && info.local === child ? parent : info;
      let childIndex: number | undefined = index;
      if (info && index !== undefined && info.local !== child) {
        childIndex = findChild(parsed, index, child, d.line);
        if (childIndex !== undefined) span = elementSpan(parsed, childIndex) ?? span;
      } else where = parent ?? info;
      code = ValidateCodes.elementNotAllowed;
      const allowed = where ? models().allowedChildren(where.local) : undefined;
      const expected = allowed ? listAllowed(allowed) : m[2] ? m[2] : 'something else';
      const childInfo = span === undefined ? undefined : parsed.elements[childIndex ?? -1];
      const foreign = childInfo && childInfo.uri !== TEI_NS ? ` (${childInfo.uri ? `namespace ${childInfo.uri}` : 'in no namespace'})` : '';
      const misplaced = !foreign && (allowed?.includes(child) ?? false);
      message = where
        ? misplaced
          ? `element ${child} not allowed at this point in ${where.local} (order or number of children); ${where.local} allows ${listAllowed(allowed)} (${guidelinesUrl(where.local)})`
          : `element ${child}${foreign} not allowed here in ${where.local}; expected ${expected} (${guidelinesUrl(where.local)})`
        : `element ${child}${foreign} not allowed here; expected ${expected}`;
      isConsequence = misplaced;
    } else if ((m = /^Expecting an element (\S*) ?, got (\S+)$/.exec(raw)) || (m = /^Expecting an element , got (\S+)$/.exec(raw))) {
      code = ValidateCodes.incompleteContent;
      const where = info;
      const allowed = where ? models().allowedChildren(where.local) : undefined;
      message = where
        ? `element ${where.local} incomplete; expected ${listAllowed(allowed)} (${guidelinesUrl(where.local)})`
        : 'element incomplete: a required child element is missing';
    } else if ((m = /^Invalid attribute (\S+) for element (\S+)$/.exec(raw))) {
      code = ValidateCodes.badAttribute;
      message = `attribute ${m[1]} of element ${m[2]} is not allowed here or its value is invalid (${guidelinesUrl(m[2]!)})`;
    } else if ((m = /^Type (\S+) doesn't allow value '(.*)'$/.exec(raw))) {
      code = ValidateCodes.badAttribute;
      const [, type, value] = m;
      const attr = info ? attributeWithValue(parsed.text, info.start, value!) : undefined;
      const owner = info ? `${attr ? `attribute ${attr} of ` : 'an attribute of '}element ${info.local}` : 'a value';
      message = `value "${value}" of ${owner} is not a valid ${type}${info ? ` (${guidelinesUrl(info.local)})` : ''}`;
    } else if ((m = /^Element (\S+) has extra content: (\S+)$/.exec(raw))) {
      code = m[2] === 'text' ? ValidateCodes.textNotAllowed : ValidateCodes.incompleteContent;
      const what = m[2] === 'text' ? 'text' : `element ${m[2]}`;
      const allowed = models().allowedChildren(m[1]!);
      message = `${what} not allowed here in ${m[1]}; expected ${listAllowed(allowed)} (${guidelinesUrl(m[1]!)})`;
    } else if ((m = /^Did not expect text in element (\S+) content$/.exec(raw))) {
      code = ValidateCodes.textNotAllowed;
      message = `text not allowed in element ${m[1]} (${guidelinesUrl(m[1]!)})`;
    } else if (/^Element (\S+) failed to validate/.test(raw) || /^Expecting element/.test(raw)) {
      code = ValidateCodes.incompleteContent;
    }
    const key = `${span.line}:${span.column}:${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const diagnostic: Diagnostic = { code, severity: d.level === 1 ? 'warning' : 'error', message, span };
    if (isConsequence) consequences.add(diagnostic);
    out.push(diagnostic);
  }
  if (consequences.size > 0) {
    const at = (d: Diagnostic): string => `${d.span?.line}:${d.span?.column}`;
    const others = new Set(out.filter((d) => !consequences.has(d)).map(at));
    const kept = out.filter((d) => !consequences.has(d) || !others.has(at(d)));
    out.length = 0;
    out.push(...kept);
  }
  if (out.length === 0 && details.length > 0) {
    // Only "failed to validate" lines: keep the first so the file is not reported valid with no reason.
    const d = details[0]!;
    const index = findElement(parsed, d.xpath);
    out.push({
      code: ValidateCodes.schemaOther,
      severity: 'error',
      message: d.message.trim(),
      span: (index !== undefined ? elementSpan(parsed, index) : undefined) ?? { file: parsed.file, line: Math.max(1, d.line), column: 1 },
    });
  }
  return out;
}
