/** word-table: words numbered by their text, asked about where they stand in a longer text. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { WordTable } from '../../../src/convert/readers/word-table.js';

describe('readers/word-table', () => {
  it('numbers words in the order they are added, and finds them inside other texts', () => {
    const table = new WordTable();
    assert.equal(table.add('the toast', 0, 3), 0);
    assert.equal(table.add('toast', 0, 5), 1);
    assert.equal(table.add('a toast.', 2, 7), 1);
    assert.equal(table.find('of the', 3, 6), 0);
    assert.equal(table.find('then', 0, 4), -1);
    assert.equal(table.find('th', 0, 2), -1);
    assert.equal(table.size, 2);
    assert.equal(table.word(1), 'toast');
  });

  it('gives equal words one number and different words different numbers, across growth (property)', () => {
    const words = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'Ж', '𝔄', '\ud835', ' '), maxLength: 6 });
    fc.assert(
      fc.property(fc.array(words, { maxLength: 300, size: 'max' }), fc.string({ maxLength: 3 }), (list, pad) => {
        const table = new WordTable();
        const byString = new Map<string, number>();
        for (const w of list) {
          const text = `${pad}${w}${pad}`;
          const id = table.add(text, pad.length, pad.length + w.length);
          if (!byString.has(w)) byString.set(w, byString.size);
          assert.equal(id, byString.get(w));
          assert.equal(table.find(`x${w}`, 1, 1 + w.length), id);
        }
        assert.equal(table.size, byString.size);
        assert.equal(table.find('zzzzzzz', 0, 7), -1);
      }),
      { numRuns: 300 },
    );
  });
});
