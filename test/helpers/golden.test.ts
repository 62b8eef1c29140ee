/** The golden-file helper: a missing expected file fails unless UPDATE_GOLDEN=1 asks to write it. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertGolden, updatingGolden } from './golden.js';

describe('golden files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chancery-golden-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('fails on a missing expected file and does not write it', () => {
    const file = join(dir, 'expected.xml');
    assert.throws(() => assertGolden(file, '<a/>', false), /does not exist: run UPDATE_GOLDEN=1/);
    assert.equal(existsSync(file), false);
  });

  it('fails when the output differs from the expected file', () => {
    const file = join(dir, 'expected.xml');
    writeFileSync(file, '<a/>');
    assert.throws(() => assertGolden(file, '<b/>', false), assert.AssertionError);
    assertGolden(file, '<a/>', false);
  });

  it('writes the expected file only when updating', () => {
    const file = join(dir, 'expected.xml');
    assertGolden(file, '<a/>', true);
    assert.equal(readFileSync(file, 'utf8'), '<a/>');
  });

  it('updates only for UPDATE_GOLDEN=1', () => {
    assert.equal(updatingGolden({ UPDATE_GOLDEN: '1' }), true);
    assert.equal(updatingGolden({}), false);
    assert.equal(updatingGolden({ UPDATE_GOLDEN: '' }), false);
  });
});
