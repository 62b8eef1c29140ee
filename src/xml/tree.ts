/**
 * A document as a small tree (elements, text; comments and processing instructions dropped), built by the
 * reader of read.ts without recursion, and the tree helpers every stage uses. The helpers walk with explicit
 * stacks: a tree is at most {@link DEFAULT_MAX_DEPTH} deep, but none of them should care.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { SaxesTagNS } from 'saxes';
import { XmlReader, type XmlReadOptions } from './read.js';

/** An element. Names keep their prefix (`xml:id` stays `xml:id`); namespace declarations are attributes too. */
export interface XmlElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  parent: XmlElement | undefined;
  /** 1-based line and column of the `>` that ends the start tag. */
  line: number;
  column: number;
}

/** A run of character data (entities resolved; adjacent runs merged). */
export interface XmlText {
  type: 'text';
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** A parsed file: its root (absent when the file is not well-formed) and the reader's findings. */
export interface XmlTree {
  file: string;
  root: XmlElement | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parses XML text into a tree. A file that is not well-formed gives no root (a half-read document would be
 * taken for a whole one) and its first error.
 */
export function parseXmlTree(text: string, file: string, options: XmlReadOptions = {}): XmlTree {
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const reader = new XmlReader(
    file,
    {
      opentag(tag) {
        const parent = stack[stack.length - 1];
        const el = elementOf(tag, parent, reader.line, reader.column);
        if (parent) parent.children.push(el);
        else root = el;
        stack.push(el);
      },
      closetag() {
        stack.pop();
      },
      text(t) {
        appendText(stack, t);
      },
    },
    { firstErrorOnly: true, ...options },
  );
  reader.read(text);
  return { file, root: reader.wellFormed ? root : undefined, diagnostics: reader.diagnostics };
}

/** The element an open tag starts, at the reader's position (its attributes by their qualified names). */
export function elementOf(tag: SaxesTagNS, parent: XmlElement | undefined, line: number, column: number): XmlElement {
  const attrs: Record<string, string> = {};
  for (const name in tag.attributes) attrs[name] = tag.attributes[name]!.value;
  return { type: 'element', name: tag.name, attrs, children: [], parent, line, column };
}

/** Text read inside the innermost open element, joined to a text node just before it (one node per run of text). */
export function appendText(stack: readonly XmlElement[], text: string): void {
  const top = stack[stack.length - 1];
  if (!top) return; // whitespace outside the root
  const last = top.children[top.children.length - 1];
  if (last && last.type === 'text') last.text += text;
  else top.children.push({ type: 'text', text });
}

/** Children that are elements, optionally only those with a given name. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (c.type === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** The first element child with that name. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.type === 'element' && c.name === name) return c;
  return undefined;
}

/** Follows a path of child names (`fileDesc/titleStmt/title`). */
export function path(el: XmlElement | undefined, steps: string): XmlElement | undefined {
  let cur = el;
  for (const s of steps.split('/')) cur = child(cur, s);
  return cur;
}

/** Every descendant element with that name (every one without a name), in document order. */
export function descendants(el: XmlElement, name?: string, out: XmlElement[] = []): XmlElement[] {
  const stack: XmlNode[] = [];
  for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type !== 'element') continue;
    if (name === undefined || n.name === name) out.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out;
}

/** The text below an element in document order, `lb` as a space, whitespace not collapsed. */
export function rawTextOf(el: XmlElement | undefined, lineBreak = ' '): string {
  if (!el) return '';
  const parts: string[] = [];
  const stack: XmlNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.text);
    else if (n.name === 'lb') parts.push(lineBreak);
    else for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return parts.join('');
}

/** All the text below an element, whitespace collapsed. */
export function textOf(el: XmlElement | undefined): string {
  return collapse(rawTextOf(el));
}

/** Collapses XML whitespace runs to one space and trims. */
export function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** True when `el` or one of its ancestors passes the test. */
export function hasAncestor(el: XmlElement, test: (a: XmlElement) => boolean): boolean {
  for (let a: XmlElement | undefined = el; a; a = a.parent) if (test(a)) return true;
  return false;
}
