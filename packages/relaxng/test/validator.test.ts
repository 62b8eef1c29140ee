/**
 * What the validator says, and where: a wrong root lists the roots allowed, an attribute error points at the
 * attribute, an element the schema declares nowhere is said to be undeclared, IDs and IDREFs are checked
 * (and not with checkIds off), documents are read safely (entities, XInclude); and the schema cache gives the
 * same schema back, and a fresh one once a file changed.
 */
import assert from 'node:assert/strict';
import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSchema, SchemaError, validateText, ValidationCodes, type CompiledSchema } from '../src/index.js';
import { tempDir } from './helpers.js';

const RNG = 'xmlns="http://relaxng.org/ns/structure/1.0" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"';

function schemaOf(text: string, options: { checkIds?: boolean } = {}): CompiledSchema {
  const dir = tempDir('validator');
  const file = join(dir, 's.rng');
  writeFileSync(file, text);
  return compileSchema(file, options);
}

const LETTERS = schemaOf(`<grammar ${RNG}>
  <start><choice><ref name="letter"/><ref name="memo"/></choice></start>
  <define name="letter"><element name="letter">
    <optional><attribute name="id"><data type="ID"/></attribute></optional>
    <optional><attribute name="when"><data type="date"/></attribute></optional>
    <zeroOrMore><element name="p"><optional><attribute name="see"><data type="IDREFS"/></attribute></optional><text/></element></zeroOrMore>
  </element></define>
  <define name="memo"><element name="memo"><text/></element></define>
</grammar>`);

describe('validator messages and places', function () {
  it('a wrong root element lists the roots the schema allows', function () {
    const r = validateText(LETTERS, '<note/>', { file: 'a.xml' });
    assert.deepEqual(r.errors.map((e) => e.code), [ValidationCodes.wrongRoot]);
    assert.match(r.errors[0]!.message, /element note \(in no namespace\) is not allowed as the root element; the schema allows one of letter, memo as root/);
  });

  it('an attribute error points at the attribute, not at the start of its tag', function () {
    const r = validateText(LETTERS, '<letter>\n  <p>a</p>\n</letter>'.replace('<letter>', '<letter id="a1"\n        when="18 July">'), { file: 'a.xml' });
    assert.deepEqual(
      r.errors.map((e) => [e.code, e.span.line, e.span.column, e.attribute]),
      [[ValidationCodes.attributeValueInvalid, 2, 9, 'when']],
    );
    assert.match(r.errors[0]!.message, /value "18 July" of attribute when of element letter is invalid; must be a date/);
  });

  it('an element declared nowhere in the schema is said to be undeclared; a declared one out of place is not', function () {
    const r = validateText(LETTERS, '<letter><para>x</para><memo>y</memo></letter>', { file: 'a.xml' });
    assert.deepEqual(r.errors.map((e) => e.code), [ValidationCodes.undeclaredElement, ValidationCodes.elementNotAllowed]);
    assert.match(r.errors[0]!.message, /element para \(in no namespace\)|element para is not declared anywhere in the schema/);
  });

  it('checks IDs and IDREFs (duplicates, dangling references), and not with checkIds off', function () {
    const doc = '<letter id="a"><p see="a b">x</p><p see="a">y</p></letter>';
    const r = validateText(LETTERS, doc, { file: 'a.xml' });
    assert.deepEqual(r.errors.map((e) => [e.code, e.message]), [[ValidationCodes.missingId, 'IDREF "b" without a matching ID in this document']]);
    const twice = validateText(LETTERS, '<letter id="a"><p>x</p></letter>'.replace('<p>', '<p see="a">').replace('</letter>', '<p see="a">z</p></letter>'), { file: 'b.xml' });
    assert.deepEqual(twice.errors, []);
    const off = schemaOf(`<element name="r" ${RNG}><oneOrMore><element name="i"><attribute name="id"><data type="ID"/></attribute></element></oneOrMore></element>`, { checkIds: false });
    assert.equal(validateText(off, '<r><i id="x"/><i id="x"/></r>', { file: 'c.xml' }).valid, true);
    const on = schemaOf(`<element name="r" ${RNG}><oneOrMore><element name="i"><attribute name="id"><data type="ID"/></attribute></element></oneOrMore></element>`);
    assert.deepEqual(validateText(on, '<r><i id="x"/><i id="x"/></r>', { file: 'c.xml' }).errors.map((e) => e.code), [ValidationCodes.duplicateId]);
  });

  it('rejects, at compile time, an ID attribute on an element with an open name class (DTD compatibility)', function () {
    assert.throws(
      () => schemaOf(`<element ${RNG}><anyName/><attribute name="id"><data type="ID"/></attribute></element>`),
      (e: SchemaError) => e instanceof SchemaError && e.details[0]!.code === 'schema-id-type',
    );
  });

  it('expands internal entities, supplies attribute defaults, refuses external entities and bombs', function () {
    const dtd = '<!DOCTYPE letter [<!ENTITY sig "J. V. Stalin"><!ENTITY p "<p>inserted</p>"><!ATTLIST letter when CDATA "1941-07-18">]>';
    const ok = validateText(LETTERS, `${dtd}<letter><p>&sig;</p>&p;</letter>`, { file: 'e.xml' });
    assert.deepEqual([...ok.problems, ...ok.errors], []);
    const badDefault = validateText(LETTERS, '<!DOCTYPE letter [<!ATTLIST letter when CDATA "July">]><letter/>', { file: 'f.xml' });
    assert.deepEqual(badDefault.errors.map((e) => e.attribute), ['when']);
    const xxe = validateText(LETTERS, '<!DOCTYPE letter [<!ENTITY x SYSTEM "file:///etc/passwd">]><letter><p>&x;</p></letter>', { file: 'g.xml' });
    assert.equal(xxe.problems[0]?.code, 'entity-refused');
    const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const bomb = validateText(LETTERS, `<!DOCTYPE letter [<!ENTITY l0 "lol">${levels}]><letter><p>&l9;</p></letter>`, { file: 'h.xml' });
    assert.equal(bomb.problems[0]?.code, 'entity-refused');
    assert.match(bomb.problems[0]!.message, /bomb/);
  });

  it('reads XInclude only when asked, and never a URL that is not a local file', function () {
    const dir = tempDir('xinclude');
    writeFileSync(join(dir, 'part.xml'), '<p>from a file</p>');
    const doc = '<letter xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="part.xml"/><xi:include href="http://example.org/x.xml"><xi:fallback><p>fallback</p></xi:fallback></xi:include></letter>';
    const file = join(dir, 'main.xml');
    // As jing (Xerces) does: the included root gets an xml:base, which this schema does not allow; the
    // http: URL is not fetched, so its fallback is used (and no error comes of it).
    const included = validateText(LETTERS, doc, { file, xinclude: true });
    assert.deepEqual(
      included.errors.map((e) => [e.code, e.attribute, e.span.file]),
      [[ValidationCodes.attributeNotAllowed, 'xml:base', join(dir, 'part.xml')]],
    );
    assert.deepEqual(included.problems, []);
    const plain = validateText(LETTERS, doc, { file });
    assert.deepEqual(plain.errors.map((e) => e.code), [ValidationCodes.undeclaredElement, ValidationCodes.undeclaredElement]);
  });
});

describe('schema cache', function () {
  it('rebuilds a schema from the cache while its files are unchanged, and compiles again once one changes', function () {
    const dir = tempDir('cache');
    const cacheDir = join(dir, 'cache');
    const main = join(dir, 'main.rng');
    const part = join(dir, 'part.rng');
    writeFileSync(main, `<grammar ${RNG}><include href="part.rng"/><start><ref name="doc"/></start></grammar>`);
    writeFileSync(part, `<grammar ${RNG}><define name="doc"><element name="doc"><attribute name="n"><data type="integer"/></attribute></element></define></grammar>`);
    const first = compileSchema(main, { cacheDir });
    assert.equal(readdirSync(cacheDir).filter((f) => f.endsWith('.json')).length, 1);
    const second = compileSchema(main, { cacheDir });
    assert.notEqual(second.patterns, first.patterns, 'rebuilt, not the same object');
    for (const s of [first, second]) {
      assert.equal(validateText(s, '<doc n="01"/>', { file: 'a.xml' }).valid, true);
      assert.equal(validateText(s, '<doc n="x"/>', { file: 'b.xml' }).valid, false);
    }
    // The included file changes: the cached graph must not be used.
    writeFileSync(part, `<grammar ${RNG}><define name="doc"><element name="doc"><attribute name="n"><data type="date"/></attribute></element></define></grammar>`);
    utimesSync(part, new Date(), new Date(Date.now() + 5000));
    const third = compileSchema(main, { cacheDir });
    assert.equal(validateText(third, '<doc n="01"/>', { file: 'a.xml' }).valid, false);
    assert.equal(validateText(third, '<doc n="1941-07-18"/>', { file: 'a.xml' }).valid, true);
  });
});
