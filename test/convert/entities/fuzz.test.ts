import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findDates } from '../../../src/convert/entities/dates/find-dates.js';
import { findPersons, readTokens } from '../../../src/convert/entities/persons/find-persons.js';
import { lowerWords } from '../../../src/convert/entities/persons/knowledge.js';
import { letterHyphenLower } from '../../../src/convert/entities/persons/layout-names.js';
import { fold } from '../../../src/convert/entities/persons/lexicon.js';

/** Text made of the pieces the rules react to, with arbitrary characters between. */
const pieces = fc.constantFrom(
  'Mr', 'Mr.', 'M.', 'J.', 'Kh.', 'STALIN', 'Stalin', "Stalin's", '’s', 'Sir', 'de', 'De', 'von', 'the', 'and', 'to', 'said', 'who',
  'December', 'Dec.', '20th', '28th/29th', '5/6', 'May', 'mai', 'novembre', '10-15', '3–4', '1941', '41', '23.12.41', 'a.m.', 'at', '4 pm.',
  'end of', 'early', ',', '.', '\n', ' ', '(', ')', '*', '-', '/', 'FROM', 'TO', 'Hitler', 'Germany', 'Anglo-Soviet',
);
const texts = fc.oneof(
  fc.array(fc.oneof(pieces, fc.string({ maxLength: 3 })), { maxLength: 40 }).map((a) => a.join(' ')),
  fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
);

describe('entity rules on arbitrary text (property)', () => {
  it('findDates never throws, and its spans are inside the text and ordered', () => {
    fc.assert(
      fc.property(texts, fc.option(fc.constantFrom('1941-12-22', '1958', '1942-01')), (text, reference) => {
        const found = findDates(text, { reference: reference ?? undefined });
        let last = 0;
        for (const d of found) {
          assert.ok(d.start >= last && d.end > d.start && d.end <= text.length);
          assert.equal(text.slice(d.start, d.end), d.text);
          assert.ok(d.when !== undefined || (d.from !== undefined && d.to !== undefined));
          last = d.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('findPersons never throws, and its spans are inside the text, ordered, with a key', () => {
    fc.assert(
      fc.property(texts, fc.boolean(), (text, nameLine) => {
        const found = findPersons(text, { nameLine, known: (k) => k === 'hitler' });
        let last = 0;
        for (const m of found) {
          assert.ok(m.start >= last && m.end > m.start && m.end <= text.length);
          assert.equal(text.slice(m.start, m.end), m.text);
          assert.ok(m.key.length > 0);
          last = m.end;
        }
      }),
      { numRuns: 400 },
    );
  });
});

/** The words as the regular expression the word scanner replaced reads them. */
function wordsByRegExp(text: string): Array<[number, string]> {
  return [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu)].map((m) => [m.index, m[0]]);
}

describe('the word scanner of the person rules (property)', () => {
  it('finds the words the regular expression \\p{L}[\\p{L}\\p{M}\'’-]*\\p{L}|\\p{L} finds, possessives and stops aside', () => {
    const letters = fc.constantFrom('a', 'Z', 'é', 'É', 'ß', 'Ж', 'ж', '中', '𝔄', '𐐀', 'e\u0301', "'", '’', '-', '.', ' ', '\n', 's', 'S', '1', '\u0301', '\ud835', '\udc00', '\ud835a', 'A\ud835');
    const strings = fc.oneof(texts, fc.array(letters, { maxLength: 30 }).map((a) => a.join('')));
    fc.assert(
      fc.property(strings, (text) => {
        const scanned = readTokens(text).map((t): [number, string] => {
          // A possessive 's is cut from the word; an initial's or a title's stop is added to its end.
          const matched = t.possessive ? text.slice(t.start, t.start + t.word.length + 2) : t.word;
          return [t.start, matched];
        });
        assert.deepEqual(scanned, wordsByRegExp(text));
        for (const t of readTokens(text)) {
          assert.equal(t.word, text.slice(t.start, t.start + t.word.length));
          assert.ok(t.end === t.start + t.word.length || (t.end === t.start + t.word.length + 1 && text[t.end - 1] === '.'));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the lower-case word scanner of name knowledge (property)', () => {
  it('finds the words (?<![\\p{L}\\p{M}\'’-])\\p{Ll}[\\p{Ll}\\p{M}\'’-]* finds, folded', () => {
    const letters = fc.constantFrom('a', 'Z', 'é', 'É', 'ß', 'Ж', 'ж', '中', '𝔞', '𝔄', 'e\u0301', "'", '’', '-', '.', ' ', '\n', 's', '1', '\u0301', '\ud835', 'ǅ');
    const strings = fc.oneof(texts, fc.array(letters, { maxLength: 30 }).map((a) => a.join('')));
    fc.assert(
      fc.property(strings, (text) => {
        const expected = new Set([...text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’-]*/gu)].map((m) => fold(m[0])));
        assert.deepEqual([...lowerWords(text)].sort(), [...expected].sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the hyphen test of the Chinese-name rule (property)', () => {
  it('answers as \\p{L}-[a-z] does', () => {
    const pieces = fc.constantFrom('a', 'Z', 'é', 'Ж', '中', '𝔄', '\ud835', '\udc00', '-', '--', 'tsai', 'T', ' ', '1', '\u0301');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        assert.equal(letterHyphenLower(text), /\p{L}-[a-z]/u.test(text));
      }),
      { numRuns: 3000 },
    );
  });
});
