/**
 * The one place that touches the XML parser (saxes). It turns a TEI file into a small tree of
 * {@link TeiElement}s that every transform walks; parse errors become diagnostics, never exceptions.
 */
import { SaxesParser } from 'saxes';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { TransformCodes } from './codes.js';

/** An element of a parsed TEI file. Names keep their prefix (`xml:id` stays `xml:id`). */
export interface TeiElement {
  type: 'element';
  name: string;
  attrs: Record<string, string>;
  children: TeiNode[];
  parent: TeiElement | undefined;
  /** 1-based line and column of the start tag, for diagnostics. */
  line: number;
  column: number;
}

/** A run of character data (entities already resolved). */
export interface TeiText {
  type: 'text';
  text: string;
}

/** A node of the tree: element or text (comments and processing instructions are dropped). */
export type TeiNode = TeiElement | TeiText;

/** The outcome of parsing one file: the root element (absent when the file is not well-formed). */
export interface ParsedTei {
  file: string;
  root: TeiElement | undefined;
  diagnostics: Diagnostic[];
}

/**
 * Parses XML text into a tree. The first well-formedness error is reported (with saxes' 0-based column
 * turned into our 1-based one) and the tree is dropped: a half-parsed document would produce a
 * half-rendered page that looks complete.
 */
export function parseTei(xml: string, file: string): ParsedTei {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: TeiElement[] = [];
  let root: TeiElement | undefined;
  let failure: Diagnostic | undefined;
  const append = (text: string): void => {
    const top = stack[stack.length - 1];
    if (!top) return; // whitespace outside the root
    const last = top.children[top.children.length - 1];
    if (last && last.type === 'text') last.text += text;
    else top.children.push({ type: 'text', text });
  };
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    const el: TeiElement = {
      type: 'element',
      name: tag.name,
      attrs: tag.attributes as Record<string, string>,
      children: [],
      parent,
      line: parser.line,
      column: parser.column + 1,
    };
    if (parent) parent.children.push(el);
    else root = el;
    stack.push(el);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', append);
  parser.on('cdata', append);
  parser.on('error', (err) => {
    if (!failure) {
      failure = {
        code: TransformCodes.notWellFormed,
        severity: 'error',
        message: `not well-formed XML, left out of the outputs: ${err.message.replace(/^[^:]*:\d+:\d+: /, '')}`,
        span: { file, line: parser.line, column: parser.column + 1 },
      };
    }
  });
  try {
    parser.write(xml).close();
  } catch {
    // saxes throws after emitting 'error' when no handler stops it; the diagnostic is already recorded
  }
  if (failure) return { file, root: undefined, diagnostics: [failure] };
  return { file, root, diagnostics: [] };
}

/** Children that are elements, optionally only those with a given name. */
export function childElements(el: TeiElement, name?: string): TeiElement[] {
  const out: TeiElement[] = [];
  for (const c of el.children) if (c.type === 'element' && (name === undefined || c.name === name)) out.push(c);
  return out;
}

/** The first element child with that name. */
export function child(el: TeiElement | undefined, name: string): TeiElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.type === 'element' && c.name === name) return c;
  return undefined;
}

/** Follows a path of child names (`fileDesc/titleStmt/title`). */
export function path(el: TeiElement | undefined, steps: string): TeiElement | undefined {
  let cur = el;
  for (const s of steps.split('/')) cur = child(cur, s);
  return cur;
}

/** Every descendant element with that name, in document order. */
export function descendants(el: TeiElement, name: string, out: TeiElement[] = []): TeiElement[] {
  for (const c of el.children) {
    if (c.type !== 'element') continue;
    if (c.name === name) out.push(c);
    descendants(c, name, out);
  }
  return out;
}

/** All the text below an element, whitespace collapsed. */
export function textOf(el: TeiElement | undefined): string {
  if (!el) return '';
  const parts: string[] = [];
  const visit = (n: TeiNode): void => {
    if (n.type === 'text') parts.push(n.text);
    else if (n.name === 'lb') parts.push(' ');
    else n.children.forEach(visit);
  };
  visit(el);
  return collapse(parts.join(''));
}

/** Collapses XML whitespace runs to one space and trims. */
export function collapse(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}

/** True when `ancestor` contains `el` (or is it). */
export function hasAncestor(el: TeiElement, test: (a: TeiElement) => boolean): boolean {
  for (let a: TeiElement | undefined = el; a; a = a.parent) if (test(a)) return true;
  return false;
}
