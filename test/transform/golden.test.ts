/**
 * Golden files: each output format over the fixtures in test/fixtures/transform/tei, compared file by file
 * with test/fixtures/transform/golden/<format>/. `UPDATE_GOLDEN=1` rewrites them; review the diff like code.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { transform } from '../../src/transform/index.js';
import type { TransformTarget } from '../../src/transform/index.js';
import { COPIED_ASSETS } from '../../src/transform/formats/html.js';
import { loadEdition } from '../../src/transform/index.js';
import { OUTPUT_MANIFEST } from '../../src/transform/output-manifest.js';
import { cleanup, FIXTURE_CONFIG, FIXTURE_TEI, GOLDEN, listFiles, ROOT, tempDir } from './helpers.js';

/**
 * Files copied byte for byte, which goldens do not pin (a change to our CSS would otherwise be written
 * twice): our own assets (compared with `assets/html/` below), the TEI published for download (compared
 * with the input), the output manifest (content hashes of all of these), and the About page, which
 * carries docs/encoding.md (html-site.test.ts checks it).
 */
const isCopy = (f: string): boolean =>
  COPIED_ASSETS.some((a) => f === `assets/${a}`) || f.startsWith('tei/') || f === OUTPUT_MANIFEST || f === 'about.html';
const update = process.env.UPDATE_GOLDEN === '1';

describe('transform golden files', () => {
  after(() => cleanup());

  for (const to of ['html', 'text', 'cmif', 'csv', 'json'] as TransformTarget[]) {
    it(`${to} matches golden/${to}/`, async () => {
      const out = tempDir();
      const report = await transform([FIXTURE_TEI], { to, outDir: out, config: FIXTURE_CONFIG, sourceDateEpoch: '1700000000' }); // the CMIF timestamp
      assert.equal(report.documents, 5);
      assert.deepEqual(report.diagnostics.filter((d) => d.severity === 'error'), []);
      const produced = listFiles(out).filter((f) => !isCopy(f));
      const goldenDir = join(GOLDEN, to);
      if (update) {
        rmSync(goldenDir, { recursive: true, force: true });
        for (const f of produced) {
          mkdirSync(dirname(join(goldenDir, f)), { recursive: true });
          writeFileSync(join(goldenDir, f), readFileSync(join(out, f)));
        }
        return;
      }
      assert.ok(existsSync(goldenDir), `no golden files for ${to}: run with UPDATE_GOLDEN=1`);
      assert.deepEqual(produced, listFiles(goldenDir), 'the set of files written');
      for (const f of produced) {
        assert.equal(readFileSync(join(out, f), 'utf8'), readFileSync(join(goldenDir, f), 'utf8'), `${to}/${f} differs from its golden file`);
      }
    });
  }

  it('html: our assets and the TEI downloads are byte copies of their sources', async () => {
    const out = tempDir();
    await transform([FIXTURE_TEI], { to: 'html', outDir: out, config: FIXTURE_CONFIG });
    for (const a of COPIED_ASSETS) assert.ok(readFileSync(join(out, 'assets', a)).equals(readFileSync(join(ROOT, 'assets/html', a))), a);
    const edition = loadEdition([FIXTURE_TEI]);
    for (const d of edition.documents) assert.ok(readFileSync(join(out, 'tei/documents', `${d.permalink}.xml`)).equals(readFileSync(d.file)), d.permalink);
    assert.ok(readFileSync(join(out, 'tei/persons.xml')).equals(readFileSync(join(FIXTURE_TEI, 'persons.xml'))));
  });
});
