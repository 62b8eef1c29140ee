/**
 * io/write-file-atomic: temporary files are ours by their name (`.<name>.<pid>.<time>.tmp`); a dead process's are
 * removed by the next run, this process's when the worker thread writing them was stopped, anyone else's never.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { removeOwnTempFiles, removeStaleTempFiles, writeFileAtomic, writeFileAtomicFrom } from '../../src/io/write-file-atomic.js';

describe('io/write-file-atomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-atomic-'));
    mkdirSync(join(dir, 'sub'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the file whole and leaves no temporary file, a long name included', () => {
    const long = join(dir, 'sub', `${'x'.repeat(250)}.xml`);
    writeFileAtomic(long, 'text');
    assert.equal(readFileSync(long, 'utf8'), 'text');
    assert.deepEqual(readdirSync(join(dir, 'sub')), [`${'x'.repeat(250)}.xml`]);
  });

  it('makes the folder it writes into when there is none, and fails as mkdir does where a file stands in the way', () => {
    const deep = join(dir, 'new', 'deeper', 'a.xml');
    writeFileAtomic(deep, new Uint8Array([0x3c, 0x61, 0x2f, 0x3e]));
    assert.equal(readFileSync(deep, 'utf8'), '<a/>');
    writeFileAtomic(join(dir, 'new', 'deeper', 'b.xml'), 'ü');
    assert.deepEqual(readdirSync(join(dir, 'new', 'deeper')), ['a.xml', 'b.xml']);
    writeFileSync(join(dir, 'file'), '');
    assert.throws(() => writeFileAtomic(join(dir, 'file', 'c.xml'), 'x'), (e: NodeJS.ErrnoException) => e.syscall === 'mkdir' && (e.code === 'EEXIST' || e.code === 'ENOTDIR'));
    assert.deepEqual(readdirSync(dir).sort(), ['file', 'new', 'sub']);
  });

  it('writes content made piece by piece, across several batches, as the pieces joined', () => {
    const target = join(dir, 'sub', 'pieces.txt');
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i} Müller ✓ ${'y'.repeat(i % 97)}\n`);
    writeFileAtomicFrom(target, (write) => pieces.forEach(write));
    assert.equal(readFileSync(target, 'utf8'), pieces.join(''));
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['pieces.txt']);
  });

  it('leaves the target as it was and no temporary file when the pieces fail half-way', () => {
    const target = join(dir, 'sub', 'kept.txt');
    writeFileSync(target, 'before');
    assert.throws(
      () =>
        writeFileAtomicFrom(target, (write) => {
          write('x'.repeat(200000));
          throw new Error('the source went away');
        }),
      /the source went away/,
    );
    assert.equal(readFileSync(target, 'utf8'), 'before');
    assert.deepEqual(readdirSync(join(dir, 'sub')), ['kept.txt']);
  });

  it("removes this process's temporary files (a stopped worker's), not a live process's, not files of another pattern", () => {
    const own = join(dir, 'sub', `.a.xml.${process.pid}.abc.tmp`);
    const live = join(dir, 'sub', `.b.xml.${process.ppid}.abc.tmp`);
    const dead = join(dir, `.c.xml.999999999.abc.tmp`);
    const other = join(dir, 'notes.tmp');
    for (const f of [own, live, dead, other]) writeFileSync(f, 'half');
    assert.equal(removeOwnTempFiles(dir), 1);
    assert.deepEqual([own, live, dead, other].map(existsSync), [false, true, true, true]);
    assert.equal(removeStaleTempFiles(dir), 1);
    assert.deepEqual([live, dead, other].map(existsSync), [true, false, true]);
  });
});
