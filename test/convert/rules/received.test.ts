/**
 * received: receipt lines under a telegram's dateline, read without mistaking a time for a year, and made whole
 * from the sending date with what was inferred said so.
 */
import assert from 'node:assert/strict';
import { completeReceipt, parseDeliveryLine, parseReceivedLine } from '../../../src/convert/rules/received.js';
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

  describe('parseDeliveryLine', () => {
    it('"[Handed to Mr. Adee by Mr. Wu, August 20, 1900—10.15 a.m.]": the date and time the paper was handed over', () => {
      assert.deepEqual(parseDeliveryLine('[Handed to Mr. Adee by Mr. Wu, August 20, 1900—10.15 a.m.]'), {
        receipt: { month: 8, day: 20, year: 1900, time: '10:15:00' },
        text: 'August 20, 1900—10.15 a.m.',
      });
    });

    it('names with commas before the date, a date without a year in the middle, delivered to an office', () => {
      assert.deepEqual(parseDeliveryLine('[Handed to the Chinese Minister, Mr. Wu, by Acting Secretary Hill, September 12, 1900.]'), {
        receipt: { month: 9, day: 12, year: 1900 },
        text: 'September 12, 1900',
      });
      assert.deepEqual(parseDeliveryLine('[Handed to Acting Secretary Hill on September 10 by the Chinese minister, Mr. Wu Ting-fang].'), {
        receipt: { month: 9, day: 10 },
        text: 'September 10',
      });
      assert.deepEqual(parseDeliveryLine('[Delivered to the Department of State by the Chinese minister, Mr. Wu Ting-fang, August 12, 1900, 10 a.m.]')?.receipt, {
        month: 8,
        day: 12,
        year: 1900,
        time: '10:00:00',
      });
    });

    it('is not a source line of another kind, nor a delivery without a date', () => {
      assert.equal(parseDeliveryLine('[Inclosure 1 in No. 536—Translation.]'), undefined);
      assert.equal(parseDeliveryLine('[Received August 20, 10.15 a.m.]'), undefined);
      assert.equal(parseDeliveryLine('[Handed to the Secretary by the German chargé d’affaires.]'), undefined);
      assert.equal(parseDeliveryLine('He handed to me on August 20 a note.'), undefined);
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

    it('without a sending date, only a receipt printed whole', () => {
      assert.deepEqual(completeReceipt({ month: 8, day: 20, year: 1900, time: '10:15:00' }, undefined), { when: '1900-08-20T10:15:00', yearInferred: false, dayInferred: false });
      assert.equal(completeReceipt({ month: 9, day: 10 }, undefined), undefined);
    });

    it('an impossible day gives nothing', () => {
      assert.equal(completeReceipt({ month: 2, day: 30 }, '1918-02-12'), undefined);
    });
  });
});
