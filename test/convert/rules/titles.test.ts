/** titles: the dates and surnames of the titles the converter gives documents. */
import assert from 'node:assert/strict';
import { formatDate, surnameOf } from '../../../src/convert/rules/titles.js';

describe('rules/titles', () => {
  it('formats ISO dates of any precision', () => {
    assert.equal(formatDate('1941-07-18'), '18 July 1941');
    assert.equal(formatDate('1941-07'), 'July 1941');
    assert.equal(formatDate('1941'), '1941');
  });

  it('takes the surname in title case, without initials or titles', () => {
    assert.equal(surnameOf('J. V. STALIN'), 'Stalin');
    assert.equal(surnameOf('Mr W. CHURCHILL'), 'Churchill');
    assert.equal(surnameOf('Harriman'), 'Harriman');
    assert.equal(surnameOf('MOLOTOV-SKRYABIN'), 'Molotov-Skryabin');
  });
});
