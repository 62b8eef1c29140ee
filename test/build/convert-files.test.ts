/**
 * Never overwrite an editor's work: what `convert` and `build` regenerate, keep and remove in an edition folder
 * that editors have touched, and how sources whose names give one folder name are kept apart.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { convertFiles } from '../../src/build/index.js';
import { PendingDocuments } from '../../src/build/pending-documents.js';
import { generatedState } from '../../src/edition/index.js';
import { run } from '../helpers/cli.js';

const LETTER = 'Moscow, July 18, 1941.\n\nDear Mr. Eden,\n\nThank you for your letter.\n\nJ. STALIN\n';
/** Telegrams, each a document of its own (from three on: fewer are read as one letter). */
const VOLUME = (n: number): string =>
  Array.from({ length: n }, (_, i) => `J. V. STALIN TO W. CHURCHILL\n\nSent on July ${i + 1}, 1941.\n\nMessage number ${i + 1}.\n`).join('\n');

describe('convertFiles: an edition folder editors have touched', () => {
  let dir: string;
  let tei: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-never-'));
    tei = join(dir, 'tei');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const source = (name: string, text: string): string => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
    return path;
  };

  it('marks every file it writes, and a second run changes nothing', async () => {
    const vol = source('vol.txt', VOLUME(3));
    const first = await convertFiles([vol], { outDir: tei });
    assert.deepEqual(readdirSync(join(tei, 'vol')), ['000.xml', '001.xml', '002.xml']);
    for (const f of first.files[0]!.written) assert.equal(generatedState(readFileSync(f, 'utf8')).kind, 'unedited');
    const before = readFileSync(join(tei, 'vol', '001.xml'), 'utf8');
    assert.match(before, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<\?chancery-generated sha256="[0-9a-f]{64}" source="\.\.\/vol\.txt"\?>\n/);
    const second = await convertFiles([vol], { outDir: tei });
    assert.deepEqual(second.kept, []);
    assert.equal(readFileSync(join(tei, 'vol', '001.xml'), 'utf8'), before);
  });

  it('keeps a file an editor corrected, lists it, and regenerates it only with force', async () => {
    const vol = source('vol.txt', VOLUME(3));
    await convertFiles([vol], { outDir: tei });
    const path = join(tei, 'vol', '001.xml');
    const corrected = readFileSync(path, 'utf8').replace('Message number 2.', 'Message number two (corrected).');
    writeFileSync(path, corrected);
    assert.equal(generatedState(corrected).kind, 'edited');
    const again = await convertFiles([source('vol.txt', VOLUME(3).replace('Message number 3.', 'Message number 3!'))], { outDir: tei });
    assert.equal(readFileSync(path, 'utf8'), corrected);
    assert.deepEqual(again.kept, [{ path, reason: 'edited', stale: false }]);
    assert.ok(again.diagnostics.some((d) => d.code === 'TEI-ED-001' && d.span?.file === path));
    assert.match(readFileSync(join(tei, 'vol', '002.xml'), 'utf8'), /Message number 3!/); // unedited: regenerated
    const forced = await convertFiles([vol], { outDir: tei, force: true });
    assert.deepEqual(forced.kept, []);
    assert.doesNotMatch(readFileSync(path, 'utf8'), /corrected/);
  });

  it('never overwrites a file Chancery did not write, even at a path it generates', async () => {
    const vol = source('vol.txt', VOLUME(3));
    await convertFiles([vol], { outDir: tei });
    const path = join(tei, 'vol', '000.xml');
    writeFileSync(path, '<TEI>mine</TEI>\n');
    const again = await convertFiles([vol], { outDir: tei });
    assert.equal(readFileSync(path, 'utf8'), '<TEI>mine</TEI>\n');
    assert.deepEqual(again.kept, [{ path, reason: 'unmarked', stale: false }]);
  });

  it('removes only generated, unedited files a re-run no longer writes; edited ones and others stay', async () => {
    const vol = source('vol.txt', VOLUME(5));
    await convertFiles([vol], { outDir: tei });
    const edited = join(tei, 'vol', '004.xml');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('Message number 5.', 'Message number 5, checked.'));
    writeFileSync(join(tei, 'vol', 'mine.xml'), '<TEI/>\n');
    const again = await convertFiles([source('vol.txt', VOLUME(3))], { outDir: tei });
    assert.deepEqual(readdirSync(join(tei, 'vol')), ['000.xml', '001.xml', '002.xml', '004.xml', 'mine.xml']);
    assert.deepEqual(again.removed, [join(tei, 'vol', '003.xml')]);
    assert.deepEqual(again.kept, [{ path: edited, reason: 'edited', stale: true }]);
  });

  it('does not write into a folder of files it did not write (issue 14: letters/mine.xml)', async () => {
    mkdirSync(join(dir, 'letters'));
    writeFileSync(join(dir, 'letters', 'mine.xml'), '<TEI/>\n');
    const r = await convertFiles([source('letters.txt', LETTER)], { outDir: dir });
    assert.equal(readFileSync(join(dir, 'letters', 'mine.xml'), 'utf8'), '<TEI/>\n');
    assert.equal(r.files[0]!.folder, 'letters-2');
    assert.ok(existsSync(join(dir, 'letters-2', '000.xml')));
    assert.ok(r.diagnostics.some((d) => d.code === 'TEI-ED-003'));
  });

  it('gives sources whose names slug alike distinct folders, in one run and across runs', async () => {
    const a = source('a/vol.txt', VOLUME(3));
    const b = source('b/vol.txt', LETTER);
    const r = await convertFiles([a, b], { outDir: tei });
    assert.deepEqual(r.files.map((f) => f.folder), ['vol', 'vol-2']);
    assert.deepEqual(readdirSync(join(tei, 'vol')), ['000.xml', '001.xml', '002.xml']);
    assert.deepEqual(readdirSync(join(tei, 'vol-2')), ['000.xml']);
    assert.match(readFileSync(join(tei, 'vol-2', '000.xml'), 'utf8'), /xml:id="doc-vol-2-000"/);
    // b alone, later: it keeps its own folder and a's is untouched
    const later = await convertFiles([b], { outDir: tei });
    assert.equal(later.files[0]!.folder, 'vol-2');
    assert.equal(readdirSync(join(tei, 'vol')).length, 3);
    // names with no Latin letters: every one used to become source/
    const cyrillic = await convertFiles([source('сталин.txt', LETTER), source('молотов.txt', LETTER)], { outDir: tei });
    assert.equal(new Set(cyrillic.files.map((f) => f.folder)).size, 2);
  });

  it('with complete inputs (build), removes what a withdrawn source left, keeping what an editor changed', async () => {
    const one = source('sources/one.txt', VOLUME(3));
    const two = source('sources/two.txt', VOLUME(3));
    const three = source('sources/three.txt', LETTER);
    await convertFiles([one, two, three], { outDir: tei, complete: true });
    writeFileSync(join(tei, 'two', '001.xml'), readFileSync(join(tei, 'two', '001.xml'), 'utf8').replace('Message', 'Edited message'));
    const r = await convertFiles([one], { outDir: tei, complete: true });
    assert.deepEqual(readdirSync(tei).sort(), ['one', 'persons-review.json', 'persons.xml', 'two']); // three's folder went with its files
    assert.deepEqual(readdirSync(join(tei, 'two')), ['001.xml']);
    assert.deepEqual(r.removed.sort(), [join(tei, 'three', '000.xml'), join(tei, 'two', '000.xml'), join(tei, 'two', '002.xml')]);
    assert.deepEqual(r.kept, [{ path: join(tei, 'two', '001.xml'), reason: 'edited', stale: true }]);
  });

  it('writes no date without one, and the given date when there is one (never the clock)', async () => {
    const vol = source('vol.txt', VOLUME(1));
    await convertFiles([vol], { outDir: tei });
    const undated = readFileSync(join(tei, 'vol', '000.xml'), 'utf8');
    assert.match(undated, /<publicationStmt><publisher>Chancery edition<\/publisher><availability>/);
    assert.match(undated, /<change>Generated by Chancery/);
    await convertFiles([vol], { outDir: tei, generatedOn: '2030-01-02' });
    assert.match(readFileSync(join(tei, 'vol', '000.xml'), 'utf8'), /<change when="2030-01-02">/);
  });
});

describe('chancery convert: what the user is told', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'chancery-never-cli-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a typo’d flag leaves an edited TEI file byte-identical; a re-run keeps it and says so, exit 0', async () => {
    writeFileSync(join(dir, 'f.txt'), LETTER);
    assert.equal((await run(['convert', join(dir, 'f.txt'), '--out', join(dir, 'tei')], dir)).code, 0);
    const path = join(dir, 'tei', 'f', '000.xml');
    const edited = readFileSync(path, 'utf8').replace('Thank you', 'Thank you very much');
    writeFileSync(path, edited);
    const typo = await run(['convert', join(dir, 'f.txt'), '--ouT', join(dir, 'tei')], dir);
    assert.equal(typo.code, 2);
    assert.equal(readFileSync(path, 'utf8'), edited);
    const again = await run(['convert', join(dir, 'f.txt'), '--out', join(dir, 'tei')], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(readFileSync(path, 'utf8'), edited);
    assert.match(again.stdout, /^1 file edited since they were generated: kept \(--force regenerates it\): .*f\/000\.xml$/m);
  });
});

describe('convertFiles: files that cannot be written (issue 15)', () => {
  let dir: string;
  let tei: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-unwritable-'));
    tei = join(dir, 'tei');
  });
  afterEach(() => {
    spawnSync('chattr', ['-R', '-i', dir]);
    rmSync(dir, { recursive: true, force: true });
  });
  const source = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('a document that cannot be written is a finding of its source: the others are written, nothing of that source is removed', async () => {
    const vol = source('vol.txt', VOLUME(4));
    const letter = source('letter.txt', LETTER);
    await convertFiles([vol, letter], { outDir: tei });
    writeFileSync(vol, VOLUME(3));
    // a folder where 001.xml was: its write fails (EISDIR), 000 and 002 are written
    rmSync(join(tei, 'vol', '001.xml'));
    mkdirSync(join(tei, 'vol', '001.xml'));
    const r = await convertFiles([vol, letter], { outDir: tei, force: true });
    assert.equal(r.writeFailures.length, 1);
    const failure = r.writeFailures[0]!;
    assert.equal(failure.code, 'TEI-IO-003');
    assert.equal(failure.severity, 'error');
    assert.deepEqual(failure.span, { file: join(tei, 'vol', '001.xml'), line: 1, column: 1 });
    assert.match(failure.message, /^cannot write .*vol\/001\.xml: (a folder, not a file \(EISDIR\)|EISDIR|folder not empty \(ENOTEMPTY\)|already exists \(EEXIST\))$/);
    assert.ok(r.diagnostics.includes(failure));
    assert.equal(r.files[0]!.notWritten, failure);
    assert.deepEqual(r.files[0]!.written.map((f) => f.slice(tei.length + 1)), ['vol/000.xml', 'vol/002.xml']);
    assert.equal(r.files[1]!.notWritten, undefined);
    // the fourth document, no longer generated, would have gone: with a failure in the folder, nothing is removed
    assert.deepEqual(r.removed, []);
    assert.ok(existsSync(join(tei, 'vol', '003.xml')));
  });

  it('a file that cannot be removed (an immutable folder of a withdrawn source) is a finding, the run goes on', async function () {
    const one = source('one.txt', LETTER);
    const two = source('two.txt', VOLUME(3));
    await convertFiles([one, two], { outDir: tei, complete: true });
    if (spawnSync('chattr', ['+i', join(tei, 'two')]).status !== 0) {
      console.log('      skipped: chattr +i is not possible here (not root, or a file system without it)');
      this.skip();
    }
    const r = await convertFiles([one], { outDir: tei, complete: true });
    assert.deepEqual(
      r.writeFailures.map((d) => d.message.replace(tei, 'tei')),
      ['000', '001', '002'].map((n) => `cannot remove tei/two/${n}.xml: operation not permitted (EPERM)`),
      JSON.stringify(r.writeFailures),
    );
  });

  it('the documents waiting for their person ids wait in memory when the folder cannot hold their file', () => {
    writeFileSync(join(dir, 'afile'), '');
    const pending = new PendingDocuments(join(dir, 'afile', 'tei'));
    const places = ['<a/>', '<b>ü</b>', ''].map((t) => pending.put(t));
    assert.deepEqual(places.map((p) => Buffer.from(pending.get(p)).toString('utf8')), ['<a/>', '<b>ü</b>', '']);
    pending.close();
    assert.deepEqual(readdirSync(dir), ['afile']);
  });
});
