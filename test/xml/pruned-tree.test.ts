/**
 * xml/pruned-tree: a streamed element hands each complete child over in document order and lets it go; whatever
 * the chunks, the handed-over pieces are the whole tree's, and with `keep` the tree is parseXmlTree's.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readPrunedTree } from '../../src/xml/pruned-tree.js';
import { parseXmlTree, type XmlElement, type XmlNode } from '../../src/xml/tree.js';

const XML = `<?xml version="1.0"?>
<TEI><teiHeader><title>T &amp; U</title></teiHeader>
<text><body><head>H</head>
<p n="1">One <persName ref="#a">A</persName> two.</p>
<div><p>Three <hi>four</hi></p>tail<lb/>more</div>
<p>Five</p></body></text></TEI>`;

/** The markup of a node, to compare pieces with the whole. */
function show(n: XmlNode): string {
  if (n.type === 'text') return n.text;
  return `<${n.name}>${n.children.map(show).join('')}</${n.name}>`;
}

/** Reads XML cut into chunks of `size`; body and div stream. */
function read(xml: string, size: number, keep = false): { events: string[]; root: XmlElement | undefined } {
  const chunks: string[] = [];
  for (let i = 0; i < xml.length; i += size) chunks.push(xml.slice(i, i + size));
  const events: string[] = [];
  const tree = readPrunedTree(chunks, 'x.xml', {
    keep,
    streams: (el) => el.name === 'body' || (el.name === 'div' && el.parent?.name === 'body'),
    open: (el) => events.push(`open ${el.name}`),
    child: (node, parent) => events.push(`${parent.name}: ${show(node)}`),
    close: (el) => events.push(`close ${el.name}`),
  });
  return { events, root: tree.root };
}

describe('xml/pruned-tree', () => {
  it('hands over each complete child of a streamed element in order, text runs whole, and lets them go', () => {
    const { events, root } = read(XML, 7);
    assert.deepEqual(events, [
      'open body',
      'body: <head>H</head>',
      'body: \n',
      'body: <p>One <persName>A</persName> two.</p>',
      'body: \n',
      'open div',
      'div: <p>Three <hi>four</hi></p>',
      'div: tail',
      'div: <lb></lb>',
      'div: more',
      'close div',
      'body: \n',
      'body: <p>Five</p>',
      'close body',
    ]);
    // what was not streamed is kept; the body was emptied as it was read
    assert.equal(show(root!), '<TEI><teiHeader><title>T & U</title></teiHeader>\n<text><body></body></text></TEI>');
  });

  it('gives the same pieces whatever the chunks, and with keep the whole tree parseXmlTree gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: XML.length }), (size) => {
        assert.deepEqual(read(XML, size).events, read(XML, XML.length).events);
        const kept = read(XML, size, true);
        assert.deepEqual(kept.events, read(XML, XML.length).events);
        assert.equal(show(kept.root!), show(parseXmlTree(XML, 'x.xml').root!));
      }),
    );
  });

  it('a file that is not well-formed gives no root and its first error', () => {
    const tree = readPrunedTree(['<a><b></a>'], 'bad.xml', { streams: () => true, child: () => undefined });
    assert.equal(tree.root, undefined);
    assert.equal(tree.diagnostics.length, 1);
    assert.match(tree.diagnostics[0]!.message, /not well-formed/);
  });
});
