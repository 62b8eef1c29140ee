/**
 * What the validator says, and where: a wrong root lists the roots allowed, an attribute error points at the
 * attribute, an element the schema declares nowhere is said to be undeclared, IDs and IDREFs are checked
 * (and not with checkIds off), documents are read safely (entities, XInclude); and the schema cache gives the
 * same schema back, and a fresh one once a file changed.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileSchema, SchemaError, validateText, ValidationCodes, type CompiledSchema } from '../src/index.js';
import { pruneCache } from '../src/schema/cache-folder.js';
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

  const HOUR = 60 * 60 * 1000;
  const ENGINE = 'a'.repeat(64);
  const OTHER = 'b'.repeat(16);
  const key = (n: number): string => n.toString(16).padStart(32, '0');
  /** A file in `dir` last used `ago` ms before `now`. */
  const fileUsed = (dir: string, name: string, ago: number, now: number, bytes = 10): string => {
    const file = join(dir, name);
    writeFileSync(file, 'x'.repeat(bytes));
    utimesSync(file, new Date(now - ago), new Date(now - ago));
    return file;
  };

  it('prunes to the most recently used entries, removing long-unused entries of other engines and abandoned temporary files', function () {
    const dir = tempDir('prune');
    const now = Date.now();
    const tag = ENGINE.slice(0, 16);
    const keep = fileUsed(dir, `${tag}-${key(0)}.json`, 0, now);
    fileUsed(dir, `${tag}-${key(1)}.json`, 1000, now);
    fileUsed(dir, `${tag}-${key(2)}.json`, 5000, now);
    fileUsed(dir, `${tag}-${key(3)}.json`, 3000, now);
    fileUsed(dir, `${tag}-${key(4)}.json`, 9000, now);
    fileUsed(dir, `${OTHER}-${key(5)}.json`, 2 * HOUR, now); // another build, unused for hours
    fileUsed(dir, `${OTHER}-${key(6)}.json`, 2000, now); // another version, in use: competes with the rest
    fileUsed(dir, `${key(7)}.json`, 3 * HOUR, now); // the earlier naming, without an engine
    fileUsed(dir, `${tag}-${key(8)}.json.0123abcd.tmp`, HOUR, now); // a writer died
    fileUsed(dir, `${tag}-${key(9)}.json.4567cdef.tmp`, 100, now); // a writer at work
    fileUsed(dir, 'notes.txt', 5 * HOUR, now); // not ours
    pruneCache(dir, ENGINE, keep, { entries: 4, bytes: 1000 }, now);
    assert.deepEqual(
      readdirSync(dir).sort(),
      [`${tag}-${key(0)}.json`, `${tag}-${key(1)}.json`, `${OTHER}-${key(6)}.json`, `${tag}-${key(3)}.json`, `${tag}-${key(9)}.json.4567cdef.tmp`, 'notes.txt'].sort(),
    );
  });

  it('keeps the folder under its size limit, the entry just written whatever its size', function () {
    const dir = tempDir('prune-bytes');
    const now = Date.now();
    const tag = ENGINE.slice(0, 16);
    const keep = fileUsed(dir, `${tag}-${key(0)}.json`, 0, now, 600);
    fileUsed(dir, `${tag}-${key(1)}.json`, 1000, now, 300);
    fileUsed(dir, `${tag}-${key(2)}.json`, 2000, now, 200);
    fileUsed(dir, `${tag}-${key(3)}.json`, 3000, now, 50);
    const removed = pruneCache(dir, ENGINE, keep, { entries: 100, bytes: 1000 }, now);
    assert.deepEqual(removed.map((f) => f.slice(dir.length + 1)).sort(), [`${tag}-${key(2)}.json`, `${tag}-${key(3)}.json`]);
    assert.deepEqual(pruneCache(dir, ENGINE, join(dir, `${tag}-${key(1)}.json`), { entries: 1, bytes: 10 }, now).map((f) => f.slice(dir.length + 1)), [`${tag}-${key(0)}.json`]);
    assert.deepEqual(readdirSync(dir), [`${tag}-${key(1)}.json`]);
    assert.deepEqual(pruneCache(join(dir, 'missing'), ENGINE, keep), []);
  });

  it('marks an entry used when it is read, and removes long-unused entries of other engines when one is written', function () {
    const dir = tempDir('cache-use');
    const cacheDir = join(dir, 'cache');
    const main = join(dir, 'main.rng');
    writeFileSync(main, `<grammar ${RNG}><start><element name="doc"><text/></element></start></grammar>`);
    compileSchema(main, { cacheDir });
    const [entry] = readdirSync(cacheDir);
    const longAgo = new Date(Date.now() - 3 * HOUR);
    utimesSync(join(cacheDir, entry!), longAgo, longAgo);
    const stale = fileUsed(cacheDir, `${OTHER}-${key(1)}.json`, 3 * HOUR, Date.now());
    assert.equal(validateText(compileSchema(main, { cacheDir }), '<doc>a</doc>', { file: 'a.xml' }).valid, true);
    assert.ok(Date.now() - statSync(join(cacheDir, entry!)).mtimeMs < HOUR, 'read: marked used');
    assert.ok(existsSync(stale), 'a read prunes nothing');
    writeFileSync(main, `<grammar ${RNG}><start><element name="doc"><empty/></element></start></grammar>`);
    utimesSync(main, new Date(), new Date(Date.now() + 5000));
    assert.equal(validateText(compileSchema(main, { cacheDir }), '<doc>a</doc>', { file: 'a.xml' }).valid, false);
    assert.deepEqual(readdirSync(cacheDir), [entry], 'the entry rewritten, the stale one removed');
  });

  it('validates alike with a cache folder that cannot be made or holds a damaged entry', function () {
    const dir = tempDir('cache-broken');
    const main = join(dir, 'main.rng');
    writeFileSync(main, `<grammar ${RNG}><start><element name="doc"><data type="integer"/></element></start></grammar>`);
    const underAFile = join(main, 'cache');
    for (let round = 0; round < 2; round++) {
      assert.equal(validateText(compileSchema(main, { cacheDir: underAFile }), '<doc>7</doc>', { file: 'a.xml' }).valid, true);
    }
    const cacheDir = join(dir, 'cache');
    compileSchema(main, { cacheDir });
    const [entry] = readdirSync(cacheDir);
    writeFileSync(join(cacheDir, entry!), '{"engine":');
    const s = compileSchema(main, { cacheDir });
    assert.equal(validateText(s, '<doc>7</doc>', { file: 'a.xml' }).valid, true);
    assert.equal(validateText(s, '<doc>x</doc>', { file: 'a.xml' }).valid, false);
  });

  it('gives the restored graph the verdicts of the compiled one, element content built as documents reach it', function () {
    const dir = tempDir('cache-lazy');
    const cacheDir = join(dir, 'cache');
    const main = join(dir, 'main.rng');
    const year = `<data type="gYear"><param name="pattern">1[0-9]{3}</param></data>`;
    writeFileSync(
      main,
      `<grammar ${RNG}><start><ref name="div"/></start>
        <define name="div"><element name="div"><optional><attribute name="when">${year}</attribute></optional>
          <zeroOrMore><choice><ref name="div"/><ref name="p"/><ref name="list"/></choice></zeroOrMore></element></define>
        <define name="p"><element name="p"><optional><attribute name="when">${year}</attribute></optional><text/></element></define>
        <define name="list"><element name="list"><attribute name="type"><choice><value>ordered</value><value>bulleted</value></choice></attribute>
          <list><oneOrMore>${year}</oneOrMore></list></element></define>
      </grammar>`,
    );
    const compiled = compileSchema(main, { cacheDir });
    const documents = [
      '<div/>',
      '<div when="1850"><p when="1851">a</p><div><p/></div></div>',
      '<div><list type="ordered">1850 1851</list></div>',
      '<div><list type="numbered">1850</list></div>',
      '<div><list type="ordered">1850 51</list></div>',
      '<div><p when="2050"/></div>',
      '<div><p><div/></p></div>',
      '<p/>',
    ];
    const verdicts = (s: CompiledSchema): string[][] => documents.map((d) => validateText(s, d, { file: 'a.xml' }).errors.map((e) => e.code));
    const expected = verdicts(compiled);
    assert.deepEqual(expected.map((codes) => codes.length === 0), [true, true, true, false, false, false, false, false]);
    for (const order of [documents, [...documents].reverse()]) {
      const restored = compileSchema(main, { cacheDir });
      assert.notEqual(restored.patterns, compiled.patterns, 'restored from the cache');
      const got = order.map((d) => validateText(restored, d, { file: 'a.xml' }).errors.map((e) => e.code));
      assert.deepEqual(order === documents ? got : got.reverse(), expected);
      assert.equal(restored.declares('', 'list'), true);
      assert.equal(restored.declares('', 'item'), false);
    }
  });
});
