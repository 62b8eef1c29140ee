/**
 * A block's language from its function words. Enough to tell the French and English versions of a note
 * apart, or a German quotation from English text; not a general language identifier.
 */
import { LETTER, letterClassAt, scanRuns } from '../readers/letter-class.js';

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'was', 'is', 'that', 'for', 'with', 'his', 'he', 'on', 'which', 'by', 'an'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'au', 'aux', 'une', 'est', 'pour', 'avec', 'il', 'qui', 'dans', 'sur', 'a', 'été'],
  de: ['der', 'die', 'das', 'und', 'den', 'dem', 'nicht', 'ist', 'mit', 'von', 'zu', 'ein', 'eine', 'auf', 'für', 'sich'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'к', 'о', 'из'],
};

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', ru: 'Russian' };

/** The languages in the order they are tried (the first of equal counts wins), and each function word's languages. */
const LANGUAGES = Object.keys(FUNCTION_WORDS);
const LANGUAGES_OF_WORD = new Map<string, number[]>();
for (const [index, lang] of LANGUAGES.entries()) {
  for (const w of new Set(FUNCTION_WORDS[lang])) {
    const list = LANGUAGES_OF_WORD.get(w);
    if (list) list.push(index);
    else LANGUAGES_OF_WORD.set(w, [index]);
  }
}
/** Code units of the longest function word: a longer word is counted, never looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...LANGUAGES_OF_WORD.keys()].map((w) => w.length));

/** The most likely language code, or undefined for text too short to tell (fewer than 8 words). */
export function detectLanguage(text: string): string | undefined {
  // The words are what `[\p{L}']+` matches in the lower-cased text; one scan counts them and every language at once.
  const lower = text.toLowerCase();
  const counts = new Array<number>(LANGUAGES.length).fill(0);
  let words = 0;
  scanRuns(lower, isWordCharAt, (start, end) => {
    words++;
    if (end - start > LONGEST_FUNCTION_WORD) return;
    const langs = LANGUAGES_OF_WORD.get(lower.slice(start, end));
    if (langs) for (const index of langs) counts[index]!++;
  });
  if (words < 8) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [index, lang] of LANGUAGES.entries()) {
    if (counts[index]! > bestCount) {
      best = lang;
      bestCount = counts[index]!;
    }
  }
  return bestCount >= 2 ? best : undefined;
}

function isWordCharAt(text: string, i: number): boolean {
  return text.charCodeAt(i) === 39 || (letterClassAt(text, i) & LETTER) !== 0;
}
