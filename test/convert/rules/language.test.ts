/** language: the language of a block from its function words; short text tells nothing. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LANGUAGE_NAMES, detectLanguage } from '../../../src/convert/rules/language.js';

describe('rules/language', () => {
  it('reads English', () => {
    assert.equal(detectLanguage('The Soviet Government is grateful for the assurance that the British Government will treat it as an attack.'), 'en');
  });

  it('reads French', () => {
    assert.equal(detectLanguage("Le Gouvernement de la France est reconnaissant pour les assurances et il a été informé de la situation."), 'fr');
  });

  it('reads German', () => {
    assert.equal(detectLanguage('Der Botschafter ist mit dem Minister nicht einverstanden und die Regierung hat sich für den Frieden entschieden.'), 'de');
  });

  it('reads Russian', () => {
    assert.equal(detectLanguage('Советское правительство считает, что в настоящее время не следует говорить о том, что на фронте и в тылу'), 'ru');
  });

  it('is undefined for fewer than 8 words', () => {
    assert.equal(detectLanguage('the of and to in was is'), undefined);
  });

  it('is undefined when fewer than two function words are found', () => {
    assert.equal(detectLanguage('Kishinev Lvov Brest Bialystok Kaunas Vyborg Odessa Minsk Leningrad'), undefined);
  });

  it('names every language it can return', () => {
    assert.deepEqual(Object.keys(LANGUAGE_NAMES).sort(), ['de', 'en', 'fr', 'ru']);
  });
});

/** The counting the scanner replaced: the words `[\p{L}']+` matches, each language's function words counted in turn. */
function languageByRegExp(text: string): string | undefined {
  const lists: Record<string, string[]> = {
    en: ['the', 'of', 'and', 'to', 'in', 'was', 'is', 'that', 'for', 'with', 'his', 'he', 'on', 'which', 'by', 'an'],
    fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'au', 'aux', 'une', 'est', 'pour', 'avec', 'il', 'qui', 'dans', 'sur', 'a', 'été'],
    de: ['der', 'die', 'das', 'und', 'den', 'dem', 'nicht', 'ist', 'mit', 'von', 'zu', 'ein', 'eine', 'auf', 'für', 'sich'],
    ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'к', 'о', 'из'],
  };
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 8) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [lang, list] of Object.entries(lists)) {
    const count = words.filter((w) => list.includes(w)).length;
    if (count > bestCount) [best, bestCount] = [lang, count];
  }
  return bestCount >= 2 ? best : undefined;
}

describe('rules/language on arbitrary text (property)', () => {
  it('names the language the word-by-word count names', () => {
    const pieces = fc.constantFrom('the', 'The', 'of', 'le', 'LA', 'été', 'Été', 'der', 'nicht', 'и', 'В', 'что', 'a', "a'", "l'", 'İ', 'x', 'Ж', '𝔄', '\u0301', ' ', ',', '\n', "'", '-', '1');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), fc.constantFrom(' ', '', "'"), (words, sep) => {
        const text = words.join(sep);
        assert.equal(detectLanguage(text), languageByRegExp(text));
      }),
      { numRuns: 2000 },
    );
  });
});
