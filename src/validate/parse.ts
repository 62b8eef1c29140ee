/**
 * Reads one XML file through the shared reader (src/xml): well-formedness, with exact positions, and in the same pass
 * the facts the later checks need (where each element starts, its xml:id, its references to other files),
 * so that no file is parsed by saxes twice. DTDs are never loaded: saxes expands only the five predefined
 * entities and character references, and a DOCTYPE that declares entities is refused outright.
 */
import type { Document as DomDocument, Element as DomElement, Node as DomNode } from 'slimdom';
import type { Diagnostic, SourceSpan } from '../diagnostics/diagnostic.js';
import { XmlReader, type XmlAttribute, type XmlReadOptions, type XmlTag } from '../xml/read.js';
import { ValidateCodes } from './codes.js';
import { expandMarkupEntities, installTextEntities, readDoctype, type XmlListener } from './relaxng.js';

/** One element of a parsed file. Offsets are UTF-16 indexes into the decoded text. */
export interface ElementInfo {
  /** Qualified name as written. */
  name: string;
  /** Local name, for messages and Guidelines links. */
  local: string;
  /** Namespace URI, '' for none. */
  uri: string;
  /** Offset of the `<` of the start tag. */
  start: number;
  /** 1-based line and column of the `>` that ends the start tag (where jing reports). */
  tagEndLine: number;
  tagEndColumn: number;
  /** Index of the parent in {@link ParsedFile.elements}, -1 for the root. */
  parent: number;
  /** This element's step of a libxml2 node path: name (`*`, `rdf:RDF`) and 1-based index among its kind. */
  stepName: string;
  stepIndex: number;
}

/** An attribute value that points into another file: `persons.xml#id`, `../persons.xml#id`, `other.xml#p3`. */
export interface CrossReference {
  /** The element carrying it, local name. */
  element: string;
  attribute: string;
  /** The pointer as written (one whitespace-separated token of the attribute). */
  pointer: string;
  /** The referenced file, as written (before the `#`). */
  targetFile: string;
  targetId: string;
  span: SourceSpan;
}

/** An xml:id and the element that carries it. */
export interface IdInfo {
  id: string;
  /** Local name of the element. */
  element: string;
  span: SourceSpan;
}

/** What one saxes pass learnt about a file. */
export interface ParsedFile {
  file: string;
  text: string;
  /** Well-formedness, encoding and safety findings; any error here means later checks are skipped. */
  diagnostics: Diagnostic[];
  wellFormed: boolean;
  elements: ElementInfo[];
  /** Element index by node path in libxml2's shape, every step indexed (`/*[1]/*[2]`); built on first use. */
  byPath(): Map<string, number>;
  ids: IdInfo[];
  references: CrossReference[];
  /** The document as a DOM, built only when asked for (Schematron needs it). */
  dom?: DomDocument;
  /** DOM element to index in {@link elements}. */
  domIndex?: WeakMap<DomNode, number>;
  /** Converts an offset of {@link text} into a 1-based span. */
  spanAt(offset: number): SourceSpan;
}

export interface ParseOptions {
  /** Build a DOM for Schematron, in the document this returns (slimdom, loaded by the Schematron adapter). */
  dom?: () => DomDocument;
  /** Told of every element, text and end tag as saxes reads them (streaming schema validation). */
  listener?: XmlListener;
  /**
   * Check xml:ids here: each an NCName (TEI-XML-006), none twice in the file (TEI-XML-005); default true.
   * Off under a RELAX NG schema, which decides as jing does: where it types xml:id as ID, our engine checks
   * both (and neither with ID checks off, like `jing -i`).
   */
  checkXmlIds?: boolean;
  /** How deep elements may nest (default: the XML layer's limit). */
  maxDepth?: XmlReadOptions['maxDepth'];
}

export { decodeXml } from '../xml/decode.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
// NCName, as the xml:id spec requires; Unicode letters and marks as XML 1.0 5th edition allows.
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{Nd}\p{Nl}._\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u;
// Attributes whose values are pointers (TEI's att.canonical, att.pointing, att.global.linking…).
const POINTER_ATTRIBUTES = new Set(['ref', 'target', 'corresp', 'sameAs', 'who', 'source', 'key', 'resp', 'copyOf', 'next', 'prev']);

/** Line-start table for offset-to-position conversion, built once per file and only when needed. */
function makeSpanAt(file: string, text: string): (offset: number) => SourceSpan {
  let starts: number[] | undefined;
  return (offset) => {
    if (!starts) {
      starts = [0];
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    }
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}

/**
 * Parses decoded XML text. Never throws for bad input: every problem is a diagnostic, and saxes goes on
 * after an error so that a file's well-formedness errors are all reported, not only the first.
 */
export function parseXml(file: string, source: string, options: ParseOptions = {}): ParsedFile {
  const early = readDoctype(source);
  const text = early && early.markupEntities.size ? expandMarkupEntities(source, early.end, early.markupEntities) : source;
  const diagnostics: Diagnostic[] = [];
  const elements: ElementInfo[] = [];
  const ids: IdInfo[] = [];
  const references: CrossReference[] = [];
  const spanAt = makeSpanAt(file, text);
  const firstId = new Map<string, SourceSpan>();

  const dom = options.dom?.();
  const domIndex = options.dom ? new WeakMap<DomNode, number>() : undefined;
  const domStack: DomNode[] = dom ? [dom] : [];

  // Per open element: its index, path, and sibling counters for its children.
  interface Frame {
    index: number;
    all: number;
    byName: Map<string, number> | undefined;
  }
  const stack: Frame[] = [{ index: -1, all: 0, byName: undefined }];
  let wellFormed = true;
  let paths: Map<string, number> | undefined;

  const listener = options.listener;
  // The internal DTD subset as jing's parser reads it: internal entities expanded (within limits), attribute
  // defaults supplied; external entities are refused, never fetched.
  const doctype = early;
  let defaults: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
  const reader: XmlReader = new XmlReader(
    file,
    {
      opentag: (tag) => onOpen(tag),
      closetag: listener
        ? () => {
            stack.pop();
            if (dom) domStack.pop();
            listener.endElement(reader.line, reader.column);
          }
        : () => {
            stack.pop();
            if (dom) domStack.pop();
          },
      // Text outside the root element is whitespace (saxes reports anything else) and has no DOM place.
      text:
        listener || dom
          ? (t) => {
              if (dom && domStack.length > 1) domStack[domStack.length - 1]!.appendChild(dom.createTextNode(t));
              listener?.text(t);
            }
          : undefined,
      doctype: () => {
        if (doctype?.externalSubset !== undefined) {
          diagnostics.push({
            code: ValidateCodes.doctypeIgnored,
            severity: 'warning',
            message: `external DTD "${doctype.externalSubset}" not loaded (DTDs outside the document never are); the schema decides validity`,
            span: spanAt(doctype.start),
          });
        }
      },
    },
    { maxDepth: options.maxDepth },
  );
  if (doctype) {
    for (const p of doctype.problems) {
      if (!p.fatal) continue;
      wellFormed = false;
      diagnostics.push({ code: ValidateCodes.entityDeclarationRefused, severity: 'error', message: p.message, span: makeSpanAt(file, source)(p.offset) });
    }
    installTextEntities(reader.parser.ENTITIES, doctype.textEntities, () => {
      wellFormed = false;
      diagnostics.push({
        code: ValidateCodes.entityDeclarationRefused,
        severity: 'error',
        message: 'entities expand to more than 10 MiB of text in all: refused (an entity expansion bomb?)',
        span: reader.span(),
      });
    });
    if (doctype.attributeDefaults.size) defaults = doctype.attributeDefaults;
    if (doctype.unparsedEntities.size) listener?.declareUnparsedEntities?.(doctype.unparsedEntities);
  }
  function onOpen(tag: XmlTag): void {
    const parentFrame = stack[stack.length - 1]!;
    const uri = tag.uri;
    // libxml2's node paths: a prefixed name counts same-name siblings, a default-namespace element is `*`
    // and counts all element siblings, an unqualified name counts same-name siblings.
    let step: string;
    let n: number;
    parentFrame.all++;
    if (uri && !tag.prefix) {
      step = '*';
      n = parentFrame.all;
    } else {
      step = tag.name;
      parentFrame.byName ??= new Map();
      n = (parentFrame.byName.get(step) ?? 0) + 1;
      parentFrame.byName.set(step, n);
    }
    const endOffset = Math.min(reader.position, text.length);
    const start = text.lastIndexOf(`<${tag.name}`, endOffset);
    const index = elements.length;
    elements.push({
      name: tag.name,
      local: tag.local,
      uri: uri ?? '',
      start: start === -1 ? 0 : start,
      tagEndLine: reader.line,
      tagEndColumn: reader.column,
      parent: parentFrame.index,
      stepName: step,
      stepIndex: n,
    });
    stack.push({ index, all: 0, byName: undefined });

    let element: DomElement | undefined;
    if (dom) {
      element = dom.createElementNS(uri || null, tag.name);
      domIndex!.set(element, index);
      domStack[domStack.length - 1]!.appendChild(element);
      domStack.push(element);
    }
    const attrs: XmlAttribute[] | undefined = listener ? [] : undefined;
    for (const name in tag.attributes) {
      const attr = tag.attributes[name]!;
      if (attr.prefix !== 'xmlns' && attr.name !== 'xmlns') {
        element?.setAttributeNS(attr.uri || null, attr.name, attr.value);
        attrs?.push(attr);
      }
      if (attr.uri === XML_NS && attr.local === 'id') {
        const span = attributeSpan(text, start, endOffset, attr.name, spanAt);
        if (options.checkXmlIds === false) ids.push({ id: attr.value, element: tag.local, span });
        else checkId(attr.value, tag.local, span);
      } else if (!attr.prefix && POINTER_ATTRIBUTES.has(attr.local)) {
        for (const pointer of attr.value.split(/\s+/)) {
          const hash = pointer.indexOf('#');
          if (hash <= 0 || !/\.xml$/i.test(pointer.slice(0, hash)) || /^[a-z][a-z0-9+.-]*:/i.test(pointer)) continue;
          references.push({
            element: tag.local,
            attribute: attr.local,
            pointer,
            targetFile: pointer.slice(0, hash),
            targetId: pointer.slice(hash + 1),
            span: attributeSpan(text, start, endOffset, attr.name, spanAt),
          });
        }
      }
    }
    const supplied = defaults?.get(tag.name);
    if (supplied && attrs) {
      for (const [name, value] of supplied) {
        if (tag.attributes[name] !== undefined || name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const colon = name.indexOf(':');
        const prefix = colon < 0 ? '' : name.slice(0, colon);
        const attrUri = prefix === '' ? '' : prefix === 'xml' ? XML_NS : (tag.ns[prefix] ?? reader.resolve(prefix) ?? '');
        attrs.push({ name, prefix, local: name.slice(colon + 1), uri: attrUri, value });
      }
    }
    listener?.startElement(uri ?? '', tag.local, attrs!, index, Object.keys(tag.ns).length ? tag.ns : undefined);
  }
  function checkId(id: string, element: string, span: SourceSpan): void {
    if (!NCNAME.test(id)) {
      diagnostics.push({
        code: ValidateCodes.badId,
        severity: 'error',
        message: `xml:id "${id}" is not a valid XML name without colons (NCName)`,
        span,
      });
      return;
    }
    const first = firstId.get(id);
    if (first) {
      diagnostics.push({
        code: ValidateCodes.duplicateId,
        severity: 'error',
        message: `xml:id "${id}" is used twice in this file; first at line ${first.line}`,
        span,
        related: [first],
      });
      return;
    }
    firstId.set(id, span);
    ids.push({ id, element, span });
  }

  listener?.attach(
    file,
    (index) => {
      const e = elements[index]!;
      return { ...spanAt(e.start), endLine: e.tagEndLine, endColumn: e.tagEndColumn };
    },
    (index, name) => {
      const e = elements[index]!;
      const end = text.indexOf('>', e.start);
      return attributeSpan(text, e.start, end < 0 ? text.length : end, name, spanAt);
    },
  );
  reader.read(text);
  diagnostics.push(...reader.diagnostics);
  if (!reader.wellFormed) wellFormed = false;
  return {
    file,
    text,
    diagnostics,
    wellFormed,
    elements,
    byPath: () => {
      if (paths) return paths;
      paths = new Map();
      const full: string[] = [];
      elements.forEach((e, i) => {
        full[i] = `${e.parent >= 0 ? full[e.parent] : ''}/${e.stepName}[${e.stepIndex}]`;
        paths!.set(full[i]!, i);
      });
      return paths;
    },
    ids,
    references,
    dom,
    domIndex,
    spanAt,
  };
}

const ATTRIBUTE_RE = new Map<string, RegExp>();

function attributeSpan(
  text: string,
  tagStart: number,
  tagEnd: number,
  name: string,
  spanAt: (o: number) => SourceSpan,
): SourceSpan {
  let re = ATTRIBUTE_RE.get(name);
  if (!re) ATTRIBUTE_RE.set(name, (re = new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=`, 'g')));
  re.lastIndex = Math.max(0, tagStart);
  const m = re.exec(text);
  const at = m && m.index < tagEnd ? m.index + 1 : Math.max(0, tagStart);
  return spanAt(at);
}

/** The span of an element's start tag: from `<` to the `>` that ends it. */
export function elementSpan(parsed: ParsedFile, index: number): SourceSpan | undefined {
  const e = parsed.elements[index];
  if (!e) return undefined;
  return { ...parsed.spanAt(e.start), endLine: e.tagEndLine, endColumn: e.tagEndColumn };
}
