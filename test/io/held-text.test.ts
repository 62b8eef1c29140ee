/** io/held-text: text waits in memory, then in a temporary file, and comes back whole and in order. */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeldText } from '../../src/io/held-text.js';
import { SpillFile } from '../../src/io/spill-file.js';

describe('HeldText', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'chancery-held-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const pieces = Array.from({ length: 500 }, (_, i) => `piece ${i} é… \u{1F600} `);

  it('keeps a large text in its temporary file, gives it back in order, and the file goes with close()', () => {
    const spill = new SpillFile(dir, 'held');
    const held = new HeldText(spill, 100);
    for (const p of pieces) held.push(p);
    assert.equal(readdirSync(dir).length, 1, 'the text went to a temporary file');
    const back: string[] = [];
    held.forEach((p) => back.push(p));
    assert.equal(back.join(''), pieces.join(''));
    assert.ok(back.length < pieces.length, 'read back in batches');
    spill.close();
    assert.deepEqual(readdirSync(dir), []);
  });

  it('keeps the text in memory where there is no folder for it, or the folder cannot take it', () => {
    const blocked = join(dir, 'a-file');
    writeFileSync(blocked, '');
    for (const spill of [undefined, new SpillFile(join(blocked, 'below'), 'held')]) {
      const held = new HeldText(spill, 100);
      for (const p of pieces) held.push(p);
      const back: string[] = [];
      held.forEach((p) => back.push(p));
      assert.equal(back.join(''), pieces.join(''));
    }
  });
});
