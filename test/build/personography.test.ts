/**
 * The personography on disk: `convert` writes the persons.xml its documents point to (so convert → validate works
 * on its own), converting into an existing edition keeps its person ids, an editor's hand edits to persons.xml
 * survive every build, and a truncated persons.xml or a corrupt persons file is a clear error that writes nothing.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertFiles } from '../../src/build/index.js';
import { validate } from '../../src/validate/index.js';
import { run } from '../helpers/cli.js';

const ONE = 'Moscow, July 18, 1941.\n\nDear Mr. Churchill,\n\nI have received your message. Mr. Molotov agrees.\n\nJ. STALIN\n';
const TWO = 'London, July 20, 1941.\n\nDear Premier Stalin,\n\nThank you. Sir Stafford Cripps will call on Mr. Molotov.\n\nW. CHURCHILL\n';

function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) visit(path);
      else files.set(path, readFileSync(path, 'latin1'));
    }
  };
  visit(dir);
  return files;
}

describe('the personography on disk', () => {
  let dir: string;
  let tei: string;
  let one: string;
  let two: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-persons-'));
    tei = join(dir, 'tei');
    mkdirSync(join(dir, 'sources'));
    one = join(dir, 'sources', 'one.txt');
    two = join(dir, 'sources', 'two.txt');
    writeFileSync(one, ONE);
    writeFileSync(two, TWO);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('convert writes the persons.xml its documents point to: convert → validate passes on its own', async () => {
    const r = await run(['convert', one, two, '--out', tei], dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^persons: \d+ in .*persons\.xml/m);
    const report = await validate([tei]);
    assert.equal(report.summary.invalid, 0, JSON.stringify(report.files.filter((f) => !f.valid)));
  });

  it('converting one source into an existing edition keeps its person ids and the other persons', async () => {
    await convertFiles([one, two], { outDir: tei });
    const persons = readFileSync(join(tei, 'persons.xml'), 'utf8');
    const before = readFileSync(join(tei, 'one', '000.xml'), 'utf8');
    await convertFiles([one], { outDir: tei });
    assert.equal(readFileSync(join(tei, 'one', '000.xml'), 'utf8'), before);
    assert.equal(readFileSync(join(tei, 'persons.xml'), 'utf8'), persons); // Cripps, named only in two, is still there
  });

  it('keeps what an editor added to persons.xml (a GND id, a birth date) across builds, adding new persons', async () => {
    await convertFiles([one], { outDir: tei });
    const path = join(tei, 'persons.xml');
    const edited = readFileSync(path, 'utf8').replace(
      /(<person xml:id="stalin[^"]*">\n)/,
      '$1          <birth when="1878-12-18">Gori</birth>\n          <idno type="gnd">118616927</idno>\n',
    );
    assert.notEqual(edited, readFileSync(path, 'utf8'));
    writeFileSync(path, edited);
    const r = await convertFiles([one, two], { outDir: tei });
    const after = readFileSync(path, 'utf8');
    assert.ok(after.startsWith(edited.slice(0, edited.indexOf('</listPerson>') - 8)), 'everything the editor typed is still there, unchanged');
    assert.match(after, /<birth when="1878-12-18">Gori<\/birth>\n {10}<idno type="gnd">118616927<\/idno>/);
    assert.match(after, /xml:id="cripps/); // a person of the new source, added
    assert.equal(r.persons.edited, true);
    assert.ok(r.diagnostics.some((d) => d.code === 'TEI-ED-010'));
    // the documents still point at persons that exist, and the hand-added facts are valid TEI for the schema
    const report = await validate([tei]);
    assert.equal(report.summary.invalid, 0, JSON.stringify(report.files.filter((f) => !f.valid)));
    // and a second build keeps them again
    await convertFiles([one, two], { outDir: tei });
    assert.equal(readFileSync(path, 'utf8'), after);
  });

  it('a truncated persons.xml is one clear error, exit 2, and nothing is written', async () => {
    await convertFiles([one], { outDir: tei });
    const path = join(tei, 'persons.xml');
    writeFileSync(path, readFileSync(path, 'utf8').slice(0, 400));
    const before = tree(dir);
    const r = await run(['convert', one, two, '--out', tei], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^chancery convert: error: .*persons\.xml:\d+:\d+: the personography is not well-formed XML .*restore it.* \[TEI-ED-008\]$/m);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.deepEqual(tree(dir), before);
  });

  it('a corrupt persons file is one clear error, exit 2, and nothing is written', async () => {
    writeFileSync(join(dir, 'sources', 'persons.json'), '{"persons": [ {"id": "stalin",, } ]}');
    const before = tree(dir);
    const r = await run(['convert', one, '--out', tei], dir);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^chancery convert: error: .*persons\.json: the editor's persons file is not valid JSON.* \[TEI-ED-009\]$/m);
    assert.deepEqual(tree(dir), before);
  });
});
