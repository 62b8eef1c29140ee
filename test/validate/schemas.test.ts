/**
 * Real multi-file schemas against jing, file by file: DocBook 5 (Debian's docbook5-xml, with its XInclude
 * variant) and modular XHTML 1.1 (Debian's xhtml-relaxng: full, strict, basic). Documents: our fixtures (written
 * for these schemas) and seeded random mutants of them. Schemas are read from where Debian installs them;
 * each suite says it skipped where they (or jing) are absent. Debian's jing processes XInclude always, so the
 * XInclude case runs ours with `xinclude: true`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, haveJing, runJing, skipBecause, tempDir } from './helpers.js';

const DOCBOOK = '/usr/share/xml/docbook/schema/rng/5.0';
const XHTML = '/usr/share/xml/xhtml-relaxng';

/** Random edits at tag boundaries (a seeded LCG): insert a piece, delete an element, or move it. */
function mutants(base: string, pieces: string[], count: number, seed: number, dir: string, prefix: string): string[] {
  let state = seed;
  const rnd = (n: number): number => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  const tags = (t: string): RegExpMatchArray[] => [...t.matchAll(/<\/?[A-Za-z][^>]*>/g)];
  const element = (t: string, at: RegExpMatchArray): [number, number] | undefined => {
    const m = /^<([A-Za-z][\w:]*)[^>]*>$/.exec(at[0]);
    if (!m || at[0].endsWith('/>')) return undefined;
    const end = t.indexOf(`</${m[1]}>`, at.index);
    return end > 0 ? [at.index!, end + m[1]!.length + 3] : undefined;
  };
  const files: string[] = [];
  for (let tries = 0; files.length < count && tries < count * 20; tries++) {
    let t = base;
    for (let k = 1 + rnd(2); k > 0; k--) {
      const all = tags(t).filter((m) => !m[0].startsWith('<?'));
      const at = all[1 + rnd(all.length - 1)];
      if (!at) break;
      const op = rnd(4);
      if (op <= 1) {
        const piece = pieces[rnd(pieces.length)]!;
        // Attribute pieces go inside a start tag, others before a tag.
        if (piece.startsWith(' ')) {
          if (at[0].startsWith('</')) continue;
          const end = at.index! + at[0].length - (at[0].endsWith('/>') ? 2 : 1);
          t = t.slice(0, end) + piece + t.slice(end);
        } else t = t.slice(0, at.index) + piece + t.slice(at.index);
      } else {
        const span = element(t, at);
        if (!span) continue;
        const el = t.slice(span[0], span[1]);
        t = t.slice(0, span[0]) + t.slice(span[1]);
        if (op === 3) {
          const to = tags(t)[1 + rnd(Math.max(1, tags(t).length - 1))];
          if (to) t = t.slice(0, to.index) + el + t.slice(to.index);
        }
      }
    }
    if (t === base) continue;
    const file = join(dir, `${prefix}-m${String(files.length).padStart(3, '0')}.xml`);
    writeFileSync(file, t);
    files.push(file);
  }
  return files;
}

interface Suite {
  label: string;
  schema: string;
  documents: string;
  pieces: string[];
  perDocument: number;
}

const SUITES: Suite[] = [
  {
    label: 'DocBook 5 (docbook.rng)',
    schema: join(DOCBOOK, 'docbook.rng'),
    documents: join(FIXTURES, 'docbook'),
    pieces: [
      '<para>p</para>', '<title>t</title>', '<subtitle>s</subtitle>', '<foo/>', ' xml:id="intro"', ' xml:id="fresh"', ' linkend="nowhere"', ' linkend="ch1"',
      '<xref linkend="intro"/>', '<xref linkend="missing"/>', '<emphasis>e</emphasis>', ' role="x"', '<entry>e</entry>', ' version="6.0"', '<note><para>n</para></note>',
      '<info><title>i</title></info>', ' xlink:href="x"', ' frame="sideways"', '<row><entry>r</entry></row>', 'text', '<section><title>s</title></section>',
    ],
    perDocument: 40,
  },
  ...['xhtml', 'xhtml-strict', 'xhtml-basic'].map((name) => ({
    label: `modular XHTML 1.1 (${name}.rng)`,
    schema: join(XHTML, `${name}.rng`),
    documents: join(FIXTURES, 'xhtml'),
    pieces: [
      '<p>x</p>', '<div/>', '<li>l</li>', '<td>t</td>', ' id="top"', ' id="x"', ' href="#x"', '<br/>', '<blink/>', ' align="left"', '<span>s</span>',
      ' for="nowhere"', ' usemap="m"', '<ruby><rb>a</rb><rt>b</rt></ruby>', ' lang="en"', '<table><tr><td>c</td></tr></table>', 'text', ' style="x"', '<h1>h</h1>',
    ],
    perDocument: 25,
  })),
];

for (const suite of SUITES) {
  describe(`${suite.label}: verdicts equal jing's, file by file`, function () {
    it('on the fixtures and seeded mutants of them', async function () {
      if (!existsSync(suite.schema)) return skipBecause(this, `${suite.schema} is absent (apt-get install -y docbook5-xml xhtml-relaxng)`);
      if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
      const dir = tempDir('schemas');
      const originals = readdirSync(suite.documents)
        .filter((f) => f.endsWith('.xml'))
        .sort()
        .map((f) => join(suite.documents, f));
      const files = [...originals];
      originals.forEach((f, i) => files.push(...mutants(readFileSync(f, 'utf8'), suite.pieces, suite.perDocument, 11 + i, dir, basename(f, '.xml'))));
      const ours = await validate(files, { schema: suite.schema, references: false, jobs: 1 });
      const byFile = new Map(ours.files.map((f) => [resolve(f.file), f]));
      const wellFormed = files.filter((f) => !byFile.get(resolve(f))!.diagnostics.some((d) => d.code === 'TEI-XML-001'));
      const jing = runJing(suite.schema, wellFormed);
      const disagree = wellFormed
        .filter((f) => byFile.get(resolve(f))!.valid !== (jing.get(resolve(f))!.size === 0))
        .map((f) => `${basename(f)}: ours ${byFile.get(resolve(f))!.valid ? 'valid' : 'invalid'}, jing ${jing.get(resolve(f))!.size === 0 ? 'valid' : 'invalid'}`);
      assert.deepEqual(disagree, []);
      const valid = wellFormed.filter((f) => jing.get(resolve(f))!.size === 0).length;
      assert.ok(wellFormed.length >= files.length / 2 && valid > 0 && valid < wellFormed.length, `${wellFormed.length} well-formed, ${valid} valid`);
    });
  });
}

describe('DocBook 5 with XInclude (docbookxi.rng, --xinclude)', function () {
  it('includes a chapter from another file and falls back where one is missing, as jing does', async function () {
    const schema = join(DOCBOOK, 'docbookxi.rng');
    if (!existsSync(schema)) return skipBecause(this, `${schema} is absent (apt-get install -y docbook5-xml)`);
    const book = join(FIXTURES, 'docbook/xi/book.xml');
    const withInclusion = await validate([book], { schema, references: false, jobs: 1, xinclude: true });
    assert.deepEqual(withInclusion.files[0]!.diagnostics, []);
    // Without XInclude the fallback's chapter sits inside xi:fallback, where docbookxi.rng does not allow it.
    const without = await validate([book], { schema, references: false, jobs: 1 });
    assert.equal(without.files[0]!.valid, false);
    if (haveJing()) assert.equal(runJing(schema, [book]).get(resolve(book))!.size, 0, 'jing (Debian: XInclude on) finds it valid');
  });
});
