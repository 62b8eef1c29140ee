/**
 * What a string must hold for chrono's English or French pipeline (chrono-setup.ts: chrono's parsers without the
 * relative ones, then our refiners) to find a date in it at all. A third of the calls found nothing: French ones
 * in English paragraphs that merely contain "mai" ("remain", "maintain") or "mars" ("Marshal"), and the English
 * re-reads of the stretches between dates that such a word sent back. Each test is a necessary condition, read
 * from chrono's patterns and held to chrono itself by a property test (test/convert/entities/chrono-needs.test.ts):
 * when it fails, the pipeline returns no result, and the call is not made.
 *
 * A date we keep states its month (requireMonthRefiner), and only these readings of chrono assign one:
 * - a month word of chrono's dictionary (its month-name parsers, any case: the refiners judge the case later);
 * - digits joined by `/`, `.` or `-` (the slash, ISO and year-month-day parsers), or a year, a number and a day
 *   apart by spaces (the year-month-day parser);
 * - in English, "end of the month" or "last day of month", and "overmorrow" (casual words that carry no
 *   `casualReference` tag); in French, "cette nuit" and "la veille" (likewise). A weekday before a casual word
 *   loses its tag when chrono joins the two ("Monday tmr", "lundi, hier"), so those words count as well where
 *   rejectRelativeRefiner's list of words does not drop them. Every other casual word ("noon", "ce matin")
 *   states no month.
 */

/**
 * An English month word where chrono's month parsers can read it: followed by anything but a letter, or by what
 * their patterns allow there without a space (an ordinal word: "January first"; "of" before a year: "May of 1918").
 * Nothing is asked before the word ("1stJanuary", "ofJanuary" are read).
 */
const ENGLISH_MONTH =
  /(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)(?:(?![a-z])|(?=of|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twent|thirt))/i;

/** Digits joined as chrono's numeric parsers read them. */
const NUMERIC = /\d[/.-]\d|\d{4}\s\d{1,2}\s\d/;

/** chrono's English casual words that can assign a month and escape rejectRelativeRefiner. */
const ENGLISH_CASUAL = /month|overmorrow|tmr/i;

/**
 * A French month word where chrono's French month parser can read it: after a day's digits or "1er", "de", a
 * space, "-" or "/", and before anything but a letter (a year may follow without a space: "mars1918").
 */
const FRENCH_MONTH =
  /(?<=[\d\s/eErR-])(?:janvier|janv|jan|février|févr|fév|fevrier|fevr|fev|mars|mar|avril|avr|mai|juin|jun|juillet|juil|jul|août|aout|septembre|sept|sep|octobre|oct|novembre|nov|décembre|decembre|déc|dec)(?=\W|\d|$)/i;

const DIGIT = /\d/;

/** chrono's French casual words that can assign a month and escape rejectRelativeRefiner. */
const FRENCH_CASUAL = /nuit|veille|hier|demain|aujourd|maintenant/i;

/** False when chrono's English pipeline cannot find a date in `text`. */
export function englishMayFind(text: string): boolean {
  return ENGLISH_MONTH.test(text) || NUMERIC.test(text) || ENGLISH_CASUAL.test(text);
}

/** False when chrono's French pipeline cannot find a date in `text` (its month parser needs a day's digits). */
export function frenchMayFind(text: string): boolean {
  return (FRENCH_MONTH.test(text) && DIGIT.test(text)) || NUMERIC.test(text) || FRENCH_CASUAL.test(text);
}
