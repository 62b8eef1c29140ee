/**
 * A block's language from its function words. Enough to tell the French and English versions of a note
 * apart, or a German quotation from English text; not a general language identifier.
 */
import { LETTER, charWidth, letterClassAt } from '../readers/letter-class.js';
import { WordTable } from '../readers/word-table.js';

const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'was', 'is', 'that', 'for', 'with', 'his', 'he', 'on', 'which', 'by', 'an'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'au', 'aux', 'une', 'est', 'pour', 'avec', 'il', 'qui', 'dans', 'sur', 'a', 'été'],
  de: ['der', 'die', 'das', 'und', 'den', 'dem', 'nicht', 'ist', 'mit', 'von', 'zu', 'ein', 'eine', 'auf', 'für', 'sich'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'к', 'о', 'из'],
};

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', ru: 'Russian' };

/** The languages in the order they are tried (the first of equal counts wins), and each function word's languages. */
const LANGUAGES = Object.keys(FUNCTION_WORDS);
const FUNCTION_WORD_TABLE = new WordTable();
/** By the word's number in FUNCTION_WORD_TABLE. */
const LANGUAGES_OF_WORD: number[][] = [];
for (const [index, lang] of LANGUAGES.entries()) {
  for (const w of new Set(FUNCTION_WORDS[lang])) {
    const id = FUNCTION_WORD_TABLE.add(w, 0, w.length);
    (LANGUAGES_OF_WORD[id] ??= []).push(index);
  }
}
/** Code units of the longest function word: a longer word is counted, never looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...Object.values(FUNCTION_WORDS).flat().map((w) => w.length));

/** The most likely language code, or undefined for text too short to tell (fewer than 8 words). */
export function detectLanguage(text: string): string | undefined {
  // The words are what `[\p{L}']+` matches in the lower-cased text; one scan counts them and every language at once.
  const lower = text.toLowerCase();
  const counts = new Array<number>(LANGUAGES.length).fill(0);
  let words = 0;
  // The loop of scanRuns written out: a callback per character and per word cost more than the counting.
  const n = lower.length;
  let i = 0;
  while (i < n) {
    if (!isWordCharAt(lower, i)) {
      i += charWidth(lower, i);
      continue;
    }
    const start = i;
    do i += charWidth(lower, i);
    while (i < n && isWordCharAt(lower, i));
    words++;
    if (i - start > LONGEST_FUNCTION_WORD) continue;
    const id = FUNCTION_WORD_TABLE.find(lower, start, i);
    if (id >= 0) for (const index of LANGUAGES_OF_WORD[id]!) counts[index]!++;
  }
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
  const code = text.charCodeAt(i);
  // ASCII without the table: letters, and the apostrophe.
  if (code < 128) return code === 39 || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
  return (letterClassAt(text, i) & LETTER) !== 0;
}
