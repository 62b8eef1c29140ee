import type { DateMention } from './types.js';

/**
 * A plain "26 Aug. 1939" that chrono lost to an overlapping reading ("secret, 24, 26 Aug. 1939": chrono takes
 * "24, 26" for a time and its overlap removal drops the date before our refiners see it). This scan only adds
 * fully stated day-month-year dates that no chrono result covers.
 */
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  january: 1, february: 2, march: 3, april: 4, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12,
};
const PATTERN =
  /(?<![\w./-])(\d{1,2})(?:st|nd|rd|th)?\s+(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?,?\s+(\d{4})(?![\w/])/g;

const PATTERN_AT = new RegExp(PATTERN.source, 'y');

/**
 * Day-month-year dates of `text` (English month names, capitalised), with their ISO value. `monthStarts`, when given,
 * are where month words begin (find-dates.ts has them): every date of the pattern has its month at one of them, so
 * the pattern is tried only just before those (matches never overlap, so the dates are those of a scan of the whole
 * text; a property test holds the two together).
 */
export function scanDayMonthYear(text: string, monthStarts?: readonly number[]): DateMention[] {
  const out: DateMention[] = [];
  const matches = monthStarts ? dayMonthYearAt(text, monthStarts) : text.matchAll(PATTERN);
  for (const m of matches) {
    const month = MONTHS[(m[2] ?? '').toLowerCase()];
    const day = Number(m[1]);
    if (!month || day < 1 || day > 31) continue;
    const when = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], when });
  }
  return out;
}

/**
 * The matches of {@link PATTERN} whose month begins at one of `monthStarts`: the day of such a match ends, with its
 * suffix, where the white space before the month begins, so it starts one or two digits before that.
 */
function dayMonthYearAt(text: string, monthStarts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const at of monthStarts) {
    let spaces = at;
    while (spaces > 0 && /\s/.test(text[spaces - 1]!)) spaces--;
    if (spaces === at) continue;
    const digitsEnd = spaces >= 2 && /^(?:st|nd|rd|th)$/.test(text.slice(spaces - 2, spaces)) ? spaces - 2 : spaces;
    for (const start of [digitsEnd - 2, digitsEnd - 1]) {
      if (start < 0 || !isDigit(text.charCodeAt(start))) continue;
      PATTERN_AT.lastIndex = start;
      const m = PATTERN_AT.exec(text);
      if (m) {
        out.push(m);
        break;
      }
    }
  }
  return out;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

const MONTH_ALONE =
  /(?<![\w./])(?<!(?<!mid)-)(January|February|March|April|May|June|July|August|September|October|November|December)(?:\s+(\d{4}))?(?![\w/-])/g;

/** Words after which "May" or "March" can only be the month: "early May", "in March". */
const MONTH_PRECEDERS = new Set(['in', 'of', 'by', 'since', 'until', 'till', 'from', 'to', 'during', 'before', 'after', 'early', 'late', 'mid', 'end', 'beginning', 'middle', 'between', 'and', 'or', 'through', 'throughout', 'around', 'about', 'on', 'last', 'next']);
const LONGEST_PRECEDER = 10;

/**
 * A capitalised month name chrono passed over ("the end of April or early May": chrono reads "early" as a
 * modifier it does not support and drops the month). Returns the month and an optional printed year; the
 * caller infers a missing year. `monthStarts` as for {@link scanDayMonthYear}.
 */
export function scanMonthNames(text: string, monthStarts?: readonly number[]): Array<{ start: number; end: number; text: string; month: number; year?: number }> {
  const out: Array<{ start: number; end: number; text: string; month: number; year?: number }> = [];
  const matches = monthStarts ? monthAloneAt(text, monthStarts) : text.matchAll(MONTH_ALONE);
  for (const m of matches) {
    const name = m[1] ?? '';
    if ((name === 'May' || name === 'March') && !monthPrecededAt(text, m.index)) continue;
    const month = MONTHS[name.toLowerCase()];
    if (!month) continue;
    const found: { start: number; end: number; text: string; month: number; year?: number } = { start: m.index, end: m.index + m[0].length, text: m[0], month };
    if (m[2]) found.year = Number(m[2]);
    out.push(found);
  }
  return out;
}

const MONTH_ALONE_AT = new RegExp(MONTH_ALONE.source, 'y');

/** The matches of {@link MONTH_ALONE} at `monthStarts` (a month name alone begins where a month word does). */
function monthAloneAt(text: string, monthStarts: readonly number[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const at of monthStarts) {
    MONTH_ALONE_AT.lastIndex = at;
    const m = MONTH_ALONE_AT.exec(text);
    if (m) out.push(m);
  }
  return out;
}

const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Whether the last word before `at` (ASCII word characters, as `\b` and `\W` see them, punctuation between) is a
 * preceder: what `/\b(?:in|of|…)\W*$/i` says of the text before `at`, read backwards from `at` instead of run on
 * all the text before it (anchored at the end, that made a paragraph of megabytes quadratic). The punctuation
 * skipped belongs to this month alone, so the scans of all months together read the text once.
 */
function monthPrecededAt(text: string, at: number): boolean {
  let end = at;
  while (end > 0 && !isWordChar(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isWordChar(text.charCodeAt(start - 1))) {
    start--;
    if (end - start > LONGEST_PRECEDER) return false;
  }
  return start < end && MONTH_PRECEDERS.has(text.slice(start, end).toLowerCase());
}
