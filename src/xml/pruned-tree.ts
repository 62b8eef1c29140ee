/**
 * A tree read in chunks that never holds a whole large document: the elements a reader asks to stream hand
 * each child over as soon as it is complete (an element at its end tag, a text run when the next tag starts),
 * and let it go. Everything else is kept as in {@link parseXmlTree}, so a handler sees a complete subtree with
 * its ancestors (their attributes, and the children not yet handed over) still linked through `parent`.
 */
import { XmlReader, type XmlReadOptions } from './read.js';
import { appendText, elementOf, type XmlElement, type XmlNode, type XmlTree } from './tree.js';

export interface PrunedTreeHandlers {
  /** Whether this element's children are handed over and let go; asked at its start tag (`parent` is set). */
  streams(el: XmlElement): boolean;
  /** A streamed element's start tag has been read. */
  open?(el: XmlElement): void;
  /** A complete child of a streamed element that does not stream itself, in document order; let go when this returns. */
  child(node: XmlNode, parent: XmlElement): void;
  /** A streamed element's end tag has been read (its last child was handed over). */
  close?(el: XmlElement): void;
  /** Hand the children over but keep them: the whole tree, read with the same handlers (a small file). */
  keep?: boolean;
}

/**
 * Reads `chunks` (split anywhere) into a tree whose streamed elements end up without children. As with
 * {@link parseXmlTree}, a file that is not well-formed gives no root and its first error; the handlers may
 * have been called for what came before the error.
 */
export function readPrunedTree(chunks: Iterable<string>, file: string, handlers: PrunedTreeHandlers, options: XmlReadOptions = {}): XmlTree {
  const stack: XmlElement[] = [];
  const streaming: boolean[] = [];
  let root: XmlElement | undefined;
  const keep = handlers.keep === true;
  // a streamed element's text run is complete only when the next tag (or its end tag) comes
  const flushText = (parent: XmlElement): void => {
    const last = parent.children[parent.children.length - 1];
    if (last && last.type === 'text') {
      if (!keep) parent.children.pop();
      handlers.child(last, parent);
    }
  };
  const reader = new XmlReader(
    file,
    {
      opentag(tag) {
        const parent = stack[stack.length - 1];
        const el = elementOf(tag, parent, reader.line, reader.column);
        if (parent) {
          if (streaming[streaming.length - 1]) flushText(parent);
          parent.children.push(el);
        } else root = el;
        stack.push(el);
        const streams = handlers.streams(el);
        streaming.push(streams);
        if (streams) handlers.open?.(el);
      },
      closetag() {
        const el = stack.pop()!;
        const streamed = streaming.pop()!;
        if (streamed) {
          flushText(el);
          handlers.close?.(el);
        }
        const parent = stack[stack.length - 1];
        if (parent && streaming[streaming.length - 1]) {
          if (!keep) parent.children.pop();
          // a streamed element is not handed over itself: its open and close stood for it
          if (!streamed) handlers.child(el, parent);
        }
      },
      text(t) {
        appendText(stack, t);
      },
    },
    { firstErrorOnly: true, ...options },
  );
  reader.readChunks(chunks);
  return { file, root: reader.wellFormed ? root : undefined, diagnostics: reader.diagnostics };
}
