/** language: the language of a block from its function words; short text tells nothing. */
import assert from 'node:assert/strict';
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
