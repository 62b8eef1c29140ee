/**
 * A block's language from its function words. Enough to tell the French and English versions of a note
 * apart, or a German quotation from English text; not a general language identifier.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ['the', 'of', 'and', 'to', 'in', 'was', 'is', 'that', 'for', 'with', 'his', 'he', 'on', 'which', 'by', 'an'],
  fr: ['le', 'la', 'les', 'de', 'des', 'du', 'et', 'en', 'au', 'aux', 'une', 'est', 'pour', 'avec', 'il', 'qui', 'dans', 'sur', 'a', 'été'],
  de: ['der', 'die', 'das', 'und', 'den', 'dem', 'nicht', 'ist', 'mit', 'von', 'zu', 'ein', 'eine', 'auf', 'für', 'sich'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'по', 'к', 'о', 'из'],
};

export const LANGUAGE_NAMES: Record<string, string> = { en: 'English', fr: 'French', de: 'German', ru: 'Russian' };

/** The most likely language code, or undefined for text too short to tell (fewer than 8 words). */
export function detectLanguage(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}']+/gu) ?? [];
  if (words.length < 8) return undefined;
  let best: string | undefined;
  let bestCount = 0;
  for (const [lang, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    const count = words.filter((w) => set.has(w)).length;
    if (count > bestCount) {
      best = lang;
      bestCount = count;
    }
  }
  return bestCount >= 2 ? best : undefined;
}
