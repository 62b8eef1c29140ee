/**
 * rules/page-numbers: the page each turn of a document begins, from the numbers printed around the turns.
 */
import assert from 'node:assert/strict';
import { numberPageTurns, type PageTurn } from '../../../src/convert/rules/page-numbers.js';

const turns = (...printed: (number | undefined)[]): PageTurn[] => printed.map((p) => (p === undefined ? {} : { printed: p }));
const numbers = (...printed: (number | undefined)[]) => numberPageTurns(turns(...printed)).map((s) => (s ? `${s.n}${s.cert ? `:${s.cert}` : ''}` : '-'));

describe('rules/page-numbers', () => {
  it('numbers nothing without a printed number', () => {
    assert.deepEqual(numbers(undefined, undefined), ['-', '-']);
  });

  it('reads a number above the turn count as a page head, and counts back to page 1 with high certainty', () => {
    // the seed letter: two bare turns, then "-4-" at the third
    assert.deepEqual(numbers(undefined, undefined, 4), ['2:high', '3:high', '4']);
  });

  it('counts back with medium certainty when the first page would not be page 1', () => {
    assert.deepEqual(numbers(undefined, 148), ['147:medium', '148']);
  });

  it('does not count back below page 1', () => {
    // "-3-" at the fourth turn cannot head page 3 nor be its foot with three turns before it counted: numbers as a
    // foot (3 ≤ 4) give page 4, and page 1 would be page 0
    assert.deepEqual(numbers(undefined, undefined, undefined, 3), ['-', '-', '-', '4:high']);
  });

  it('reads a number no greater than its turn as a page foot: the turn begins the next page', () => {
    assert.deepEqual(numbers(undefined, 2), ['2:high', '3:high']);
    assert.deepEqual(numbers(1, undefined, 3), ['2:high', '3:high', '4:high']);
  });

  it('counts between two printed numbers only when the count fits', () => {
    assert.deepEqual(numbers(5, undefined, undefined, 8), ['5', '6:high', '7:high', '8']);
    // a page turn the source did not show lies between: nothing is counted there
    assert.deepEqual(numbers(5, undefined, 9), ['5', '-', '9']);
  });

  it('counts forward after the last printed number with medium certainty', () => {
    assert.deepEqual(numbers(undefined, 3, undefined, undefined), ['2:high', '3', '4:medium', '5:medium']);
  });
});
