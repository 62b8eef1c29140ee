import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { findDates, type DateMention } from '../../../src/convert/entities/dates/find-dates.js';

/** The values of the single date found in `text`, with its text. */
function one(text: string, reference?: string): Omit<DateMention, 'start' | 'end'> {
  const found = findDates(text, { reference });
  assert.equal(found.length, 1, `one date in ${JSON.stringify(text)}, got ${JSON.stringify(found)}`);
  const { start, end, ...rest } = found[0]!;
  assert.equal(text.slice(start, end), rest.text, 'offsets point at the text');
  return rest;
}

describe('findDates', () => {
  describe('forms of the seeds', () => {
    const cases: Array<[string, string | undefined, Omit<DateMention, 'start' | 'end'>]> = [
      ['Note on relations after the war, 24 September 1944', undefined, { text: '24 September 1944', when: '1944-09-24' }],
      ['December 23rd, 1941.', undefined, { text: 'December 23rd, 1941', when: '1941-12-23' }],
      ['H.\n\n23.12.41', undefined, { text: '23.12.41', when: '1941-12-23' }],
      ['Sir A. Cadogan, Gladwyn Jebb, 18 Sept. 1939, reporting', undefined, { text: '18 Sept. 1939', when: '1939-09-18' }],
      ['Seeds, no. 349, 29 March 1940, C15320', undefined, { text: '29 March 1940', when: '1940-03-29' }],
      ['(Molotov), no. 103202/06, 18 Sept. 1940.', undefined, { text: '18 Sept. 1940', when: '1940-09-18' }],
      ['at the end of January of the eight destroyers', '1944-01-29', { text: 'January', when: '1944-01', yearInferred: true }],
      ['Sent on August 4, 1941', undefined, { text: 'August 4, 1941', when: '1941-08-04' }],
      ['a meeting held at 4 pm. Wednesday, 4th October, 1944, in the Foreign', undefined, { text: 'Wednesday, 4th October, 1944', when: '1944-10-04' }],
      ['Molotov can arrive not later than May 10-15, accompanied', '1942-04-20', { text: 'May 10-15', from: '1942-05-10', to: '1942-05-15', yearInferred: true }],
      ['the talks of June 28-30', '1941-07-18', { text: 'June 28-30', from: '1941-06-28', to: '1941-06-30', yearInferred: true }],
      ['between 3–4 July 1940 there', undefined, { text: '3–4 July 1940', from: '1940-07-03', to: '1940-07-04' }],
      ['Webster a visité Londres et Paris du 10 au 22 novembre 1958 pour', undefined, { text: '10 au 22 novembre 1958', from: '1958-11-10', to: '1958-11-22' }],
      ['voir la communication de Webster à Léger, MAE/50128-40, 18 décembre 1958.', undefined, { text: '18 décembre 1958', when: '1958-12-18' }],
      ['Webster visited London and Paris from November 10-22, 1958 to discuss', undefined, { text: 'November 10-22, 1958', from: '1958-11-10', to: '1958-11-22' }],
      ['(January–March 1992), 23–58', undefined, { text: 'January–March 1992', from: '1992-01', to: '1992-03' }],
      ['In May 1939 Litvinov was sacked.', undefined, { text: 'May 1939', when: '1939-05' }],
      ['secret, 24, 26 Aug. 1939, DVP', undefined, { text: '26 Aug. 1939', when: '1939-08-26' }],
    ];
    for (const [text, reference, expected] of cases) {
      it(`${JSON.stringify(expected.text)}${reference ? ` (document of ${reference})` : ''}`, () => {
        assert.deepEqual(one(text, reference), expected);
      });
    }
  });

  describe('year inference from the document date', () => {
    it('takes the year of a telegram of 22 December 1941 for "December 20th"', () => {
      assert.deepEqual(one('In a telegram dated December 20th, Mr. Eden reported', '1941-12-22'), { text: 'December 20th', when: '1941-12-20', yearInferred: true });
    });
    it('reads a citation list of day-first dates ("17 Oct., 26 Oct., 2 Nov., 4 Dec., 9 Dec.")', () => {
      const found = findDates('secret, 17 Oct., 26 Oct., 2 Nov., 4 Dec., 9 Dec., 17 Dec. 1939, DVP', { reference: '1939-12-01' });
      assert.deepEqual(found.map((d) => [d.text, d.when]), [
        ['17 Oct.', '1939-10-17'], ['26 Oct.', '1939-10-26'], ['2 Nov.', '1939-11-02'], ['4 Dec.', '1939-12-04'], ['9 Dec.', '1939-12-09'],
        ['17 Dec. 1939', '1939-12-17'],
      ]);
    });
    it('takes the previous year for "December 28" in a January letter (year boundary)', () => {
      assert.deepEqual(one('your message of December 28 reached me', '1942-01-10'), { text: 'December 28', when: '1941-12-28', yearInferred: true });
    });
    it('takes the past for a date after a document word ("your message of December 28" in July)', () => {
      assert.deepEqual(one('I have received your message of December 28 and', '1942-07-01'), { text: 'December 28', when: '1941-12-28', yearInferred: true });
      assert.deepEqual(one('we shall meet on December 28 in Moscow', '1942-07-01'), { text: 'December 28', when: '1942-12-28', yearInferred: true });
      assert.deepEqual(one('Moscow, noon. [Received December 24—2:10 p.m.]', '1941-12-23'), { text: 'December 24—2:10 p.m.', when: '1941-12-24T14:10:00', yearInferred: true });
    });
    it('keeps the dates of a list in one run of months ("August or September" in a February letter)', () => {
      const found = findDates('planned for August or September.', { reference: '1943-02-16' });
      assert.deepEqual(found.map((d) => d.when), ['1943-08', '1943-09']);
      const convoys = findDates('four convoys in November, December, January and February', { reference: '1943-10-13' });
      assert.deepEqual(convoys.map((d) => d.when), ['1943-11', '1943-12', '1944-01', '1944-02']);
    });
    it('takes the next year for "January 3" in a December letter', () => {
      assert.deepEqual(one('we shall meet on January 3 in London', '1941-12-27'), { text: 'January 3', when: '1942-01-03', yearInferred: true });
    });
    it('reads "January 15" as a day, not the year 1915', () => {
      assert.deepEqual(one('I have received your message of January 15.', '1942-01-16'), { text: 'January 15', when: '1942-01-15', yearInferred: true });
    });
    it('reads "March 11 be treated" as a day, not a Buddhist-era year', () => {
      assert.deepEqual(one('your message of March 11 be treated as special', '1943-03-15'), { text: 'March 11', when: '1943-03-11', yearInferred: true });
    });
    it('gives a month alone as YYYY-MM ("by the beginning of October")', () => {
      assert.deepEqual(one('aluminium by the beginning of October and', '1941-09-03'), { text: 'October', when: '1941-10', yearInferred: true });
    });
    it('gives "last May" and "next March" the year the document implies, and "mid-March" its month', () => {
      assert.deepEqual(one('By the way, last May you wrote to me', '1944-06-01'), { text: 'May', when: '1944-05', yearInferred: true });
      assert.deepEqual(one('we resumed negotiations last May and', '1944-03-01'), { text: 'May', when: '1943-05', yearInferred: true });
      assert.deepEqual(one('the conference next March will', '1944-06-01'), { text: 'March', when: '1945-03', yearInferred: true });
      assert.deepEqual(one('20 ships in mid-March over and above', '1943-02-01'), { text: 'March', when: '1943-03', yearInferred: true });
    });
    it('gives "the end of April" as the month', () => {
      assert.deepEqual(one('not later than the end of April.', '1942-03-29'), { text: 'April', when: '1942-04', yearInferred: true });
    });
    it('finds the second month of "the end of April or early May"', () => {
      const found = findDates('not later than the end of April or early May.', { reference: '1942-03-29' });
      assert.deepEqual(found.map((d) => [d.text, d.when]), [['April', '1942-04'], ['May', '1942-05']]);
    });
    it('writes --MM-DD only where no year can be known', () => {
      assert.deepEqual(one('The next day, 27 September, Maiskii'), { text: '27 September', when: '--09-27' });
    });
    it('puts two-digit years in the century nearest the reference', () => {
      assert.equal(one('dated 23.12.41', '1941-12-01').when, '1941-12-23');
    });
  });

  describe('the night between two days', () => {
    it('makes "between 10 and 12 March 1940" a range', () => {
      assert.deepEqual(one('talks between 10 and 12 March 1940 in Moscow'), { text: '10 and 12 March 1940', from: '1940-03-10', to: '1940-03-12' });
    });
    it('makes "the night of 5/6 June" a range', () => {
      assert.deepEqual(one('during the night of 5/6 June the landing', '1944-06-15'), { text: '5/6 June', from: '1944-06-05', to: '1944-06-06', yearInferred: true });
    });
    it('makes "December 28th/29th" a range', () => {
      const text = 'broadcast at midnight, Greenwich Mean Time, on December 28th/29th, and';
      assert.deepEqual(one(text, '1941-12-23'), { text: 'December 28th/29th', from: '1941-12-28', to: '1941-12-29', yearInferred: true });
    });
  });

  describe('a date after a duration', () => {
    // chrono's relative parsers merged the duration and the date into one relative result, which is dropped:
    // "before March 4, 1933" left only "March", a month of the document's year.
    it('keeps "March 4, 1933" in "Three days before March 4, 1933"', () => {
      assert.deepEqual(one('Three days before March 4, 1933, the banks closed.', '1934-07-01'), { text: 'March 4, 1933', when: '1933-03-04' });
    });
    it('keeps "5 July 1934" in "two weeks after 5 July 1934"', () => {
      assert.deepEqual(one('He left two weeks after 5 July 1934 for Paris.', '1934-07-01'), { text: '5 July 1934', when: '1934-07-05' });
    });
    for (const text of ['three days later', 'within a week', 'next month', 'il y a deux jours', 'dans trois semaines']) {
      it(`finds no date in ${JSON.stringify(text)}`, () => assert.deepEqual(findDates(text, { reference: '1934-07-01' }), []));
    }
  });

  describe('an hour after the day (chrono reads "June 5, 10" as 1910, and drops "June 5, noon" as casual)', () => {
    // The day was lost: "June 5, 10 a.m." gave <date when="1919-06">June</date> 5, and "1918, 12 noon" the year 1912.
    const cases: Array<[string, Omit<DateMention, 'start' | 'end'>]> = [
      ['[Received June 5, 10 a.m.]', { text: 'June 5, 10 a.m.', when: '1919-06-05T10:00:00', yearInferred: true }],
      ['Received June\n5, 10 a.m.', { text: 'June\n5, 10 a.m.', when: '1919-06-05T10:00:00', yearInferred: true }],
      ['Your 143, July 27, 11 p.m., paragraph 3.', { text: 'July 27, 11 p.m.', when: '1919-07-27T23:00:00', yearInferred: true }],
      ['Your 112, Sept. 5, 10 A.M. The', { text: 'Sept. 5, 10 A.M.', when: '1919-09-05T10:00:00', yearInferred: true }],
      ['Your 120, 5 June, 12 p.m.', { text: '5 June, 12 p.m.', when: '1919-06-05T12:00:00', yearInferred: true }],
      ['promised for June 5, 10 o\'clock', { text: 'June 5', when: '1919-06-05', yearInferred: true }],
      ['Your 71, May 29, noon, and', { text: 'May 29, noon', when: '1919-05-29T12:00:00', yearInferred: true }],
      ['Your 80, November 24, midnight. Please', { text: 'November 24, midnight', when: '1919-11-24T00:00:00', yearInferred: true }],
      ['an answer on June 5, 12 noon, and', { text: 'June 5, 12 noon', when: '1919-06-05T12:00:00', yearInferred: true }],
      ['My 80, March 30, 1918, 12 noon, gave', { text: 'March 30, 1918, 12 noon', when: '1918-03-30T12:00:00' }],
      ['My 80, March 30, 1918, 12 gave', { text: 'March 30, 1918', when: '1918-03-30' }],
      ['again at noon on June 6.', { text: 'June 6', when: '1919-06-06', yearInferred: true }],
    ];
    for (const [text, expected] of cases) {
      it(JSON.stringify(text), () => assert.deepEqual(one(text, '1919-06-04'), expected));
    }
    it('still reads the number before "a.m." as an hour where no comma parts it from the day ("on July 5 a.m.")', () => {
      assert.deepEqual(one('on July 5 a.m.', '1919-06-04'), { text: 'July', when: '1919-07', yearInferred: true });
    });
  });

  describe('a telegram\'s number before the month ("No. 1961, Sept. 17" was September 1961, or 1917)', () => {
    it('takes the month and the day after it, and infers the year', () => {
      assert.deepEqual(one('See Ambassador\'s No. 1961, Sept. 17, 9 p.m., ante', '1919-06-04'), { text: 'Sept. 17, 9 p.m.', when: '1919-09-17T21:00:00', yearInferred: true });
      assert.deepEqual(one('see telegram No. 1315, Apr. 14, vol. i', '1919-06-04'), { text: 'Apr. 14', when: '1919-04-14', yearInferred: true });
      const found = findDates('telegrams No. 1883, Dec. 6, and No. 1917, Dec. 20, and the', { reference: '1918-12-28' });
      assert.deepEqual(found.map((d) => [d.text, d.when]), [['Dec. 6', '1918-12-06'], ['Dec. 20', '1918-12-20']]);
    });
    it('leaves a shorter reference number out of the date ("Your 12, Sept. 5" spanned "12, ")', () => {
      assert.deepEqual(one('Your 12, Sept. 5, reached me', '1919-06-04'), { text: 'Sept. 5', when: '1919-09-05', yearInferred: true });
      assert.deepEqual(one('My 7, Oct. 3, 1918, was', '1919-06-04'), { text: 'Oct. 3, 1918', when: '1918-10-03' });
      // chrono read the day as a year when the number before was an hour: "23, March 26" was March 1926.
      assert.deepEqual(one('Your 23, March 26, asked', '1919-06-04'), { text: 'March 26', when: '1919-03-26', yearInferred: true });
      assert.deepEqual(one('Your 12, Sept. 5, 4 p.m. The', '1919-06-04'), { text: 'Sept. 5, 4 p.m.', when: '1919-09-05T16:00:00', yearInferred: true });
    });
    it('leaves the number after "No." out of the date ("No. 31 of April 11" was the month alone)', () => {
      assert.deepEqual(one('Instructions No. 31 of April 11, 3 p.m. The', '1919-06-04'), { text: 'April 11, 3 p.m.', when: '1919-04-11T15:00:00', yearInferred: true });
      assert.deepEqual(one('his note No. 4 of May 9 said', '1919-06-04'), { text: 'May 9', when: '1919-05-09', yearInferred: true });
      assert.deepEqual(one('despatches Nos. 28 of 3 March 1919 and', '1919-06-04'), { text: '3 March 1919', when: '1919-03-03' });
    });
    it('keeps a year before a month with no day after it ("In 1917, December")', () => {
      assert.deepEqual(one('In 1917, December was cold', '1919-06-04'), { text: '1917, December', when: '1917-12' });
    });
  });

  describe('negative fixtures: no date', () => {
    const negatives = [
      'The best time to open this front is now, seeing that',
      'that they had the last night and which went on',
      'the next few months would be very difficult in the Far East',
      'Thank you for the message. I agree today.',
      'at 4 pm. and again at 10 p.m.',
      'on Wednesday the Cabinet met',
      'It may not be out of place to inform you. May I add?',
      'Molotov may have thought that the about-turn was fair play.',
      'In the 1930s, since 1933, during 1919–1920',
      'in the spring, (Winter 1996), summer 1997, autumn 1999',
      'files 6253/14/41, G260/3/41, C14998/13953/18 and N5736/1458/38',
      'pp. 147–72, 303-41, vol. XXII, bk. 2, 44-5, MAE/50128-40, PRO FO 371 23102',
      '30-34 fresh German divisions; 25-30 divisions at Archangel',
      'paragraphs 8, 9 and 10 of your message',
    ];
    for (const text of negatives) {
      it(JSON.stringify(text), () => assert.deepEqual(findDates(text, { reference: '1941-12-22' }), []));
    }
  });
});

describe('findDates: times of day in running text (hand-annotated set, test/fixtures/dates/running-text-times.json)', () => {
  const set = JSON.parse(readFileSync(new URL('../../../../test/fixtures/dates/running-text-times.json', import.meta.url), 'utf8')) as {
    cases: Array<{ doc: string; reference: string; text: string; dates: Array<{ text: string; when: string }> }>;
  };
  for (const c of set.cases) {
    it(`${c.doc}: ${c.text}`, () => {
      assert.deepEqual(findDates(c.text, { reference: c.reference }).map((d) => ({ text: d.text, when: d.when })), c.dates);
    });
  }
});
