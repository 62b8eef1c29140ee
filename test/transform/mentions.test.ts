/** transform/mentions: the packed mentions give back each mention as it was added, whatever the text holds. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SpillFile } from '../../src/io/spill-file.js';
import { Mentions, type Mention } from '../../src/transform/mentions.js';

/** What a mention reads as once the marks of a cut are put back. */
function expected(person: string, document: string, name: string, before: string, after: string, cutBefore: boolean, cutAfter: boolean): Mention {
  return { person, document, name, before: cutBefore ? `…${before}` : before, after: cutAfter ? `${after}…` : after };
}

describe('Mentions', () => {
  it('gives back every mention as added, across chunks, in Latin-1 and beyond, with the marks of a cut', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', '…', '“', '\u{1F600}', '<'), maxLength: 70 });
    const row = fc.tuple(fc.constantFrom('eden', 'wilson-g', 'stalin-j'), fc.constantFrom('vol-001', 'vol-002'), text, text, text, fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(fc.array(row, { maxLength: 400 }), (rows) => {
        const mentions = new Mentions();
        for (const r of rows) mentions.add(...r);
        assert.equal(mentions.length, rows.length);
        assert.deepEqual([...mentions], rows.map((r) => expected(...r)));
        rows.forEach(([person, document, name], i) => {
          assert.equal(mentions.person(i), person);
          assert.equal(mentions.document(i), document);
          assert.equal(mentions.name(i), name);
        });
      }),
    );
  });

  it('holds 100,000 mentions (contexts past many chunks, rows past many blocks) and reads any of them while more are added', () => {
    const mentions = new Mentions();
    for (let i = 0; i < 100000; i++) {
      mentions.add(i % 2 ? 'eden' : 'wilson-g', `vol-${i % 3}`, `Name ${i % 5}`, `before ${i} `, ` after ${i}`, i % 7 === 0, i % 11 === 0);
      if (i % 9999 === 0) assert.equal(mentions.at(i).before, i % 7 === 0 ? `…before ${i} ` : `before ${i} `);
    }
    for (const i of [0, 8191, 8192, 65535, 99999]) {
      assert.deepEqual(mentions.at(i), expected(i % 2 ? 'eden' : 'wilson-g', `vol-${i % 3}`, `Name ${i % 5}`, `before ${i} `, ` after ${i}`, i % 7 === 0, i % 11 === 0));
    }
  });

  it('forgets the mentions of a file that proved not to be a document, and refuses places it does not hold', () => {
    const mentions = new Mentions();
    mentions.add('eden', 'vol-001', 'Eden', 'a', 'b', false, false);
    mentions.add('eden', 'vol-002', 'Eden', 'c', 'd', true, false);
    mentions.truncate(1);
    mentions.add('stalin-j', 'vol-003', 'Stalin', 'e', 'f', false, true);
    assert.deepEqual([...mentions], [expected('eden', 'vol-001', 'Eden', 'a', 'b', false, false), expected('stalin-j', 'vol-003', 'Stalin', 'e', 'f', false, true)]);
    assert.throws(() => mentions.at(2), RangeError);
    assert.throws(() => mentions.at(-1), RangeError);
    assert.throws(() => mentions.at(0.5), RangeError);
    assert.throws(() => mentions.add('eden', 'vol-001', 'Eden', 'x'.repeat(4096), '', false, false), RangeError);
  });

  describe('with a spill file', () => {
    let dir: string;
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'chancery-mentions-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('gives back every mention as added when every chunk waits in the file, read in order, backwards or at random', () => {
      const text = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', 'é', 'ÿ', '…', '“', '\u{1F600}', '\uD800', '<'), maxLength: 70 });
      const row = fc.tuple(fc.constantFrom('eden', 'wilson-g'), fc.constantFrom('vol-001', 'vol-002'), text, text, text, fc.boolean(), fc.boolean());
      fc.assert(
        fc.property(fc.array(row, { maxLength: 300 }), fc.array(fc.nat(), { maxLength: 50 }), (rows, picks) => {
          const mentions = new Mentions(new SpillFile(dir, 'mentions'), 0);
          try {
            // reading seals the open chunk into the file: each read below comes back from it
            for (const r of rows.slice(0, rows.length / 2)) mentions.add(...r);
            if (rows.length > 1) assert.deepEqual(mentions.at(0), expected(...rows[0]!));
            for (const r of rows.slice(rows.length / 2)) mentions.add(...r);
            assert.deepEqual([...mentions], rows.map((r) => expected(...r)));
            for (let i = rows.length - 1; i >= 0; i--) assert.deepEqual(mentions.at(i), expected(...rows[i]!));
            for (const p of picks) if (rows.length > 0) assert.deepEqual(mentions.at(p % rows.length), expected(...rows[p % rows.length]!));
          } finally {
            mentions.close();
          }
        }),
      );
    });

    it('keeps the first million characters in memory and the rest in one temporary file, removed by close()', () => {
      const mentions = new Mentions(new SpillFile(dir, 'mentions'));
      const add = (i: number): void => mentions.add(i % 2 ? 'eden' : 'wilson-g', 'vol-001', 'Name', `before ${i} “quoted” `, ` after ${i}`, i % 7 === 0, false);
      for (let i = 0; i < 20000; i++) add(i);
      assert.deepEqual(readdirSync(dir), [], 'about 700,000 characters: all in memory');
      for (let i = 20000; i < 100000; i++) add(i);
      const files = readdirSync(dir);
      assert.equal(files.length, 1);
      assert.match(files[0]!, /^\.mentions\.\d+\..*\.tmp$/);
      const mention = (i: number): Mention => expected(i % 2 ? 'eden' : 'wilson-g', 'vol-001', 'Name', `before ${i} “quoted” `, ` after ${i}`, i % 7 === 0, false);
      // one person's mentions in order, as a person page reads them, then scattered ones
      for (let i = 1; i < 100000; i += 2) assert.deepEqual(mentions.at(i), mention(i));
      for (let i = 0; i < 100000; i += 9973) assert.deepEqual(mentions.at(99999 - i), mention(99999 - i));
      mentions.close();
      assert.deepEqual(readdirSync(dir), []);
      assert.deepEqual(mentions.at(5), mention(5), 'the chunks held in memory stay readable');
      assert.throws(() => mentions.at(99998), /closed/);
    });

    it('keeps the contexts in memory where the file cannot be made', () => {
      const notAFolder = join(dir, 'file');
      writeFileSync(notAFolder, '');
      const mentions = new Mentions(new SpillFile(notAFolder, 'mentions'), 0);
      for (let i = 0; i < 20000; i++) mentions.add('eden', 'vol-001', 'Eden', `before ${i}`, `after ${i}`, false, false);
      assert.deepEqual(mentions.at(12345), expected('eden', 'vol-001', 'Eden', 'before 12345', 'after 12345', false, false));
      mentions.close();
      assert.deepEqual(mentions.at(19999), expected('eden', 'vol-001', 'Eden', 'before 19999', 'after 19999', false, false));
    });
  });
});
