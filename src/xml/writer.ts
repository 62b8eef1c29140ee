/**
 * The XML writer every stage uses: a small tree builder (written for the converter's hot path). It offers the few calls of xmlbuilder2 that the
 * serializer uses (`ele`, `att`, `txt`, `ins`, `end`) and writes the same output ~10× faster, because it
 * does no namespace bookkeeping or validation: the serializer only writes TEI names it knows. See
 * docs/decisions.md ("Serializer") for the measurement.
 */

import { escapeAttr, escapeText } from './escape.js';

export class XmlWriterElement {
  // Made on first use: most elements of a document are empty (`<lb/>`, `<pb/>`), and an empty Map and array
  // cost ~200 bytes each element (a source of a million short lines held a million `<lb/>` at once).
  private attrs?: Map<string, string>;
  private children?: (XmlWriterElement | string)[];

  constructor(readonly name: string) {}

  /** Appends a child element and returns it. A namespace argument is accepted for the root only. */
  ele(nsOrName: string, name?: string): XmlWriterElement {
    const child = new XmlWriterElement(name ?? nsOrName);
    if (name !== undefined) child.att('xmlns', nsOrName);
    (this.children ??= []).push(child);
    return child;
  }

  /** Sets an attribute: `att('n', v)`, or with a namespace first, `att(XML_NS, 'xml:id', v)`. Returns this element. */
  att(nameOrNs: string, nameOrValue: string, value?: string): XmlWriterElement {
    const [name, v] = value === undefined ? [nameOrNs, nameOrValue] : [nameOrValue, value];
    (this.attrs ??= new Map()).set(name, v); // setting an attribute again replaces its value, as in the DOM
    return this;
  }

  txt(text: string): XmlWriterElement {
    if (text) (this.children ??= []).push(escapeText(text));
    return this;
  }

  write(out: TextSink): void {
    // An element's start tag (or empty tag) and its end tag are each one piece: a document of many short elements
    // (`<lb/>`, `<pb n="4"/>`) puts together a third as many pieces as with a piece per name, quote and bracket.
    let start = '<' + this.name;
    if (this.attrs) for (const [k, v] of this.attrs) start += ' ' + k + '="' + escapeAttr(v) + '"';
    if (!this.children) {
      out.push(start + '/>');
      return;
    }
    out.push(start + '>');
    for (const c of this.children) {
      if (typeof c === 'string') out.push(c);
      else c.write(out);
    }
    out.push('</' + this.name + '>');
  }
}

export class XmlWriter {
  private readonly prolog: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private root?: XmlWriterElement;

  ins(target: string, content: string): XmlWriter {
    this.prolog.push(`<?${target} ${content}?>`);
    return this;
  }

  ele(ns: string, name: string): XmlWriterElement {
    this.root = new XmlWriterElement(name).att('xmlns', ns);
    return this.root;
  }

  end(): string {
    const out = new ChunkedText();
    for (const p of this.prolog) out.push(p + '\n');
    this.root?.write(out);
    return out.text();
  }
}

/** Where {@link XmlWriterElement.write} puts the pieces of its text, one at a time (an array of strings will do). */
export interface TextSink {
  push(piece: string): unknown;
}

/**
 * Pieces of text joined every few thousand: an array of every piece held four slots for each empty element of a
 * document (`<`, `lb`, `/>`) until the end, 60 MB for a source of a million short lines.
 */
class ChunkedText implements TextSink {
  private readonly chunks: string[] = [];
  private pieces: string[] = [];

  push(piece: string): void {
    this.pieces.push(piece);
    if (this.pieces.length >= 4096) this.flush();
  }

  text(): string {
    this.flush();
    return this.chunks.join('');
  }

  private flush(): void {
    this.chunks.push(this.pieces.join(''));
    this.pieces = [];
  }
}
