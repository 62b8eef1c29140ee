import assert from 'node:assert/strict';
import { configuration as englishConfiguration } from 'chrono-node/en';
import { createCasualConfiguration as frenchCasualConfiguration } from 'chrono-node/fr';
import { englishDates, frenchDates, makesRelativeDates } from '../../../../src/convert/entities/dates/chrono-setup.js';

/** The classes' names, as chrono writes them (unbundled: dist/src loads chrono-node's own files). */
const names = (parsers: readonly object[]): string[] => parsers.map((p) => p.constructor.name);

const RELATIVE_ENGLISH = ['ENRelativeDateFormatParser', 'ENTimeUnitAgoFormatParser', 'ENTimeUnitCasualRelativeFormatParser', 'ENTimeUnitLaterFormatParser', 'ENTimeUnitWithinFormatParser'];
// chrono names two of its French classes FRTimeUnitAgoFormatParser ("il y a deux jours", "la semaine dernière")
const RELATIVE_FRENCH = ['FRTimeUnitAgoFormatParser', 'FRTimeUnitAgoFormatParser', 'FRTimeUnitWithinFormatParser'];

describe('convert/entities/dates/chrono-setup: the date pipelines', () => {
  const english = englishConfiguration.createCasualConfiguration(true).parsers;
  const french = frenchCasualConfiguration(true).parsers;

  it('leaves out exactly chrono\'s parsers of durations and relative dates, five of English and three of French', () => {
    assert.deepEqual(names(english.filter(makesRelativeDates)).sort(), RELATIVE_ENGLISH);
    assert.deepEqual(names(french.filter(makesRelativeDates)).sort(), RELATIVE_FRENCH);
  });

  it('keeps every other parser, in chrono\'s order', () => {
    assert.deepEqual(names(englishDates.parsers), names(english).filter((n) => !RELATIVE_ENGLISH.includes(n)));
    assert.deepEqual(names(frenchDates.parsers), names(french).filter((n) => !RELATIVE_FRENCH.includes(n)));
    assert.equal(englishDates.parsers.length, english.length - 5);
    assert.equal(frenchDates.parsers.length, french.length - 3);
    assert.ok(names(englishDates.parsers).includes('ENMonthNameLittleEndianParser'));
    assert.ok(names(frenchDates.parsers).includes('FRMonthNameLittleEndianParser'));
  });

  it('still reads the dates a document states', () => {
    assert.equal(englishDates.parse('Moscow, July 18, 1941.')[0]?.start.get('day'), 18);
    assert.equal(frenchDates.parse('Paris, le 18 décembre 1958')[0]?.start.get('month'), 12);
  });
});
