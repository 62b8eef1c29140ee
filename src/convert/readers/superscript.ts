/** Superscript digits, as OCR and word processors print footnote markers: "¹", "¹²⁰". */
export const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** "¹²⁰" → "120". */
export function fromSuperscript(s: string): string {
  return [...s].map((c) => String(SUPERSCRIPT_DIGITS.indexOf(c))).join('');
}
