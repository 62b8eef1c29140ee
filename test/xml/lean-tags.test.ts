/**
 * Start tags built without saxes' per-tag dictionaries (src/xml/lean-tags.ts): the same tags, attributes,
 * namespaces and findings as saxes' own steps give, which a parser left as saxes made it gives here side by side.
 */
import assert from 'node:assert/strict';
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { leanTags } from '../../src/xml/lean-tags.js';
import { XmlReader } from '../../src/xml/read.js';

interface Heard {
  tags: string[];
  errors: string[];
}

/** Every start tag (names, namespace, attributes by name and in order) and every error, as one parser reports them. */
function hear(text: string, lean: boolean): Heard {
  const parser = new SaxesParser({ xmlns: true, position: true });
  if (lean) assert.equal(leanTags(parser, () => {}), true);
  const heard: Heard = { tags: [], errors: [] };
  const describe = (tag: SaxesTagNS): string => {
    const attributes = Object.values(tag.attributes).map((a) => `${a.name}=${a.value}{${a.uri}}${a.local}`);
    return `${tag.name}{${tag.uri}}${tag.prefix}:${tag.local} [${attributes.join(' ')}] ns=${JSON.stringify({ ...tag.ns })} self=${tag.isSelfClosing}`;
  };
  parser.on('opentag', (tag) => heard.tags.push(`open ${describe(tag)}`));
  parser.on('closetag', (tag) => heard.tags.push(`close ${tag.name}`));
  parser.on('error', (e) => heard.errors.push(e.message));
  parser.write(text).close();
  return heard;
}

const documents = [
  '<a xmlns="urn:a" xmlns:p="urn:p"><p:b p:x="1" y="2"><c xmlns="urn:c" y="2"/><d/></p:b><e xml:id="i"/></a>',
  // a declaration is the declaring element's: its sibling does not see it, and its children do
  '<r><a xmlns:p="urn:1" p:x="1"><b p:y="2"/></a><c p:z="3"/></r>',
  '<r a="1" a="2"><s xmlns:x="urn:x" xmlns:y="urn:x" x:a="1" y:a="2"/></r>',
  '<r xmlns:x="urn:x" x:a="1" xmlns:z="urn:x"><t z:a="2" x:b="1"/></r>',
  '<xmlns:a/>',
  '<r><:a/><a: b="1"/><q :c="1" d:="2" e:f:g="3"/></r>',
  '<r xmlns:xml="urn:bad" xmlns:xmlns="urn:y" xmlns:p=""><u:v/></r>',
  '<r xmlns=""><s xmlns="http://www.w3.org/2000/xmlns/"/></r>',
  '<r/><r2/>',
  '<r>\n<s\r\nt="1"\n/></r>',
];

describe('src/xml: start tags without per-tag dictionaries', function () {
  for (const [i, text] of documents.entries()) {
    it(`reports document ${i + 1} as saxes alone does (tags, attributes, namespaces, errors)`, function () {
      assert.deepEqual(hear(text, true), hear(text, false));
    });
  }

  it('gives the reader each start tag’s attributes in document order, and whether one declares a namespace', function () {
    const seen: string[] = [];
    const reader: XmlReader = new XmlReader('t.xml', {
      opentag: (tag) => seen.push(`${tag.local}:${reader.attributeList.map((a) => a.name).join(',')}:${reader.declaresNamespaces}`),
    });
    reader.read('<a z="1" xmlns="urn:a" b="2"><b/><c xmlns:p="urn:p" p:y="1"/><d y="1" x="2"/></a>');
    assert.deepEqual(seen, ['a:z,xmlns,b:true', 'b::false', 'c:xmlns:p,p:y:true', 'd:y,x:false']);
  });

  it('leaves no namespace declaration behind in the table tags without declarations share', function () {
    const uris: string[] = [];
    const reader = new XmlReader('t.xml', { opentag: (tag) => uris.push(`${tag.local}=${tag.uri}`) });
    reader.read('<a xmlns="urn:a"><b xmlns="urn:b"/><c/><d xmlns:q="urn:q"><q:e/></d><f/></a>');
    assert.deepEqual(uris, ['a=urn:a', 'b=urn:b', 'c=urn:a', 'd=urn:a', 'e=urn:q', 'f=urn:a']);
    const again = new XmlReader('u.xml', {});
    again.read('<a><q:e/></a>');
    assert.equal(again.wellFormed, false, 'a prefix declared in another document is not bound here');
    assert.match(again.diagnostics[0]!.message, /unbound namespace prefix: "q"/);
  });
});
