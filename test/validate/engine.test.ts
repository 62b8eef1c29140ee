/**
 * Our RELAX NG engine (packages/relaxng, through the adapter) against jing beyond tei_all: RELAX NG features tei_all does not
 * use (interleave, mixed, list, except, name classes, combine), and the project's own schema on the
 * edition in tei/ and on mutants of it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, ROOT, TEI_ALL, TEI_MUTATIONS, haveJing, haveShared, runJing, skipBecause, tempDir } from './helpers.js';

const TEI_ALL_PATH = haveShared() ? TEI_ALL : undefined;

const FEATURES = join(FIXTURES, 'features');

describe('RELAX NG features', function () {
  it('accepts the v*.xml fixtures and rejects the i*.xml ones, as jing does', async function () {
    const report = await validate([FEATURES], { schema: join(FEATURES, 'features.rng'), references: false, jobs: 1 });
    const verdicts = report.files.map((f) => `${basename(f.file)} ${f.valid ? 'valid' : 'invalid'}`);
    const expected = readdirSync(FEATURES)
      .filter((f) => f.endsWith('.xml'))
      .sort()
      .map((f) => `${f} ${f.startsWith('v') ? 'valid' : 'invalid'}`);
    assert.deepEqual(verdicts, expected);
    if (haveJing()) {
      const files = readdirSync(FEATURES).filter((f) => f.endsWith('.xml')).map((f) => join(FEATURES, f));
      const jing = runJing(join(FEATURES, 'features.rng'), files);
      for (const f of files) assert.equal(jing.get(resolve(f))!.size === 0, basename(f).startsWith('v'), `jing on ${basename(f)}`);
    }
  });
});

describe('the edition in tei/ against schema/chancery.rng (chancery engine)', function () {
  const schema = join(ROOT, 'schema/chancery.rng');
  const tei = join(ROOT, 'tei');

  it('gives jing’s verdict on every file and on mutants of the first 40 documents', async function () {
    if (!existsSync(schema) || !existsSync(tei)) return skipBecause(this, 'tei/ or schema/chancery.rng is absent');
    if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    const report = await validate([tei], { schema, references: false, jobs: 1 });
    const files = report.files.map((f) => resolve(ROOT, f.file));
    const dir = tempDir('edition-mutants');
    const mutants: string[] = [];
    for (const f of files.filter((x) => !x.endsWith('persons.xml')).slice(0, 40)) {
      const text = readFileSync(f, 'utf8');
      Object.entries(TEI_MUTATIONS).forEach(([name, mutate], i) => {
        const out = mutate(text);
        if (out === undefined || out === text) return;
        const file = join(dir, `${basename(f, '.xml')}-${basename(resolve(f, '..'))}.m${i}-${name.replace(/\W+/g, '-')}.xml`);
        writeFileSync(file, out);
        mutants.push(file);
      });
    }
    const jing = runJing(schema, [...files, ...mutants]);
    const mine = await validate([dir], { schema, references: false, jobs: 1 });
    const all = [...report.files.map((f) => ({ ...f, file: resolve(ROOT, f.file) })), ...mine.files.map((f) => ({ ...f, file: resolve(f.file) }))];
    const disagree = all.filter((f) => f.valid !== (jing.get(f.file)!.size === 0)).map((f) => basename(f.file));
    assert.deepEqual(disagree, []);
    assert.ok(mutants.length >= 100, `only ${mutants.length} mutants`);
  });
});

/** Random structural edits at tag boundaries (deterministic: a seeded LCG), kept only when well-formed. */
function randomMutants(base: string, count: number, seed: number, dir: string): string[] {
  const pieces = ['<foo/>', '</p>', '<p>', '<date when="x">d</date>', '<date when="1941-02-29">d</date>', 'xml:id="p1" ', ' type="letter"', ' type="bogus"', '<head>h</head>', '<persName>n</persName>', '<persName ref="a]b">n</persName>', '<title>t</title>', '<div type="section"><p>x</p></div>', '<lb/>', '<hi rend="x">y</hi>', 'text', '<note place="foot" n="1">n</note>', '<gap reason="omitted"/>', '<p/>', '<div/>'];
  let state = seed;
  const rnd = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const tags = (t: string): RegExpMatchArray[] => [...t.matchAll(/<\/?[A-Za-z][^>]*>/g)];
  const element = (t: string, at: RegExpMatchArray): [number, number] | undefined => {
    const m = /^<([A-Za-z]+)[^>]*>$/.exec(at[0]);
    if (!m || at[0].endsWith('/>')) return undefined;
    const end = t.indexOf(`</${m[1]}>`, at.index);
    return end > 0 ? [at.index!, end + m[1]!.length + 3] : undefined;
  };
  const files: string[] = [];
  for (let tries = 0; files.length < count && tries < count * 20; tries++) {
    let t = base;
    for (let k = 1 + rnd(3); k > 0; k--) {
      const all = tags(t);
      const at = all[rnd(all.length)];
      if (!at) break;
      const op = rnd(3);
      if (op === 0) t = t.slice(0, at.index) + pieces[rnd(pieces.length)] + t.slice(at.index);
      else {
        const span = element(t, at);
        if (!span) continue;
        const el = t.slice(span[0], span[1]);
        t = t.slice(0, span[0]) + t.slice(span[1]);
        if (op === 2) {
          const to = tags(t)[rnd(tags(t).length)];
          if (to) t = t.slice(0, to.index) + el + t.slice(to.index);
        }
      }
    }
    if (t === base) continue;
    const file = join(dir, `r${String(files.length).padStart(4, '0')}.xml`);
    writeFileSync(file, t);
    files.push(file);
  }
  return files;
}

describe('random structural mutants (chancery engine against jing)', function () {
  for (const [label, schemaOf, baseOf] of [
    ['tei_all', () => TEI_ALL_PATH, () => join(FIXTURES, 'tei-valid.xml')],
    ['schema/chancery.rng', () => join(ROOT, 'schema/chancery.rng'), () => firstEditionDocument()],
  ] as const) {
    it(`gives jing's verdict on 300 random mutants against ${label}`, async function () {
      const schema = schemaOf();
      const base = baseOf();
      if (!schema || !existsSync(schema) || !base) return skipBecause(this, `${label} or its base document is absent`);
      if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
      const dir = tempDir('random-mutants');
      const files = randomMutants(readFileSync(base, 'utf8'), 300, 7, dir);
      const mine = await validate([dir], { schema, references: false, jobs: 1 });
      const wellFormed = mine.files.filter((f) => !f.diagnostics.some((d) => d.code === 'TEI-XML-001')).map((f) => resolve(f.file));
      const jing = runJing(schema, wellFormed);
      const disagree = mine.files
        .filter((f) => wellFormed.includes(resolve(f.file)) && f.valid !== (jing.get(resolve(f.file))!.size === 0))
        .map((f) => basename(f.file));
      assert.deepEqual(disagree, []);
      assert.ok(wellFormed.length >= 150 && files.length === 300, `${wellFormed.length} well-formed of ${files.length}`);
    });
  }
});

function firstEditionDocument(): string | undefined {
  const tei = join(ROOT, 'tei');
  if (!existsSync(tei)) return undefined;
  for (const d of readdirSync(tei).sort()) {
    const dir = join(tei, d);
    if (!d.endsWith('.xml') && existsSync(join(dir, '001.xml'))) return join(dir, '001.xml');
  }
  return undefined;
}

describe('schema compilation', function () {
  it('compiles datatypes the old engine handed to libxml2 (hexBinary) and validates with them', async function () {
    const schema = join(FEATURES, 'hexbinary.rng');
    const dir = tempDir('hexbinary');
    writeFileSync(join(dir, 'ok.xml'), '<root><blob>0FB7</blob></root>');
    writeFileSync(join(dir, 'bad.xml'), '<root><blob>xyz</blob></root>');
    const report = await validate([dir], { schema, references: false, jobs: 1 });
    assert.deepEqual(report.files.map((f) => [basename(f.file), f.valid]), [['bad.xml', false], ['ok.xml', true]]);
  });

  it('refuses an incorrect schema before any document: code, file:line:column and the rule broken', async function () {
    const { compileSchema } = await import('../../src/validate/relaxng.js');
    const dir = tempDir('bad-schema');
    const rng = join(dir, 'bad.rng');
    writeFileSync(rng, '<element xmlns="http://relaxng.org/ns/structure/1.0" name="a">\n  <oneOrMore>\n    <group><attribute name="x"/><empty/><attribute name="y"/></group>\n  </oneOrMore>\n</element>\n');
    await assert.rejects(compileSchema(rng), (e: { code: string; message: string; span?: { line: number; column: number } }) => {
      assert.equal(e.code, 'TEI-RNG-101');
      assert.match(e.message, /bad\.rng:3:12: "oneOrMore" contains "group" contains "attribute" \(RELAX NG 7\.1\.2\)/);
      assert.deepEqual([e.span?.line, e.span?.column], [3, 12]);
      return true;
    });
  });
});

describe('XSD schemas (libxml2)', function () {
  it('validates against an .xsd, with positions from our parse', async function () {
    const dir = tempDir('xsd');
    writeFileSync(join(dir, 'a-ok.xml'), '<note>\n  <to>Churchill</to>\n  <when>1941-07-18</when>\n</note>\n');
    writeFileSync(join(dir, 'b-bad.xml'), '<note>\n  <to>Churchill</to>\n  <when>July 1941</when>\n</note>\n');
    const report = await validate([dir], { schema: join(FIXTURES, 'mini.xsd'), references: false, jobs: 1 });
    assert.deepEqual(report.files.map((f) => f.valid), [true, false]);
    assert.deepEqual(report.files[1]!.diagnostics.map((d) => d.span?.line), [3]);
  });
});

describe('deep documents', function () {
  it('validates 12,000 nested elements without exhausting the stack', async function () {
    const dir = tempDir('deep');
    const rng = join(dir, 'nest.rng');
    writeFileSync(
      rng,
      '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="n"/></start>' +
        '<define name="n"><element name="n"><optional><attribute name="k"><choice><value>a</value><value>b</value></choice></attribute></optional>' +
        '<choice><text/><ref name="n"/></choice></element></define></grammar>',
    );
    // Deep enough to overflow a derivative that recursed into ancestors; past the reader's default limit
    // (1,000 levels), so the limit is raised as `--max-depth` does.
    const depth = 12000;
    writeFileSync(join(dir, 'a-ok.xml'), '<n k="a">'.repeat(depth) + 'x' + '</n>'.repeat(depth));
    writeFileSync(join(dir, 'b-bad.xml'), '<n>'.repeat(depth) + '<n k="c"/>' + '</n>'.repeat(depth));
    const report = await validate([dir], { schema: rng, references: false, jobs: 1, maxDepth: 20000 });
    assert.deepEqual(report.files.map((f) => f.diagnostics.map((d) => d.code)), [[], ['TEI-RNG-002']]);
  });
});
