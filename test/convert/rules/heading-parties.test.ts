/**
 * heading-parties: offices, persons, institutions and groups in headings printed in running case, as
 * documentary editions print them; and, where ../shared/frus-dev is present, agreement with the editors'
 * own from/to markup on every head of the three development volumes.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mayNameBothParties, mostlyCapitals, partyOf, readRunningHeading, someCapitalisedWord, someWord, splitAtTo, trimPhrase, type PartyReading } from '../../../src/convert/rules/heading-parties.js';
import { frusDocuments, nameKey } from '../../helpers/frus.js';

const person = (name: string, office?: string): PartyReading => ({ kind: 'person', name, ...(office ? { office } : {}) });
const office = (o: string): PartyReading => ({ kind: 'office', office: o });

describe('rules/heading-parties', () => {
  describe('readRunningHeading', () => {
    it('"The Secretary of State to the Ambassador in Russia (Francis)": an office, and a person holding one', () => {
      assert.deepEqual(readRunningHeading('The Secretary of State to the Ambassador in Russia (Francis)'), {
        sender: [office('Secretary of State')],
        addressees: [person('Francis', 'Ambassador in Russia')],
      });
    });

    it('"Mr. Conger to Mr. Hay.": titled names, the closing full stop is not part of the name', () => {
      assert.deepEqual(readRunningHeading('Mr. Conger to Mr. Hay.'), { sender: [person('Mr. Conger')], addressees: [person('Mr. Hay')] });
    });

    it('"The Chargé in Russia (Poole) to the Secretary of State"', () => {
      assert.deepEqual(readRunningHeading('The Chargé in Russia (Poole) to the Secretary of State'), {
        sender: [person('Poole', 'Chargé in Russia')],
        addressees: [office('Secretary of State')],
      });
    });

    it('splits at the "to" after the bracketed name, not at the "to" inside an office', () => {
      const r = readRunningHeading('The Chairman of the Advisory Commission of Railway Experts to Russia (Stevens) to the Secretary of State')!;
      assert.deepEqual(r.sender, [person('Stevens', 'Chairman of the Advisory Commission of Railway Experts to Russia')]);
      assert.deepEqual(r.addressees, [office('Secretary of State')]);
      const back = readRunningHeading('The Secretary of State to the Ambassador on Special Mission to Russia (Root)')!;
      assert.deepEqual(back.addressees, [person('Root', 'Ambassador on Special Mission to Russia')]);
    });

    it('splits at ", to" after an office printed with commas', () => {
      const r = readRunningHeading('Mr. Miles of the Division of Near Eastern Affairs, of the Department of State, to the Director of the Bureau of Exports, War Trade Board (Van Sinderen)')!;
      assert.deepEqual(r.sender, [person('Mr. Miles')]);
      assert.deepEqual(r.addressees, [person('Van Sinderen', 'Director of the Bureau of Exports, War Trade Board')]);
      const c = readRunningHeading('The Chairman, Council Committee of Three of the League of Nations (Castillo Najera), to the Secretary of State')!;
      assert.deepEqual(c.sender, [person('Castillo Najera', 'Chairman, Council Committee of Three of the League of Nations')]);
    });

    it('"Memorandum by the Secretary of State": an author, no sender and no addressee', () => {
      assert.deepEqual(readRunningHeading('Memorandum by the Secretary of State'), { kind: 'memorandum', sender: [], addressees: [], author: office('Secretary of State') });
      assert.deepEqual(readRunningHeading('Memorandum by the Assistant Secretary of State (Welles)')!.author, person('Welles', 'Assistant Secretary of State'));
      assert.deepEqual(readRunningHeading('Memorandum of Conversation, by the Secretary of State')!.author, office('Secretary of State'));
    });

    it('a memorandum addressed to someone is correspondence', () => {
      const r = readRunningHeading('Memorandum by the Chief of the Division of Western European Affairs (Moffat) to the Assistant Secretary of State (Sayre)')!;
      assert.equal(r.kind, 'memorandum');
      assert.deepEqual(r.sender, [person('Moffat', 'Chief of the Division of Western European Affairs')]);
      assert.deepEqual(r.addressees, [person('Sayre', 'Assistant Secretary of State')]);
      assert.equal(r.author, undefined);
    });

    it('collective addressees are one group, not a list of persons', () => {
      const r = readRunningHeading('The Secretary of State to All American Diplomatic Representatives in the American Republics, Except Brazil, Costa Rica, and Ecuador')!;
      assert.deepEqual(r.addressees, [{ kind: 'group', name: 'All American Diplomatic Representatives in the American Republics, Except Brazil, Costa Rica, and Ecuador' }]);
      assert.deepEqual(readRunningHeading('The Chinese Plenipotentiaries to the Dean of the Diplomatic Corps')!.sender, [{ kind: 'group', name: 'Chinese Plenipotentiaries' }]);
    });

    it('institutions are institutions', () => {
      assert.deepEqual(readRunningHeading('The British Embassy to the Department of State'), {
        sender: [{ kind: 'org', name: 'British Embassy' }],
        addressees: [{ kind: 'org', name: 'Department of State' }],
      });
    });

    it('two persons joined by "and"; an office after a comma', () => {
      assert.deepEqual(readRunningHeading('M. de Cologan to Prince Ching and Li Hung-chang.')!.addressees, [person('Prince Ching'), person('Li Hung-chang')]);
      assert.deepEqual(readRunningHeading('Mr. Martin, consul at Nanking, to Mr. Rockhill.')!.sender, [person('Mr. Martin', 'consul at Nanking')]);
      assert.deepEqual(readRunningHeading('Acting Secretary Hill to the Imperial German Chargé d’Affaires.')!.sender, [person('Hill', 'Acting Secretary')]);
    });

    it('a document described by its subject names no parties, even with a "to" in it', () => {
      assert.deepEqual(readRunningHeading('Memorandum in reply to the Russian Chargé’s memorandum dated September 17, 1900.'), { kind: 'memorandum', sender: [], addressees: [] });
      assert.deepEqual(readRunningHeading('Circular note of July 3, 1900, to the powers cooperating in China')!.addressees, []);
      assert.deepEqual(readRunningHeading('Agreement Between the Governments of the United States of America and the United States of Brazil')!.sender, []);
      // Proceedings of a meeting are a paper of their own kind: "to" in their description names no addressee.
      assert.deepEqual(readRunningHeading('Proceedings of a committee assembled at Shanhaikwan by order of Field Marshal Count von Waldersee, dated June 3, 1901.'), { kind: undefined, sender: [], addressees: [] });
    });

    it('note markers on a heading are not part of a name', () => {
      assert.deepEqual(readRunningHeading('The Consul General at Irkutsk (Harris) to the Secretary of State²')!.addressees, [office('Secretary of State')]);
    });

    it('leaves headings in capitals and headings without a direction alone', () => {
      assert.equal(readRunningHeading('J. V. STALIN TO F. ROOSEVELT'), undefined);
      assert.equal(readRunningHeading('The situation in the Far East'), undefined);
    });
  });

  describe('splitAtTo and partyOf', () => {
    it('never splits inside brackets', () => {
      assert.equal(splitAtTo('The Delegate (attached to the Commission)'), undefined);
    });

    it('a bare capitalised phrase with no office word is a name', () => {
      assert.deepEqual(partyOf('Li Hung-chang'), person('Li Hung-chang'));
      assert.deepEqual(partyOf('the Emperor of China'), office('Emperor of China'));
    });
  });

  describe('on the FRUS development heads', () => {
    it('agrees with the editors’ from/to markup on at least 99 % of the heads', function () {
      const docs = frusDocuments();
      if (!docs) {
        console.log('      skipped: ../shared/frus-dev is not available');
        this.skip();
      }
      const text = (p: PartyReading) => (p.kind === 'office' ? p.office! : p.name!);
      const keys = (ps: string[]) => ps.map(nameKey).sort().join('|');
      let agree = 0;
      const disagree: string[] = [];
      const heads = docs.filter((d) => d.gold.head);
      for (const { gold } of heads) {
        const r = readRunningHeading(gold.head!);
        const from = keys((r?.sender ?? []).map(text));
        const to = keys((r?.addressees ?? []).map(text));
        if (from === keys(gold.from) && to === keys(gold.to)) agree++;
        else disagree.push(gold.id);
      }
      assert.ok(agree / heads.length >= 0.99, `${agree} of ${heads.length}; disagreeing: ${disagree.join(' ')}`);
    });
  });

  describe('the cheap questions, held to what they replace', () => {
    /** Headings and sentences cut from words that make parties, prose, capitals, markers and odd white space. */
    const piece = fc.constantFrom(
      'Mr. Conger', 'Mr. Hay.', 'the Secretary of State', 'The Chargé in Russia (Poole)', 'Prince Ching and Li Hung-chang', 'the Powers',
      'All American Diplomatic Missions', 'Memorandum by', 'Note from', 'Imperial edict', 'MR. CONGER', 'SECRETARY OF STATE', 'M. de Giers',
      'he wrote', 'in reply', 'and', ',', '(', ')', 'the', 'an', 'all', 'Ambassadors', 'Ministers', '1901', '12.', 'É', 'é', 'ß', 'İ', 'Σ',
      '𝐀', '𝐚', '\ud800', 'ǅ', 'ª',
      // Prose, and the plural offices a phrase of several office holders is told by (mayNameBothParties reads them).
      'asked', 'said that', 'Secretaries,', 'Legations.', 'Kings', '\u212Aings', 'Companies;', 'Ministers.;', ',Ministers', 'Chargés', 'Inc.s',
      'CONSULS', 'Powers’', 'Diplomats', 'Memorandum from', 'Note handed by', 'Circular note from', 'Telegram sent', 'Consul-Generals', 'Delegationss',
    );
    const glue = fc.constantFrom(' ', ' ', ' to ', ' to ', '\tto\n', ' to', 'to ', 'to', ' To ', '\u00a0to\u00a0', ' ¹to ', ' t†o ', '*', '¹', ' ', '  ', '\n', '');
    const heading = fc.array(fc.tuple(piece, glue), { maxLength: 10 }).map((parts) => parts.map(([p, g]) => p + g).join(''));
    const text = fc.oneof(heading, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

    it('a heading that names both parties holds a " to " (mayNameBothParties is a necessary condition)', () => {
      let both = 0;
      fc.assert(
        fc.property(text, (t) => {
          const r = readRunningHeading(t);
          const named = !!r && r.sender.length > 0 && r.addressees.length > 0;
          if (named) both++;
          assert.ok(!named || mayNameBothParties(t), t);
        }),
        { numRuns: 3000 },
      );
      // The generator makes headings that do name both: the condition is tested where it matters.
      assert.ok(both > 50, `${both}`);
      assert.equal(mayNameBothParties('Mr. Conger to Mr. Hay.'), true);
      assert.equal(mayNameBothParties('Mr. Conger wrote to-day.'), false);
      assert.equal(mayNameBothParties('Mr. Conger went to see it.'), false);
    });

    it('prose names both parties only by a lead, a bracket or several office holders (each way kept by mayNameBothParties)', () => {
      for (const t of [
        'Note handed by Mr. Conger to Mr. Hay.',
        'Minister who wrote in Russia (Francis) to the Secretary of State',
        'The Powers that met to the Secretary of State',
        'The Kings who met, to the Secretary of State',
      ]) {
        const r = readRunningHeading(t)!;
        assert.ok(r.sender.length > 0 && r.addressees.length > 0, t);
        assert.equal(mayNameBothParties(t), true, t);
      }
      // A paragraph of prose with none of them is answered before it is split at its " to ".
      assert.equal(mayNameBothParties('52. My 51, February 16, noon. The President stated to me that he would write to the Secretary of State.'), false);
    });

    /** Any code points, lone surrogates included (fast-check's 'binary' unit first builds a map of them all: a second). */
    const anyCodePoints = fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 12 }).map((cps) => String.fromCodePoint(...cps));

    /** Words, spaces of every kind, the junk a phrase is trimmed of, capitals of every plane, lone surrogates. */
    const spacedText = fc.oneof(
      text,
      anyCodePoints,
      fc
        .array(fc.constantFrom('a', 'A', 'Él', 'ß', '𝐀x', '𝐚', 'ǅ', '\ud800', '\udc00', ',', '.', ';', ':', '(', ' ', '\t', '\n', '\v', '\f', '\r', '\u00a0', '\u1680', '\u2000', '\u200a', '\u200b', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u180e'), { maxLength: 16 })
        .map((parts) => parts.join('')),
    );

    it('trimPhrase trims what /^[\\s,]+|[\\s,.;:]+$/g takes out', () => {
      fc.assert(
        fc.property(spacedText, (t) => assert.equal(trimPhrase(t), t.replace(/^[\s,]+|[\s,.;:]+$/g, ''), JSON.stringify(t))),
        { numRuns: 5000 },
      );
      assert.equal(trimPhrase(' , the Secretary of State.; '), 'the Secretary of State');
    });

    it('someWord and someCapitalisedWord visit the words split(/\\s+/) cuts, in order, and stop at the first that passes', () => {
      fc.assert(
        fc.property(spacedText, fc.nat(4), (t, stopAt) => {
          const words = t.split(/\s+/).filter((w) => w !== '');
          const capitalised = t.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
          for (const [some, expected] of [
            [someWord, words],
            [someCapitalisedWord, capitalised],
          ] as const) {
            const seen: string[] = [];
            const found = some(t, (w) => seen.push(w) > stopAt);
            assert.equal(found, expected.length > stopAt, JSON.stringify(t));
            assert.deepEqual(seen, expected.slice(0, stopAt + 1), JSON.stringify(t));
          }
        }),
        { numRuns: 5000 },
      );
    });

    /** Capitals and small letters of ASCII, Latin-1 and beyond the BMP (a surrogate pair), lone surrogates, no letters. */
    const lettersOfEveryPlane = fc.array(fc.constantFrom('A', 'a', 'É', 'é', '𝐀', '𝐚', '𝔄', '\ud800', '\udc00', '1', ' ', '’'), { maxLength: 12 }).map((p) => p.join(''));

    it('mostlyCapitals counts what /\\p{L}/gu and /\\p{Lu}/u count', () => {
      const byExpression = (t: string) => {
        const letters = t.match(/\p{L}/gu) ?? [];
        return letters.filter((c) => /\p{Lu}/u.test(c)).length >= 0.75 * letters.length;
      };
      fc.assert(
        fc.property(fc.oneof(text, fc.string({ unit: 'binary-ascii', maxLength: 30 }), anyCodePoints, lettersOfEveryPlane), (t) => assert.equal(mostlyCapitals(t), byExpression(t), JSON.stringify(t))),
        { numRuns: 3000 },
      );
    });

    it('splitAtTo splits where the whole-text reading did', () => {
      // The reading before the addressee's opening was asked where it stands (one copy of both sides per " to ").
      const count = (s: string, c: string) => [...s].filter((x) => x === c).length;
      const byCopies = (t: string) => {
        let best: { sender: string; addressee: string; score: number } | undefined;
        for (const m of t.matchAll(/\s+to\s+/g)) {
          const sender = t.slice(0, m.index).trim();
          const addressee = t.slice(m.index + m[0].length).trim();
          if (!sender || !addressee || !/^\p{Lu}|^(?:the|an?|all)\s/u.test(addressee)) continue;
          if (count(sender, '(') !== count(sender, ')')) continue;
          let score = 0;
          if (/\)\s*,?$/.test(sender)) score += 3;
          if (/,$/.test(sender)) score += 2;
          if (/^(?:the\s|an?\s|all\s|(?:Mr|Mrs|Miss|Messrs|Mme|Mlle|Sir|Lord|Lady|Dr|M|Señor|Senor|Sr|Don|Dom|Baron|Baroness|Count|Countess|Prince|Princess|Marquis|Earl|Viscount|Duke|General|Gen|Admiral|Colonel|Col|Captain|Capt|Major|Marshal|Field\s+Marshal|Generalissimo|Viceroy|Prime\s+Minister|Foreign\s+Minister|Foreign\s+Secretary|Minister|Ambassador|Consul|Senator|Judge|President|Vice\s+President|Premier|Chancellor|King|Queen|Emperor|Acting\s+Secretary|Secretary|Under\s+Secretary|Assistant\s+Secretary|Commissioner|Commissar)\.?\s)/iu.test(addressee)) score += 2;
          if (!best || score > best.score) best = { sender: sender.replace(/,$/, '').trim(), addressee, score };
        }
        return best && { sender: best.sender, addressee: best.addressee };
      };
      // Short texts dense in what the split weighs: brackets, commas and white space before a " to ", openings after it.
      const dense = fc
        .array(fc.constantFrom('(', ')', ',', ' ', '  ', '\t', ' to ', 'to', 'A', 'b', 'the ', 'all ', 'Mr. ', '(X)', ')\u00a0,', '¹'), { maxLength: 14 })
        .map((parts) => parts.join(''));
      const withEnds = fc.tuple(fc.constantFrom('', ' ', '\n '), fc.oneof(text, dense), fc.constantFrom('', ' ', ' the ', ' the', '\t')).map(([a, t, b]) => a + t + b);
      fc.assert(
        fc.property(withEnds, (t) => assert.deepEqual(splitAtTo(t), byCopies(t), JSON.stringify(t))),
        {
          numRuns: 3000,
          // Where the score decides between two splits: a bracket and white space before a comma, an article after.
          examples: [['A (X) , to A, to the B'], ['A (X)\u00a0, to A, to the B'], ['A (X) to B, to the C'], ['A (X), to B (Y) to the C'], ['A ( to B']],
        },
      );
    });
  });
});
