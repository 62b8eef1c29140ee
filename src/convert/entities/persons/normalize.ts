import { fold } from './lexicon.js';

/**
 * The form under which surnames are compared: case, accents and apostrophes folded, and the common
 * transliteration variants of Russian endings made one ("Maiskii" = "Maisky" = "Maiskiy", "Vyshinskii" =
 * "Vyshinsky"). Spelling variants beyond these come from the editor's file.
 */
export function normalizeSurname(surname: string): string {
  return fold(surname)
    .replace(/['’`]/g, '')
    .replace(/(?:ii|iy|ij|yi|yy)$/, 'y')
    .replace(/(?:ie|ei)$/, 'ey')
    .replace(/ё/g, 'e');
}

/** A slug for ids: ASCII letters, digits and hyphens. */
export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'person';
}
