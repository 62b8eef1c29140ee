import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { scanDayMonthYear, scanMonthNames } from '../../../src/convert/entities/dates/fallback-day-month-year.js';
import { monthsIn } from '../../../src/convert/entities/dates/find-dates.js';

/** Texts made of what the two scans read: days, suffixes, months in every spelling, years, and what may part them. */
const piece = fc.constantFrom(
  '5', '12', '123', '1', '31', '0', '1934', '19345', '34', 'st', 'nd', 'th', 'rd',
  'May', 'March', 'June', 'Jun', 'Sept', 'Sep', 'September', 'Dec', 'December', 'Mar', 'MAY', 'Marshal', 'Mayor', 'Junes', 'mai', 'juin', 'décembre',
  ' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '.', ',', ', ', '-', 'mid-', '/', '(', 'in', 'of', 'early', 'the', 'x', '_',
);
const day = fc.constantFrom('5', '12', '31', '123', '0', '1', '34', 'x5', '.5', '/5', '-5');
const month = fc.constantFrom('May', 'March', 'June', 'Jun', 'Sept', 'Sep', 'September', 'Dec', 'December', 'Aug', 'MAY', 'Marshal', 'Junes', 'mai');
const year = fc.constantFrom('1934', '19345', '34', '1934/5', '1934x', '');
const gap = fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', '', '-');
const dated = fc.tuple(day, fc.constantFrom('', 'st', 'th', 'nd'), gap, month, fc.constantFrom('', '.', ',', '.,'), gap, year)
  .map((parts) => parts.join(''));
const text = fc.array(fc.oneof(piece, dated), { maxLength: 10 }).map((pieces) => pieces.join(''));

describe('fallback scans read where month words begin (find-dates.ts passes them)', () => {
  it('finds the day-month-year dates of a scan of the whole text', () => {
    let found = 0;
    fc.assert(fc.property(text, (t) => {
      const whole = scanDayMonthYear(t);
      if (whole.length > 0) found++;
      assert.deepEqual(scanDayMonthYear(t, monthsIn(t).map((s) => s[0])), whole);
    }), { numRuns: 20000, seed: 20261202 });
    assert.ok(found > 50, `only ${found} texts held a date: the generator must reach the pattern`);
  });

  it('finds the month names of a scan of the whole text', () => {
    let found = 0;
    fc.assert(fc.property(text, (t) => {
      const whole = scanMonthNames(t);
      if (whole.length > 0) found++;
      assert.deepEqual(scanMonthNames(t, monthsIn(t).map((s) => s[0])), whole);
    }), { numRuns: 5000, seed: 20261202 });
    assert.ok(found > 500, `only ${found} texts held a month name`);
  });

  it('reads the forms it is for', () => {
    const t = 'secret, 24, 26 Aug. 1939, and 1st\nMay 1940; in June 1941 and early May, 123 May 1934';
    const starts = monthsIn(t).map((s) => s[0]);
    assert.deepEqual(scanDayMonthYear(t, starts).map((d) => [d.text, d.when]), [['26 Aug. 1939', '1939-08-26'], ['1st\nMay 1940', '1940-05-01']]);
    assert.deepEqual(scanMonthNames(t, starts).map((d) => d.text), ['June 1941', 'May']);
  });
});
