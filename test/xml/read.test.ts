/** The shared XML reader (src/xml): positions, namespaces in constant time, the depth limit, error caps, files. */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { XmlCodes } from '../../src/diagnostics/codes.js';
import { DEFAULT_MAX_DEPTH, MAX_REPORTED_ERRORS } from '../../src/xml/limits.js';
import { decodeXml } from '../../src/xml/decode.js';
import { XmlReader } from '../../src/xml/read.js';
import { readXmlFile } from '../../src/xml/read-file.js';
import { descendants, parseXmlTree, textOf } from '../../src/xml/tree.js';

const temp = (): string => mkdtempSync(join(tmpdir(), 'chancery-xml-'));

describe('src/xml: reading', function () {
  it('resolves namespaces as saxes does: default, prefixed, redeclared and undone by scope', function () {
    const seen: string[] = [];
    const reader = new XmlReader('t.xml', {
      opentag: (tag) => seen.push(`${tag.local}=${tag.uri}|${Object.values(tag.attributes).map((a) => `${a.local}:${a.uri}`).join(',')}`),
    });
    reader.read('<a xmlns="urn:a" xmlns:p="urn:p"><p:b p:x="1"><c xmlns="urn:c" y="2"/><d/></p:b><e xml:id="i"/></a>');
    assert.equal(reader.wellFormed, true);
    assert.deepEqual(seen, [
      'a=urn:a|xmlns:http://www.w3.org/2000/xmlns/,p:http://www.w3.org/2000/xmlns/',
      'b=urn:p|x:urn:p',
      'c=urn:c|xmlns:http://www.w3.org/2000/xmlns/,y:',
      'd=urn:a|',
      'e=urn:a|id:http://www.w3.org/XML/1998/namespace',
    ]);
  });

  it('keeps the saxes parser an object of fast properties with every handler set (a dictionary made the parse 4-5x slower)', function () {
    // V8's own predicate, reachable once natives syntax is allowed (for functions compiled after this point)
    setFlagsFromString('--allow-natives-syntax');
    const hasFastProperties = new Function('o', 'return %HasFastProperties(o)') as (o: object) => boolean;
    const noop = (): void => {};
    const reader = new XmlReader('t.xml', { opentag: noop, closetag: noop, text: noop, doctype: noop, processinginstruction: noop, opentagstart: noop });
    reader.read('<a><b>x</b><![CDATA[y]]><?pi z?></a>');
    assert.equal(reader.wellFormed, true);
    assert.equal(hasFastProperties(reader.parser), true);
    // the predicate itself tells a dictionary apart: a plain object given many computed keys becomes one
    const slow: Record<string, number> = {};
    for (let i = 0; i < 40; i++) slow[`k${i}`] = i;
    delete slow.k3;
    assert.equal(hasFastProperties(slow), false);
  });

  it('reports an unbound prefix, and every error of a file with its 1-based line and column', function () {
    const reader = new XmlReader('t.xml', {}).read('<a>\n  <q:b/>\n  <c></d>\n</a>');
    assert.equal(reader.wellFormed, false);
    assert.deepEqual(
      reader.diagnostics.slice(0, 2).map((d) => [d.code, d.span?.line]),
      [
        [XmlCodes.notWellFormed, 2],
        [XmlCodes.notWellFormed, 3],
      ],
    );
    assert.match(reader.diagnostics[0]!.message, /unbound namespace prefix/);
  });

  it('stops at the depth limit with one finding, and reads to the limit', function () {
    const deep = (n: number): string => '<a xmlns="urn:x">' + '<b>'.repeat(n - 1) + '</b>'.repeat(n - 1) + '</a>';
    assert.equal(new XmlReader('ok.xml', {}).read(deep(DEFAULT_MAX_DEPTH)).wellFormed, true);
    const reader = new XmlReader('deep.xml', {}).read(deep(DEFAULT_MAX_DEPTH + 1));
    assert.equal(reader.wellFormed, false);
    assert.deepEqual(reader.diagnostics.map((d) => d.code), [XmlCodes.tooDeep]);
    assert.equal(reader.diagnostics[0]!.span?.line, 1);
    assert.equal(new XmlReader('raised.xml', {}, { maxDepth: 5000 }).read(deep(3000)).wellFormed, true);
  });

  it('reads 200,000 nested levels in linear time (saxes alone: minutes) when the limit is raised', function () {
    // The ceiling is generous: what it guards against is the quadratic walk of open tags (≈ 10¹⁰ steps here).
    this.timeout(60000);
    const n = 200000;
    let closed = 0;
    const reader = new XmlReader('deep.xml', { closetag: () => closed++ }, { maxDepth: n });
    reader.read('<a xmlns="urn:x" xmlns:p="urn:p">' + '<p:b>'.repeat(n - 1) + '</p:b>'.repeat(n - 1) + '</a>');
    assert.equal(reader.wellFormed, true);
    assert.equal(closed, n);
  });

  it('reports at most a hundred errors for a file of garbage, then one saying it stopped', function () {
    const reader = new XmlReader('junk.xml', {}).read('<a>' + '<b x=1>'.repeat(5000));
    assert.equal(reader.diagnostics.length, MAX_REPORTED_ERRORS + 1);
    assert.equal(reader.diagnostics.at(-1)!.code, XmlCodes.tooManyErrors);
  });

  it('builds a tree with positions, merged text, and helpers that walk without recursion', function () {
    const tree = parseXmlTree('<r>\n <p n="1">a<lb/>b</p><p>c</p></r>', 'r.xml');
    assert.ok(tree.root);
    const ps = descendants(tree.root, 'p');
    assert.deepEqual(ps.map((p) => [p.line, p.attrs.n]), [[2, '1'], [2, undefined]]);
    assert.equal(textOf(ps[0]), 'a b');
    const none = parseXmlTree('<r><p></r>', 'bad.xml');
    assert.equal(none.root, undefined);
    assert.equal(none.diagnostics.length, 1);
  });
});

describe('src/xml: files', function () {
  it('decodes UTF-16 with and without a byte order mark, and names an encoding it cannot read', function () {
    const text = '<?xml version="1.0" encoding="UTF-16"?><r>Müller</r>';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    assert.deepEqual(decodeXml(le, 'le.xml'), { text });
    assert.deepEqual(decodeXml(Buffer.from(text, 'utf16le'), 'nobom.xml'), { text });
    const be = Buffer.from(Buffer.from(text, 'utf16le')).swap16();
    assert.deepEqual(decodeXml(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'be.xml'), { text });
    const odd = decodeXml(Buffer.from('<?xml version="1.0" encoding="x-klingon"?><r/>'), 'odd.xml');
    assert.ok('diagnostic' in odd && odd.diagnostic.code === XmlCodes.badEncoding && /x-klingon/.test(odd.diagnostic.message));
  });

  it('places the first bad UTF-8 byte at its line and column', function () {
    const bad = decodeXml(Buffer.concat([Buffer.from('<r>\nab'), Buffer.from([0xc3, 0x28]), Buffer.from('</r>')]), 'bad.xml');
    assert.ok('diagnostic' in bad);
    assert.deepEqual([bad.diagnostic.span?.line, bad.diagnostic.span?.column], [2, 3]);
  });

  it('refuses a FIFO, a device and a folder without opening them to read, and a file over the limit unread', function () {
    const dir = temp();
    execFileSync('mkfifo', [join(dir, 'pipe.xml')]);
    symlinkSync('/dev/zero', join(dir, 'zero.xml'));
    const started = Date.now();
    for (const [name, code] of [['pipe.xml', XmlCodes.notRegularFile], ['zero.xml', XmlCodes.notRegularFile], ['.', XmlCodes.notRegularFile]] as const) {
      const read = readXmlFile(join(dir, name));
      assert.ok('diagnostic' in read, name);
      assert.equal(read.diagnostic.code, code, name);
      assert.doesNotMatch(read.diagnostic.message, /\n/);
    }
    assert.ok(Date.now() - started < 10000, 'nothing blocked');
    writeFileSync(join(dir, 'big.xml'), '<r>' + 'x'.repeat(2000) + '</r>');
    const big = readXmlFile(join(dir, 'big.xml'), 1000);
    assert.ok('diagnostic' in big && big.diagnostic.code === XmlCodes.fileTooLarge);
    const missing = readXmlFile(join(dir, 'none.xml'));
    assert.ok('diagnostic' in missing && missing.diagnostic.code === XmlCodes.unreadable && /no such file/.test(missing.diagnostic.message));
  });
});
