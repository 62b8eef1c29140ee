/**
 * Heads of a volume's own divisions, printed between documents: "Chapter I. Loans to the Provisional
 * Government—Soviet Financial Decrees", "II. Efforts of American nations to settle the dispute",
 * "Chaco dispute between Bolivia and Paraguay:", "Russia", and the long descriptive heads of subchapters
 * ("Offer of a credit to the Russian Provisional Government, April 3, 1917—Credit of …").
 */
import { foldSpaces } from '../readers/blocks.js';

/** "Chapter I.", "Part II", "Section 3", "Book IV": a numbered division of the volume. */
const NUMBERED_DIVISION = /^(?:Chapter|Part|Section|Book|Title)\s+(?:[IVXLC]+|\d{1,3}|[A-Z])\b\.?/iu;
/** "I. Efforts of the League …": a roman numeral and a title in running case. */
const ROMAN_DIVISION = /^(?=[IVXLC])C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\.\s+(\p{Lu}.*)$/u;

export type DivisionStrength = 'strong' | 'weak';

/**
 * How surely one line is a division head on its own shape: `strong` for a numbered division or a title
 * introducing subdivisions ("Argentina:"), `weak` for any other line that could be a title (no sentence,
 * not a note line), undefined for a line that cannot be one.
 */
export function divisionHeadStrength(text: string): DivisionStrength | undefined {
  const t = foldSpaces(text.replace(/\*+/g, '')).trim();
  if (t.length === 0 || t.length > 1200) return undefined;
  if (/^(\d{1,3}[a-z]?|[*†‡§])\.\s/.test(t) || /^\[.*\]\.?$/.test(t)) return undefined;
  // A roman numeral before a title, not an initial before a name ("V. Macchi di Cellere", "L. S. Rowe").
  const roman = ROMAN_DIVISION.exec(t);
  if (NUMBERED_DIVISION.test(t) || (roman && roman[1]!.split(' ').length >= 3 && !isNameLike(roman[1]!) && /\s\p{Ll}{4,}/u.test(roman[1]!))) return 'strong';
  if (/^[^:]+:$/.test(t) && t.split(' ').length <= 16 && /^\p{Lu}/u.test(t)) return 'strong';
  if (!/^\p{Lu}/u.test(t)) return undefined;
  // A sentence or a formula, not a title: "I beg [etc.]", "Respect this!", "… binding upon …; they are …",
  // "(Mr. Conger reports …)", "Cards, compliments, etc.,", a date line.
  if (/\[etc\.?\]|[,;!?\]]$|[.!?]\)$/.test(t) || /^(?:I|We|He|She|It|They|You|This|These|Please)\s|^(?:Note|N\.\s?B)\.?\s*[—–-]/.test(t)) return undefined;
  if (/^(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?\d{4}\.?$/.test(t)) return undefined;
  return 'weak';
}

/** The number a division head prints: "Chapter II. Efforts …" → "II", "III. Arms embargo …" → "III". */
export function divisionNumber(text: string): string | undefined {
  const t = text.replace(/\*+/g, '').trim();
  const numbered = /^(?:Chapter|Part|Section|Book|Title)\s+([IVXLC]+|\d{1,3}|[A-Z])\b/i.exec(t);
  if (numbered) return numbered[1];
  return ROMAN_DIVISION.test(t) && divisionHeadStrength(t) === 'strong' ? /^([IVXLC]+)\./.exec(t)?.[1] : undefined;
}

/** A name alone (a signature such as "Hanna", "R. Walton Moore", "V. Macchi di Cellere") or a country ("Chile"): one to five capitalised words and name particles. */
export function isNameLike(text: string): boolean {
  const t = text.replace(/\*+/g, '').trim().replace(/[.,]$/, '');
  const words = t.split(/\s+/);
  // Editors' brackets complete a name printed in part: "C[ordell] H[ull]".
  return words.length <= 5 && words.every((w) => /^(?:\p{Lu}[\p{L}'’.\[\]-]*|de|da|das|del|dos|di|du|la|le|von|van|der|den|ter|y|e|al|el|bin|ibn)$/u.test(w));
}
