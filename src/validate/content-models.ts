/**
 * What a RELAX NG schema allows inside each element, read statically from the schema file, for messages
 * ("element persName not allowed here; expected one of …"). The engine decides validity; this only
 * explains it, so an approximation (the union over every definition of an element name) is enough.
 */
import { readFileSync } from 'node:fs';
import { SaxesParser } from 'saxes';

const RNG_NS = 'http://relaxng.org/ns/structure/1.0';

interface RngNode {
  local: string;
  attrs: Record<string, string>;
  children: RngNode[];
  text: string;
}

/** Allowed child elements by parent element name. */
export interface ContentModels {
  /** Local names of the elements allowed as children of `element` (sorted), or undefined if unknown. */
  allowedChildren(element: string): string[] | undefined;
}

function parseRng(text: string): RngNode | undefined {
  const parser = new SaxesParser({ xmlns: true });
  const stack: RngNode[] = [];
  let root: RngNode | undefined;
  parser.on('opentag', (tag) => {
    const node: RngNode = { local: tag.uri === RNG_NS ? tag.local : `{${tag.uri}}${tag.local}`, attrs: {}, children: [], text: '' };
    for (const a of Object.values(tag.attributes)) if (!a.prefix) node.attrs[a.local] = a.value;
    stack[stack.length - 1]?.children.push(node);
    if (!root) root = node;
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => void stack.pop());
  parser.on('error', () => undefined);
  parser.write(text).close();
  return root;
}

function localOf(qname: string): string {
  const i = qname.indexOf(':');
  return i === -1 ? qname.trim() : qname.slice(i + 1).trim();
}

function elementName(node: RngNode): string | undefined {
  if (node.attrs.name) return localOf(node.attrs.name);
  const nameChild = node.children.find((c) => c.local === 'name');
  return nameChild ? localOf(nameChild.text) : undefined;
}

/** Reads the content models of a RELAX NG schema (XML syntax). Returns an empty model for other files. */
export function readContentModels(schemaPath: string): ContentModels {
  let root: RngNode | undefined;
  try {
    root = schemaPath.endsWith('.rng') ? parseRng(readFileSync(schemaPath, 'utf8')) : undefined;
  } catch {
    root = undefined;
  }
  const defines = new Map<string, RngNode[]>();
  const elementsByName = new Map<string, RngNode[]>();
  const walk = (n: RngNode): void => {
    if (n.local === 'define' && n.attrs.name) {
      const list = defines.get(n.attrs.name) ?? [];
      list.push(n);
      defines.set(n.attrs.name, list);
    }
    if (n.local === 'element') {
      const name = elementName(n);
      if (name) {
        const list = elementsByName.get(name) ?? [];
        list.push(n);
        elementsByName.set(name, list);
      }
    }
    for (const c of n.children) walk(c);
  };
  if (root) walk(root);

  const cache = new Map<string, string[] | undefined>();
  const collect = (n: RngNode, out: Set<string>, seen: Set<string>): void => {
    switch (n.local) {
      case 'element': {
        const name = elementName(n);
        if (name) out.add(name);
        return;
      }
      case 'attribute':
      case 'notAllowed':
        return;
      case 'ref':
      case 'parentRef': {
        const name = n.attrs.name;
        if (!name || seen.has(name)) return;
        seen.add(name);
        for (const d of defines.get(name) ?? []) for (const c of d.children) collect(c, out, seen);
        return;
      }
      default:
        for (const c of n.children) collect(c, out, seen);
    }
  };
  return {
    allowedChildren(element) {
      if (cache.has(element)) return cache.get(element);
      const patterns = elementsByName.get(element);
      let result: string[] | undefined;
      if (patterns) {
        const out = new Set<string>();
        for (const p of patterns) {
          const content = p.children.filter((c) => c.local !== 'name' && !c.local.startsWith('{'));
          for (const c of content) collect(c, out, new Set());
        }
        result = [...out].sort();
      }
      cache.set(element, result);
      return result;
    },
  };
}
