/**
 * Reading an instance document for validation: saxes with namespaces and positions, the internal DTD subset
 * as `doctype.ts` reads it (internal entities expanded within limits, attribute defaults supplied, external
 * entities refused), and XInclude when asked for (off by default, as in jing without Debian's wrapper):
 * `xi:include` with `parse="xml"` or `"text"`, `xi:fallback`, an `xml:base` on each included root. Only local
 * files are ever read. Events go to a {@link DocumentListener} (the validator).
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { expandMarkupEntities, installTextEntities, readDoctype } from './doctype.js';
import type { Location } from './errors.js';
import type { ResourceLoader } from './schema/compile.js';
import { readLocalFile } from './schema/compile.js';
import type { DocumentListener, Span, XmlAttribute } from './validator.js';

export const XINCLUDE_NS = 'http://www.w3.org/2001/XInclude';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A problem that makes the document unreadable (not well-formed, refused entity, failed inclusion). */
export interface ReadProblem {
  code: 'not-well-formed' | 'entity-refused' | 'xinclude-failed';
  message: string;
  span: Span;
}

export interface ReadOptions {
  /** The document's name in messages and its base for XInclude (a path or URL). */
  file: string;
  /** Process XInclude (`xi:include`); default false. */
  xinclude?: boolean;
  /** Reads included documents by absolute URL; default: local files only. */
  load?: ResourceLoader;
}

function positions(file: string, text: string): (offset: number) => Location {
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
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { file, line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Element positions of the document being read, shared across included documents. */
interface Table {
  spans: (() => Span)[];
  attributeSpans: ((name: string) => Span)[];
}

/**
 * Reads a document and tells the listener what it holds; returns the problems that stopped or spoiled the
 * reading (validation findings are the listener's).
 */
export function readDocument(text: string, listener: DocumentListener, options: ReadOptions): ReadProblem[] {
  const problems: ReadProblem[] = [];
  const table: Table = { spans: [], attributeSpans: [] };
  listener.attach(
    options.file,
    (i) => table.spans[i]?.() ?? { file: options.file, line: 1, column: 1 },
    (i, name) => table.attributeSpans[i]?.(name) ?? table.spans[i]?.() ?? { file: options.file, line: 1, column: 1 },
  );
  const url = /^[a-z][a-z0-9+.-]+:/i.test(options.file) ? options.file : new URL(`file://${options.file.startsWith('/') ? '' : process.cwd() + '/'}${options.file}`).href;
  read(text, options.file, url, listener, options, table, problems, [url], true);
  listener.endDocument();
  return problems;
}

function read(
  source: string,
  file: string,
  url: string,
  listener: DocumentListener,
  options: ReadOptions,
  table: Table,
  problems: ReadProblem[],
  open: string[],
  isTop: boolean,
  includedBase?: string,
): boolean {
  const parser = new SaxesParser({ xmlns: true, position: true });
  let text = source;
  let failed = false;
  const dt = readDoctype(source);
  let defaults: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;
  if (dt) {
    const where = positions(file, source);
    for (const p of dt.problems) {
      if (!p.fatal) continue;
      failed = true;
      problems.push({ code: 'entity-refused', message: p.message, span: where(p.offset) });
    }
    if (failed) return false;
    installTextEntities(parser.ENTITIES, dt.textEntities, () => {
      failed = true;
      problems.push({ code: 'entity-refused', message: 'entities expand to more than 10 MiB of text in all: refused (an entity expansion bomb?)', span: { file, line: parser.line, column: Math.max(1, parser.column) } });
    });
    text = expandMarkupEntities(source, dt.end, dt.markupEntities);
    if (dt.attributeDefaults.size) defaults = dt.attributeDefaults;
    if (dt.unparsedEntities.size) listener.declareUnparsedEntities?.(dt.unparsedEntities);
  }
  const at = positions(file, text);
  let depth = 0;
  // XInclude state: depth of an xi:include being replaced (its children skipped) or falling back.
  let includeDepth = 0;
  let includeLoaded = false;
  let fallbackDepth = 0;
  let includeSpan: Span | undefined;
  let first = true;

  parser.on('error', (e) => {
    if (failed) return;
    failed = true;
    problems.push({
      code: 'not-well-formed',
      message: `not well-formed: ${e.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '')}`,
      span: { file, line: parser.line, column: Math.max(1, parser.column) },
    });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    if (failed) return;
    depth++;
    const end = Math.min(parser.position, text.length);
    const start = Math.max(0, text.lastIndexOf(`<${tag.name}`, end));
    const endLine = parser.line;
    const endColumn = parser.column;
    if (includeDepth > 0) {
      if (!includeLoaded && tag.uri === XINCLUDE_NS && tag.local === 'fallback' && depth === includeDepth + 1) {
        fallbackDepth = depth;
        return;
      }
      if (fallbackDepth === 0 || depth <= fallbackDepth) return;
    }
    if (options.xinclude && tag.uri === XINCLUDE_NS && tag.local === 'include') {
      includeDepth = depth;
      includeSpan = { ...at(start), endLine, endColumn };
      includeLoaded = include(tag, includeSpan);
      return;
    }
    const attributes: XmlAttribute[] = [];
    for (const name in tag.attributes) {
      const a = tag.attributes[name]!;
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      attributes.push({ uri: a.uri ?? '', local: a.local, name: a.name, value: a.value });
    }
    const supplied = defaults?.get(tag.name);
    if (supplied) {
      for (const [name, value] of supplied) {
        if (tag.attributes[name] !== undefined || name === 'xmlns' || name.startsWith('xmlns:')) continue;
        const colon = name.indexOf(':');
        const prefix = colon < 0 ? '' : name.slice(0, colon);
        const uri = prefix === '' ? '' : prefix === 'xml' ? XML_NS : (tag.ns[prefix] ?? '');
        attributes.push({ uri, local: name.slice(colon + 1), name, value });
      }
    }
    if (first && includedBase !== undefined && !attributes.some((a) => a.uri === XML_NS && a.local === 'base')) {
      attributes.push({ uri: XML_NS, local: 'base', name: 'xml:base', value: includedBase });
    }
    first = false;
    const index = table.spans.length;
    const startLoc = at(start);
    table.spans.push(() => ({ ...startLoc, endLine, endColumn }));
    table.attributeSpans.push((name) => {
      const i = text.slice(start, end).search(new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=`));
      return i < 0 ? { ...startLoc, endLine, endColumn } : at(start + i + 1);
    });
    const declared = Object.keys(tag.ns).length ? tag.ns : undefined;
    listener.startElement(tag.uri ?? '', tag.local, attributes, index, declared);
  });
  const onText = (t: string): void => {
    if (failed || depth === 0) return;
    if (includeDepth > 0 && (fallbackDepth === 0 || depth < fallbackDepth)) return;
    listener.text(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    if (failed) return;
    const d = depth--;
    if (includeDepth > 0) {
      if (d === includeDepth) {
        if (!includeLoaded && fallbackDepth === 0) {
          problems.push({ code: 'xinclude-failed', message: includeFailure ?? 'xi:include failed and has no xi:fallback', span: includeSpan! });
        }
        includeDepth = 0;
        fallbackDepth = 0;
        includeFailure = undefined;
        return;
      }
      if (d === fallbackDepth) return;
      if (fallbackDepth === 0 || d < fallbackDepth) return;
    }
    void tag;
    listener.endElement(parser.line, Math.max(1, parser.column));
  });

  let includeFailure: string | undefined;
  const include = (tag: SaxesTagNS, span: Span): boolean => {
    const attr = (n: string): string | undefined => {
      const a = Object.values(tag.attributes).find((x) => !x.prefix && x.local === n);
      return a?.value;
    };
    const href = attr('href') ?? '';
    const parse = attr('parse') ?? 'xml';
    if (attr('xpointer') !== undefined) {
      includeFailure = 'xi:include with xpointer is not supported';
      return false;
    }
    if (parse !== 'xml' && parse !== 'text') {
      problems.push({ code: 'xinclude-failed', message: `xi:include parse="${parse}" must be "xml" or "text"`, span });
      includeFailure = '';
      return true;
    }
    let target: string;
    try {
      target = new URL(href, url).href;
    } catch {
      includeFailure = `xi:include href "${href}" is not a URI reference`;
      return false;
    }
    if (parse === 'xml' && (href === '' || open.includes(target))) {
      problems.push({ code: 'xinclude-failed', message: `xi:include of ${href || 'the document itself'} is recursive`, span });
      return true;
    }
    let content: string;
    try {
      content = (options.load ?? readLocalFile)(target);
    } catch (e) {
      includeFailure = `xi:include: cannot read ${href}: ${(e as Error).message}`;
      return false;
    }
    if (parse === 'text') {
      listener.text(content);
      return true;
    }
    const shownFile = target.startsWith('file:') ? decodeURIComponent(new URL(target).pathname) : target;
    read(content, shownFile, target, listener, options, table, problems, [...open, target], false, href);
    return true;
  };

  try {
    parser.write(text).close();
  } catch (e) {
    if (!failed) problems.push({ code: 'not-well-formed', message: `not well-formed: ${(e as Error).message}`, span: { file, line: parser.line, column: 1 } });
    failed = true;
  }
  void isTop;
  return !failed;
}
