/**
 * The schema adapter: the one file through which Chancery reaches a schema engine, and the one that turns
 * their findings into our diagnostics (TEI-RNG-nnn) with 1-based positions from our saxes pass.
 *
 * - RELAX NG: our engine, `packages/relaxng` (a package of its own: the whole specification, XSD datatypes,
 *   DTD-compatibility IDs; derivative-based as jing is), validating during our saxes pass.
 * - XSD: libxml2 compiled to WebAssembly (libxml2-wasm; this is the only file that touches it). Its RELAX NG
 *   is not used: on the RELAX NG test suite it gives 363/385 where ours and jing give 385/385, and it reports
 *   false errors on valid DocBook (docs/decisions.md, "Validation engine").
 */
import { readFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { ErrorDetail, XmlDocument, XsdValidator } from 'libxml2-wasm';
import {
  compileSchema as compileRelaxNg,
  decodeXmlBytes,
  DocumentValidator,
  formatDetail,
  readDocument,
  SchemaError,
  ValidationCodes,
  type CompiledSchema,
  type DocumentListener,
  type ValidationError,
} from '../../packages/relaxng/src/index.js';
import { diagnostic, ValidateError, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { elementSpan, parseXml, type ParsedFile } from './parse.js';

export { readDoctype, expandMarkupEntities, installTextEntities, type Doctype } from '../../packages/relaxng/src/index.js';

/** What a streaming validator hears of a document (our saxes pass in parse.ts calls it). */
export type XmlListener = DocumentListener;

/** A compiled schema, reusable for any number of documents. */
export interface SchemaValidator {
  readonly path: string;
  /** Which engine: ours (RELAX NG, streaming on saxes) or libxml2 (XSD, a second parse of the bytes). */
  readonly engine: 'chancery' | 'libxml2';
  /** Whether the engine checks ID uniqueness itself (RELAX NG with ID checks on, where the schema types IDs). */
  readonly checksIds: boolean;
  /** Streaming engines: a listener for parseXml; its findings once the parse has ended. */
  stream?(): { listener: XmlListener; finish(): Diagnostic[] };
  /** Validates a document already found well-formed; returns every error (never throws for bad input). */
  validate(bytes: Uint8Array, parsed: ParsedFile): Diagnostic[];
  dispose(): void;
}

/** How RELAX NG schemas are compiled and documents read for them. */
export interface SchemaOptions {
  /** ID/IDREF/IDREFS checks of RELAX NG DTD compatibility (jing's default); false is `jing -i`. */
  checkIds?: boolean;
  /** Process XInclude in documents (a second read of each document, with its inclusions); default false. */
  xinclude?: boolean;
}

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** The codes of what a schema engine finds in a document. */
type SchemaFindingCode =
  | typeof ValidateCodes.elementNotAllowed
  | typeof ValidateCodes.badAttribute
  | typeof ValidateCodes.missingAttribute
  | typeof ValidateCodes.textNotAllowed
  | typeof ValidateCodes.incompleteContent
  | typeof ValidateCodes.duplicateId
  | typeof ValidateCodes.idrefWithoutId
  | typeof ValidateCodes.schemaOther;

const CODES: Record<ValidationError['code'], SchemaFindingCode> = {
  [ValidationCodes.wrongRoot]: ValidateCodes.elementNotAllowed,
  [ValidationCodes.undeclaredElement]: ValidateCodes.elementNotAllowed,
  [ValidationCodes.elementNotAllowed]: ValidateCodes.elementNotAllowed,
  [ValidationCodes.elementNotAllowedYet]: ValidateCodes.elementNotAllowed,
  [ValidationCodes.attributeNotAllowed]: ValidateCodes.badAttribute,
  [ValidationCodes.attributeValueInvalid]: ValidateCodes.badAttribute,
  [ValidationCodes.badIdToken]: ValidateCodes.badAttribute,
  [ValidationCodes.missingAttribute]: ValidateCodes.missingAttribute,
  [ValidationCodes.textNotAllowed]: ValidateCodes.textNotAllowed,
  [ValidationCodes.textInvalid]: ValidateCodes.textNotAllowed,
  [ValidationCodes.incompleteElement]: ValidateCodes.incompleteContent,
  [ValidationCodes.duplicateId]: ValidateCodes.duplicateId,
  [ValidationCodes.missingId]: ValidateCodes.idrefWithoutId,
};

/** One engine finding as our diagnostic; TEI elements get the link to their page in the Guidelines. */
function toDiagnostic(e: ValidationError): Diagnostic {
  const guidelines = e.element?.ns === TEI_NS ? e.element.local : undefined;
  return diagnostic(CODES[e.code], { detail: e.message, guidelines }, e.span, e.related ? { related: e.related } : {});
}

/**
 * Where compiled schemas are kept between runs (tei_all: ~0.6 s to compile and check, ~0.1 s to rebuild): a
 * folder of this user's in the OS temp dir. Entries are keyed by schema path and options and used only while
 * every file of the schema keeps its size and modification time.
 */
function cacheDir(): string | undefined {
  try {
    return join(tmpdir(), `chancery-relaxng-${userInfo().uid}`);
  } catch {
    return undefined;
  }
}

function compileOurs(path: string, options: SchemaOptions): SchemaValidator {
  let compiled: CompiledSchema;
  try {
    compiled = compileRelaxNg(path, { checkIds: options.checkIds !== false, cacheDir: cacheDir() });
  } catch (e) {
    if (!(e instanceof SchemaError)) throw e;
    const lines = e.details.map(formatDetail);
    const more = lines.length > 1 ? `\n${lines.slice(1, 20).join('\n')}${lines.length > 20 ? `\n… (${lines.length} errors in all)` : ''}` : '';
    const unreadable = e.code === 'schema-unreadable';
    throw ValidateError.of(unreadable ? ValidateCodes.schemaUnreadable : ValidateCodes.schemaNotCompiled, { problem: `${unreadable ? 'schema' : 'incorrect schema'} ${lines[0]}${more}` }, {
      cause: e,
      span: e.location,
    });
  }
  const fresh = (): DocumentValidator => new DocumentValidator(compiled);
  return {
    path,
    engine: 'chancery',
    checksIds: compiled.ids.any,
    stream: options.xinclude
      ? undefined
      : () => {
          const v = fresh();
          return {
            listener: v,
            finish: () => {
              v.endDocument();
              return v.diagnostics.map(toDiagnostic);
            },
          };
        },
    validate(bytes, parsed) {
      const v = fresh();
      if (options.xinclude) {
        // Inclusions are read by the engine's own reader; what the file itself holds was checked by our pass.
        const problems = readDocument(decodeXmlBytes(bytes), v, { file: parsed.file, xinclude: true });
        return [
          ...problems.map((p) => diagnostic(ValidateCodes.xincludeFailed, { detail: p.message }, p.span)),
          ...v.diagnostics.map(toDiagnostic),
        ];
      }
      parseXml(parsed.file, parsed.text, { listener: v });
      v.endDocument();
      return v.diagnostics.map(toDiagnostic);
    },
    dispose() {},
  };
}

// Never load DTDs or fetch anything: no NOENT (entity substitution), no DTDLOAD, NONET. SKIP_IDS because
// our saxes pass checks xml:id (NCName, duplicates) with positions, and libxml2 would stop at the parse.
// libxml2's ParseOption values (XML_PARSE_NONET, XML_PARSE_SKIP_IDS, XML_PARSE_BIG_LINES), spelled out so
// that libxml2-wasm is loaded only when an XSD needs it (loading it costs ~50 ms of every run otherwise).
const NONET = 2048;
const SKIP_IDS = 134217728;
const BIG_LINES = 4194304;
const DOC_OPTIONS = NONET | SKIP_IDS | BIG_LINES;
const SCHEMA_OPTIONS = NONET;

/**
 * Compiles a RELAX NG (.rng, XML syntax) or XSD (.xsd) schema. Throws {@link ValidateError} (exit 2) when the
 * schema cannot be read or is incorrect: that is a tool failure, not a finding about the documents.
 */
export async function compileSchema(path: string, options: SchemaOptions = {}): Promise<SchemaValidator> {
  if (!/\.xsd$/i.test(path)) return compileOurs(path, options);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw ValidateError.of(ValidateCodes.schemaUnreadable, { problem: `cannot read schema ${path}: ${(e as Error).message}` }, { cause: e });
  }
  const { XmlDocument, XmlValidateError, XsdValidator } = await import('libxml2-wasm');
  let schemaDoc: XmlDocument;
  let lib: XsdValidator;
  try {
    schemaDoc = XmlDocument.fromBuffer(bytes, { option: SCHEMA_OPTIONS, url: path });
    lib = XsdValidator.fromDoc(schemaDoc);
  } catch (e) {
    const details = (e as { details?: ErrorDetail[] }).details ?? [];
    const first = details[0];
    const where = first ? `:${first.line}` : '';
    throw ValidateError.of(
      ValidateCodes.schemaNotCompiled,
      { problem: `cannot compile schema ${path}${where}: ${(first?.message ?? (e as Error).message).trim()}` },
      { cause: e },
    );
  }

  return {
    path,
    engine: 'libxml2',
    checksIds: false,
    validate(docBytes, parsed) {
      let doc: XmlDocument;
      try {
        doc = XmlDocument.fromBuffer(docBytes, { option: DOC_OPTIONS, url: parsed.file });
      } catch (e) {
        // saxes found the file well-formed, so this is libxml2 disagreeing (or a limit of it): report it.
        const details = (e as { details?: ErrorDetail[] }).details ?? [];
        return (details.length ? details : [{ message: (e as Error).message, line: 1, col: 0, level: 2 }]).map(
          (d) =>
            diagnostic(ValidateCodes.schemaOther, { detail: `cannot be checked against the schema: ${d.message.trim()}` }, {
              file: parsed.file,
              line: Math.max(1, d.line),
              column: Math.max(1, d.col),
            }),
        );
      }
      try {
        lib.validate(doc);
        return [];
      } catch (e) {
        if (!(e instanceof XmlValidateError)) {
          throw ValidateError.of(ValidateCodes.engineFailed, { problem: `schema engine failed on ${parsed.file}: ${(e as Error).message}` }, { cause: e });
        }
        return toDiagnostics(e.details, parsed);
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

/** Turns libxml2's XSD messages into ours: say which element, in which parent, what is allowed. */
function toDiagnostics(details: ErrorDetail[], parsed: ParsedFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
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
    let code: SchemaFindingCode = ValidateCodes.schemaOther;
    let message = raw;
    // the element whose page of the TEI Guidelines the message links
    let guidelines: string | undefined;
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
      const expected = m[2] ?? 'something else';
      const childInfo = span === undefined ? undefined : parsed.elements[childIndex ?? -1];
      const foreign = childInfo && childInfo.uri !== TEI_NS ? ` (${childInfo.uri ? `namespace ${childInfo.uri}` : 'in no namespace'})` : '';
      message = where ? `element ${child}${foreign} not allowed here in ${where.local}; expected ${expected}` : `element ${child}${foreign} not allowed here; expected ${expected}`;
    } else if ((m = /^Expecting an element (\S*) ?, got (\S+)$/.exec(raw)) || (m = /^Expecting an element , got (\S+)$/.exec(raw))) {
      code = ValidateCodes.incompleteContent;
      const where = info;
      message = where ? `element ${where.local} incomplete; expected ${m[2] ? m[1] : 'more content'}` : 'element incomplete: a required child element is missing';
    } else if ((m = /^Invalid attribute (\S+) for element (\S+)$/.exec(raw))) {
      code = ValidateCodes.badAttribute;
      message = `attribute ${m[1]} of element ${m[2]} is not allowed here or its value is invalid`;
      guidelines = m[2];
    } else if ((m = /^Type (\S+) doesn't allow value '(.*)'$/.exec(raw))) {
      code = ValidateCodes.badAttribute;
      const [, type, value] = m;
      const attr = info ? attributeWithValue(parsed.text, info.start, value!) : undefined;
      const owner = info ? `${attr ? `attribute ${attr} of ` : 'an attribute of '}element ${info.local}` : 'a value';
      message = `value "${value}" of ${owner} is not a valid ${type}`;
      guidelines = info?.local;
    } else if ((m = /^Element (\S+) has extra content: (\S+)$/.exec(raw))) {
      code = m[2] === 'text' ? ValidateCodes.textNotAllowed : ValidateCodes.incompleteContent;
      const what = m[2] === 'text' ? 'text' : `element ${m[2]}`;
      message = `${what} not allowed here in ${m[1]}`;
    } else if ((m = /^Did not expect text in element (\S+) content$/.exec(raw))) {
      code = ValidateCodes.textNotAllowed;
      message = `text not allowed in element ${m[1]}`;
      guidelines = m[1];
    } else if (/^Element (\S+) failed to validate/.test(raw) || /^Expecting element/.test(raw)) {
      code = ValidateCodes.incompleteContent;
    }
    const finding = diagnostic(code, { detail: message, guidelines }, span, { severity: d.level === 1 ? 'warning' : 'error' });
    const key = `${span.line}:${span.column}:${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(finding);
  }
  if (out.length === 0 && details.length > 0) {
    // Only "failed to validate" lines: keep the first so the file is not reported valid with no reason.
    const d = details[0]!;
    const index = findElement(parsed, d.xpath);
    out.push(
      diagnostic(
        ValidateCodes.schemaOther,
        { detail: d.message.trim() },
        (index !== undefined ? elementSpan(parsed, index) : undefined) ?? { file: parsed.file, line: Math.max(1, d.line), column: 1 },
      ),
    );
  }
  return out;
}
