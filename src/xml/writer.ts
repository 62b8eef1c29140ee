/**
 * The XML writer every stage uses: a small tree builder (written for the converter's hot path). It offers the few calls of xmlbuilder2 that the
 * serializer uses (`ele`, `att`, `txt`, `ins`, `end`) and writes the same output ~10× faster, because it
 * does no namespace bookkeeping or validation: the serializer only writes TEI names it knows. See
 * docs/decisions.md ("Serializer") for the measurement.
 */

import { escapeAttr, escapeText } from './escape.js';

export class XmlWriterElement {
  private readonly attrs = new Map<string, string>();
  private readonly children: (XmlWriterElement | string)[] = [];

  constructor(readonly name: string) {}

  /** Appends a child element and returns it. A namespace argument is accepted for the root only. */
  ele(nsOrName: string, name?: string): XmlWriterElement {
    const child = new XmlWriterElement(name ?? nsOrName);
    if (name !== undefined) child.att('xmlns', nsOrName);
    this.children.push(child);
    return child;
  }

  /** Sets an attribute: `att('n', v)`, or with a namespace first, `att(XML_NS, 'xml:id', v)`. Returns this element. */
  att(nameOrNs: string, nameOrValue: string, value?: string): XmlWriterElement {
    const [name, v] = value === undefined ? [nameOrNs, nameOrValue] : [nameOrValue, value];
    this.attrs.set(name, v); // setting an attribute again replaces its value, as in the DOM
    return this;
  }

  txt(text: string): XmlWriterElement {
    if (text) this.children.push(escapeText(text));
    return this;
  }

  write(out: string[]): void {
    out.push('<', this.name);
    for (const [k, v] of this.attrs) out.push(' ', k, '="', escapeAttr(v), '"');
    if (this.children.length === 0) {
      out.push('/>');
      return;
    }
    out.push('>');
    for (const c of this.children) {
      if (typeof c === 'string') out.push(c);
      else c.write(out);
    }
    out.push('</', this.name, '>');
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
    const out = [...this.prolog.map((p) => p + '\n')];
    this.root?.write(out);
    return out.join('');
  }
}
