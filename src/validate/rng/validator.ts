/**
 * Validates one document against a compiled RELAX NG schema while saxes reads it (no second parse), and
 * reports every error with jing's recovery: an element not allowed is reported and skipped, a bad
 * attribute is reported and ignored, an incomplete element is reported and closed.
 */
import { ValidateError, type Diagnostic, type SourceSpan } from '../../diagnostics/diagnostic.js';
import { ValidateCodes, guidelinesUrl } from '../codes.js';
import type { CompiledRng } from './schema.js';
import { isWhitespace, type Pattern } from './patterns.js';

/** An attribute as saxes gives it. */
export interface XmlAttribute {
  uri: string;
  local: string;
  name: string;
  value: string;
}

/** What the validator needs to hear of a document (parse.ts calls these as saxes reads). */
export interface XmlListener {
  /** Before the parse: the file, and where element `index` stands (computed only for errors). */
  attach(file: string, elementSpan: (index: number) => SourceSpan): void;
  startElement(uri: string, local: string, attributes: readonly XmlAttribute[], index: number): void;
  text(text: string): void;
  /** 1-based position of the end tag's `>`. */
  endElement(line: number, column: number): void;
}

const TEI_NS = 'http://www.tei-c.org/ns/1.0';

function list(names: string[], max = 25): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length > max) return `one of ${names.slice(0, max).join(', ')} … (${names.length} in all)`;
  return `one of ${names.join(', ')}`;
}

/** An element's name, with its namespace when that differs from its parent's (TEI's at the root). */
function shown(uri: string, local: string, parentUri: string): string {
  if (uri === parentUri) return local;
  return uri ? `${local} (namespace ${uri})` : `${local} (in no namespace)`;
}

/** `(Guidelines URL)` for TEI elements, nothing for others. */
function link(uri: string, local: string): string {
  return uri === TEI_NS ? ` (${guidelinesUrl(local)})` : '';
}

/** A validation of one document; `diagnostics` holds the findings once the document has ended. */
export class DocumentValidator implements XmlListener {
  readonly diagnostics: Diagnostic[] = [];
  private cur: Pattern;
  private readonly frames: { local: string; uri: string; hadContent: boolean; url: string; textError: boolean }[] = [];
  private skipDepth = 0;
  private saved: Pattern | undefined;
  private textBuf = '';
  private file = '';
  private elementSpan: (index: number) => SourceSpan = () => ({ file: this.file, line: 1, column: 1 });

  constructor(private readonly schema: CompiledRng) {
    this.cur = schema.start;
  }

  attach(file: string, elementSpan: (index: number) => SourceSpan): void {
    this.file = file;
    this.elementSpan = elementSpan;
  }

  private spanOf(at: number | { line: number; column: number }): SourceSpan {
    return typeof at === 'number' ? this.elementSpan(at) : { file: this.file, ...at };
  }

  private report(code: string, message: string, span: SourceSpan): void {
    this.diagnostics.push({ code, severity: 'error', message, span });
  }

  private where(): string {
    const f = this.frames[this.frames.length - 1];
    return f ? ` in ${f.local}` : ' at the root';
  }

  private flushText(at: number | { line: number; column: number }): void {
    const s = this.textBuf;
    if (s === '') return;
    this.textBuf = '';
    const frame = this.frames[this.frames.length - 1];
    if (frame) frame.hadContent = true;
    const { patterns } = this.schema;
    if (isWhitespace(s)) {
      this.cur = patterns.choice(this.cur, patterns.textDeriv(this.cur, s));
      return;
    }
    const next = patterns.textDeriv(this.cur, s);
    if (next.kind !== 'notAllowed') {
      this.cur = next;
      return;
    }
    const exp = patterns.expected(this.cur);
    const inside = frame?.local ?? 'the document';
    if (frame) frame.textError = true;
    if (exp.text) {
      this.report(ValidateCodes.textNotAllowed, `character content of element ${inside} is invalid here; must be ${patterns.describeValue(this.cur)}${frame?.url ?? ''}`, this.spanOf(at));
    } else {
      const expected = exp.elements.length ? `; expected ${list(exp.elements)}` : '';
      this.report(ValidateCodes.textNotAllowed, `text not allowed${this.where()}${expected}${frame?.url ?? ''}`, this.spanOf(at));
    }
  }

  startElement(uri: string, local: string, attributes: readonly XmlAttribute[], index: number): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    this.flushText(index);
    const parent = this.frames[this.frames.length - 1];
    if (parent) parent.hadContent = true;
    const { patterns } = this.schema;
    let opened: Pattern;
    try {
      opened = patterns.startTagOpen(this.cur, uri, local);
    } catch (e) {
      // Element content is compiled on first use: a schema error can surface here.
      throw new ValidateError(ValidateCodes.schemaNotCompiled, `schema error met at element ${local}: ${(e as Error).message}`, { cause: e });
    }
    if (opened.kind === 'notAllowed') {
      const exp = patterns.expected(this.cur);
      const later = patterns.startTagOpen(patterns.relax(this.cur), uri, local);
      if (later.kind !== 'notAllowed' && parent) {
        // Allowed further on: something required comes first. Go on as if it were there (as jing does).
        const missing = this.missingBefore(exp.elements, uri, local, parent.uri);
        const message = missing.length
          ? `element ${local} not allowed yet in ${parent.local}; missing required element ${list(missing)} before it${parent.url}`
          : `element ${local} not allowed yet in ${parent.local}; expected first ${list(exp.elements.filter((e) => e !== local))}${parent.url}`;
        this.report(ValidateCodes.elementNotAllowed, message, this.elementSpan(index));
        this.openWith(later, uri, local, attributes, index);
        return;
      }
      const choices = [...exp.elements];
      let expected = choices.length ? `expected ${list(choices)}` : 'expected no element here';
      if (exp.end && parent) expected = choices.length ? `expected the end of ${parent.local} or ${list(choices)}` : `expected the end of ${parent.local}`;
      const parentUri = parent?.uri ?? TEI_NS;
      const misplaced = choices.includes(local) && uri === parentUri;
      const what = misplaced
        ? `element ${local} not allowed at this point${this.where()} (order or number of children)`
        : `element ${shown(uri, local, parentUri)} not allowed here${this.where()}`;
      this.report(ValidateCodes.elementNotAllowed, `${what}; ${expected}${parent?.url ?? ''}`, this.elementSpan(index));
      this.saved = this.cur;
      this.skipDepth = 1;
      return;
    }
    this.openWith(opened, uri, local, attributes, index);
  }

  private openWith(opened: Pattern, uri: string, local: string, attributes: readonly XmlAttribute[], index: number): void {
    const { patterns } = this.schema;
    const url = link(uri, local);
    let p = opened;
    let attributeErrors = 0;
    for (const a of attributes) {
      const next = patterns.attribute_(p, a.uri, a.local, a.value);
      if (next.kind !== 'notAllowed') {
        p = next;
        continue;
      }
      attributeErrors++;
      const valuePattern = patterns.attributeNamed(p, a.uri, a.local);
      if (valuePattern) {
        this.report(
          ValidateCodes.badAttribute,
          `value "${a.value}" of attribute ${a.name} of element ${local} is invalid; must be ${patterns.describeValue(valuePattern)}${url}`,
          this.elementSpan(index),
        );
      } else {
        this.report(ValidateCodes.badAttribute, `attribute ${a.name} not allowed on element ${local}${url}`, this.elementSpan(index));
      }
    }
    let closed = patterns.startTagClose(p);
    if (closed.kind === 'notAllowed') {
      const missing = patterns.requiredAttributes(p);
      // After a rejected attribute value, "missing" would only repeat that error.
      if (attributeErrors === 0) {
        this.report(
          ValidateCodes.missingAttribute,
          `element ${local} missing required attribute${missing.length === 1 ? '' : 's'} ${missing.join(', ')}${url}`,
          this.elementSpan(index),
        );
      }
      closed = patterns.startTagClose(p, true);
    }
    this.cur = closed;
    this.frames.push({ local, uri, hadContent: false, url, textError: false });
  }

  /**
   * Of the elements allowed now, those after which `local` would be allowed: the required sibling(s) that
   * are missing ("missing required element publicationStmt"), when one alone is missing.
   */
  private missingBefore(candidates: string[], uri: string, local: string, ns: string): string[] {
    // Candidates are local names; they are taken in the parent's namespace.
    const { patterns } = this.schema;
    return candidates.filter((c) => {
      if (c === local || c.startsWith('any element')) return false;
      const opened = patterns.startTagOpen(this.cur, ns, c);
      if (opened.kind === 'notAllowed') return false;
      const after = patterns.endTagForced(patterns.startTagClose(opened, true));
      return patterns.startTagOpen(after, uri, local).kind !== 'notAllowed';
    });
  }

  text(text: string): void {
    if (this.skipDepth === 0) this.textBuf += text;
  }

  endElement(line: number, column: number): void {
    if (this.skipDepth > 0) {
      if (--this.skipDepth === 0) this.cur = this.saved!;
      return;
    }
    const { patterns } = this.schema;
    const frame = this.frames[this.frames.length - 1]!;
    if (!frame.hadContent && this.textBuf === '') {
      // An element without children is matched as if it held the empty string (RELAX NG 7.2).
      this.cur = patterns.choice(this.cur, patterns.textDeriv(this.cur, ''));
    } else this.flushText({ line, column });
    const ended = patterns.endTag(this.cur);
    if (ended.kind === 'notAllowed') {
      const exp = patterns.expected(this.cur);
      const message =
        exp.elements.length > 0
          ? `element ${frame.local} incomplete; expected ${list(exp.elements)}${frame.url}`
          : exp.text
            ? `element ${frame.local} incomplete; missing its content, which must be ${patterns.describeValue(this.cur)}${frame.url}`
            : `element ${frame.local} incomplete${frame.url}`;
      // Rejected text already explains an element that lacks its (data) content.
      if (!(frame.textError && exp.elements.length === 0)) this.report(ValidateCodes.incompleteContent, message, { file: this.file, line, column });
      this.cur = patterns.endTagForced(this.cur);
    } else this.cur = ended;
    this.frames.pop();
  }
}
