/**
 * Reads one RELAX NG schema document (XML syntax) into a tree of RELAX NG elements, checking it against the
 * syntax of section 3 and applying the first simplification rules, which are local to one document:
 * foreign elements and attributes dropped (4.1), whitespace (4.2), `datatypeLibrary` inherited and checked
 * (4.3), `type` of `value` (4.4), `href` resolved against the base URI, `xml:base` included (4.5).
 * Every syntax error of the document is collected, each with its file:line:column.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { SchemaErrorCodes, type ErrorDetail, type Location } from '../errors.js';
import { isNcName, isQName } from '../xml-names.js';
import { checkAbsoluteUri } from '../uri.js';
import { expandMarkupEntities, installTextEntities, readDoctype } from '../doctype.js';

export const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
export const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A RELAX NG element of a schema document, as the simplification rewrites it. */
export interface RngEl {
  /** Local name in the RELAX NG namespace: `element`, `grammar`, `ref`… */
  name: string;
  /** Unqualified attributes (foreign ones dropped), values as the rules of 4.2 leave them. */
  attrs: Record<string, string>;
  children: RngEl[];
  /** Text content of `name`, `value` and `param`. */
  text: string;
  loc: Location;
  /** In-scope namespace declarations (prefix → URI), for QNames in `name` and values of QName type. */
  prefixes: Record<string, string>;
  /** Base URI (for `href`). */
  base: string;
}

export type ReportError = (detail: ErrorDetail) => void;

/** Line-start table: offset → 1-based line and column. */
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

interface RawEl {
  uri: string;
  local: string;
  qname: string;
  /** Attributes: namespace URI, local name, value, qualified name. */
  attrs: { uri: string; local: string; name: string; value: string }[];
  children: (RawEl | string)[];
  loc: Location;
  /** Offset of `<` and of the `>` ending the start tag (attribute positions are searched between them). */
  start: number;
  end: number;
  prefixes: Record<string, string>;
  base: string;
}

/**
 * Parses schema text into raw elements (with positions, namespace context and base URI). Internal DTD
 * entities are expanded as an XML processor must; external ones are refused. Returns undefined when the text
 * is not well-formed (the errors are reported).
 */
function parseRaw(source: string, file: string, baseUri: string, report: ReportError): RawEl | undefined {
  let text = source;
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failed = false;
  const dt = readDoctype(source);
  if (dt) {
    const where = positions(file, source);
    for (const p of dt.problems) {
      if (!p.fatal) continue;
      failed = true;
      report({ code: SchemaErrorCodes.notWellFormed, message: p.message, ...where(p.offset) });
    }
    if (failed) return undefined;
    installTextEntities(parser.ENTITIES, dt.textEntities, () => {
      failed = true;
      report({ code: SchemaErrorCodes.notWellFormed, message: 'entities expand to more than 10 MiB of text in all: refused', file, line: parser.line, column: 1 });
    });
    text = expandMarkupEntities(source, dt.end, dt.markupEntities);
  }
  const at = positions(file, text);
  const stack: RawEl[] = [];
  let root: RawEl | undefined;
  parser.on('error', (e) => {
    if (failed) return;
    failed = true;
    report({ code: SchemaErrorCodes.notWellFormed, message: `not well-formed XML: ${e.message.replace(/^\d+:\d+: /, '')}`, file, line: parser.line, column: Math.max(1, parser.column) });
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const endOffset = Math.min(parser.position, text.length);
    const startOffset = Math.max(0, text.lastIndexOf(`<${tag.name}`, endOffset));
    const attrs: RawEl['attrs'] = [];
    let base = parent?.base ?? baseUri;
    for (const a of Object.values(tag.attributes)) {
      if (a.prefix === 'xmlns' || a.name === 'xmlns') continue;
      if (a.uri === XML_NS && a.local === 'base') {
        try {
          base = new URL(a.value, base).href;
        } catch {
          report({ code: SchemaErrorCodes.syntax, message: `xml:base "${a.value}" is not a URI reference`, ...at(startOffset) });
        }
      }
      attrs.push({ uri: a.uri ?? '', local: a.local, name: a.name, value: a.value });
    }
    const el: RawEl = {
      uri: tag.uri ?? '',
      local: tag.local,
      qname: tag.name,
      attrs,
      children: [],
      loc: at(startOffset),
      start: startOffset,
      end: endOffset,
      prefixes: { ...(parent?.prefixes ?? { xml: XML_NS }), ...tag.ns },
      base,
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  const onText = (t: string): void => {
    const top = stack[stack.length - 1];
    if (!top) return;
    const last = top.children[top.children.length - 1];
    if (typeof last === 'string') top.children[top.children.length - 1] = last + t;
    else top.children.push(t);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => void stack.pop());
  try {
    parser.write(text).close();
  } catch (e) {
    if (!failed) report({ code: SchemaErrorCodes.notWellFormed, message: `not well-formed XML: ${(e as Error).message}`, file, line: parser.line, column: 1 });
    failed = true;
  }
  return failed ? undefined : root;
}

const isWhitespace = (s: string): boolean => /^[ \t\n\r]*$/.test(s);
const trimXml = (s: string): string => s.replace(/^[ \t\n\r]+|[ \t\n\r]+$/g, '');

type Kind = 'pattern' | 'nameClass' | 'grammarContent' | 'includeContent' | 'param';

const PATTERNS = new Set([
  'element', 'attribute', 'group', 'interleave', 'choice', 'optional', 'zeroOrMore', 'oneOrMore', 'list', 'mixed', 'ref',
  'parentRef', 'empty', 'text', 'value', 'data', 'notAllowed', 'externalRef', 'grammar',
]);
const NAME_CLASSES = new Set(['name', 'anyName', 'nsName', 'choice']);

/** Attributes each element may have besides `ns` and `datatypeLibrary`; `!` marks a required one. */
const ATTRIBUTES: Record<string, string[]> = {
  element: ['name'],
  attribute: ['name'],
  ref: ['!name'],
  parentRef: ['!name'],
  value: ['type'],
  data: ['!type'],
  externalRef: ['!href'],
  start: ['combine'],
  define: ['!name', 'combine'],
  include: ['!href'],
  param: ['!name'],
};

/**
 * Reads a schema document. `expect` is what its root must be: any pattern (the schema itself, an
 * externalRef) or a grammar (an include). Returns undefined when errors were reported.
 */
export function readSchemaDocument(
  text: string,
  file: string,
  baseUri: string,
  expect: 'pattern' | 'grammar',
  report: ReportError,
): RngEl | undefined {
  let errors = 0;
  const fail: ReportError = (d) => {
    errors++;
    report(d);
  };
  const raw = parseRaw(text, file, baseUri, fail);
  if (!raw) return undefined;
  const at = (el: RawEl): Location => el.loc;
  const attributeLoc = (el: RawEl, name: string): Location => {
    const i = text.slice(el.start, el.end).search(new RegExp(`\\s${name.replace(/[.:-]/g, '\\$&')}\\s*=`));
    if (i < 0) return el.loc;
    const p = positions(file, text)(el.start + i + 1);
    return p;
  };
  const syntax = (el: RawEl, message: string, loc: Location = at(el)): void =>
    fail({ code: SchemaErrorCodes.syntax, message, rule: '3', ...loc });

  const convert = (el: RawEl, kind: Kind, dtlib: string): RngEl | undefined => {
    if (el.uri !== RNG_NS) {
      syntax(el, el.uri ? `element ${el.qname} (namespace ${el.uri}) is not a RELAX NG element` : `element ${el.qname} is not in the RELAX NG namespace (${RNG_NS})`);
      return undefined;
    }
    const name = el.local;
    const allowedHere =
      kind === 'param' ? name === 'param' : kind === 'pattern' ? PATTERNS.has(name) : kind === 'nameClass' ? NAME_CLASSES.has(name) : ['start', 'define', 'div', ...(kind === 'grammarContent' ? ['include'] : [])].includes(name);
    if (!allowedHere) {
      const wanted = kind === 'pattern' ? 'a pattern' : kind === 'nameClass' ? 'a name class' : kind === 'grammarContent' ? 'start, define, div or include' : 'start, define or div';
      syntax(el, `element ${name} not allowed here; expected ${wanted}`);
      return undefined;
    }
    const attrs: Record<string, string> = {};
    const allowed = ATTRIBUTES[name] ?? [];
    for (const a of el.attrs) {
      if (a.uri === RNG_NS) {
        syntax(el, `attribute ${a.name} in the RELAX NG namespace is not allowed`, attributeLoc(el, a.name));
        continue;
      }
      if (a.uri !== '') continue; // foreign attribute: an annotation (4.1)
      const known = a.local === 'ns' || a.local === 'datatypeLibrary' || allowed.includes(a.local) || allowed.includes(`!${a.local}`);
      if (!known) {
        syntax(el, `attribute ${a.local} not allowed on ${name}`, attributeLoc(el, a.local));
        continue;
      }
      // 4.2: name, type and combine values lose leading and trailing whitespace.
      attrs[a.local] = a.local === 'name' || a.local === 'type' || a.local === 'combine' ? trimXml(a.value) : a.value;
    }
    for (const a of allowed) if (a.startsWith('!') && attrs[a.slice(1)] === undefined) syntax(el, `${name} must have a ${a.slice(1)} attribute`);
    if (attrs.datatypeLibrary !== undefined) {
      const problem = checkAbsoluteUri(attrs.datatypeLibrary);
      if (problem) fail({ code: SchemaErrorCodes.syntax, message: `datatypeLibrary "${attrs.datatypeLibrary}" ${problem}`, rule: '4.3', ...attributeLoc(el, 'datatypeLibrary') });
      dtlib = attrs.datatypeLibrary;
    }
    if (attrs.combine !== undefined && attrs.combine !== 'choice' && attrs.combine !== 'interleave') {
      syntax(el, `combine must be "choice" or "interleave", not "${attrs.combine}"`, attributeLoc(el, 'combine'));
    }
    if (name === 'ref' || name === 'parentRef' || name === 'define' || name === 'param') {
      if (attrs.name !== undefined && !isNcName(attrs.name)) syntax(el, `${name} name "${attrs.name}" is not an NCName`, attributeLoc(el, 'name'));
    }
    if ((name === 'element' || name === 'attribute') && attrs.name !== undefined && !isQName(attrs.name)) {
      syntax(el, `${name} name "${attrs.name}" is not a QName`, attributeLoc(el, 'name'));
    }
    if ((name === 'data' || name === 'value') && attrs.type !== undefined && !isNcName(attrs.type)) {
      syntax(el, `type "${attrs.type}" is not an NCName`, attributeLoc(el, 'type'));
    }

    const out: RngEl = { name, attrs, children: [], text: '', loc: at(el), prefixes: el.prefixes, base: el.base };
    const textOnly = name === 'name' || name === 'value' || name === 'param';
    const rngChildren: RawEl[] = [];
    for (const c of el.children) {
      if (typeof c === 'string') {
        if (textOnly) out.text += c;
        else if (!isWhitespace(c)) syntax(el, `text not allowed in ${name}`);
        continue;
      }
      if (c.uri !== RNG_NS) {
        // A foreign element: an annotation, dropped (4.1); but name, value and param hold text alone.
        if (textOnly) syntax(c, `element ${c.qname} not allowed in ${name}, which holds text only`);
        continue;
      }
      if (textOnly) {
        syntax(c, `element ${c.qname} not allowed in ${name}, which holds text only`);
        continue;
      }
      rngChildren.push(c);
    }
    if (name === 'name') {
      out.text = trimXml(out.text);
      if (!isQName(out.text)) syntax(el, `name "${out.text}" is not a QName`);
    }
    // 4.3: data and value carry their (inherited) datatype library; 4.4: value without type is a token.
    if (name === 'data') out.attrs.datatypeLibrary = dtlib;
    if (name === 'value') {
      if (attrs.type === undefined) {
        out.attrs.type = 'token';
        out.attrs.datatypeLibrary = '';
      } else out.attrs.datatypeLibrary = dtlib;
    }
    // 4.5: href resolved against the base URI; a fragment identifier is an error.
    if (attrs.href !== undefined) {
      if (attrs.href.includes('#')) syntax(el, `href "${attrs.href}" must not have a fragment identifier`, attributeLoc(el, 'href'));
      try {
        out.attrs.href = new URL(escapeHref(attrs.href), el.base).href;
      } catch {
        syntax(el, `href "${attrs.href}" is not a URI reference`, attributeLoc(el, 'href'));
      }
    }

    const kids = (list: RawEl[], k: Kind): RngEl[] => list.map((c) => convert(c, k, dtlib)).filter((c): c is RngEl => c !== undefined);
    const needSome = (list: RawEl[], what: string): void => {
      if (list.length === 0) syntax(el, `${name} must contain ${what}`);
    };
    switch (name) {
      case 'element':
      case 'attribute': {
        let rest = rngChildren;
        if (attrs.name === undefined) {
          const [first, ...others] = rngChildren;
          if (!first) {
            syntax(el, `${name} without a name attribute must start with a name class`);
            break;
          }
          const nc = convert(first, 'nameClass', dtlib);
          if (nc) out.children.push(nc);
          rest = others;
        }
        if (name === 'element') needSome(rest, 'a pattern');
        if (name === 'attribute' && rest.length > 1) syntax(rest[1]!, 'attribute may contain one pattern only');
        out.children.push(...kids(rest, 'pattern'));
        break;
      }
      case 'group':
      case 'interleave':
      case 'optional':
      case 'zeroOrMore':
      case 'oneOrMore':
      case 'list':
      case 'mixed':
        needSome(rngChildren, 'a pattern');
        out.children.push(...kids(rngChildren, 'pattern'));
        break;
      case 'choice':
        needSome(rngChildren, kind === 'nameClass' ? 'a name class' : 'a pattern');
        out.children.push(...kids(rngChildren, kind === 'nameClass' ? 'nameClass' : 'pattern'));
        break;
      case 'ref':
      case 'parentRef':
      case 'empty':
      case 'text':
      case 'notAllowed':
      case 'externalRef':
      case 'value':
      case 'param':
      case 'name':
        if (rngChildren.length > 0 && !textOnly) syntax(rngChildren[0]!, `${name} must be empty`);
        break;
      case 'data': {
        let seenExcept = false;
        for (const c of rngChildren) {
          if (c.uri === RNG_NS && c.local === 'param' && !seenExcept) {
            const p = convert(c, 'param', dtlib);
            if (p) out.children.push(p);
          } else if (c.uri === RNG_NS && c.local === 'except' && !seenExcept) {
            seenExcept = true;
            out.children.push(exceptOf(c, 'pattern'));
          } else if (c.uri === RNG_NS) syntax(c, `element ${c.qname} not allowed in data; expected param, then at most one except`);
        }
        break;
      }
      case 'anyName':
      case 'nsName': {
        const [first, ...others] = rngChildren;
        if (first) {
          if (first.uri === RNG_NS && first.local === 'except') out.children.push(exceptOf(first, 'nameClass'));
          else syntax(first, `element ${first.qname} not allowed in ${name}; expected except`);
        }
        for (const o of others) syntax(o, `${name} may contain one except only`);
        break;
      }
      case 'grammar':
      case 'div':
        out.children.push(...kids(rngChildren, kind === 'includeContent' ? 'includeContent' : 'grammarContent'));
        break;
      case 'include':
        out.children.push(...kids(rngChildren, 'includeContent'));
        break;
      case 'start':
        if (rngChildren.length !== 1) syntax(el, `start must contain exactly one pattern, not ${rngChildren.length}`);
        out.children.push(...kids(rngChildren, 'pattern'));
        break;
      case 'define':
        needSome(rngChildren, 'a pattern');
        out.children.push(...kids(rngChildren, 'pattern'));
        break;
      default:
        break;
    }
    return out;

    function exceptOf(c: RawEl, k: Kind): RngEl {
      const ex: RngEl = { name: 'except', attrs: {}, children: [], text: '', loc: at(c), prefixes: c.prefixes, base: c.base };
      for (const a of c.attrs) {
        if (a.uri === RNG_NS) syntax(c, `attribute ${a.name} in the RELAX NG namespace is not allowed`);
        else if (a.uri === '' && a.local !== 'ns' && a.local !== 'datatypeLibrary') syntax(c, `attribute ${a.local} not allowed on except`);
        else if (a.uri === '') ex.attrs[a.local] = a.value;
      }
      if (ex.attrs.datatypeLibrary !== undefined) {
        const problem = checkAbsoluteUri(ex.attrs.datatypeLibrary);
        if (problem) fail({ code: SchemaErrorCodes.syntax, message: `datatypeLibrary "${ex.attrs.datatypeLibrary}" ${problem}`, rule: '4.3', ...at(c) });
      }
      const exDtlib = ex.attrs.datatypeLibrary ?? dtlib;
      const list: RawEl[] = [];
      for (const x of c.children) {
        if (typeof x === 'string') {
          if (!isWhitespace(x)) syntax(c, 'text not allowed in except');
        } else if (x.uri === RNG_NS) list.push(x);
      }
      if (list.length === 0) syntax(c, `except must contain ${k === 'nameClass' ? 'a name class' : 'a pattern'}`);
      ex.children = list.map((x) => convert(x, k, exDtlib)).filter((x): x is RngEl => x !== undefined);
      return ex;
    }
  };

  const root = convert(raw, 'pattern', '');
  if (root && expect === 'grammar' && root.name !== 'grammar') {
    syntax(raw, `an included schema must be a grammar, not ${root.name}`);
  }
  return errors === 0 ? root : undefined;
}

/** 4.5: characters not allowed in URIs are escaped (as UTF-8 %HH) before the href is resolved. */
function escapeHref(href: string): string {
  return href.replace(/[^\x21-\x7e]|[<>"{}|\\^`]/gu, (c) => encodeURIComponent(c));
}
