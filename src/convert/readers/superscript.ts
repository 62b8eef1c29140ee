/** Superscript digits, as OCR and word processors print footnote markers: "¹", "¹²⁰". */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Superscript letters that follow a note number in documentary editions ("⁴⁷ᵃ": note 47a). */
const SUPERSCRIPT_LETTERS: Record<string, string> = { ᵃ: 'a', ᵇ: 'b', ᶜ: 'c', ᵈ: 'd', ᵉ: 'e', ᶠ: 'f', ᵍ: 'g' };

/** "¹²⁰" → "120", "⁴⁷ᵃ" → "47a". */
export function fromSuperscript(s: string): string {
  return [...s].map((c) => (SUPERSCRIPT_DIGITS.includes(c) ? String(SUPERSCRIPT_DIGITS.indexOf(c)) : (SUPERSCRIPT_LETTERS[c] ?? c))).join('');
}

/** The superscript a note number is printed with: "47a" → "⁴⁷ᵃ", "a" → "ᵃ" (other characters as they are). */
export function toSuperscript(n: string): string {
  const letters = Object.fromEntries(Object.entries(SUPERSCRIPT_LETTERS).map(([sup, letter]) => [letter, sup])) as Record<string, string>;
  return [...n].map((c) => (/\d/.test(c) ? SUPERSCRIPT_DIGITS[Number(c)]! : (letters[c] ?? c))).join('');
}
