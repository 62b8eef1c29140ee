/**
 * A document's first `text` as a sequence of events, the same whether it comes from a kept tree or from its file
 * read as it streams (src/xml/pruned-tree.ts): the text and the containers below it that a transform passes
 * through (body, divisions…) open and close, and every other node comes whole, in document order, with its
 * ancestors still linked. A transform that renders from these events renders a volume-sized file without
 * holding it, and a small one from its tree, with one renderer.
 */
import { TransformCodes } from '../diagnostics/codes.js';
import { TransformError } from '../diagnostics/diagnostic.js';
import { openXmlChunks } from '../xml/read-file.js';
import { readPrunedTree } from '../xml/pruned-tree.js';
import { child, type TeiElement, type TeiNode } from './tei-tree.js';

export interface TextEvents {
  /** A container's start tag (the text first): its children follow one by one. */
  open(el: TeiElement): void;
  /** A complete node of a container that is not a container itself; let go when this returns (from a file). */
  child(node: TeiNode, parent: TeiElement): void;
  /** A container's end tag. */
  close(el: TeiElement): void;
}

/** Whether an element whose parent is a container is one too (its children then come one by one). */
export type PassesThrough = (el: TeiElement) => boolean;

/** The events of the first `text` of a whole tree (`tei` its root). */
export function walkText(tei: TeiElement, passes: PassesThrough, events: TextEvents): void {
  const text = child(tei, 'text');
  if (!text) return;
  const walk = (el: TeiElement): void => {
    events.open(el);
    for (const c of el.children) {
      if (c.type === 'element' && passes(c)) walk(c);
      else events.child(c, el);
    }
    events.close(el);
  };
  walk(text);
}

/**
 * The events of the first `text` of a file, read as it streams. The file was read once without a problem when
 * the edition was loaded: one now is a file changed since, thrown as a {@link TransformError}.
 */
export function readText(file: string, passes: PassesThrough, events: TextEvents): void {
  const chunks = openXmlChunks(file);
  if ('diagnostic' in chunks) throw TransformError.of(TransformCodes.unreadable, { detail: chunks.diagnostic.message }, { span: chunks.diagnostic.span });
  const containers = new Set<TeiElement>();
  let root: TeiElement | undefined;
  let text: TeiElement | undefined;
  const read = readPrunedTree(chunks, file, {
    streams(el) {
      // the root streams too, so that its header is let go as soon as it is read
      if (!el.parent) return (root = el) !== undefined;
      if (el.parent === root) {
        if (el.name !== 'text' || text) return false;
        text = el;
      } else if (!containers.has(el.parent) || !passes(el)) return false;
      containers.add(el);
      return true;
    },
    open(el) {
      if (el !== root) events.open(el);
    },
    child(node, parent) {
      if (parent !== root) events.child(node, parent);
    },
    close(el) {
      if (el === root) return;
      containers.delete(el);
      events.close(el);
    },
  });
  const problem = chunks.problem ?? read.diagnostics[0];
  if (problem || chunks.failed || !read.root) {
    throw TransformError.of(
      TransformCodes.unreadable,
      { detail: `changed while the edition was transformed: ${problem?.message ?? 'cannot be decoded'}` },
      { span: problem?.span ?? { file, line: 1, column: 1 } },
    );
  }
}
