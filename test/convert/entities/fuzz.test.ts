import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findDates } from '../../../src/convert/entities/dates/find-dates.js';
import { OF_A_CORPS, findPersons, numberAfter, ofAfter, surnameKey } from '../../../src/convert/entities/persons/find-persons.js';
import { CandidateLog } from '../../../src/convert/entities/persons/candidate-log.js';
import { ALL_CAPS, AS_FOLDED, CAPITALISED, HYPHEN, INITIAL, POSSESSIVE, readTokens, releaseTokens, wordFlags, type Tokens } from '../../../src/convert/entities/persons/tokens.js';
import {
  AddedForms, PLACE_AFTER_PREPOSITION, TWO_WORD_PLACE_AFTER_PREPOSITION, lowerWords, lowerWordsOf, placeMatches, prepositionStarts,
} from '../../../src/convert/entities/persons/knowledge.js';
import {
  CHINESE, COMPLETED, IDENTIFIED, LINE_NUMBER, chineseGivenNameSign, chineseMatches, completedMatches, identifiedMatches, letterBracketLower, lineNumberSign,
} from '../../../src/convert/entities/persons/layout-names.js';
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
          assert.equal(m.key, surnameKey(m.surname));
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
        const tokens = readTokens(text);
        const scanned: Array<[number, string]> = [];
        for (let i = 0; i < tokens.count; i++) {
          const word = tokens.word(i);
          // A possessive 's is cut from the word; an initial's or a title's stop is added to its end.
          scanned.push([tokens.startAt(i), tokens.has(i, POSSESSIVE) ? text.slice(tokens.startAt(i), tokens.startAt(i) + word.length + 2) : word]);
          const start = tokens.startAt(i);
          const end = tokens.endAt(i);
          assert.ok(end === start + word.length || (end === start + word.length + 1 && text[end - 1] === '.'));
          // The folded form is fold's, and the word's bits say what the string says.
          assert.equal(tokens.folded(i), fold(word));
          assert.equal(tokens.has(i, AS_FOLDED), word === fold(word));
          assert.equal(tokens.has(i, ALL_CAPS), word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase());
          assert.equal(tokens.has(i, HYPHEN), word.includes('-'));
        }
        assert.deepEqual(scanned, wordsByRegExp(text));
        // A name can start only at a capitalised word or an initial: the rules look at those tokens alone.
        const starts: number[] = [];
        for (let i = 0; i < tokens.count; i++) if (tokens.has(i, CAPITALISED) || tokens.has(i, INITIAL)) starts.push(i);
        assert.deepEqual([...tokens.nameStarts], starts);
        // Read into the reader's own buffers, and packed and unpacked, the same tokens.
        const transient = readTokens(text, true);
        assertSameTokens(transient, tokens);
        releaseTokens(transient);
        assertSameTokens(tokens.pack().unpack(text), tokens);
        const unpacked = tokens.pack().unpack(text, true);
        assertSameTokens(unpacked, tokens);
        releaseTokens(unpacked);
      }),
      { numRuns: 2000 },
    );
  });
});

/** The same words, bits, forms and name starts. */
function assertSameTokens(actual: Tokens, expected: Tokens): void {
  assert.equal(actual.count, expected.count);
  assert.equal(actual.nameStarts.subarray(0, actual.nameStartCount).join(), expected.nameStarts.subarray(0, expected.nameStartCount).join());
  const described = (tk: Tokens): string => {
    const parts: string[] = [];
    for (let i = 0; i < tk.count; i++) parts.push(`${tk.startAt(i)} ${tk.endAt(i)} ${tk.wordEndAt(i)} ${tk.flagsAt(i)} ${tk.lex(i)} ${tk.folded(i)}`);
    return parts.join('\n');
  };
  assert.equal(described(actual), described(expected));
}

describe('tokens kept between readings of a text', () => {
  it('packed and unpacked, words of any length are the words read', function () {
    this.timeout(20_000);
    const text = `Mr. ${'A'.repeat(254)}b. J. ${'x'.repeat(255)}'s and ${'Ж'.repeat(300)} ${'é'.repeat(300)}-a said Stalin.`;
    const tokens = readTokens(text);
    assertSameTokens(tokens.pack().unpack(text), tokens);
    assert.equal(tokens.pack().unpack(text).word(3).length, 255);
    // Another text than the one read is read afresh, not given the offsets of the first.
    assertSameTokens(tokens.pack().unpack('Mr. Eden'), readTokens('Mr. Eden'));
    // Into the reader's buffers (grown for a longer text than read before), or buffers of their own while those are lent.
    const held = tokens.pack().unpack(text, true);
    const meanwhile = readTokens('Sir Orme Sargent', true);
    const again = tokens.pack().unpack(text, true);
    assertSameTokens(held, tokens);
    assertSameTokens(again, tokens);
    assertSameTokens(meanwhile, readTokens('Sir Orme Sargent'));
    for (const t of [again, meanwhile, held]) releaseTokens(t);
    const long = 'J. Eden said. '.repeat(5000);
    const grown = readTokens(long).pack().unpack(long, true);
    assertSameTokens(grown, readTokens(long));
    releaseTokens(grown);
  });

  it('transient tokens held by the rules are not overwritten by a read made meanwhile', () => {
    const text = 'Mr. Eden and Hitler met Mussolini; said Churchill. The Doyen wrote to Stalin.';
    const other = 'Sir Orme Sargent, J. V. STALIN, Mr. Long and the Earl of Reading, Halifax to Seeds.';
    const alone = findPersons(text, { known: (k) => k === 'hitler' || k === 'mussolini' || k === 'stalin' });
    // Each surname asked makes the callback read another text, transient and not, as a careless caller might.
    const read: string[] = [];
    const nested = findPersons(text, {
      known: (k) => {
        read.push(...findPersons(other).map((m) => m.key));
        readTokens(other, true);
        readTokens(`${other} ${k}`);
        return k === 'hitler' || k === 'mussolini' || k === 'stalin';
      },
    });
    assert.ok(read.length > 0, 'the callback read the other text');
    assert.deepEqual(nested, alone);
    // Held and not given back, transient tokens stay as read while other texts are read.
    const held = readTokens(text, true);
    const copy = readTokens(text);
    findPersons(other);
    readTokens(other, true);
    assertSameTokens(held, copy);
    releaseTokens(held);
    const again = readTokens(text, true);
    assertSameTokens(again, copy);
    releaseTokens(again);
  });
});

describe('the signs the person rules read before an expression (property)', () => {
  const around = fc.array(fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '\u0085', '.', 'of', 'o', 'f', 'the ', 'Corps', 'body', '1', '9', 'a', ','), { maxLength: 12 })
    .map((a) => a.join(''));
  it('a number after a word is what /^\\.?\\s*\\d/ finds in its next three characters', () => {
    fc.assert(fc.property(around, fc.nat(14), (text, at) => {
      const end = Math.min(at, text.length);
      assert.equal(numberAfter(text, end), /^\.?\s*\d/.test(text.slice(end, end + 3)));
    }), { numRuns: 3000 });
  });
  it('a line opening with a note number is what the expression of such lines finds', () => {
    const lines = fc.array(fc.constantFrom(' ', '\t', '\n', '\r', '1', '0', '9', '¹', '⁰', '*', '†', '‡', '§', 'a', 'A', '.', '\u00a0'), { maxLength: 14 }).map((a) => a.join(''));
    fc.assert(fc.property(lines, (text) => assert.equal(lineNumberSign(text), LINE_NUMBER.test(text))), { numRuns: 5000 });
  });
  it('a word alone has the bits of its form in the table of tokens', () => {
    const words = fc.constantFrom('House', 'Stevens', 'Mr', 'Secretary', 'Board', 'Moscow', 'Anglo-French', 'XIV', 'The', 'Élysée', 'Ж', 'of');
    fc.assert(fc.property(words, (word) => assert.equal(wordFlags(word).bits, readTokens(word).lex(0))), { numRuns: 200 });
  });
  it('no "of" after a word, no office of a corps', () => {
    fc.assert(fc.property(around, (text) => {
      if (OF_A_CORPS.test(text.slice(0, 60))) assert.ok(ofAfter(text, 0));
    }), { numRuns: 3000 });
    assert.ok(OF_A_CORPS.test(' of the Diplomatic Corps') && ofAfter(' of the Diplomatic Corps', 0));
  });
});

describe('the identification and completed-name expressions read line by line (property)', () => {
  const pieces = fc.constantFrom(
    '\n', ' ', '\t', '1.', '12a. ', '¹', '*', '†', '‡ ', 'Langdon', 'Warner', 'J.', 'W. ', 'P[hillips]', 'P[olk]', 'F. L. ', ',', ', ', 'the ',
    'Vice Consul at Harbin', 'representative', '.', ';', 'É.', 'Ž[ž]', 'a', 'Z', '[', ']', '[o]', 'x', '𝔄', '\u0301', 'Mr.', ' of ',
    // Whole identifications, so that many texts match and the pieces around them make the cases at the edge.
    '1. Langdon Warner, Vice Consul at Harbin', '\n2. J. Langdon Warner, the representative', '¹ August Heid, representative at Omsk',
  );
  const texts = fc.array(pieces, { maxLength: 40 }).map((a) => a.join(''));
  it('finds what matchAll over the whole text finds, at the same places', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const whole = [...text.matchAll(IDENTIFIED)].map((m) => [m.index, m[0], m[1], m[2]]);
        assert.deepEqual(identifiedMatches(text).map((m) => [m.index, m[0], m[1], m[2]]), whole, JSON.stringify(text));
        const completed = [...text.matchAll(COMPLETED)].map((m) => [m.index, m[0], m[1], m[2]]);
        assert.deepEqual(completedMatches(text).map((m) => [m.index, m.text, m.initials, m.surname]), completed, JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
    assert.equal(identifiedMatches('Memorandum\n2. Langdon Warner, Vice Consul at Harbin.\n3. August Heid, representative at Vladivostok').length, 2);
    assert.equal(completedMatches('[Enclosure]\nW. P[hillips]\nF. L. P[olk] and F. L. P[olk]').length, 3);
  });
});

describe('the decisions of the person rules replayed with other known surnames (property)', () => {
  // Names known or not, the words around them the rules read ("to" before an addressee, "who", lists), capitals.
  const namePieces = fc.constantFrom(
    'Webster', 'Léger', 'Halifax', 'Seeds', 'Stalin', "Stalin's", 'STALIN', 'FRANKLIN', 'DELANO', 'ROOSEVELT', 'Hitler', 'Mussolini', 'Mr.',
    'J.', 'to', 'à', 'who', 'said', 'and', 'the', 'of', ',', '.', ';', '\n', ' ', 'Following', 'Germany', 'Moscow', '(House)', 'Ambassador',
    'Webster to Léger,', 'Halifax to Seeds.', 'Stalin wrote to Hitler;', 'Seeds à Halifax,',
  );
  const nameTexts = fc.oneof(texts, fc.array(namePieces, { maxLength: 50 }).map((a) => a.join(' ')));
  const keys = ['webster', 'léger', 'halifax', 'seeds', 'stalin', 'roosevelt', 'delano', 'hitler', 'mussolini', 'following', 'germany', 'moscow'];
  it('gives what the rules give when they judge every word again', () => {
    fc.assert(
      fc.property(nameTexts, fc.subarray(keys), fc.subarray(keys), fc.subarray(keys), (text, recorded, replayed, common) => {
        const lookups = { common: (f: string) => common.includes(f), place: (f: string) => f === 'moscow' };
        const tokens = readTokens(text);
        const log = new CandidateLog();
        const first = findPersons(text, { ...lookups, known: (k) => recorded.includes(k), tokens, log });
        assert.deepEqual(first, findPersons(text, { ...lookups, known: (k) => recorded.includes(k) }));
        for (const known of [replayed, recorded, []]) {
          assert.deepEqual(findPersons(text, { ...lookups, known: (k) => known.includes(k), tokens, log }), findPersons(text, { ...lookups, known: (k) => known.includes(k) }));
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('the lower-case word scanner of name knowledge (property)', () => {
  it('finds the words (?<![\\p{L}\\p{M}\'’-])\\p{Ll}[\\p{Ll}\\p{M}\'’-]* finds, folded', () => {
    const letters = fc.constantFrom("'s", 'word', 'Word', 'WORD', 'mr', 'B', 'm\u0301', 'a', 'Z', 'é', 'É', 'ß', 'Ж', 'ж', '中', '𝔞', '𝔄', 'e\u0301', "'", '’', '-', '.', ' ', '\n', 's', '1', '\u0301', '\ud835', 'ǅ');
    const strings = fc.oneof(texts, fc.array(letters, { maxLength: 30 }).map((a) => a.join('')));
    fc.assert(
      fc.property(strings, (text) => {
        const expected = new Set([...text.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’-]*/gu)].map((m) => fold(m[0])));
        assert.deepEqual([...lowerWords(text)].sort(), [...expected].sort());
        // The same words read from the text's tokens.
        assert.deepEqual([...lowerWordsOf(readTokens(text))].sort(), [...expected].sort());
        // Read into one set with another text after it (the same words after other characters), a word added before
        // is passed over: the set is still every word of both.
        const other = `-${text}x${text}`;
        const both = new Set(expected);
        for (const m of other.matchAll(/(?<![\p{L}\p{M}'’-])\p{Ll}[\p{Ll}\p{M}'’-]*/gu)) both.add(fold(m[0]));
        const added = new AddedForms();
        const into = lowerWordsOf(readTokens(text), new Set(), false, added);
        assert.deepEqual([...lowerWordsOf(readTokens(other), into, false, added)].sort(), [...both].sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the place-after-preposition expressions tried at prepositions only (property)', () => {
  const pieces = fc.constantFrom(
    'in', 'at', 'near', 'via', 'across', 'throughout', 'In', 'tin', 'x-in', 'éin', 'e\u0301in', '𝔄in', ' ', '  ', '\t', '\n', 'Moscow', 'Costa', 'Rica',
    'Kamchatka', "Stevens's", 'Pao-ting', 'Fu', 'A', 'É', '.', ',', ':', '(Sack)', '(', 'x', '-', "'", '’', 'General', 'Graves',
    // Whole phrases, so that many texts match and the pieces around them make the cases at the edge.
    'in Kamchatka', 'at Buenos Aires.', 'in Costa Rica (Sack)', 'near Irkutsk', 'at Pao-ting Fu,',
  );
  const texts = fc.array(pieces, { maxLength: 30 }).map((a) => a.join(''));
  it('finds what matchAll over the whole text finds, at the same places', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const starts = prepositionStarts(text);
        for (const expression of [PLACE_AFTER_PREPOSITION, TWO_WORD_PLACE_AFTER_PREPOSITION]) {
          const whole = [...text.matchAll(expression)].map((m) => [m.index, ...m]);
          assert.deepEqual(placeMatches(text, expression, starts).map((m) => [m.index, ...m]), whole, JSON.stringify(text));
        }
      }),
      { numRuns: 5000 },
    );
    assert.equal(placeMatches('x-in Moscow, in Costa Rica (Sack)', TWO_WORD_PLACE_AFTER_PREPOSITION, prepositionStarts('x-in Moscow, in Costa Rica (Sack)')).length, 1);
    assert.equal(placeMatches('x-in Moscow, in Costa Rica (Sack)', PLACE_AFTER_PREPOSITION, prepositionStarts('x-in Moscow, in Costa Rica (Sack)')).length, 1);
  });
});

describe('the signs the Chinese-name and completed-name rules look for first (property)', () => {
  const pieces = fc.constantFrom(
    'a', 'Z', 'é', 'Ж', '中', '𝔄', '𝔞', '\ud835', '\udc00', '-', '-hsi', 'tsai', 'Shih', ' Sheng ', "Ch'ien", 'ch’ing', 'T', ' ', '\n', '1',
    '\u0301', '[', ']', '[o]', 'olk', 'P', 'W. ', 'F. L. ', '.', "'", 'Mr. ', 'ǅ', ' Ku', ' Chung',
  );
  // Whole names too, so that many texts match and the pieces around them make the cases at the edge.
  const names = fc.constantFrom(' Sheng Shih-tsai', 'Ku[o] Chung-hsi', 'Mr. Wong Wen-hao', "Tung Fu-h'siang", 'W. P[hillips]', 'F. L. P[olk]', 'É. Ž[ž]');
  it('a text without the sign has no match of the expression, and the sign is not every hyphen or bracket', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, names), { maxLength: 10 }), (parts) => {
        const text = parts.join('');
        if (!chineseGivenNameSign(text)) assert.equal([...text.matchAll(CHINESE)].length, 0, text);
        if (!letterBracketLower(text)) assert.equal([...text.matchAll(COMPLETED)].length, 0, text);
      }),
      { numRuns: 5000 },
    );
    assert.equal(chineseGivenNameSign('a so-called, well-known Anglo-French note'), false);
    assert.equal(chineseGivenNameSign('General Sheng Shih-tsai'), true);
    assert.equal(letterBracketLower('[Enclosure]\n[Translation] [sic]'), false);
    assert.equal(letterBracketLower('W. P[hillips]'), true);
  });
  it('the Chinese-name expression read piece by piece finds what it finds in the whole text', () => {
    const breaks = fc.constantFrom(',', ';', ':', '(', ')', '"', '!', '?', ', ', '3', '_', '—');
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, names, breaks), { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        const whole = [...text.matchAll(CHINESE)].map((m) => ({ index: m.index, text: m[0], title: m[1], family: m[2], given: m[3] }));
        assert.deepEqual(chineseMatches(text), whole, text);
      }),
      { numRuns: 10000 },
    );
    assert.equal(chineseMatches('General Sheng Shih-tsai, Mr. Wong Wen-hao (Ku[o] Chung-hsi)').length, 3);
  });
});
