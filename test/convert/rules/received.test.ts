/**
 * received: receipt lines under a telegram's dateline, read without mistaking a time for a year, and made whole
 * from the sending date with what was inferred said so.
 */
import assert from 'node:assert/strict';
import { completeReceipt, parseReceivedLine } from '../../../src/convert/rules/received.js';
import { frusDocuments } from '../../helpers/frus.js';

describe('rules/received', () => {
  describe('parseReceivedLine', () => {
    it('"[Received April 8, 7.45 p.m.]": month, day and time', () => {
      assert.deepEqual(parseReceivedLine('[Received April 8, 7.45 p.m.]'), { month: 4, day: 8, time: '19:45:00' });
    });

    it('"[Received July 9, 11.15 p.m.]": 11 is an hour, never the year 1911', () => {
      assert.deepEqual(parseReceivedLine('[Received July 9, 11.15 p.m.]'), { month: 7, day: 9, time: '23:15:00' });
    });

    it('a time alone, a day alone, a printed year', () => {
      assert.deepEqual(parseReceivedLine('[Received 6:40 p.m.]'), { time: '18:40:00' });
      assert.deepEqual(parseReceivedLine('[Received June 10.]'), { month: 6, day: 10 });
      assert.deepEqual(parseReceivedLine('[Received January 10, 1919, 9.25 a.m.]'), { month: 1, day: 10, year: 1919, time: '09:25:00' });
      assert.deepEqual(parseReceivedLine('[Received July 27—11:22 a.m.]'), { month: 7, day: 27, time: '11:22:00' });
    });

    it('who received it and a second receipt do not stop the reading', () => {
      assert.deepEqual(parseReceivedLine('[Received at the Department of State, August 21, 1900–3.17 p.m.]'), { month: 8, day: 21, year: 1900, time: '15:17:00' });
      assert.deepEqual(parseReceivedLine('[Received July 24, 9.35 p.m.; July 26, 4.30 a.m.]'), { month: 7, day: 24, time: '21:35:00' });
    });

    it('is not fooled by other lines', () => {
      assert.equal(parseReceivedLine('Received your telegram of yesterday.'), undefined);
      assert.equal(parseReceivedLine('[Telegram]'), undefined);
      assert.equal(parseReceivedLine('[Received]'), undefined);
    });

    it('reads every receipt line of the FRUS development volumes but misprints', function () {
      const docs = frusDocuments();
      if (!docs) {
        console.log('      skipped: ../shared/frus-dev is not available');
        this.skip();
      }
      const lines = docs.flatMap((d) => d.text.split('\n').filter((l) => /^\[Received\b/.test(l)));
      const unread = lines.filter((l) => !parseReceivedLine(l));
      // "[Received July 26, 210 a.m.]": the printed time has lost its point.
      assert.deepEqual(unread, ['[Received July 26, 210 a.m.]']);
      assert.ok(lines.length > 600, String(lines.length));
    });
  });

  describe('completeReceipt', () => {
    it('takes the day and year of the dateline when only a time is printed', () => {
      assert.deepEqual(completeReceipt({ time: '18:40:00' }, '1934-09-01'), { when: '1934-09-01T18:40:00', yearInferred: true, dayInferred: true });
    });

    it('a receipt in January of a December telegram is in the next year', () => {
      assert.deepEqual(completeReceipt({ month: 1, day: 2, time: '09:25:00' }, '1918-12-27T22:00:00'), { when: '1919-01-02T09:25:00', yearInferred: true, dayInferred: false });
    });

    it('a printed year is kept and not marked inferred', () => {
      assert.deepEqual(completeReceipt({ month: 1, day: 10, year: 1919 }, '1919-01-08'), { when: '1919-01-10', yearInferred: false, dayInferred: false });
    });

    it('an impossible day gives nothing', () => {
      assert.equal(completeReceipt({ month: 2, day: 30 }, '1918-02-12'), undefined);
    });
  });
});
