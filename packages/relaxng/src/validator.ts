/**
 * Validates one document against a compiled schema while a parser reads it (no tree is built), and reports
 * every error with jing's recovery: an element not allowed is reported and skipped, a bad attribute is
 * reported and ignored, an incomplete element is reported and closed. IDs and IDREFs are checked as the
 * DTD compatibility specification says, when the schema types attributes so.
 */
import type { IdType, ValueContext } from './datatypes/index.js';
import type { Location } from './errors.js';
import { isWhitespace, type Pattern } from './patterns.js';
import type { CompiledSchema } from './schema/compile.js';

/** A place in the document: 1-based, from a start to an optional end. */
export interface Span extends Location {
  endLine?: number;
  endColumn?: number;
}

/** Codes of validation errors. */
export const ValidationCodes = {
  /** The root element is not one the schema allows as root. */
  wrongRoot: 'wrong-root',
  /** An element the schema does not declare anywhere. */
  undeclaredElement: 'undeclared-element',
  /** An element declared but not allowed where it stands. */
  elementNotAllowed: 'element-not-allowed',
  /** An element allowed only after a required sibling that is missing. */
  elementNotAllowedYet: 'element-not-allowed-yet',
  /** An attribute the element does not allow. */
  attributeNotAllowed: 'attribute-not-allowed',
  /** An attribute whose value its datatype or value list rejects. */
  attributeValueInvalid: 'attribute-value-invalid',
  /** Required attributes missing. */
  missingAttribute: 'missing-attribute',
  /** Text where the element allows none. */
  textNotAllowed: 'text-not-allowed',
  /** Character content its datatype rejects. */
  textInvalid: 'text-invalid',
  /** Required content missing at an end tag. */
  incompleteElement: 'incomplete-element',
  /** An ID value used twice in one document. */
  duplicateId: 'duplicate-id',
  /** An IDREF with no element of that ID in the document. */
  missingId: 'missing-id',
  /** An ID or IDREF attribute with no token, or an ID with several. */
  badIdToken: 'bad-id-token',
} as const;

/** One validation error. */
export interface ValidationError {
  code: (typeof ValidationCodes)[keyof typeof ValidationCodes];
  message: string;
  span: Span;
  /** The element the error is about (for links to documentation): its namespace URI and local name. */
  element?: { ns: string; local: string };
  /** The attribute the error is about, as written. */
  attribute?: string;
  /** Other places that explain this one (the first occurrence of a duplicate ID). */
  related?: Span[];
}

/** An attribute as the parser gives it. */
export interface XmlAttribute {
  uri: string;
  local: string;
  /** Qualified name as written. */
  name: string;
  value: string;
}

/** What the validator needs to hear of a document, in document order. */
export interface DocumentListener {
  /** Before the parse: the file, where element `index` stands and where its attribute `name` stands (both computed for errors only). */
  attach(file: string, elementSpan: (index: number) => Span, attributeSpan?: (index: number, name: string) => Span): void;
  /** A start tag; `namespaces` are the prefixes it declares (prefix → URI, '' for the default namespace). */
  startElement(uri: string, local: string, attributes: readonly XmlAttribute[], index: number, namespaces?: Readonly<Record<string, string>>): void;
  text(text: string): void;
  /** An end tag; 1-based position of its `>`. */
  endElement(line: number, column: number): void;
  /** Unparsed entities the document declares (for ENTITY values), before its root element. */
  declareUnparsedEntities?(names: Iterable<string>): void;
  /** The end of the document: IDREF targets are checked here. */
  endDocument(): void;
}

function list(names: string[], max = 25): string {
  if (names.length === 0) return '';
  if (names.length === 1) return names[0]!;
  if (names.length > max) return `one of ${names.slice(0, max).join(', ')} … (${names.length} in all)`;
  return `one of ${names.join(', ')}`;
}

/** An element's name, with its namespace when that differs from its parent's. */
function shown(uri: string, local: string, parentUri: string | undefined): string {
  if (parentUri !== undefined && uri === parentUri) return local;
  return uri ? `${local} (namespace ${uri})` : `${local} (in no namespace)`;
}

interface Frame {
  local: string;
  uri: string;
  hadContent: boolean;
  textError: boolean;
  /** Namespace declarations of this element, when it has any. */
  namespaces?: Readonly<Record<string, string>>;
}

/** The validation of one document; {@link diagnostics} holds the findings once it has ended. */
export class DocumentValidator implements DocumentListener, ValueContext {
  readonly diagnostics: ValidationError[] = [];
  private cur: Pattern;
  private readonly frames: Frame[] = [];
  private skipDepth = 0;
  private saved: Pattern | undefined;
  private textBuf = '';
  private file = '';
  private elementSpan: (index: number) => Span = () => ({ file: this.file, line: 1, column: 1 });
  private attributeSpan?: (index: number, name: string) => Span;
  private readonly ids = new Map<string, Span>();
  private readonly idrefs: { value: string; span: Span }[] = [];
  private ended = false;
  private readonly unparsedEntities = new Set<string>();

  constructor(
    private readonly schema: CompiledSchema,
  ) {
    this.cur = schema.start;
  }

  attach(file: string, elementSpan: (index: number) => Span, attributeSpan?: (index: number, name: string) => Span): void {
    this.file = file;
    this.elementSpan = elementSpan;
    this.attributeSpan = attributeSpan;
  }

  resolvePrefix(prefix: string): string | undefined {
    for (let i = this.frames.length - 1; i >= 0; i--) {
      const ns = this.frames[i]!.namespaces;
      if (ns && ns[prefix] !== undefined) return ns[prefix];
    }
    if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
    return prefix === '' ? '' : undefined;
  }

  declareUnparsedEntities(names: Iterable<string>): void {
    for (const n of names) this.unparsedEntities.add(n);
  }

  isUnparsedEntity(name: string): boolean {
    return this.unparsedEntities.has(name);
  }

  private report(e: ValidationError): void {
    this.diagnostics.push(e);
  }

  private spanOf(at: number | { line: number; column: number }): Span {
    return typeof at === 'number' ? this.elementSpan(at) : { file: this.file, ...at };
  }

  private frame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  private flushText(at: number | { line: number; column: number }): void {
    const s = this.textBuf;
    if (s === '') return;
    this.textBuf = '';
    const frame = this.frame();
    if (frame) frame.hadContent = true;
    const { patterns } = this.schema;
    if (isWhitespace(s)) {
      this.cur = patterns.weakText(this.cur, s, this);
      return;
    }
    const next = patterns.textDeriv(this.cur, s, this);
    if (next.kind !== 'notAllowed') {
      this.cur = next;
      return;
    }
    const exp = patterns.expected(this.cur);
    const inside = frame?.local ?? 'the document';
    const element = frame ? { ns: frame.uri, local: frame.local } : undefined;
    if (frame) frame.textError = true;
    if (exp.text) {
      this.report({
        code: ValidationCodes.textInvalid,
        message: `character content of element ${inside} is invalid; must be ${patterns.describeValue(this.cur)}`,
        span: this.spanOf(at),
        element,
      });
    } else {
      const expected = exp.elements.length ? `; expected ${list(exp.elements)}` : '';
      this.report({ code: ValidationCodes.textNotAllowed, message: `text not allowed in ${inside}${expected}`, span: this.spanOf(at), element });
    }
  }

  startElement(uri: string, local: string, attributes: readonly XmlAttribute[], index: number, namespaces?: Readonly<Record<string, string>>): void {
    if (this.skipDepth > 0) {
      this.skipDepth++;
      return;
    }
    this.flushText(index);
    const parent = this.frame();
    if (parent) parent.hadContent = true;
    const { patterns } = this.schema;
    const opened = patterns.startTagOpen(this.cur, uri, local);
    if (opened.kind === 'notAllowed') {
      const exp = patterns.expected(this.cur);
      const later = parent ? patterns.startTagOpen(patterns.relax(this.cur), uri, local) : patterns.notAllowed;
      if (later.kind !== 'notAllowed' && parent) {
        // Allowed further on: something required comes first. Go on as if it were there (as jing does).
        const missing = this.missingBefore(exp.elements, uri, local, parent.uri);
        const message = missing.length
          ? `element ${local} not allowed yet in ${parent.local}; missing required element ${list(missing)} before it`
          : `element ${local} not allowed yet in ${parent.local}; expected first ${list(exp.elements.filter((e) => e !== local))}`;
        this.report({ code: ValidationCodes.elementNotAllowedYet, message, span: this.elementSpan(index), element: { ns: parent.uri, local: parent.local } });
        this.openWith(later, uri, local, attributes, index, namespaces);
        return;
      }
      const choices = [...exp.elements];
      if (!parent) {
        const roots = patterns.startNames(this.cur);
        this.report({
          code: ValidationCodes.wrongRoot,
          message: `element ${shown(uri, local, undefined)} is not allowed as the root element; the schema allows ${roots.length ? list(roots, 40) : 'no element'} as root`,
          span: this.elementSpan(index),
          element: { ns: uri, local },
        });
      } else if (!this.schema.declares(uri, local)) {
        let expected = choices.length ? `; expected ${list(choices)}` : '';
        if (exp.end) expected = choices.length ? `; expected the end of ${parent.local} or ${list(choices)}` : `; expected the end of ${parent.local}`;
        this.report({
          code: ValidationCodes.undeclaredElement,
          message: `element ${shown(uri, local, parent.uri)} is not declared anywhere in the schema (in ${parent.local}${expected})`,
          span: this.elementSpan(index),
          element: { ns: parent.uri, local: parent.local },
        });
      } else {
        let expected = choices.length ? `expected ${list(choices)}` : 'expected no element here';
        if (exp.end) expected = choices.length ? `expected the end of ${parent.local} or ${list(choices)}` : `expected the end of ${parent.local}`;
        const misplaced = choices.includes(local) && uri === parent.uri;
        const what = misplaced
          ? `element ${local} not allowed at this point in ${parent.local} (order or number of children)`
          : `element ${shown(uri, local, parent.uri)} not allowed here in ${parent.local}`;
        this.report({ code: ValidationCodes.elementNotAllowed, message: `${what}; ${expected}`, span: this.elementSpan(index), element: { ns: parent.uri, local: parent.local } });
      }
      this.saved = this.cur;
      this.skipDepth = 1;
      return;
    }
    this.openWith(opened, uri, local, attributes, index, namespaces);
  }

  private openWith(opened: Pattern, uri: string, local: string, attributes: readonly XmlAttribute[], index: number, namespaces?: Readonly<Record<string, string>>): void {
    const { patterns } = this.schema;
    // The element's own namespace declarations are in scope for its attribute values.
    this.frames.push({ local, uri, hadContent: false, textError: false, namespaces });
    let p = opened;
    let attributeErrors = 0;
    const { ids } = this.schema;
    for (let i = 0; i < attributes.length; i++) {
      const a = attributes[i]!;
      const next = patterns.attribute_(p, a.uri, a.local, a.value, this);
      if (next.kind !== 'notAllowed') {
        p = next;
        if (ids.any) {
          const type = ids.get(uri, local, a.uri, a.local);
          if (type) this.checkId(type, uri, local, a, index);
        }
        continue;
      }
      attributeErrors++;
      const element = { ns: uri, local };
      const at = (name: string): Span => this.attributeSpanOf(index, name);
      const valuePattern = patterns.attributeNamed(p, a.uri, a.local);
      if (valuePattern) {
        this.report({
          code: ValidationCodes.attributeValueInvalid,
          message: `value "${a.value}" of attribute ${a.name} of element ${local} is invalid; must be ${patterns.describeValue(valuePattern)}`,
          span: at(a.name),
          element,
          attribute: a.name,
        });
      } else {
        this.report({ code: ValidationCodes.attributeNotAllowed, message: `attribute ${a.name} not allowed on element ${local}`, span: at(a.name), element, attribute: a.name });
      }
    }
    let closed = patterns.startTagClose(p);
    if (closed.kind === 'notAllowed') {
      const missing = patterns.requiredAttributes(p);
      // After a rejected attribute value, "missing" would only repeat that error.
      if (attributeErrors === 0) {
        this.report({
          code: ValidationCodes.missingAttribute,
          message: `element ${local} missing required attribute${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
          span: this.elementSpan(index),
          element: { ns: uri, local },
        });
      }
      closed = patterns.startTagClose(p, true);
    }
    this.cur = closed;
  }

  /** Where attribute `name` of element `index` stands (the element's start tag when that is not known). */
  private attributeSpanOf(index: number, name: string): Span {
    return this.attributeSpan?.(index, name) ?? this.elementSpan(index);
  }

  private checkId(type: IdType, uri: string, local: string, a: XmlAttribute, index: number): void {
    const at = (name: string): Span => this.attributeSpanOf(index, name);
    const tokens = a.value.split(/[ \t\n\r]+/).filter((t) => t !== '');
    const element = { ns: uri, local };
    if (tokens.length === 0 || (type !== 'IDREFS' && tokens.length > 1)) {
      this.report({
        code: ValidationCodes.badIdToken,
        message: `value of attribute ${a.name} of type ${type} must be ${type === 'IDREFS' ? 'one or more names' : 'exactly one name'}`,
        span: at(a.name),
        element,
        attribute: a.name,
      });
      return;
    }
    if (type === 'ID') {
      const id = tokens[0]!;
      const first = this.ids.get(id);
      const span = at(a.name);
      if (first) {
        this.report({
          code: ValidationCodes.duplicateId,
          message: `ID "${id}" is used twice in this document; first at line ${first.line}`,
          span,
          element,
          attribute: a.name,
          related: [first],
        });
      } else this.ids.set(id, span);
    } else {
      const span = at(a.name);
      for (const t of tokens) this.idrefs.push({ value: t, span });
    }
  }

  /**
   * Of the elements allowed now, those after which `local` would be allowed: the required sibling(s) that
   * are missing ("missing required element publicationStmt"), when one alone is missing.
   */
  private missingBefore(candidates: string[], uri: string, local: string, ns: string): string[] {
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
    const frame = this.frame()!;
    if (!frame.hadContent && this.textBuf === '') {
      // An element without children matches as if it held the empty string (RELAX NG 6.2.7, weak match).
      this.cur = patterns.weakText(this.cur, '', this);
    } else this.flushText({ line, column });
    const ended = patterns.endTag(this.cur);
    if (ended.kind === 'notAllowed') {
      const exp = patterns.expected(this.cur);
      const message =
        exp.elements.length > 0
          ? `element ${frame.local} incomplete; expected ${list(exp.elements)}`
          : exp.text
            ? `element ${frame.local} incomplete; missing its content, which must be ${patterns.describeValue(this.cur)}`
            : `element ${frame.local} incomplete`;
      // Rejected text already explains an element that lacks its (data) content.
      if (!(frame.textError && exp.elements.length === 0)) {
        this.report({ code: ValidationCodes.incompleteElement, message, span: { file: this.file, line, column }, element: { ns: frame.uri, local: frame.local } });
      }
      this.cur = patterns.endTagForced(this.cur);
    } else this.cur = ended;
    this.frames.pop();
  }

  endDocument(): void {
    if (this.ended) return;
    this.ended = true;
    for (const ref of this.idrefs) {
      if (!this.ids.has(ref.value)) {
        this.report({ code: ValidationCodes.missingId, message: `IDREF "${ref.value}" without a matching ID in this document`, span: ref.span });
      }
    }
  }
}
