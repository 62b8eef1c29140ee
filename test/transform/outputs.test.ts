/**
 * What the transforms write and where: safe output names, pruning of what a withdrawn document left
 * behind (and of nothing else), CSV that a spreadsheet cannot run, JSON that says which edition it is.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField, toCsv } from '../../src/transform/formats/tables.js';
import { loadEdition, transform } from '../../src/transform/index.js';
import { TransformCodes } from '../../src/diagnostics/codes.js';
import { slugify, UniqueNames } from '../../src/transform/output-names.js';
import { cleanup, FIXTURE_CONFIG, FIXTURE_TEI, listFiles, tempDir } from './helpers.js';

describe('transform outputs', () => {
  after(cleanup);

  describe('output names', () => {
    it('are slugs: no separator, no .., no markup, never empty', () => {
      assert.equal(slugify('J. V. Stalin'), 'j-v-stalin');
      assert.equal(slugify('Léger'), 'leger');
      assert.equal(slugify('a/b\\c'), 'a-b-c');
      assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
      assert.equal(slugify('evil2"><img src=x onerror=alert(1)>'), 'evil2-img-src-x-onerror-alert-1');
      assert.equal(slugify('Сталин'), 'x');
      assert.equal(slugify('', 'document'), 'document');
      for (const s of ['..', '/', 'a/../b', '<script>', 'CON', ' ', '\u0000']) assert.match(slugify(s), /^[a-z0-9]+(-[a-z0-9]+)*$/);
    });
    it('are at most 80 characters, cut at a word', () => {
      const long = slugify('A Situation of Delicacy and Danger: Anglo-Soviet Relations, August 1939–March 1940 and after');
      assert.ok(long.length <= 80, long);
      assert.ok(!long.endsWith('-'));
      assert.equal(long, 'a-situation-of-delicacy-and-danger-anglo-soviet-relations-august-1939-march-1940');
    });
    it('are numbered when they come out alike', () => {
      const names = new UniqueNames();
      assert.deepEqual(['Stalin', 'stalin', 'STALIN!', 'stalin-2'].map((n) => names.take(n)), ['stalin', 'stalin-2', 'stalin-3', 'stalin-2-2']);
    });
    it('of documents come from their date and correspondents, not from source file names', () => {
      const permalinks = loadEdition([FIXTURE_TEI]).documents.map((d) => d.permalink);
      assert.deepEqual(permalinks.slice(0, 3), ['1941-07-18-stalin-to-churchill', '1941-08-04-stalin-to-roosevelt', '1944-09-24-wilson-to-eden']);
      // the same documents under another (hashed) folder name keep their names
      const moved = join(tempDir(), 'tei');
      cpSync(FIXTURE_TEI, moved, { recursive: true });
      cpSync(join(moved, 'war-telegrams'), join(moved, '004_a850671e6f376447'), { recursive: true });
      rmSync(join(moved, 'war-telegrams'), { recursive: true });
      assert.deepEqual(loadEdition([moved]).documents.map((d) => d.permalink), permalinks);
    });
    it('refuse a user module path that would leave --out or carry odd characters', async () => {
      for (const bad of ['../x.html', '/etc/x', 'a/../../x', 'a\\b.html', 'a b.html', '.chancery-outputs.json']) {
        const module = join(tempDir(), 'evil.mjs');
        writeFileSync(module, `export default { name: 'evil', *render() { yield { path: ${JSON.stringify(bad)}, content: 'x' }; } };`);
        const out = tempDir();
        await assert.rejects(transform([FIXTURE_TEI], { to: 'html', outDir: out, transformModule: module, config: FIXTURE_CONFIG }), (e: Error & { code?: string }) => e.code === TransformCodes.badModule, bad);
        assert.deepEqual(listFiles(out), [], `${bad}: nothing written`);
      }
    });
  });

  describe('withdrawn documents', () => {
    it('disappear from the site and the exports; files the tool did not write, or that were edited, stay', async () => {
      const tei = join(tempDir(), 'tei');
      cpSync(FIXTURE_TEI, tei, { recursive: true });
      const site = tempDir();
      const exports = tempDir();
      await transform([tei], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
      await transform([tei], { to: 'text', outDir: exports, config: FIXTURE_CONFIG });
      await transform([tei], { to: 'csv', outDir: exports, config: FIXTURE_CONFIG });
      const page = join(site, 'documents/1941-08-04-stalin-to-roosevelt.html');
      const text = join(exports, 'text/1941-08-04-stalin-to-roosevelt.txt');
      assert.ok(existsSync(page) && existsSync(text));
      writeFileSync(join(site, 'documents/notes-of-mine.html'), 'mine');
      writeFileSync(join(exports, 'text/mine.txt'), 'mine');
      const edited = join(site, 'documents/1944-09-24-wilson-to-eden.html');
      writeFileSync(edited, readFileSync(edited, 'utf8') + '<!-- edited by hand -->');
      // withdraw two documents
      rmSync(join(tei, 'war-telegrams/005.xml'));
      rmSync(join(tei, 'fo-letters/003.xml'));
      const html = await transform([tei], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
      const txt = await transform([tei], { to: 'text', outDir: exports, config: FIXTURE_CONFIG });
      await transform([tei], { to: 'csv', outDir: exports, config: FIXTURE_CONFIG });
      assert.ok(!existsSync(page), 'the withdrawn page is gone');
      assert.ok(!existsSync(join(site, 'tei/documents/1941-08-04-stalin-to-roosevelt.xml')), 'and its TEI copy');
      assert.ok(!existsSync(text), 'and its text export');
      assert.ok(existsSync(join(site, 'documents/notes-of-mine.html')), 'a file the tool did not write stays');
      assert.ok(existsSync(join(exports, 'text/mine.txt')));
      assert.ok(existsSync(edited), 'a generated file edited since stays');
      assert.ok(existsSync(join(exports, 'documents.csv')), "the text transform does not prune the CSV transform's files");
      assert.ok(html.removed.includes(page) && txt.removed.includes(text));
      assert.ok(html.diagnostics.some((d) => d.code === TransformCodes.pruned));
    });
    it('an edition that holds no document prunes nothing', async () => {
      const site = tempDir();
      await transform([FIXTURE_TEI], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
      const before = listFiles(site);
      const empty = tempDir();
      mkdirSync(join(empty, 'nothing'));
      await transform([empty], { to: 'html', outDir: site, config: FIXTURE_CONFIG });
      assert.deepEqual(listFiles(site), before);
    });
  });

  describe('CSV and JSON', () => {
    it('neutralises cells a spreadsheet would run as formulas (OWASP)', () => {
      assert.equal(csvField('=HYPERLINK("http://x","y")'), `"'=HYPERLINK(""http://x"",""y"")"`);
      for (const s of ['+1', '-1+2', '@SUM(A1)', '\tx', '\rx']) assert.ok(csvField(s).startsWith(`"'`), s);
      assert.equal(csvField('Stalin'), 'Stalin');
      assert.equal(csvField(3), '3');
      assert.equal(csvField(['=a', 'b']), `"'=a; b"`);
    });
    it('writes UTF-8 with a byte order mark', () => {
      const csv = toCsv({ name: 't', columns: ['a'], rows: [{ a: 'Léger' }] });
      assert.ok(Buffer.from(csv, 'utf8').subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])));
      assert.equal(csv, '\uFEFFa\r\nLéger\r\n');
    });
    it('JSON files carry the edition metadata, dated from the config, never the clock', async () => {
      const config = join(tempDir(), 'config.json');
      writeFileSync(config, JSON.stringify({ ...JSON.parse(readFileSync(FIXTURE_CONFIG, 'utf8')), date: '2026-03-01', licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } }));
      const out = tempDir();
      await transform([FIXTURE_TEI], { to: 'json', outDir: out, config, sourceDateEpoch: '1700000000' }); // the config's date wins
      const json = JSON.parse(readFileSync(join(out, 'documents.json'), 'utf8')) as { edition: Record<string, unknown>; documents: unknown[] };
      assert.deepEqual(json.edition, {
        title: 'Test edition',
        publisher: 'Test publisher',
        editor: 'Test Editor',
        licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
        baseUrl: 'https://edition.example.test/',
        generated: '2026-03-01',
        generator: 'Chancery',
      });
      assert.equal(json.documents.length, 5);
    });
  });
});
