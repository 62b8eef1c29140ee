import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { JOINER, LETTER, LOWER, charWidth, isLetterUnit, letterClassAt, scanRuns, scanWords } from '../../../src/convert/readers/letter-class.js';

/** Characters of every kind the scanners meet, lone surrogates and pairs included. */
const characters = fc.oneof(
  fc.constantFrom('a', 'Z', 'é', 'É', 'ß', 'Ж', 'ж', '中', '𝔄', '𝔞', '𐐀', 'ǅ', "'", '’', '-', '.', ' ', '\n', 's', '1', '\u0301', '\ud835', '\udc00'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
);
const strings = fc.array(characters, { maxLength: 40 }).map((a) => a.join(''));

describe('letter classes of the word scanners', () => {
  it('gives each character the classes \\p{L}, \\p{Ll} and [\\p{M}\'’-] give it (property)', () => {
    fc.assert(
      fc.property(strings, (text) => {
        for (let i = 0; i < text.length; i += charWidth(text, i)) {
          const ch = String.fromCodePoint(text.codePointAt(i)!);
          const k = letterClassAt(text, i);
          assert.equal((k & LETTER) !== 0, /^\p{L}$/u.test(ch), `letter at ${i}`);
          assert.equal((k & LOWER) !== 0, /^\p{Ll}$/u.test(ch), `lower at ${i}`);
          assert.equal((k & JOINER) !== 0, /^[\p{M}'’-]$/u.test(ch), `joiner at ${i}`);
          const unit = text.charCodeAt(i);
          assert.equal(isLetterUnit(text, i), !(unit >= 0xd800 && unit <= 0xdfff) && /^\p{L}$/u.test(text[i]!), `letter unit at ${i}`);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('is no class past either end of the text', () => {
    assert.equal(letterClassAt('ab', 2), 0);
    assert.equal(isLetterUnit('ab', -1), false);
    assert.equal(isLetterUnit('ab', 2), false);
  });

  it('scans exactly the words \\p{L}[\\p{L}\\p{M}\'’-]*\\p{L}|\\p{L} matches, covering no other character (property)', () => {
    fc.assert(
      fc.property(strings, (text) => {
        const scanned: Array<[number, string, boolean]> = [];
        scanWords(text, (start, end, ascii) => scanned.push([start, text.slice(start, end), ascii]));
        const expected = [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}/gu)].map((m): [number, string, boolean] => [m.index, m[0], /^[\x00-\x7f]*$/.test(m[0])]);
        assert.deepEqual(scanned, expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('scans exactly the runs [class]+ matches with the u flag, for a class tested at one position (property)', () => {
    const letterOrDigit = (t: string, i: number): boolean => /^[\p{L}\d]$/u.test(String.fromCodePoint(t.codePointAt(i)!));
    fc.assert(
      fc.property(strings, (text) => {
        const runs: Array<[number, string]> = [];
        scanRuns(text, letterOrDigit, (start, end) => runs.push([start, text.slice(start, end)]));
        assert.deepEqual(runs, [...text.matchAll(/[\p{L}\d]+/gu)].map((m): [number, string] => [m.index, m[0]]));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a letter outside the Basic Multilingual Plane as one letter of two code units', () => {
    const words: string[] = [];
    scanWords('x 𝔄𝔞 y', (s, e) => words.push('x 𝔄𝔞 y'.slice(s, e)));
    assert.deepEqual(words, ['x', '𝔄𝔞', 'y']);
  });
});
