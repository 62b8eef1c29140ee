import { strict as assert } from 'node:assert';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { englishDates, frenchDates } from '../../../src/convert/entities/dates/chrono-setup.js';
import { englishMayFind, frenchMayFind } from '../../../src/convert/entities/dates/chrono-needs.js';

const REFERENCE = new Date(Date.UTC(1918, 6, 15, 12));

/** Holds each condition to chrono on one string: where it says "nothing", chrono's pipeline finds nothing. */
function holds(text: string): void {
  if (!englishMayFind(text)) assert.deepEqual(englishDates.parse(text, REFERENCE).map((r) => r.text), [], `English: ${JSON.stringify(text)}`);
  if (!frenchMayFind(text)) assert.deepEqual(frenchDates.parse(text, REFERENCE).map((r) => r.text), [], `French: ${JSON.stringify(text)}`);
}

describe('what chrono needs to find a date (the calls the date pass skips)', () => {
  it('skips the calls that found nothing in the FRUS volumes: month stems inside other words', () => {
    for (const text of ['The conclusions of the military commission met with the objection of the minister', 'Field Marshal Count von Waldersee',
      'to maintain the free communication', 'Decided to remain; Octavian, Novel, Junior, Augustus', 'Monsieur le Ministre: I hastened to communicate']) {
      assert.equal(englishMayFind(text), false, text);
      assert.equal(frenchMayFind(text), false, text);
      holds(text);
    }
    // A month word in English is no French date without a day before it.
    assert.equal(frenchMayFind('in March the Government'), false);
    assert.equal(frenchMayFind('le 13 mars 1901'), true);
    assert.equal(englishMayFind('on the 2d of May'), true);
  });

  it('lets through every form chrono reads (examples)', () => {
    for (const text of ['March 4, 1933', 'the 16th of June', 'Januaryfirst', 'Mayof 1918', 'MAy 5', '12.3.41',
      '1918 3 12 at 10 a.m.', 'Overmorrow', 'End of the month', '1918-03-12T10:00', 'Monday tmrw']) {
      assert.equal(englishMayFind(text), true, text);
      assert.ok(englishDates.parse(text, REFERENCE).length > 0, `chrono reads ${JSON.stringify(text)}`);
    }
    for (const text of ['le 1er janvier 1902', '16 Janvier 1901', '7 septembre', '22 décembre 1900', '12.3.41', 'La veille du départ', '13 mars1901', 'lundi, hier', "Lundi aujourd'hui"]) {
      assert.equal(frenchMayFind(text), true, text);
      assert.ok(frenchDates.parse(text, REFERENCE).length > 0, `chrono reads ${JSON.stringify(text)}`);
    }
  });

  it('never skips a string in which chrono finds a date (property)', () => {
    const months = fc.constantFrom(
      'January', 'Jan', 'Jan.', 'FEB', 'february', 'March', 'Mar.', 'mar', 'April', 'Apr', 'May', 'MAY', 'MAy', 'may', 'June', 'JUne', 'Jun',
      'July', 'Jul.', 'August', 'Aug', 'September', 'Sept.', 'SEP', 'October', 'Oct', 'November', 'Nov.', 'December', 'Dec', 'DEC.',
      'janvier', 'Janv.', 'février', 'Févr.', 'fev', 'mars', 'Mars', 'avril', 'Avr.', 'mai', 'MAI', 'juin', 'juillet', 'Juil.', 'août', 'AOÛT', 'aout',
      'septembre', 'octobre', 'novembre', 'décembre', 'DÉCEMBRE', 'Déc.', 'decembre',
    );
    const lookalikes = fc.constantFrom('Marshal', 'remain', 'maintain', 'Decided', 'Junior', 'Octavian', 'Novel', 'Augustus', 'Maréchal', 'marsh',
      'mairie', 'Julian', 'Septimus', 'janitor', 'avrillon', 'decembrist', 'Mayor', 'Marchand', 'Sept', 'Mars');
    const numbers = fc.oneof(fc.integer({ min: 0, max: 40 }).map(String), fc.constantFrom('1er', '2d', '3rd', '15th', '22nd', '1918', '1901', '41', '03', '1918 AD', '12h', '10h30'));
    const words = fc.constantFrom(
      'the', 'of', 'on', 'in', 'at', 'and', 'to', 'de', 'du', 'au', 'le', 'la', 'No.', 'Your', 'telegram', 'dated', 'first', 'twenty', 'second',
      'thirtieth', 'end', 'last', 'day', 'month', 'of the month', 'today', 'tonight', 'noon', 'midnight', 'overmorrow', 'Overmorrow', 'tomorrow',
      'yesterday', 'tmr', 'tmrw', 'morning', 'evening', 'Monday', 'Wed.', 'lundi', 'samedi', 'aujourd’hui', "aujourd'hui", 'demain', 'hier', 'maintenant',
      'cette nuit', 'Cette nuit', 'la veille', 'La veille', 'ce matin', 'à midi', 'à minuit', 'a.m.', 'p.m.', 'o’clock', 'heures', 'jusqu’au', 'jusqu\'au',
      'EST', 'GMT', 'BE', 'AD',
    );
    const separator = fc.constantFrom(' ', ' ', ' ', '', ', ', '.', '. ', '/', '-', '–', '\n', ' (', ') ', ': ', '_');
    const texts = (monthWeight: number): fc.Arbitrary<string> => {
      const token = fc.oneof({ arbitrary: months, weight: monthWeight }, { arbitrary: numbers, weight: 3 }, { arbitrary: words, weight: 3 }, { arbitrary: lookalikes, weight: 2 });
      return fc.array(fc.tuple(token, separator), { maxLength: 10 }).map((parts) => parts.map(([t, s]) => t + s).join(''));
    };
    // With month words often, and rarely: most strings of the first kind are let through, of the second skipped.
    let skipped = 0;
    fc.assert(fc.property(fc.oneof(texts(3), texts(0), texts(1)), (t) => {
      if (!englishMayFind(t) || !frenchMayFind(t)) skipped++;
      holds(t);
    }), { numRuns: 6000, seed: 20261202 });
    assert.ok(skipped > 2000, `${skipped} strings skipped`);
  });

  it('never skips a window of the seeds in which chrono finds a date', () => {
    const dir = 'sources';
    let skipped = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (let at = 0; at < text.length; at += 97) {
        const window = text.slice(at, at + 160);
        if (!englishMayFind(window) || !frenchMayFind(window)) skipped++;
        holds(window);
      }
    }
    assert.ok(skipped > 100, `${skipped} windows skipped`);
  });
});
