/**
 * Names of organisations in running text (src/convert/entities/organisations.ts): the names the FRUS volumes
 * print, each with the words it must and must not take, and the traps found checking its output by hand.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { findOrganisations, headsIn, windowWords } from '../../../src/convert/entities/organisations.js';
import { convert, serializeTei } from '../../../src/convert/index.js';

const names = (text: string): string[] => findOrganisations(text).map((o) => o.text);

describe('organisations in running text', () => {
  const cases: Array<[string, string[]]> = [
    ['Mr. Munson of the War Trade Board, also copy of cable', ['War Trade Board']],
    ['President of the Ministry (or Council of Ministers) in an interview', ['Council of Ministers']],
    ['the Council of Ministers approved the decree', ['Council of Ministers']],
    ['It is stated that His Majesty’s Government proposes', ['His Majesty’s Government']],
    ['in charge of the American Red Cross Commission to Russia', ['American Red Cross Commission']],
    ['competence of personnel Harbin Red Cross Chapter; (2) any additional funds', ['Harbin Red Cross Chapter']],
    ['through proceeds loan from City Bank. City Bank officers', ['City Bank', 'City Bank']],
    ['notes to the American Bank Note Co., in Peking', ['American Bank Note Co.']],
    ['Messrs. Jardine, Matheson & Co., agents of the line', ['Matheson & Co.']],
    ['the Taku Tug and Lighter Company, Limited', ['Taku Tug and Lighter Company']],
    ['the chairman of the Advisory Commission of Railway Experts to Russia', ['Advisory Commission of Railway Experts']],
    ['the Government of the United States of America does not', ['Government of the United States of America']],
    ['the Federal Reserve Bank of New York of his mission', ['Federal Reserve Bank of New York']],
    ['the Inter-Allied Council on War Purchases', ['Inter-Allied Council']],
    ['War Trade Board passed a resolution', ['War Trade Board']],
    ['Inform War Trade Board that licences', ['War Trade Board']],
    ['[War Trade Board]: I wish to bring', ['War Trade Board']],
    ['the Bank of England. Then', ['Bank of England']],
    ['the Government of the U.S.S.R. will', ['Government of the U.S.S.R.']],
    ['the Petrograd Soviet has decided', ['Petrograd Soviet']],
    ["Chairman of the Council of People's Commissars and Deputy People's Commissar", ["Council of People's Commissars"]],
    ['the Ministry of Commerce and Industry', ['Ministry of Commerce and Industry']],
    ['director of the Russian Flax Growers’ Cooperative Association and', ['Russian Flax Growers’ Cooperative Association']],
    ['of the ruble. Understand Department of State, in view', ['Department of State']],
  ];
  for (const [text, want] of cases) it(JSON.stringify(text), () => assert.deepEqual(names(text), want));

  const none: Array<[string, string]> = [
    ['a head alone', 'Department has received your telegram and the Embassy agrees.'],
    ['plurals: several bodies', 'the Allied Governments and the Associated Missions'],
    ['an office, not an organisation', 'the Minister of Finance and the Secretary of State'],
    ['a state of a treaty', 'any High Contracting Party may demand'],
    ['a government named by its minister', 'it feels sure that Your Excellency’s Government will'],
    ['a name that goes on in lower case', 'the tearing down of the Bureau of Mongol affairs'],
    ['a possessive after "of"', 'the acceptance by this Government of the Department’s interpretation'],
    ['a title of a work: capitals after the head', 'See “Chilean Exchange Restrictions,” vol. v'],
    ['two nouns joined, not one name', 'attention of Consul General, Commercial Attaché and Embassy.'],
    ['"Cross" without "Red"', 'General Cross arrived.'],
    ['"Co" without its stop', 'Co operation was promised.'],
    ['"Soviet" as an adjective', 'after the fall of France Soviet intelligence sources sent'],
    ['a conjunction opening the sentence', 'Although Soviet transport facilities are overtaxed'],
  ];
  for (const [what, text] of none) it(`none: ${what}`, () => assert.deepEqual(names(text), []));

  it('keeps an office out of the name: "Quartermaster War Department", "Secretary General of Foreign Office"', () => {
    assert.deepEqual(names('Have requested Quartermaster War Department to submit bill'), ['War Department']);
    assert.deepEqual(names('The Secretary General of Foreign Office said today'), ['Foreign Office']);
  });

  it('finds names anywhere in a long text, inside the text and never overlapping (fast-check)', () => {
    const piece = fc.constantFrom('the War Trade Board', ' and ', 'Council of Ministers', '. ', 'Stevens said ', 'Government', 'the Department', '\n', 'Red Cross', ' of ', 'X');
    fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
      const text = pieces.join('');
      let end = 0;
      for (const o of findOrganisations(text)) {
        assert.ok(o.start >= end && o.end > o.start && o.end <= text.length);
        assert.equal(text.slice(o.start, o.end), o.text);
        end = o.end;
      }
    }));
  });

  it('reads the words around a head only where a name can hold it, finding what reading every head finds (fast-check)', () => {
    // Heads with and without a capitalised word, a connector or "of"/"for" beside them, over every kind of gap
    // (spaces, line breaks, an initial's stop, punctuation), and words long enough that a window's edge cuts them.
    const piece = fc.oneof(
      fc.constantFrom('Board', 'Government', 'Co', 'Co.', 'Bank', 'Cross', 'Party', 'Soviet', 'Department', 'Embassy', 'Office'),
      fc.constantFrom('War', 'Trade', 'Red', 'His', 'Her', 'Majesty’s', 'Majesty\'s', 'J.', 'P.', 'U.', 'S.', 'Contracting', 'Inform', 'Secretary', 'Excellency’s'),
      fc.constantFrom('the', 'this', 'of', 'for', 'and', '&', 'of the', 'x-', '-', '’', "'", 'é', 'É', '\u0301', '𝔄', '\ud835', 'the\u0301'),
      fc.constantFrom(' ', '  ', '   ', '    ', '\n', ' \n', '\n\n', '.', '. ', ', ', ';', '(', '[', '1', '\t'),
      fc.constantFrom('Matheson and Co.', 'J. P. Morgan & Co.', 'Advisory Council for Italy', 'Department for Stevens', 'His Majesty’s Government'),
      // A window's edge 160 characters before the head, on a hyphen or a letter inside the word before it.
      fc.integer({ min: 150, max: 170 }).map((n) => `x-B${'b'.repeat(n)} `),
      fc.integer({ min: 150, max: 170 }).map((n) => `B${'b'.repeat(n)} `),
      fc.integer({ min: 150, max: 170 }).map((n) => `x${'B'.repeat(n)} `),
    );
    const texts = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));
    fc.assert(fc.property(texts, (text) => {
      assert.deepEqual(findOrganisations(text), findOrganisations(text, true));
    }), { numRuns: 3000 });
  });

  it('finds the heads the look-around expression finds, where it finds them (fast-check)', () => {
    const heads = 'Board Corporation Company Co Association Society Corps Commission Committee Council Bank Bureau Department Ministry ' +
      'Exchange Syndicate League Party Institute Academy University College Legation Embassy Consulate Mission Administration ' +
      'Government Chamber Cabinet Senate Duma Soviet Trust Agency Office Army Navy Cross Chapter';
    const expression = new RegExp(String.raw`(?<![\p{L}\p{M}'’-])(?:${heads.split(' ').join('|')})(?![\p{L}\p{M}'’-])`, 'gu');
    const piece = fc.oneof(
      fc.constantFrom(...heads.split(' '), 'Coun', 'Boards', 'Co.', 'CoBank', 'BankBoard'),
      fc.constantFrom(' ', '\n', 'a', 'É', "'", '’', '-', '\u0301', '𝔄', '𐐀', '\ud835', '\udc00', '1', '.', '&', '_'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 2 }),
    );
    fc.assert(fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
      const want = [...text.matchAll(expression)].flatMap((m) => [m.index, m.index + m[0].length]);
      assert.deepEqual(headsIn(text), want);
    }), { numRuns: 5000 });
  });

  it('encodes them as <orgName> in a converted document, a person’s name inside a firm’s or the Red Cross’s being the organisation’s', () => {
    const text = 'Washington, March 3, 1918.\n\nThe War Trade Board and the American Red Cross have asked J. P. Morgan & Co. to advise Mr. Stevens.\n\nLansing\n';
    const xml = convert(text, { fileName: 'orgs.txt' }).documents.map((d) => serializeTei(d)).join('');
    assert.match(xml, /<orgName>War Trade Board<\/orgName>/);
    assert.match(xml, /<orgName>American Red Cross<\/orgName>/);
    assert.match(xml, /<persName ref="[^"]*">Mr\. Stevens<\/persName>/);
    assert.doesNotMatch(xml, /<persName[^>]*>Cross<\/persName>/);
  });
});

describe('the words of the window around a head noun', () => {
  // A small buffer, so that the property also grows it.
  const windowTokens = (text: string, from: number, to: number): { word: string; start: number; end: number }[] => {
    const words = { bounds: new Int32Array(2) };
    const count = windowWords(text, from, to, words);
    return Array.from({ length: count }, (_, k) => {
      const start = words.bounds[2 * k]!;
      const end = words.bounds[2 * k + 1]!;
      return { word: text.slice(start, end), start, end };
    });
  };
  const WORD = /[\p{L}\p{M}](?:[\p{L}\p{M}'’-]*[\p{L}\p{M}])?(?:(?<=s)['’](?![\p{L}\p{M}]))?|&/gu;
  const characters = fc.oneof(
    fc.constantFrom('a', 'Z', 'é', 'ß', 'Ж', '中', '𝔄', '𐐀', "'", '’', '-', '&', '.', ' ', '\n', 's', 'S', '1', '\u0301', '\ud835', '\udc00'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  );
  const texts = fc.array(characters, { maxLength: 40 }).map((a) => a.join(''));

  it('are what the regular expression matches in the slice, at their offsets in the text (property)', () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (text, a, b) => {
        const from = Math.min(a, b) % (text.length + 1);
        const to = from + ((Math.max(a, b) - Math.min(a, b)) % (text.length - from + 1));
        const expected = [...text.slice(from, to).matchAll(WORD)].map((m) => ({ word: m[0], start: from + m.index, end: from + m.index + m[0].length }));
        assert.deepEqual(windowTokens(text, from, to), expected);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps a possessive's apostrophe after an s only, and an apostrophe inside a word", () => {
    const text = "the Boys’ Club, Men's, O'Brien' Smith' & Co.";
    assert.deepEqual(windowTokens(text, 0, text.length).map((t) => t.word), ['the', 'Boys’', 'Club', "Men's", "O'Brien", 'Smith', '&', 'Co']);
  });
});
