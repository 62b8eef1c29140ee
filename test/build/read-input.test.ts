/**
 * Reading the inputs of `convert` and `build`: each problem a person can meet (a missing file, a folder, a file
 * above the size limit, a sources folder with nothing to convert) is an error naming the file and what to do,
 * with the code and exit status the CLI reports.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listSources, readInput } from '../../src/build/index.js';
import { InputError, UsageError } from '../../src/diagnostics/diagnostic.js';

describe('readInput', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-read-input-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('returns the bytes of a regular file within the limit', () => {
    const path = join(dir, 'letter.txt');
    writeFileSync(path, 'Dear Sir,\n');
    assert.equal(Buffer.from(readInput(path)).toString('utf8'), 'Dear Sir,\n');
  });

  it('names a missing file (TEI-IN-001, exit 3)', () => {
    const path = join(dir, 'absent.txt');
    assert.throws(() => readInput(path), (e: unknown) => e instanceof InputError && e.code === 'TEI-IN-001' && e.exitCode === 3 && e.message === `${path}: no such file`);
  });

  it('says a folder is a directory, not a text file (TEI-IN-002)', () => {
    assert.throws(() => readInput(dir), (e: unknown) => e instanceof InputError && e.code === 'TEI-IN-002' && e.message === `${dir}: is a directory, not a text file`);
  });

  it('gives the size of a file above the limit and how to raise it (TEI-IN-006)', () => {
    const path = join(dir, 'big.txt');
    writeFileSync(path, 'x'.repeat(3000));
    assert.throws(
      () => readInput(path, 1000),
      (e: unknown) => e instanceof InputError && e.code === 'TEI-IN-006' && / 3 kB is above the limit of 1000 bytes \(raise it with --max-size\)$/.test(e.message),
    );
    writeFileSync(path, 'x'.repeat(3 * 1048576));
    assert.throws(() => readInput(path, 2 * 1048576), (e: unknown) => e instanceof InputError && / 3 MB is above the limit of 2 MB /.test(e.message));
  });

  it('says what a named pipe is instead of waiting on it', function () {
    const fifo = join(dir, 'pipe.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      this.skip();
    }
    assert.throws(() => readInput(fifo), (e: unknown) => e instanceof InputError && e.code === 'TEI-IN-002' && e.message.startsWith(`${fifo}: is `) && e.message.endsWith(', not a text file'));
  });

  it('says why a file cannot be opened: a loop of symbolic links, a file taken for a folder (TEI-IN-002)', () => {
    const loop = join(dir, 'loop.txt');
    symlinkSync(join(dir, 'other.txt'), loop);
    symlinkSync(loop, join(dir, 'other.txt'));
    assert.throws(() => readInput(loop), (e: unknown) => e instanceof InputError && e.code === 'TEI-IN-002' && e.exitCode === 3 && e.message === `${loop}: cannot read: a loop of symbolic links (ELOOP)`);
    const file = join(dir, 'letter.txt');
    writeFileSync(file, 'Dear Sir,\n');
    const under = join(file, 'inside.txt');
    assert.throws(() => readInput(under), (e: unknown) => e instanceof InputError && e.code === 'TEI-IN-002' && e.message === `${under}: cannot read: a part of the path is not a folder (ENOTDIR)`);
  });
});

describe('listSources', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-sources-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the .txt files, sorted, leaving out hidden files and other kinds', () => {
    for (const name of ['b.txt', 'a.txt', '.draft.txt', 'notes.md']) writeFileSync(join(dir, name), 'x');
    assert.deepEqual(listSources(dir), [join(dir, 'a.txt'), join(dir, 'b.txt')]);
  });

  it('names a sources folder that does not exist, or is a file (TEI-ED-006)', () => {
    const missing = join(dir, 'sources');
    assert.throws(() => listSources(missing), (e: unknown) => e instanceof UsageError && e.code === 'TEI-ED-006' && e.message.startsWith(`${missing}: no such folder`));
    const file = join(dir, 'file');
    writeFileSync(file, 'x');
    assert.throws(() => listSources(file), (e: unknown) => e instanceof UsageError && e.message.startsWith(`${file}: no such folder`));
  });

  it('says a sources folder without text files needs them', () => {
    mkdirSync(join(dir, 'empty'));
    assert.throws(() => listSources(join(dir, 'empty')), (e: unknown) => e instanceof UsageError && /holds no \.txt files/.test(e.message));
  });
});
