/**
 * Our RELAX NG engine (src/validate/rng/) against jing beyond tei_all: RELAX NG features tei_all does not
 * use (interleave, mixed, list, except, name classes, combine), and the project's own schema on the
 * edition in tei/ and on mutants of it.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { validate } from '../../src/validate/index.js';
import { FIXTURES, ROOT, TEI_MUTATIONS, haveJing, runJing, skipBecause, tempDir } from './helpers.js';

const FEATURES = join(FIXTURES, 'features');

for (const engine of ['chancery', 'libxml2'] as const) {
  describe(`RELAX NG features (${engine} engine)`, function () {
    it('accepts the v*.xml fixtures and rejects the i*.xml ones, as jing does', async function () {
      const report = await validate([FEATURES], { schema: join(FEATURES, 'features.rng'), references: false, jobs: 1, engine });
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
}

describe('the edition in tei/ against schema/chancery.rng (chancery engine)', function () {
  const schema = join(ROOT, 'schema/chancery.rng');
  const tei = join(ROOT, 'tei');

  it('gives jing’s verdict on every file and on mutants of the first 40 documents', async function () {
    if (!existsSync(schema) || !existsSync(tei)) return skipBecause(this, 'tei/ or schema/chancery.rng is absent');
    if (!haveJing()) return skipBecause(this, 'jing is not installed (apt-get install -y jing)');
    const report = await validate([tei], { schema, references: false, jobs: 1, engine: 'chancery' });
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
    const mine = await validate([dir], { schema, references: false, jobs: 1, engine: 'chancery' });
    const all = [...report.files.map((f) => ({ ...f, file: resolve(ROOT, f.file) })), ...mine.files.map((f) => ({ ...f, file: resolve(f.file) }))];
    const disagree = all.filter((f) => f.valid !== (jing.get(f.file)!.size === 0)).map((f) => basename(f.file));
    assert.deepEqual(disagree, []);
    assert.ok(mutants.length >= 100, `only ${mutants.length} mutants`);
  });
});
