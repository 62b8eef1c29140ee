/**
 * Simplification rules 4.6 to 4.17 of the RELAX NG specification, over the documents `read.ts` produced:
 * externalRef and include resolved (with overrides), names and namespaces made explicit, div removed,
 * child counts normalised, mixed/optional/zeroOrMore rewritten, name-class constraints checked. The
 * result is a small typed tree; grammars and references are resolved by `build.ts` (4.18 onwards).
 */
import { SchemaErrorCodes, type ErrorDetail, type Location } from '../errors.js';
import { readSchemaDocument, type ReportError, type RngEl } from './read.js';

/** A name class after simplification. */
export type NameClassAst =
  | { kind: 'name'; ns: string; local: string; loc: Location }
  | { kind: 'anyName'; except?: NameClassAst; loc: Location }
  | { kind: 'nsName'; ns: string; except?: NameClassAst; loc: Location }
  | { kind: 'choice'; a: NameClassAst; b: NameClassAst; loc: Location };

/** A pattern after simplification rules 4.1–4.17. */
export type PatternAst =
  | { kind: 'element' | 'attribute'; nc: NameClassAst; p: PatternAst; loc: Location }
  | { kind: 'group' | 'interleave' | 'choice'; a: PatternAst; b: PatternAst; loc: Location }
  | { kind: 'oneOrMore' | 'list'; p: PatternAst; loc: Location }
  | { kind: 'ref' | 'parentRef'; name: string; loc: Location }
  | { kind: 'empty' | 'text' | 'notAllowed'; loc: Location }
  | { kind: 'value'; library: string; type: string; value: string; ns: string; prefixes: Record<string, string>; loc: Location }
  | { kind: 'data'; library: string; type: string; params: { name: string; value: string; loc: Location }[]; except?: PatternAst; loc: Location }
  | { kind: 'grammar'; grammar: GrammarAst; loc: Location };

/** A definition or start, with its combine method. */
export interface Component {
  combine?: 'choice' | 'interleave';
  p: PatternAst;
  loc: Location;
}

export interface GrammarAst {
  starts: Component[];
  defines: Map<string, Component[]>;
  loc: Location;
}

/** Reads schema documents by absolute URL; throws (any error) when one cannot be read. */
export type ResourceLoader = (url: string) => string;

const XMLNS_URI = 'http://www.w3.org/2000/xmlns';

/**
 * Reads the schema at `url` and every document it includes or references, and simplifies them to the
 * tree above. Errors are reported; returns undefined when any was.
 */
export function loadAndSimplify(url: string, load: ResourceLoader, report: ReportError, text?: string): PatternAst | undefined {
  let errors = 0;
  const fail: ReportError = (d) => {
    errors++;
    report(d);
  };
  const err = (loc: Location, message: string, rule: string, code: string = SchemaErrorCodes.simplification): void =>
    fail({ code, message, rule, ...loc });

  const readDoc = (href: string, expect: 'pattern' | 'grammar', from: Location | undefined, given?: string): RngEl | undefined => {
    let source = given;
    if (source === undefined) {
      try {
        source = load(href);
      } catch (e) {
        fail({ code: SchemaErrorCodes.unreadable, message: `cannot read ${displayName(href)}: ${readFailure(e)}`, ...(from ?? { file: displayName(href), line: 1, column: 1 }) });
        return undefined;
      }
    }
    return readSchemaDocument(source, displayName(href), href, expect, fail);
  };

  // ---- 4.6 externalRef, 4.7 include ------------------------------------------------------------
  const components = (el: RngEl, name: 'start' | 'define', out: RngEl[] = []): RngEl[] => {
    for (const c of el.children) {
      if (c.name === name) out.push(c);
      else if (c.name === 'div') components(c, name, out);
    }
    return out;
  };
  const removeComponents = (el: RngEl, keep: (c: RngEl) => boolean): void => {
    el.children = el.children.filter(keep);
    for (const c of el.children) if (c.name === 'div') removeComponents(c, keep);
  };

  /** The element with its externalRefs and includes replaced (4.6, 4.7), recursively. */
  const resolve = (c: RngEl, open: string[]): RngEl => {
    if (c.name === 'externalRef') {
      const href = c.attrs.href!;
      if (open.includes(href)) {
        err(c.loc, `recursive reference to ${displayName(href)} (externalRef)`, '4.6');
        return notAllowedAt(c);
      }
      const doc = readDoc(href, 'pattern', c.loc);
      if (!doc) return notAllowedAt(c);
      if (c.attrs.ns !== undefined && doc.attrs.ns === undefined) doc.attrs.ns = c.attrs.ns;
      return resolve(doc, [...open, href]);
    }
    if (c.name === 'include') {
      const href = c.attrs.href!;
      if (open.includes(href)) {
        err(c.loc, `recursive inclusion of ${displayName(href)}`, '4.7');
        return { ...c, name: 'div', children: [] };
      }
      const loaded = readDoc(href, 'grammar', c.loc);
      if (!loaded) return { ...c, name: 'div', children: [] };
      const grammar = resolve(loaded, [...open, href]);
      if (c.attrs.ns !== undefined && grammar.attrs.ns === undefined) grammar.attrs.ns = c.attrs.ns;
      const overridesStart = components(c, 'start').length > 0;
      const overridden = new Set(components(c, 'define').map((d) => d.attrs.name!));
      if (overridesStart) {
        if (components(grammar, 'start').length === 0) err(c.loc, `start in include overrides nothing: ${displayName(href)} has no start`, '4.7');
        removeComponents(grammar, (x) => x.name !== 'start');
      }
      if (overridden.size > 0) {
        const defined = new Set(components(grammar, 'define').map((d) => d.attrs.name!));
        for (const d of components(c, 'define')) {
          if (!defined.has(d.attrs.name!)) err(d.loc, `definition of "${d.attrs.name}" in include overrides nothing: ${displayName(href)} does not define it`, '4.7');
        }
        removeComponents(grammar, (x) => !(x.name === 'define' && overridden.has(x.attrs.name!)));
      }
      const attrs = { ...c.attrs };
      delete attrs.href;
      const children = c.children.map((x) => resolve(x, open));
      return { ...c, name: 'div', attrs, children: [{ ...grammar, name: 'div' }, ...children] };
    }
    c.children = c.children.map((x) => resolve(x, open));
    return c;
  };

  const root = readDoc(url, 'pattern', undefined, text);
  if (!root) return undefined;
  const resolved = resolve(root, [url]);
  if (errors > 0) return undefined;

  // ---- 4.8–4.16 ------------------------------------------------------------------------------
  const nameClass = (el: RngEl, ns: string, inAttribute: boolean): NameClassAst => {
    const ownNs = el.attrs.ns ?? ns;
    switch (el.name) {
      case 'name': {
        let local = el.text;
        let uri = ownNs;
        const colon = local.indexOf(':');
        if (colon > 0) {
          const prefix = local.slice(0, colon);
          const bound = el.prefixes[prefix];
          if (bound === undefined) err(el.loc, `prefix "${prefix}" of "${local}" is not declared`, '4.10');
          uri = bound ?? '';
          local = local.slice(colon + 1);
        }
        if (inAttribute) {
          if (uri === '' && local === 'xmlns') err(el.loc, 'an attribute must not be named "xmlns"', '4.16');
          if (uri === XMLNS_URI) err(el.loc, `an attribute must not be in the namespace ${XMLNS_URI}`, '4.16');
        }
        return { kind: 'name', ns: uri, local, loc: el.loc };
      }
      case 'anyName':
      case 'nsName': {
        if (el.name === 'nsName' && inAttribute && ownNs === XMLNS_URI) err(el.loc, `an attribute must not be in the namespace ${XMLNS_URI}`, '4.16');
        const ex = el.children[0];
        let except: NameClassAst | undefined;
        if (ex) {
          const forbidden = el.name === 'anyName' ? ['anyName'] : ['anyName', 'nsName'];
          const bad = findDescendant(ex, (x) => forbidden.includes(x.name));
          if (bad) err(bad.loc, `${bad.name} not allowed in the except of ${el.name}`, '4.16');
          const exNs = ex.attrs.ns ?? ownNs;
          except = ex.children.map((c) => nameClass(c, exNs, inAttribute)).reduce((a, b) => ({ kind: 'choice', a, b, loc: ex.loc }));
        }
        return el.name === 'anyName' ? { kind: 'anyName', except, loc: el.loc } : { kind: 'nsName', ns: ownNs, except, loc: el.loc };
      }
      case 'choice':
        return el.children.map((c) => nameClass(c, ownNs, inAttribute)).reduce((a, b) => ({ kind: 'choice', a, b, loc: el.loc }));
      default:
        err(el.loc, `${el.name} is not a name class`, '3');
        return { kind: 'anyName', loc: el.loc };
    }
  };

  const binary = (kind: 'group' | 'interleave' | 'choice', parts: PatternAst[], loc: Location): PatternAst =>
    parts.length === 0 ? { kind: 'empty', loc } : parts.reduce((a, b) => ({ kind, a, b, loc }));

  const pattern = (el: RngEl, ns: string): PatternAst => {
    const inner = el.attrs.ns ?? ns;
    const loc = el.loc;
    const all = (): PatternAst[] => el.children.map((c) => pattern(c, inner));
    switch (el.name) {
      case 'element':
      case 'attribute': {
        let nc: NameClassAst;
        let rest: RngEl[];
        if (el.attrs.name !== undefined) {
          // 4.8: the name attribute becomes a name child; an attribute's name is in no namespace unless ns says.
          const nameEl: RngEl = { ...el, name: 'name', attrs: {}, children: [], text: el.attrs.name };
          const nameNs = el.name === 'attribute' && el.attrs.ns === undefined ? '' : inner;
          nc = nameClass(nameEl, nameNs, el.name === 'attribute');
          rest = el.children;
        } else {
          nc = nameClass(el.children[0]!, inner, el.name === 'attribute');
          rest = el.children.slice(1);
        }
        const content = rest.map((c) => pattern(c, inner));
        const p = el.name === 'attribute' && content.length === 0 ? ({ kind: 'text', loc } as PatternAst) : binary('group', content, loc);
        return { kind: el.name, nc, p, loc };
      }
      case 'group':
      case 'interleave':
      case 'choice':
        return binary(el.name, all(), loc);
      case 'oneOrMore':
      case 'list':
        return { kind: el.name, p: binary('group', all(), loc), loc };
      case 'optional':
        return { kind: 'choice', a: binary('group', all(), loc), b: { kind: 'empty', loc }, loc };
      case 'zeroOrMore':
        return { kind: 'choice', a: { kind: 'oneOrMore', p: binary('group', all(), loc), loc }, b: { kind: 'empty', loc }, loc };
      case 'mixed':
        return { kind: 'interleave', a: binary('group', all(), loc), b: { kind: 'text', loc }, loc };
      case 'ref':
      case 'parentRef':
        return { kind: el.name, name: el.attrs.name!, loc };
      case 'empty':
      case 'text':
      case 'notAllowed':
        return { kind: el.name, loc };
      case 'value':
        return { kind: 'value', library: el.attrs.datatypeLibrary ?? '', type: el.attrs.type!, value: el.text, ns: inner, prefixes: el.prefixes, loc };
      case 'data': {
        const params: { name: string; value: string; loc: Location }[] = [];
        let except: PatternAst | undefined;
        for (const c of el.children) {
          if (c.name === 'param') params.push({ name: c.attrs.name!, value: c.text, loc: c.loc });
          else if (c.name === 'except') except = binary('choice', c.children.map((x) => pattern(x, c.attrs.ns ?? inner)), c.loc);
        }
        return { kind: 'data', library: el.attrs.datatypeLibrary ?? '', type: el.attrs.type!, params, except, loc };
      }
      case 'grammar':
        return { kind: 'grammar', grammar: grammar(el, inner), loc };
      default:
        err(loc, `${el.name} is not a pattern`, '3');
        return { kind: 'notAllowed', loc };
    }
  };

  const grammar = (el: RngEl, ns: string): GrammarAst => {
    const g: GrammarAst = { starts: [], defines: new Map(), loc: el.loc };
    const walk = (container: RngEl, inherited: string): void => {
      const inner = container.attrs.ns ?? inherited;
      for (const c of container.children) {
        const cns = c.attrs.ns ?? inner;
        if (c.name === 'div') walk(c, inner);
        else if (c.name === 'start') {
          g.starts.push({ combine: c.attrs.combine as Component['combine'], p: binary('group', c.children.map((x) => pattern(x, cns)), c.loc), loc: c.loc });
        } else if (c.name === 'define') {
          const list = g.defines.get(c.attrs.name!) ?? [];
          list.push({ combine: c.attrs.combine as Component['combine'], p: binary('group', c.children.map((x) => pattern(x, cns)), c.loc), loc: c.loc });
          g.defines.set(c.attrs.name!, list);
        }
      }
    };
    walk(el, ns);
    // 4.17: at most one component without combine; the others agree on how they combine.
    const check = (list: Component[], what: string): void => {
      const plain = list.filter((c) => c.combine === undefined);
      if (plain.length > 1) err(plain[1]!.loc, `${what} defined more than once without a combine attribute`, '4.17');
      const methods = new Set(list.map((c) => c.combine).filter((c) => c !== undefined));
      if (methods.size > 1) err(list.find((c) => c.combine !== list.find((x) => x.combine)!.combine && c.combine)!.loc, `conflicting combine values for ${what}`, '4.17');
    };
    check(g.starts, 'start');
    for (const [name, list] of g.defines) check(list, `"${name}"`);
    return g;
  };

  const result = pattern(resolved, '');
  return errors > 0 ? undefined : result;
}

/** Why a file could not be read, in words (not a JavaScript error text). */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder';
  return (e as Error).message;
}

function notAllowedAt(el: RngEl): RngEl {
  return { ...el, name: 'notAllowed', attrs: {}, children: [] };
}

function findDescendant(el: RngEl, test: (x: RngEl) => boolean): RngEl | undefined {
  for (const c of el.children) {
    if (test(c)) return c;
    const d = findDescendant(c, test);
    if (d) return d;
  }
  return undefined;
}

/** A URL shown to people: the path for files, the URL otherwise. */
export function displayName(url: string): string {
  if (url.startsWith('file://')) {
    try {
      return decodeURIComponent(new URL(url).pathname);
    } catch {
      return url;
    }
  }
  return url;
}

export type { ErrorDetail };
