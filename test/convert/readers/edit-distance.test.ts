/**
 * Edit distance, stopped early: fixed pairs of names, then against a plain Levenshtein table (property).
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { editDistance } from '../../../src/convert/readers/edit-distance.js';

/** The whole Levenshtein table, never stopped: the measure the early stop must agree with. */
function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  }
  return d[a.length]![b.length]!;
}

describe('readers/edit-distance', () => {
  it('counts substitutions, insertions and deletions; past `max`, a number past it', () => {
    assert.equal(editDistance('cadogan', 'cagogan'), 1);
    assert.equal(editDistance('stanley', 'standley'), 1);
    assert.equal(editDistance('hay', 'hay'), 0);
    assert.equal(editDistance('', 'abc', 3), 3);
    assert.equal(editDistance('abcdef', 'uvwxyz', 1), 2);
    assert.equal(editDistance('ab', 'abcdef'), 3); // lengths four apart, answered before the table
    assert.equal(editDistance('aaaaa', 'bb', 3), 4); // every way costs more than 3 by the third row: left there
    assert.equal(editDistance('bb', 'aaaaa', 3), 5); // two rows, the last reached: the distance itself
  });

  it('agrees with the whole table up to `max`, and is above `max` beyond it (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'é'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 5 }), (a, b, max) => {
        const full = levenshtein(a, b);
        const d = editDistance(a, b, max);
        if (full <= max) assert.equal(d, full);
        else assert.ok(d > max && d <= full, `${d} for ${full} within ${max}`);
      }),
      { numRuns: 2000 },
    );
  });
});
