/** transform/mentions: the packed mentions give back each mention as it was added, whatever the text holds. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
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
});
