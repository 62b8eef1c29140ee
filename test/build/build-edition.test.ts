/**
 * `buildEdition()`: the whole edition from its sources, reproducibly — the same sources give byte-identical TEI,
 * site and exports on every run (no clock: the date comes from the config), and a second build changes nothing.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEdition } from '../../src/build/index.js';

const REPO_SOURCES = join(import.meta.dirname, '..', '..', '..', 'sources');

/** Every file under `dir`, relative path → bytes as latin1. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path, `${rel}${name}/`);
      else files.set(`${rel}${name}`, readFileSync(path, 'latin1'));
    }
  };
  visit(dir, '');
  return files;
}

describe('buildEdition', function () {
  this.timeout(120000);
  let project: string;
  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'chancery-build-'));
    mkdirSync(join(project, 'sources'));
    // two short seeds of the repository's own edition: a note and a letter
    for (const f of ['000_6de9fcebdd01302c.txt', '003_861624618a2cfeeb.txt']) copyFileSync(join(REPO_SOURCES, f), join(project, 'sources', f));
    writeFileSync(
      join(project, 'chancery.config.json'),
      JSON.stringify({ title: 'Test edition', date: '2030-05-06', baseUrl: 'https://example.org/ed/', editor: { name: 'A. Editor', email: 'a@example.org' } }),
    );
  });
  afterEach(() => rmSync(project, { recursive: true, force: true }));

  it('builds TEI, site and exports; a second build leaves the tree byte-identical', async () => {
    const first = await buildEdition({ cwd: project });
    assert.equal(first.validation?.summary.invalid, 0);
    assert.ok(first.documents >= 2);
    const before = tree(project);
    assert.ok([...before.keys()].some((f) => f.startsWith('site/') && f.endsWith('.html')));
    assert.ok(before.has('exports/cmif.xml'));
    assert.match(before.get('tei/000_6de9fcebdd01302c/000.xml')!, /<change when="2030-05-06">/);
    const second = await buildEdition({ cwd: project });
    assert.deepEqual(second.convert.kept, []);
    const after = tree(project);
    assert.deepEqual([...after.keys()], [...before.keys()]);
    for (const [f, content] of before) assert.equal(after.get(f), content, `${f} changed between two builds`);
  });

  it('gives the same bytes in another folder on another day (no clock, no absolute paths)', async () => {
    await buildEdition({ cwd: project });
    const other = mkdtempSync(join(tmpdir(), 'chancery-build-other-'));
    try {
      mkdirSync(join(other, 'sources'));
      for (const f of readdirSync(join(project, 'sources'))) copyFileSync(join(project, 'sources', f), join(other, 'sources', f));
      copyFileSync(join(project, 'chancery.config.json'), join(other, 'chancery.config.json'));
      await buildEdition({ cwd: other, sourceDateEpoch: '1' }); // the config's date wins over the epoch
      const a = tree(join(project, 'tei'));
      const b = tree(join(other, 'tei'));
      for (const [f, content] of a) assert.equal(b.get(f), content.replaceAll(project, other), f);
      assert.equal(tree(join(other, 'exports')).get('cmif.xml'), tree(join(project, 'exports')).get('cmif.xml'));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('works without a config: no date in the TEI, no CMIF (and says how to get one)', async () => {
    rmSync(join(project, 'chancery.config.json'));
    const r = await buildEdition({ cwd: project });
    assert.equal(r.validation?.summary.invalid, 0);
    assert.ok(r.transforms[0]!.diagnostics.some((d) => d.code === 'TEI-ED-007' && /chancery init/.test(d.message)));
    assert.doesNotMatch(readFileSync(join(project, 'tei', '000_6de9fcebdd01302c', '000.xml'), 'utf8'), /<change when/);
    assert.ok(readdirSync(join(project, 'exports')).some((f) => f.endsWith('.csv')));
  });

  it('refuses a sources folder without texts', async () => {
    rmSync(join(project, 'sources'), { recursive: true });
    mkdirSync(join(project, 'sources'));
    await assert.rejects(buildEdition({ cwd: project }), /holds no \.txt files/);
  });
});
