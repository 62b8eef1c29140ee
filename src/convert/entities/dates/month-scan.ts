/**
 * Where month names are printed: the one scan of the date pass over every text it is given (some 10 MB of
 * paragraphs for a 10 MB source). It finds what
 * {@link MONTH_PATTERN} (`\b(?:Jan|Feb|…|JAN|FEB|…)|janv|févr|fevr|mars|avril|mai\b|juin|juil|août|aout|sept|octob|novemb|décemb|decemb`)
 * finds, left to right and without overlaps, in a range of a text as if the range were the whole text (`\b` at its
 * edges): English months capitalised, at a word's start, three letters; French stems in lower case, anywhere. The
 * expression has no literal prefix for V8 to search by, and was tried at every character of every text, three times
 * a text (a first test, the month spans, the stretches between dates). Held to the expression by a property test
 * (test/convert/entities/month-scan.test.ts).
 */

/** The expression this scan reads as (for the tests, and for the reader). */
export const MONTH_PATTERN =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)|janv|févr|fevr|mars|avril|mai\b|juin|juil|août|aout|sept|octob|novemb|décemb|decemb/;

/** The English months' letters after the capital, by the capital's code: "an" of "Jan", "AN" of "JAN". */
const ENGLISH_TAILS: ReadonlyArray<readonly string[] | undefined> = tailsByFirst([
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
  'JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC',
]);

/** The French stems after their first letter, by that letter's code ("mai" stands apart: it must end a word). */
const FRENCH_TAILS: ReadonlyArray<readonly string[] | undefined> = tailsByFirst([
  'janv', 'févr', 'fevr', 'mars', 'avril', 'mai', 'juin', 'juil', 'août', 'aout', 'sept', 'octob', 'novemb', 'décemb', 'decemb',
]);

/** Every first letter is ASCII: an array by code, read at every character, instead of a map. */
function tailsByFirst(words: readonly string[]): Array<string[] | undefined> {
  const tails: Array<string[] | undefined> = new Array<string[] | undefined>(128).fill(undefined);
  for (const word of words) (tails[word.charCodeAt(0)] ??= []).push(word.slice(1));
  return tails;
}

/** `\w` of an expression without the `u` flag: ASCII letters, digits, underscore. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

/**
 * The length of the match of {@link MONTH_PATTERN} at `at` in `text[from, to)`, or 0. At most one alternative can
 * match at a place (they differ in their first letters or by the letters after), so the first found is the match.
 */
function matchAt(text: string, at: number, from: number, to: number): number {
  const first = text.charCodeAt(at);
  if (first >= 128) return 0;
  if (first >= 65 && first <= 90) {
    const tails = ENGLISH_TAILS[first];
    if (tails === undefined || at + 3 > to || (at > from && isWordCode(text.charCodeAt(at - 1)))) return 0;
    for (const tail of tails) if (text.startsWith(tail, at + 1)) return 3;
    return 0;
  }
  const tails = FRENCH_TAILS[first];
  if (tails === undefined) return 0;
  for (const tail of tails) {
    const end = at + 1 + tail.length;
    if (end > to || !text.startsWith(tail, at + 1)) continue;
    // `mai\b`: "mai" then no word character ("remain" is a match, "maintain" is not).
    if (tail === 'ai' && end < to && isWordCode(text.charCodeAt(end))) continue;
    return end - at;
  }
  return 0;
}

/**
 * Pairs of code units that can open a match, as bits of `first * 256 + second` (first below 128, second below 256):
 * most places of a text are ruled out by one look-up, before any alternative is tried.
 */
const OPENINGS: Uint8Array = (() => {
  const openings = new Uint8Array(128 * 256);
  for (const [index, tails] of [...ENGLISH_TAILS.entries(), ...FRENCH_TAILS.entries()]) {
    for (const tail of tails ?? []) openings[index * 256 + tail.charCodeAt(0)] = 1;
  }
  return openings;
})();

/**
 * The matches of {@link MONTH_PATTERN} in `text[from, to)` read as a text of its own, as [start, end) pairs at their
 * offsets in `text`: `[s0, e0, s1, e1, …]`.
 */
export function monthMatches(text: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  for (let i = from; i + 1 < to; ) {
    const first = text.charCodeAt(i);
    const second = text.charCodeAt(i + 1);
    if (first >= 128 || second >= 256 || OPENINGS[first * 256 + second] === 0) {
      i++;
      continue;
    }
    const length = matchAt(text, i, from, to);
    if (length === 0) {
      i++;
      continue;
    }
    found.push(i, i + length);
    i += length;
  }
  return found;
}
