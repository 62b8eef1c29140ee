import { fold } from './lexicon.js';

/**
 * The form under which surnames are compared: case, accents and apostrophes folded, and the common
 * transliteration variants of Russian endings made one ("Maiskii" = "Maisky" = "Maiskiy", "Vyshinskii" =
 * "Vyshinsky"). Spelling variants beyond these come from the editor's file.
 */
export function normalizeSurname(surname: string): string {
  // Asked for every capitalised word the person rules weigh, and for every lookup of a known name: memoized, as
  // fold is, and for the same reason not for long words (they would keep the texts they were cut from alive).
  let normal = normalized.get(surname);
  if (normal === undefined) {
    normal = fold(surname)
      .replace(/['’`]/g, '')
      .replace(/(?:ii|iy|ij|yi|yy)$/, 'y')
      .replace(/(?:ie|ei)$/, 'ey')
      .replace(/ё/g, 'e');
    if (surname.length < 13) {
      if (normalized.size > 50_000) normalized.clear();
      normalized.set(surname, normal);
    }
  }
  return normal;
}

const normalized = new Map<string, string>();

/** A slug for ids: ASCII letters, digits and hyphens. */
export function slug(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'person';
}
