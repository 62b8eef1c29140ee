/** The XML writer (src/xml/writer.ts) — escaping of text and attributes, attribute replacement. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { XmlWriter as XmlDocument, XmlWriterElement as XmlElement } from '../../src/xml/writer.js';
import { escapeAttr, escapeText, forbiddenCharacters, xmlSafe } from '../../src/xml/escape.js';
import { parseXml } from '../helpers/schema.js';

const written = (el: XmlElement) => {
  const out: string[] = [];
  el.write(out);
  return out.join('');
};

describe('xml-writer', () => {
  describe('escapeText', () => {
    it('escapes &, < and >', () => {
      assert.equal(escapeText('a & b < c > d'), 'a &amp; b &lt; c &gt; d');
    });

    it('escapes an ampersand that already looks like an entity', () => {
      assert.equal(escapeText('&lt;sup&gt;'), '&amp;lt;sup&amp;gt;');
    });

    it('leaves quotes and other text alone', () => {
      assert.equal(escapeText('"Molotov’s" \'note\' —'), '"Molotov’s" \'note\' —');
    });
  });

  describe('escapeAttr', () => {
    it('escapes &, <, >, " and the whitespace that attribute normalisation would lose', () => {
      assert.equal(escapeAttr('a&b<c>d"e\nf\rg\th'), 'a&amp;b&lt;c&gt;d&quot;e&#10;f&#13;g&#9;h');
    });

    it('leaves apostrophes alone (attributes are written in double quotes)', () => {
      assert.equal(escapeAttr("O'Brien"), "O'Brien");
    });
  });

  describe('XmlElement', () => {
    it('writes an empty element self-closed and attributes in the order set', () => {
      assert.equal(written(new XmlElement('pb').att('n', '4').att('type', 'x')), '<pb n="4" type="x"/>');
    });

    it('replaces the value of an attribute set twice, in its first place', () => {
      const el = new XmlElement('note').att('place', 'foot').att('n', '1').att('place', 'margin');
      assert.equal(written(el), '<note place="margin" n="1"/>');
    });

    it('takes a namespace argument before the name and writes the qualified name', () => {
      assert.equal(written(new XmlElement('p').att('http://www.w3.org/XML/1998/namespace', 'xml:id', 'x1')), '<p xml:id="x1"/>');
    });

    it('escapes text and attribute values', () => {
      const el = new XmlElement('p').att('rend', 'a"b&c');
      el.txt('x < y & z');
      assert.equal(written(el), '<p rend="a&quot;b&amp;c">x &lt; y &amp; z</p>');
    });

    it('skips empty text, so an element with only empty text stays empty', () => {
      assert.equal(written(new XmlElement('p').txt('')), '<p/>');
    });

    it('keeps children in order, and a child with a namespace gets an xmlns attribute', () => {
      const el = new XmlElement('p');
      el.txt('a');
      el.ele('hi').att('rend', 'italic').txt('b');
      el.txt('c');
      el.ele('urn:x', 'foo');
      assert.equal(written(el), '<p>a<hi rend="italic">b</hi>c<foo xmlns="urn:x"/></p>');
    });
  });

  describe('XmlDocument', () => {
    it('writes the XML declaration, processing instructions and the root with its namespace', () => {
      const doc = new XmlDocument().ins('xml-model', 'href="s.rng"');
      doc.ele('http://www.tei-c.org/ns/1.0', 'TEI').ele('text');
      assert.equal(doc.end(), '<?xml version="1.0" encoding="UTF-8"?>\n<?xml-model href="s.rng"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0"><text/></TEI>');
    });

    it('writes well-formed XML that keeps any text and attribute value exactly', () => {
      // XML 1.0 characters only: the writer does not filter characters XML cannot hold.
      const xmlChar = fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '\n', '\r', '\t', ']]>', '&amp;', ' '), fc.string({ unit: 'grapheme', maxLength: 4 }));
      const value = fc.array(xmlChar, { maxLength: 8 }).map((a) => a.join('').replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, ''));
      fc.assert(
        fc.property(value, value, (text, attr) => {
          const doc = new XmlDocument();
          doc.ele('urn:t', 'r').att('a', attr).txt(text);
          const parsed = parseXml(doc.end());
          const root = parsed.root()!;
          assert.equal(root.attr('a')!.value(), attr);
          // Parsers normalise CR and CRLF in text to LF.
          assert.equal(root.text(), text.replace(/\r\n?/g, '\n'));
        }),
        { numRuns: 200 },
      );
    });
  });
});

describe('src/xml: nothing written through the escape is malformed', function () {
  it('replaces characters XML forbids (controls, U+FFFE/FFFF, lone surrogates) and keeps pairs', function () {
    assert.equal(escapeText('a\u0000b\u001bc\uFFFEd\uD800e😀'), 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀');
    assert.equal(escapeAttr('\u0007"\t'), '\uFFFD&quot;&#9;');
  });

  it('forbiddenCharacters finds, by kind, what the escape replaces: how many, and the first', function () {
    assert.deepEqual(forbiddenCharacters('a\u0000b\u001bc\uFFFEd\uD800e😀\uDC00'), [
      { kind: 'control', count: 2, offset: 1, char: 0 },
      { kind: 'noncharacter', count: 1, offset: 5, char: 0xfffe },
      { kind: 'surrogate', count: 2, offset: 7, char: 0xd800 },
    ]);
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const replaced = [...xmlSafe(s)].filter((c) => c === '\uFFFD').length - [...s].filter((c) => c === '\uFFFD').length;
        assert.equal(forbiddenCharacters(s).reduce((n, k) => n + k.count, 0), replaced);
      }),
      { numRuns: 300 },
    );
  });

  it('any string at all, written as text and as an attribute, parses back well-formed', function () {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const doc = new XmlDocument();
        doc.ele('urn:x', 'r').att('a', s).txt(s);
        assert.ok(parseXml(doc.end()), JSON.stringify(s));
      }),
      { numRuns: 300 },
    );
  });
});
