/**
 * The one configuration of saxes every stage reads XML through (packages/relaxng keeps a reader of its own, by
 * design). It adds what each stage needs alike: 1-based positions, well-formedness errors as findings (never
 * exceptions), a depth limit reported as a finding, a cap on how many errors one file reports, and namespace
 * resolution in constant time per name.
 *
 * Why the last: saxes 6 resolves a prefix by walking every open element up to the one that declared it, so a
 * document of n nested elements costs n² (100,000 levels ran for minutes). Here each prefix keeps a stack of
 * its bindings: a look-up is the top of one stack, and the parse is linear in length and depth.
 */
import { SaxesParser } from 'saxes';
import type { SaxesAttributeNS, SaxesTagNS } from 'saxes';
import { ChanceryError, diagnostic, type Diagnostic, type SourceSpan } from '../diagnostics/diagnostic.js';
import { XmlCodes } from '../diagnostics/codes.js';
import { DEFAULT_MAX_DEPTH, MAX_REPORTED_ERRORS } from './limits.js';
import { leanTags, type AttributesSeen } from './lean-tags.js';

export type { SaxesAttributeNS as XmlAttribute, SaxesTagNS as XmlTag } from 'saxes';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** What a stage wants to hear of a document; only the events it names are produced. */
export interface XmlHandlers {
  /** A start tag, its attributes resolved; `depth` is 1 for the root. */
  opentag?(tag: SaxesTagNS, depth: number): void;
  closetag?(tag: SaxesTagNS): void;
  /** Character data, CDATA sections included, entities resolved. */
  text?(text: string): void;
  doctype?(doctype: string): void;
  processinginstruction?(target: string, body: string): void;
  /** The name of a start tag has been read (its attributes have not). */
  opentagstart?(name: string): void;
}

export interface XmlReadOptions {
  /** Elements may nest this deep (default {@link DEFAULT_MAX_DEPTH}); deeper is a finding and the end of reading. */
  maxDepth?: number;
  /** Report only the first well-formedness error (transform, personography); default: up to {@link MAX_REPORTED_ERRORS}. */
  firstErrorOnly?: boolean;
}

/** The properties saxes 6 keeps its handlers in (`on(event, handler)` sets them). */
interface SaxesHandlerSlots {
  textHandler: unknown;
  cdataHandler: unknown;
  openTagStartHandler: unknown;
  openTagHandler: unknown;
  closeTagHandler: unknown;
  doctypeHandler: unknown;
  piHandler: unknown;
  errorHandler: unknown;
}

/**
 * saxes' `on()` stores a handler under a computed property name, and V8 turns an object that is given more than
 * a few new properties that way into a dictionary: every read of the parser's state (its position, its chunk,
 * on every character) becomes a hash look-up. With the six handlers this reader sets, the parse of 1,000
 * edition documents took 250 ms of CPU instead of 50 (measured). The same properties declared first by name
 * keep the parser's fast shape; `on()` then only overwrites them.
 */
function keepShapeFast(parser: SaxesParser<{ xmlns: true; position: true }>): void {
  const slots = parser as unknown as SaxesHandlerSlots;
  slots.textHandler = undefined;
  slots.cdataHandler = undefined;
  slots.openTagStartHandler = undefined;
  slots.openTagHandler = undefined;
  slots.closeTagHandler = undefined;
  slots.doctypeHandler = undefined;
  slots.piHandler = undefined;
  slots.errorHandler = undefined;
}

/** Thrown inside saxes' handlers to stop reading; never escapes {@link XmlReader.read}. */
class StopReading extends Error {}

/**
 * One document read with saxes. Handlers run during {@link read}; positions are those of the character just
 * read, 1-based. A handler may throw a {@link ChanceryError} to stop a run (an unusable schema): it propagates.
 */
export class XmlReader {
  readonly diagnostics: Diagnostic[] = [];
  /** False once any well-formedness error (or the depth limit) was met. */
  wellFormed = true;
  /** The saxes parser, for what only it can give (its entity table, for a DOCTYPE's internal entities). */
  readonly parser: SaxesParser<{ xmlns: true; position: true }>;
  private depth = 0;
  private errors = 0;
  // Per prefix, the stack of URIs bound to it by the open elements (innermost last).
  private readonly bindings = new Map<string, string[]>();
  // Per open element, the prefixes it declared (undefined when none: most elements declare nothing).
  private readonly declared: (string[] | undefined)[] = [];
  /**
   * The attributes of the start tag just read, in document order, as saxes listed them (a duplicate, which
   * saxes reports, appears twice here and once in the tag's `attributes`). Read it in {@link XmlHandlers.opentag}.
   */
  attributeList: readonly SaxesAttributeNS[] = [];
  /** Whether the start tag just read declares a namespace (its `ns` holds prefixes). */
  declaresNamespaces = false;

  constructor(
    readonly file: string,
    handlers: XmlHandlers,
    private readonly options: XmlReadOptions = {},
  ) {
    const parser = (this.parser = new SaxesParser({ xmlns: true, position: true }));
    keepShapeFast(parser);
    // The tag's `attributes` and `ns` are dictionaries (null-prototype objects): walking them per element, as
    // every stage did, is a runtime call each time. saxes builds the same attributes as a list first: it is
    // kept here as it is handed over, with whether any of them declares a namespace.
    const seen: AttributesSeen = (list, declares) => {
      this.attributeList = list;
      this.declaresNamespaces = declares;
    };
    if (!leanTags(parser, seen)) {
      const attributeSlots = parser as unknown as { processAttribs(): void; attribList: SaxesAttributeNS[] };
      const processAttribs = attributeSlots.processAttribs;
      attributeSlots.processAttribs = () => {
        const list = attributeSlots.attribList;
        processAttribs.call(parser);
        seen(list, list.some((a) => a.prefix === 'xmlns' || a.name === 'xmlns'));
      };
    }
    // saxes asks resolve() for every prefixed and default-namespace name: answer from the stacks.
    const local = parser as unknown as { resolve(prefix: string): string | undefined; topNS: Record<string, string> | null };
    local.resolve = (prefix: string): string | undefined => {
      const own = local.topNS?.[prefix];
      if (own !== undefined) return own;
      const stack = this.bindings.get(prefix);
      if (stack && stack.length > 0) return stack[stack.length - 1];
      return prefix === 'xml' ? XML_NS : prefix === 'xmlns' ? XMLNS_NS : undefined;
    };
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    const open = handlers.opentag;
    parser.on('opentag', (tag) => {
      this.depth++;
      if (this.depth > maxDepth) {
        this.wellFormed = false;
        this.diagnostics.push(diagnostic(XmlCodes.tooDeep, { limit: maxDepth }, this.span()));
        throw new StopReading();
      }
      let prefixes: string[] | undefined;
      if (this.declaresNamespaces) {
        for (const prefix in tag.ns) {
          let stack = this.bindings.get(prefix);
          if (!stack) this.bindings.set(prefix, (stack = []));
          stack.push(tag.ns[prefix]!);
          (prefixes ??= []).push(prefix);
        }
      }
      this.declared.push(prefixes);
      open?.(tag, this.depth);
    });
    const close = handlers.closetag;
    parser.on('closetag', (tag) => {
      this.depth--;
      const prefixes = this.declared.pop();
      if (prefixes) for (const p of prefixes) this.bindings.get(p)!.pop();
      close?.(tag);
    });
    if (handlers.text) {
      parser.on('text', handlers.text);
      parser.on('cdata', handlers.text);
    }
    if (handlers.doctype) parser.on('doctype', handlers.doctype);
    if (handlers.opentagstart) {
      const start = handlers.opentagstart;
      parser.on('opentagstart', (tag) => start(tag.name));
    }
    if (handlers.processinginstruction) {
      const pi = handlers.processinginstruction;
      parser.on('processinginstruction', (p) => pi(p.target ?? '', p.body));
    }
    parser.on('error', (err) => {
      this.wellFormed = false;
      this.errors++;
      if (this.options.firstErrorOnly && this.errors > 1) return;
      if (this.errors > MAX_REPORTED_ERRORS) {
        this.diagnostics.push(diagnostic(XmlCodes.tooManyErrors, { limit: MAX_REPORTED_ERRORS }, this.span()));
        throw new StopReading();
      }
      // saxes prefixes "line:column: "; its column is the 0-based index of the next character, i.e. the
      // 1-based column of the character just read, where the error was found.
      const message = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
      this.diagnostics.push(diagnostic(XmlCodes.notWellFormed, { detail: message }, this.span()));
    });
  }

  /** 1-based line of the character just read. */
  get line(): number {
    return this.parser.line;
  }
  /** 1-based column of the character just read (saxes' 0-based column of the next one). */
  get column(): number {
    return Math.max(1, this.parser.column);
  }
  /** UTF-16 offset just past the character just read. */
  get position(): number {
    return this.parser.position;
  }
  /** Elements open at this point. */
  get openElements(): number {
    return this.depth;
  }
  span(): SourceSpan {
    return { file: this.file, line: this.line, column: this.column };
  }
  /** The URI a prefix is bound to where the parser stands (`''`: the default namespace). */
  resolve(prefix: string): string | undefined {
    return this.parser.resolve(prefix);
  }

  /** Stops reading here (from inside a handler): {@link read} returns as if the text had ended. */
  stop(): never {
    throw new StopReading();
  }

  /** Reads the whole text. Findings are in {@link diagnostics}; only a handler's ChanceryError escapes. */
  read(text: string): this {
    return this.readChunks([text]);
  }

  /**
   * Reads a text given in chunks, split anywhere (saxes carries a split name, character or line end over).
   * `before` sees each chunk just before the parser does.
   */
  readChunks(chunks: Iterable<string>, before?: (chunk: string) => void): this {
    try {
      for (const chunk of chunks) {
        before?.(chunk);
        this.parser.write(chunk);
      }
      this.parser.close();
    } catch (e) {
      if (e instanceof StopReading) return this;
      if (e instanceof ChanceryError) throw e;
      // saxes throws only when no error handler is set, or on internal failure: report, never escape.
      this.wellFormed = false;
      this.diagnostics.push(diagnostic(XmlCodes.notWellFormed, { detail: (e as Error).message }, this.span()));
    }
    return this;
  }
}
