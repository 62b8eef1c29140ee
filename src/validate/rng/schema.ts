/**
 * Reads a RELAX NG schema (XML syntax) into patterns: the simplification of the RELAX NG specification
 * (section 4) done as the tree is compiled — foreign elements dropped, `ns` and `datatypeLibrary`
 * inherited, QNames resolved, `define`s combined, optional/zeroOrMore/mixed rewritten. Element content is
 * compiled lazily (see patterns.ts). Schemas using features this engine does not implement (include,
 * externalRef, nested grammars, unknown datatypes) throw {@link UnsupportedSchema}; the adapter then
 * falls back to libxml2.
 */
import { SaxesParser } from 'saxes';
import { ValidateError } from '../../diagnostics/diagnostic.js';
import { ValidateCodes } from '../codes.js';
import { makeDatatype, UnsupportedDatatype, type Datatype } from './datatypes.js';
import { Patterns, type NameClass, type Pattern } from './patterns.js';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** A schema feature this engine does not implement (the adapter then uses libxml2). */
export class UnsupportedSchema extends ValidateError {
  constructor(message: string) {
    super(ValidateCodes.schemaNotCompiled, `not supported by our RELAX NG engine: ${message}`);
  }
}

/** A malformed schema (an error in the schema, not a limit of ours). */
export class BadSchema extends ValidateError {
  constructor(message: string) {
    super(ValidateCodes.schemaNotCompiled, message);
  }
}

interface RNode {
  local: string;
  attrs: Record<string, string>;
  children: RNode[];
  text: string;
  /** In-scope namespace prefixes. */
  prefixes: Record<string, string>;
  /** Inherited `ns`. */
  ns: string;
  /** Inherited `datatypeLibrary`. */
  dtlib: string;
}

function parse(text: string): RNode {
  const parser = new SaxesParser({ xmlns: true });
  const stack: (RNode | null)[] = [];
  let root: RNode | undefined;
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    if (tag.uri !== RNG_NS || parent === null) {
      stack.push(null); // foreign element: dropped with its subtree
      return;
    }
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) if (!a.prefix && a.local !== 'xmlns') attrs[a.local] = a.value;
    const prefixes: Record<string, string> = { ...(parent?.prefixes ?? { xml: XML_NS }), ...tag.ns };
    const node: RNode = {
      local: tag.local,
      attrs,
      children: [],
      text: '',
      prefixes,
      ns: attrs.ns ?? parent?.ns ?? '',
      dtlib: attrs.datatypeLibrary ?? parent?.dtlib ?? '',
    };
    if (parent) parent.children.push(node);
    else root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(text).close();
  if (error) throw new BadSchema(`schema is not well-formed XML: ${error.message}`);
  if (!root) throw new BadSchema('schema has no RELAX NG root element');
  return root;
}

/** A compiled schema: the start pattern and the factory its derivatives live in. */
export interface CompiledRng {
  patterns: Patterns;
  start: Pattern;
}

/** Compiles RELAX NG XML text. Throws UnsupportedSchema or BadSchema. */
export function compileRng(text: string): CompiledRng {
  const root = parse(text);
  const patterns = new Patterns();
  const defines = new Map<string, RNode[]>();
  const starts: RNode[] = [];

  const collect = (grammar: RNode): void => {
    for (const c of grammar.children) {
      if (c.local === 'define') {
        const list = defines.get(c.attrs.name ?? '') ?? [];
        list.push(c);
        defines.set(c.attrs.name ?? '', list);
      } else if (c.local === 'start') starts.push(c);
      else if (c.local === 'div') collect(c);
      else if (c.local === 'include') throw new UnsupportedSchema('include');
    }
  };
  if (root.local === 'grammar') collect(root);

  const compiled = new Map<string, Pattern>();
  const compiling = new Set<string>();

  const combine = (nodes: RNode[], what: string): Pattern => {
    const parts = nodes.map((n) => group(n.children));
    const how = nodes.find((n) => n.attrs.combine)?.attrs.combine;
    if (parts.length > 1 && !how) throw new BadSchema(`${what} defined more than once without combine`);
    return parts.reduce((a, b) => (how === 'interleave' ? patterns.interleave(a, b) : patterns.choice(a, b)));
  };

  const ref = (name: string): Pattern => {
    const done = compiled.get(name);
    if (done) return done;
    const nodes = defines.get(name);
    if (!nodes) throw new BadSchema(`reference to undefined pattern "${name}"`);
    if (compiling.has(name)) throw new BadSchema(`pattern "${name}" refers to itself outside an element`);
    compiling.add(name);
    let p: Pattern;
    try {
      p = combine(nodes, `pattern "${name}"`);
    } finally {
      compiling.delete(name);
    }
    compiled.set(name, p);
    return p;
  };

  const qname = (node: RNode, raw: string, forAttribute: boolean): { ns: string; local: string } => {
    const name = raw.trim();
    const colon = name.indexOf(':');
    if (colon > 0) {
      const prefix = name.slice(0, colon);
      const ns = node.prefixes[prefix];
      if (ns === undefined) throw new BadSchema(`undeclared prefix "${prefix}" in ${name}`);
      return { ns, local: name.slice(colon + 1) };
    }
    return { ns: forAttribute ? (node.attrs.ns ?? '') : node.ns, local: name };
  };

  const nameClass = (node: RNode): NameClass => {
    switch (node.local) {
      case 'name':
        return { kind: 'name', ...qname(node, node.text, false) };
      case 'anyName': {
        const ex = node.children.find((c) => c.local === 'except');
        return { kind: 'anyName', except: ex ? choiceOfNames(ex.children) : undefined };
      }
      case 'nsName': {
        const ex = node.children.find((c) => c.local === 'except');
        return { kind: 'nsName', ns: node.ns, except: ex ? choiceOfNames(ex.children) : undefined };
      }
      case 'choice':
        return choiceOfNames(node.children);
      default:
        throw new BadSchema(`<${node.local}> is not a name class`);
    }
  };
  const choiceOfNames = (nodes: RNode[]): NameClass =>
    nodes.map(nameClass).reduce((a, b) => ({ kind: 'choice', a, b }));

  const group = (nodes: RNode[]): Pattern => {
    const parts = nodes.map(compile);
    if (parts.length === 0) return patterns.empty;
    return parts.reduce((a, b) => patterns.group(a, b));
  };

  const compile = (node: RNode): Pattern => {
    switch (node.local) {
      case 'element': {
        let nc: NameClass;
        let content: RNode[];
        if (node.attrs.name !== undefined) {
          nc = { kind: 'name', ...qname(node, node.attrs.name, false) };
          content = node.children;
        } else {
          nc = nameClass(node.children[0]!);
          content = node.children.slice(1);
        }
        return patterns.element(node, nc, () => group(content));
      }
      case 'attribute': {
        let nc: NameClass;
        let content: RNode[];
        if (node.attrs.name !== undefined) {
          nc = { kind: 'name', ...qname(node, node.attrs.name, true) };
          content = node.children;
        } else {
          nc = nameClass(node.children[0]!);
          content = node.children.slice(1);
        }
        return patterns.attribute(nc, content.length ? group(content) : patterns.text);
      }
      case 'group':
        return group(node.children);
      case 'choice':
        return node.children.map(compile).reduce((a, b) => patterns.choice(a, b), patterns.notAllowed);
      case 'interleave':
        return node.children.map(compile).reduce((a, b) => patterns.interleave(a, b));
      case 'optional':
        return patterns.choice(group(node.children), patterns.empty);
      case 'zeroOrMore':
        return patterns.choice(patterns.oneOrMore(group(node.children)), patterns.empty);
      case 'oneOrMore':
        return patterns.oneOrMore(group(node.children));
      case 'mixed':
        return patterns.interleave(patterns.text, group(node.children));
      case 'list':
        return patterns.list(group(node.children));
      case 'ref':
        return ref(node.attrs.name ?? '');
      case 'empty':
        return patterns.empty;
      case 'text':
        return patterns.text;
      case 'notAllowed':
        return patterns.notAllowed;
      case 'data': {
        const params = node.children.filter((c) => c.local === 'param').map((c) => ({ name: c.attrs.name ?? '', value: c.text }));
        const ex = node.children.find((c) => c.local === 'except');
        const dt = datatype(node.dtlib, node.attrs.type ?? '', params);
        const except = ex ? ex.children.map(compile).reduce((a, b) => patterns.choice(a, b), patterns.notAllowed) : undefined;
        return patterns.data(dt, except);
      }
      case 'value': {
        const hasType = node.attrs.type !== undefined;
        const dt = datatype(hasType ? node.dtlib : '', hasType ? node.attrs.type! : 'token', []);
        return patterns.value(dt, node.text);
      }
      case 'grammar':
      case 'parentRef':
      case 'externalRef':
        throw new UnsupportedSchema(node.local);
      default:
        throw new BadSchema(`unexpected <${node.local}> in a pattern`);
    }
  };

  const datatypes = new Map<string, Datatype>();
  const datatype = (lib: string, type: string, params: { name: string; value: string }[]): Datatype => {
    const key = JSON.stringify([lib, type, params]);
    let dt = datatypes.get(key);
    if (dt) return dt;
    try {
      dt = makeDatatype(lib, type, params);
    } catch (e) {
      if (e instanceof UnsupportedDatatype) throw new UnsupportedSchema(e.message);
      throw e;
    }
    datatypes.set(key, dt);
    return dt;
  };

  // Element content is compiled lazily, so find unsupported features now, while the adapter can still
  // choose libxml2 instead: every datatype is built once here (and kept for the lazy compile).
  const scan = (n: RNode, top: boolean): void => {
    if (n.local === 'include' || n.local === 'externalRef' || n.local === 'parentRef' || (n.local === 'grammar' && !top)) {
      throw new UnsupportedSchema(n.local);
    }
    if (n.local === 'data' || n.local === 'value') {
      const hasType = n.attrs.type !== undefined;
      const params = n.children.filter((c) => c.local === 'param').map((c) => ({ name: c.attrs.name ?? '', value: c.text }));
      if (n.local === 'value') datatype(hasType ? n.dtlib : '', hasType ? n.attrs.type! : 'token', []);
      else datatype(n.dtlib, n.attrs.type ?? '', params);
    }
    for (const c of n.children) scan(c, false);
  };
  scan(root, true);

  const start = root.local === 'grammar' ? (starts.length ? combine(starts, 'start') : undefined) : compile(root);
  if (!start) throw new BadSchema('schema has no start');
  return { patterns, start };
}
