/**
 * Reads one XML file through the shared reader (src/xml): well-formedness, with exact positions, and in the same pass
 * the facts the later checks need (where each element starts, its xml:id, its references to other files),
 * so that no file is parsed by saxes twice. DTDs are never loaded: saxes expands only the five predefined
 * entities and character references, and a DOCTYPE that declares entities is refused outright.
 */
import type { Document as DomDocument, Element as DomElement, Node as DomNode } from 'slimdom';
import { diagnostic, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';
import { XmlReader, type XmlAttribute, type XmlReadOptions, type XmlTag } from '../xml/read.js';
import { ValidateCodes } from '../diagnostics/codes.js';
import { FileFactsBuilder, type FileFacts } from './facts.js';
import { expandMarkupEntities, installTextEntities, readDoctype, type Doctype, type XmlListener } from './relaxng.js';

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

export type { CrossReference, IdInfo } from './facts.js';

/** What one saxes pass learnt about a file read in chunks: findings and the facts the edition-wide check needs. */
export interface ReadFacts {
  file: string;
  /** Well-formedness, encoding and safety findings; any error here means later checks are skipped. */
  diagnostics: Diagnostic[];
  wellFormed: boolean;
  /** The file's xml:ids and references into other files, packed. */
  facts: FileFacts;
}

/** What one saxes pass learnt about a whole text, kept for the checks that read the document again (XSD, Schematron). */
export interface ParsedFile extends ReadFacts {
  text: string;
  elements: ElementInfo[];
  /** Element index by node path in libxml2's shape, every step indexed (`/*[1]/*[2]`); built on first use. */
  byPath(): Map<string, number>;
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
  /**
   * Collect the file's ids and references into other files (its {@link FileFacts}); default true. Off when the
   * edition-wide check does not run: with xml:ids left to the schema, attributes then need no look at all.
   */
  facts?: boolean;
  /** How deep elements may nest (default: the XML layer's limit). */
  maxDepth?: XmlReadOptions['maxDepth'];
}

export { decodeXml } from '../xml/decode.js';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
// NCName, as the xml:id spec requires; Unicode letters and marks as XML 1.0 5th edition allows.
const NCNAME = /^[\p{L}_][\p{L}\p{M}\p{Nd}\p{Nl}._\-\u00B7\u0300-\u036F\u203F-\u2040]*$/u;
// Attributes whose values are pointers (TEI's att.canonical, att.pointing, att.global.linking…).
const POINTER_ATTRIBUTES = new Set(['ref', 'target', 'corresp', 'sameAs', 'who', 'source', 'key', 'resp', 'copyOf', 'next', 'prev']);
// What may follow a `<` at the end of a chunk when it begins a start tag whose name is cut by the chunk's end.
const CUT_NAME = /^<[^\s<>/!?="']*$/;

/**
 * The text a parse can still look back into, and line numbers for offsets in it. Offsets are UTF-16 indexes
 * into the whole decoded text. Read whole, the window is the text; read in chunks, it is the current chunk
 * plus, from the one before, the start tag the chunk's end cut (a span needs the `<` and the attribute names),
 * so memory stays at a chunk or two whatever the file's size.
 */
class TextWindow {
  text = '';
  /** Offset of `text[0]` in the whole text. */
  start = 0;
  /** 1-based line of `text[0]`, and the offset where that line starts (at or before {@link start}). */
  private line = 1;
  private lineStart = 0;
  /** Offsets (into `text`) of its line feeds, made when a span is asked for before one already given. */
  private feeds: number[] | undefined;
  /**
   * Spans are mostly asked for in document order (an xml:id, then a later one): a cursor counts the line feeds
   * up to each, so that a file pays for the feeds before its last span, not for a table of all of them.
   */
  private cursorAt = 0;
  private cursorFeeds = 0;
  private cursorLastFeed = -1;

  constructor(private readonly file: string) {}

  /** Keeps `text` from offset `keepFrom` on (never before what it holds), then appends `chunk`. */
  advance(keepFrom: number, chunk: string): void {
    const cut = Math.max(0, Math.min(keepFrom - this.start, this.text.length));
    if (cut > 0) {
      const dropped = this.text;
      let lastFeed = -1;
      let feeds = 0;
      for (let i = dropped.indexOf('\n'); i !== -1 && i < cut; i = dropped.indexOf('\n', i + 1)) {
        feeds++;
        lastFeed = i;
      }
      this.line += feeds;
      if (lastFeed >= 0) this.lineStart = this.start + lastFeed + 1;
      this.text = dropped.slice(cut) + chunk;
      this.start += cut;
    } else {
      this.text += chunk;
    }
    this.feeds = undefined;
    this.cursorAt = 0;
    this.cursorFeeds = 0;
    this.cursorLastFeed = -1;
  }

  /** The 1-based span of an offset the window holds. */
  spanAt(offset: number): SourceSpan {
    const at = Math.max(0, offset - this.start);
    if (at >= this.cursorAt) {
      const t = this.text;
      for (let i = t.indexOf('\n', this.cursorAt); i !== -1 && i < at; i = t.indexOf('\n', i + 1)) {
        this.cursorFeeds++;
        this.cursorLastFeed = i;
      }
      this.cursorAt = at;
      if (this.cursorFeeds === 0) return { file: this.file, line: this.line, column: this.start + at - this.lineStart + 1 };
      return { file: this.file, line: this.line + this.cursorFeeds, column: at - this.cursorLastFeed };
    }
    if (!this.feeds) {
      const feeds: number[] = [];
      const t = this.text;
      for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) feeds.push(i);
      this.feeds = feeds;
    }
    // how many line feeds stand before `at`
    let lo = 0;
    let hi = this.feeds.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.feeds[mid]! < at) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return { file: this.file, line: this.line, column: this.start + at - this.lineStart + 1 };
    return { file: this.file, line: this.line + lo, column: at - this.feeds[lo - 1]! };
  }
}

/** An open element's place: where its start tag begins and ends. */
interface OpenElement {
  index: number;
  start: number;
  tagEndLine: number;
  tagEndColumn: number;
  /** Sibling counters for its children's node-path steps (whole texts only). */
  all: number;
  byName: Map<string, number> | undefined;
}

/**
 * Parses decoded XML text. Never throws for bad input: every problem is a diagnostic, and saxes goes on
 * after an error so that a file's well-formedness errors are all reported, not only the first.
 */
export function parseXml(file: string, source: string, options: ParseOptions = {}): ParsedFile {
  const early = readDoctype(source);
  const text = early && early.markupEntities.size ? expandMarkupEntities(source, early.end, early.markupEntities) : source;
  const elements: ElementInfo[] = [];
  const dom = options.dom?.();
  const domIndex = options.dom ? new WeakMap<DomNode, number>() : undefined;
  const window = new TextWindow(file);
  // read whole, a DOCTYPE is handled here: never the chunked reader's "read again whole"
  const read = readFacts(file, [text], options, window, { elements, dom, domIndex, doctype: early, source }) as ReadFacts;
  let paths: Map<string, number> | undefined;
  return {
    ...read,
    text,
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
    dom,
    domIndex,
    spanAt: (offset) => window.spanAt(offset),
  };
}

/**
 * Parses a text that arrives in chunks, keeping only the findings and the file's facts: memory stays at a
 * chunk or two and the open elements, whatever the file's size. Returns `undefined` for a document with a
 * DOCTYPE, which must be read whole ({@link parseXml}: its entities are expanded in the text before parsing).
 */
export function parseXmlChunks(file: string, chunks: Iterable<string>, options: ParseOptions = {}): ReadFacts | undefined {
  const read = readFacts(file, chunks, options, new TextWindow(file), undefined);
  return read === 'doctype' ? undefined : read;
}

/** What a whole-text parse keeps besides the facts. */
interface WholeText {
  elements: ElementInfo[];
  dom: DomDocument | undefined;
  domIndex: WeakMap<DomNode, number> | undefined;
  doctype: Doctype | undefined;
  /** The text as written (positions of DOCTYPE problems are in it). */
  source: string;
}

function readFacts(file: string, chunks: Iterable<string>, options: ParseOptions, window: TextWindow, whole: WholeText | undefined): ReadFacts | 'doctype' {
  const diagnostics: Diagnostic[] = [];
  const facts = new FileFactsBuilder();
  const dom = whole?.dom;
  const domStack: DomNode[] = dom ? [dom] : [];
  const elements = whole?.elements;
  const open: OpenElement[] = [];
  let count = 0;
  const rootFrame: OpenElement | undefined = elements ? { index: -1, start: 0, tagEndLine: 0, tagEndColumn: 0, all: 0, byName: undefined } : undefined;
  let wellFormed = true;
  let sawDoctype = false;
  // where the start tag being read begins, while its attributes are read (-1: none)
  let tagStart = -1;

  const listener = options.listener;
  // ids and pointers are looked for only when the facts are kept or our pass checks xml:id itself
  const lookAtAttributes = options.facts !== false || options.checkXmlIds !== false;
  // The internal DTD subset as jing's parser reads it: internal entities expanded (within limits), attribute
  // defaults supplied; external entities are refused, never fetched. Only whole texts have one.
  const doctype = whole?.doctype;
  let defaults: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
  const closeElement = (): void => {
    open.pop();
    if (dom) domStack.pop();
  };
  const reader: XmlReader = new XmlReader(
    file,
    {
      opentagstart: (name) => {
        // the name and the character after it have been read: the `<` stands before them (searching from the
        // position itself would find a following `<pb` for `<p`)
        let at = reader.position - 2 - name.length - window.start;
        // where it stands unless the name ended at a CR LF (two code units read as one)
        if (window.text.charCodeAt(at) !== 0x3c) at = window.text.lastIndexOf(`<${name}`, at);
        tagStart = window.start + Math.max(0, at);
      },
      opentag: (tag) => onOpen(tag),
      closetag: listener
        ? () => {
            closeElement();
            listener.endElement(reader.line, reader.column);
          }
        : closeElement,
      // Text outside the root element is whitespace (saxes reports anything else) and has no DOM place.
      text:
        listener || dom
          ? (t) => {
              if (dom && domStack.length > 1) domStack[domStack.length - 1]!.appendChild(dom.createTextNode(t));
              listener?.text(t);
            }
          : undefined,
      doctype: () => {
        if (!whole) {
          // read in chunks: a DOCTYPE's entities and defaults need the whole text, read again that way
          sawDoctype = true;
          reader.stop();
        }
        if (doctype?.externalSubset !== undefined) {
          diagnostics.push(diagnostic(ValidateCodes.doctypeIgnored, { dtd: doctype.externalSubset }, window.spanAt(doctype.start)));
        }
      },
    },
    { maxDepth: options.maxDepth },
  );
  if (doctype && whole) {
    for (const p of doctype.problems) {
      if (!p.fatal) continue;
      wellFormed = false;
      const where = new TextWindow(file);
      where.advance(0, whole.source);
      diagnostics.push(diagnostic(ValidateCodes.entityDeclarationRefused, { detail: p.message }, where.spanAt(p.offset)));
    }
    installTextEntities(reader.parser.ENTITIES, doctype.textEntities, () => {
      wellFormed = false;
      diagnostics.push(
        diagnostic(ValidateCodes.entityDeclarationRefused, { detail: 'entities expand to more than 10 MiB of text in all: refused (an entity expansion bomb?)' }, reader.span()),
      );
    });
    if (doctype.attributeDefaults.size) defaults = doctype.attributeDefaults;
    if (doctype.unparsedEntities.size) listener?.declareUnparsedEntities?.(doctype.unparsedEntities);
  }
  function onOpen(tag: XmlTag): void {
    const endOffset = reader.position;
    const start = tagStart >= 0 ? tagStart : window.start + Math.max(0, window.text.lastIndexOf(`<${tag.name}`, endOffset - 1 - window.start));
    tagStart = -1;
    const uri = tag.uri;
    const index = count++;
    const element: OpenElement = { index, start, tagEndLine: reader.line, tagEndColumn: reader.column, all: 0, byName: undefined };
    if (elements) {
      // libxml2's node paths: a prefixed name counts same-name siblings, a default-namespace element is `*`
      // and counts all element siblings, an unqualified name counts same-name siblings.
      const parentFrame = open[open.length - 1] ?? rootFrame!;
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
      elements.push({
        name: tag.name,
        local: tag.local,
        uri: uri ?? '',
        start,
        tagEndLine: reader.line,
        tagEndColumn: reader.column,
        parent: open.length > 0 ? open[open.length - 1]!.index : -1,
        stepName: step,
        stepIndex: n,
      });
    }
    open.push(element);

    let domElement: DomElement | undefined;
    if (dom) {
      domElement = dom.createElementNS(uri || null, tag.name);
      whole!.domIndex!.set(domElement, index);
      domStack[domStack.length - 1]!.appendChild(domElement);
      domStack.push(domElement);
    }
    if (!listener && !domElement && !lookAtAttributes) return;
    // Each attribute once, in document order; after a duplicate (not well-formed) as the tag holds them.
    const list = reader.wellFormed ? reader.attributeList : Object.values(tag.attributes);
    const declares = reader.declaresNamespaces;
    const supplied = defaults?.get(tag.name);
    let attrs: XmlAttribute[] | undefined;
    if (listener) attrs = declares || supplied || !reader.wellFormed ? list.filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns') : (list as XmlAttribute[]);
    if (!domElement && !lookAtAttributes) {
      if (supplied) supplyDefaults(tag, supplied, attrs);
      listener?.startElement(uri ?? '', tag.local, attrs!, index, declares ? tag.ns : undefined);
      return;
    }
    for (let i = 0; i < list.length; i++) {
      const attr = list[i]!;
      if (domElement && attr.prefix !== 'xmlns' && attr.name !== 'xmlns') domElement.setAttributeNS(attr.uri || null, attr.name, attr.value);
      if (!lookAtAttributes) continue;
      if (attr.uri === XML_NS && attr.local === 'id') {
        const span = attributeSpan(window, start, endOffset, attr.name);
        if (options.checkXmlIds === false) facts.addId(attr.value, tag.local, span.line, span.column);
        else checkId(attr.value, tag.local, span);
      } else if (!attr.prefix && POINTER_ATTRIBUTES.has(attr.local)) {
        let span: SourceSpan | undefined;
        for (const pointer of attr.value.split(/\s+/)) {
          const hash = pointer.indexOf('#');
          if (hash <= 0 || !/\.xml$/i.test(pointer.slice(0, hash)) || /^[a-z][a-z0-9+.-]*:/i.test(pointer)) continue;
          span ??= attributeSpan(window, start, endOffset, attr.name);
          facts.addReference(tag.local, attr.local, pointer, span.line, span.column);
        }
      }
    }
    if (supplied) supplyDefaults(tag, supplied, attrs);
    listener?.startElement(uri ?? '', tag.local, attrs!, index, declares ? tag.ns : undefined);
  }
  /** The DTD's default values of attributes the start tag leaves out, added to what the schema hears. */
  function supplyDefaults(tag: XmlTag, supplied: ReadonlyMap<string, string>, attrs: XmlAttribute[] | undefined): void {
    if (!attrs) return;
    for (const [name, value] of supplied) {
      if (tag.attributes[name] !== undefined || name === 'xmlns' || name.startsWith('xmlns:')) continue;
      const colon = name.indexOf(':');
      const prefix = colon < 0 ? '' : name.slice(0, colon);
      const attrUri = prefix === '' ? '' : prefix === 'xml' ? XML_NS : (tag.ns[prefix] ?? reader.resolve(prefix) ?? '');
      attrs.push({ name, prefix, local: name.slice(colon + 1), uri: attrUri, value });
    }
  }
  function checkId(id: string, element: string, span: SourceSpan): void {
    if (!NCNAME.test(id)) {
      diagnostics.push(diagnostic(ValidateCodes.badId, { id }, span));
      return;
    }
    const first = facts.firstId(id);
    if (first) {
      diagnostics.push(diagnostic(ValidateCodes.duplicateId, { id, firstLine: first.line }, span, { related: [{ file, ...first }] }));
      return;
    }
    facts.addId(id, element, span.line, span.column);
  }

  // The engine asks where an element stands only while it reads that element's start tag (an element's
  // findings are placed at its start tag); the open elements are what may be asked for.
  const openElement = (index: number): OpenElement | undefined => {
    for (let i = open.length - 1; i >= 0; i--) if (open[i]!.index === index) return open[i];
    return undefined;
  };
  listener?.attach(
    file,
    (index) => {
      const e = openElement(index) ?? (elements?.[index] as OpenElement | undefined);
      if (!e) return { file, line: 1, column: 1 };
      return { ...window.spanAt(e.start), endLine: e.tagEndLine, endColumn: e.tagEndColumn };
    },
    (index, name) => {
      const e = openElement(index) ?? (elements?.[index] as OpenElement | undefined);
      if (!e) return { file, line: 1, column: 1 };
      const end = window.text.indexOf('>', e.start - window.start);
      return attributeSpan(window, e.start, end < 0 ? window.start + window.text.length : window.start + end, name);
    },
  );
  reader.readChunks(chunks, (chunk) => {
    // keep only what a span may still need: a start tag the chunk's end cut, or a `<` and a cut name
    let keepFrom = window.start + window.text.length;
    if (tagStart >= 0) keepFrom = tagStart;
    else {
      const lt = window.text.lastIndexOf('<');
      if (lt >= 0 && CUT_NAME.test(window.text.slice(lt))) keepFrom = window.start + lt;
    }
    window.advance(keepFrom, chunk);
  });
  if (sawDoctype) return 'doctype';
  for (const d of reader.diagnostics) diagnostics.push(d);
  if (!reader.wellFormed) wellFormed = false;
  return { file, diagnostics, wellFormed, facts: facts.build() };
}

const ATTRIBUTE_RE = new Map<string, RegExp>();

/** Where attribute `name` stands in the start tag from `tagStart` to `tagEnd` (offsets the window holds). */
function attributeSpan(window: TextWindow, tagStart: number, tagEnd: number, name: string): SourceSpan {
  let re = ATTRIBUTE_RE.get(name);
  if (!re) ATTRIBUTE_RE.set(name, (re = new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=`, 'g')));
  re.lastIndex = Math.max(0, tagStart - window.start);
  const m = re.exec(window.text);
  const at = m && window.start + m.index < tagEnd ? window.start + m.index + 1 : Math.max(0, tagStart);
  return window.spanAt(at);
}

/** The span of an element's start tag: from `<` to the `>` that ends it. */
export function elementSpan(parsed: ParsedFile, index: number): SourceSpan | undefined {
  const e = parsed.elements[index];
  if (!e) return undefined;
  return { ...parsed.spanAt(e.start), endLine: e.tagEndLine, endColumn: e.tagEndColumn };
}
