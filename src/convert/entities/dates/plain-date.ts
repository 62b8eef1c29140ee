/**
 * The fast path of the date pass: a window of text whose only date is a plain "March 4", "March 4th", "Sept. 4,
 * 1933" or "MARCH 15, 1933" and which holds nothing else chrono-node reads (no other digit, no other month word,
 * no weekday, ordinal, time-of-day or casual word, no time zone or era after the date, no "end of" before it).
 * For such a window chrono's English pipeline with our refiners gives exactly one result, the date itself; most
 * windows of letters and telegrams are of this kind, and reading them here costs a scan instead of chrono's
 * thirteen parsers and twenty-five refiners (about 25 µs a window). Anything else goes to chrono.
 *
 * A property test holds this to chrono (generated windows and the windows of the seeds):
 * test/convert/entities/plain-date.test.ts.
 */

import { nearestCentury } from './refiners/two-digit-year.js';
import { CHRONO_TIME_ZONES } from './chrono-zones.js';

/** chrono's English month words (its MONTH_DICTIONARY without the stops). */
const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['february', 2], ['march', 3], ['april', 4], ['may', 5], ['june', 6], ['july', 7], ['august', 8],
  ['september', 9], ['october', 10], ['november', 11], ['december', 12],
  ['jan', 1], ['feb', 2], ['mar', 3], ['apr', 4], ['jun', 6], ['jul', 7], ['aug', 8], ['sep', 9], ['sept', 9],
  ['oct', 10], ['nov', 11], ['dec', 12],
]);

/** The month words chrono reads with a stop ("Sept.", "Jun."; not "May."). */
const ABBREVIATIONS: ReadonlySet<string> = new Set(['jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);

/**
 * Words some other parser of chrono's English configuration reads: weekdays, ordinal numbers in words, casual
 * days and times of day, "month" (of "end of the month"), "clock" (of "o'clock").
 */
const ORDINAL_WORDS: readonly string[] = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
  'twenty', 'thirtieth', 'thirty',
];
const OTHER_DATE_WORDS: ReadonlySet<string> = new Set([
  'sunday', 'sun', 'monday', 'mon', 'tuesday', 'tue', 'tues', 'wednesday', 'wed', 'thursday', 'thurs', 'thur', 'thu',
  'friday', 'fri', 'saturday', 'sat', 'weekend', 'weekday',
  ...ORDINAL_WORDS,
  'now', 'today', 'tonight', 'tomorrow', 'overmorrow', 'tmr', 'tmrw', 'yesterday', 'night',
  'morning', 'afternoon', 'evening', 'midday', 'month', 'clock',
]);
/** Times of day chrono reads as words: read here only as the time right after a date (see {@link TIME_AFTER}). */
const CASUAL_TIMES: readonly string[] = ['noon', 'midnight'];

/** The day and optional year after the month word: "Sept. 4, 1933", "March 15th". */
const DAY_AND_YEAR = /(\.?)[ \n](\d{1,2})(st|nd|rd|th)?(?:,[ \n]([1-9]\d{3}))?(?![A-Za-z0-9_])/y;
/** The day before the month word: "25 ", "18th of ". */
const DAY_BEFORE = /(\d{1,2})(?:st|nd|rd|th)?(?: | of )$/;
/** The year after a month word without a day: "November 1917", "May, 1901", "Nov. 1917". */
const MONTH_AND_YEAR = /(\.?),? ([1-9]\d{3})(?![A-Za-z0-9_])/y;
/** What may follow the month word of a day-first date: its stop when abbreviated, a year. */
const MONTH_THEN_YEAR = /(\.?)(?:,? ([1-9]\d{3}))?(?![A-Za-z0-9_])/y;
const NAME_THEN_YEAR = /()(?:,? ([1-9]\d{3}))?(?![A-Za-z0-9_])/y;
/**
 * A time zone after the date, as chrono's time-zone refiner reads one (it takes a date-only result's zone only in
 * capitals).
 */
const ZONE_AFTER = /^\s*,?\s*\(?[A-Z]{2,4}\)?(?![A-Za-z0-9_])/;
/**
 * A time of day chrono does not join to the date: after an em dash ("March 13, 1934—3 p.m.", its time-merging gap
 * is a comma, "at", "on" or a hyphen), or after a comma (merged, then cut off again by our trimming refiner; but
 * without a year chrono reads an hour of two digits, or else a day of two, as a year: see coreAt). An hour, or noon
 * or midnight ("Moscow, January 7, 1918, 12 noon.", "Your 2324, February 2, midnight.": telegrams' times).
 */
const TIME_AFTER = /^(—|, )(?:(\d{1,2})(?:([.:])\d{2})? [ap]\.m\.|(12 )?(?:noon|midnight))(?![A-Za-z0-9_])/;
/**
 * A time zone of chrono's after a time joined to the date, in any case ("May 1, 8:15 a.m. wet"): the date is then not
 * date-only, and chrono's time-zone refiner (its pattern, then its dictionary) takes the zone into the result, which
 * our trimming refiner then leaves whole.
 */
const ZONE_WORD_AFTER = /^\s*,?\s*\(?([A-Za-z]{2,4})\)?(?=\W|$)/;

const TIME_ZONES: ReadonlySet<string> = new Set(CHRONO_TIME_ZONES);

function zoneAfterTime(after: string): boolean {
  const zone = ZONE_WORD_AFTER.exec(after)?.[1];
  return zone !== undefined && TIME_ZONES.has(zone.toUpperCase());
}

/** An hour, an era or a range after the date. */
const AFTER = /^\s*(?:[ap](?![A-Za-z0-9_])|[ap]\.|am\b|pm\b|o\W|h\b|be\b|ad\b|bc\b|bce\b|ce\b|[-–—/:~])/i;
/**
 * What chrono's month-and-year parser will not take as the year after a month word, so that without a year or an
 * ordinal suffix the two digits of "May 14" are no day either (its month-and-day parser leaves two digits that
 * could be a year to it): a word beginning with a month's or a time's letters, glued to more letters or not
 * ("May 14 Marshal", "May 14 Juneau", "May 14 amount"). chrono then reads no date at all.
 */
const NOT_A_YEAR_AFTER = /^\s+(?:am|pm|o\s*clock|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
/**
 * Whether the ASCII word `text[start, end)` ends, in any case, with a month word glued to letters that chrono reads
 * beside a month all the same: an era or "in" before it ("2 BEmay", "inMarch"), "of" or an ordinal word after it
 * ("Mayof", "Februaryfirst"). chrono's month patterns have no word boundary on those sides. What
 * `(?:month words)(?:of|ordinal words)?$` finds in the word in lower case, without cutting it out of the window
 * (held to that expression by test/convert/entities/plain-date.test.ts).
 */
export function endsWithGluedMonth(text: string, start: number, end: number): boolean {
  for (let s = 0; s < GLUED_SUFFIXES.length; s++) {
    const suffix = GLUED_SUFFIXES[s]!;
    const monthEnd = end - suffix.length;
    if (monthEnd - start < 3 || !foldedEquals(text, monthEnd, suffix)) continue;
    for (let m = 0; m < MONTH_WORDS.length; m++) {
      const month = MONTH_WORDS[m]!;
      if (monthEnd - start >= month.length && foldedEquals(text, monthEnd - month.length, month)) return true;
    }
  }
  return false;
}

const MONTH_WORDS: readonly string[] = [...MONTHS.keys()];
/** What may follow a glued month word: nothing, "of", an ordinal word. */
const GLUED_SUFFIXES: readonly string[] = ['', 'of', ...ORDINAL_WORDS];

/** Whether the ASCII letters of `text` from `at` are `lower` (a word in lower case), in any case; read from the end. */
function foldedEquals(text: string, at: number, lower: string): boolean {
  for (let k = lower.length - 1; k >= 0; k--) if ((text.charCodeAt(at + k) | 0x20) !== lower.charCodeAt(k)) return false;
  return true;
}
/** What may stand just before the month word. */
const BEFORE = /[\s(["'“‘]/;

/** Twice the reach of a window around one month (find-dates.ts) and then some: longer ones hold more than one date. */
const PLAIN_WINDOW_MAX = 400;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The one date of a plain window: where it is, its text, and what it states. */
export interface PlainDate {
  index: number;
  text: string;
  month: number;
  /** Absent where chrono reads the day as a year ("August 17, 8 p.m.": August 2017). */
  day?: number;
  year?: number;
}

/**
 * Words a number can take into a reading of chrono's, or that join two readings into one: "at 5", "5 p.m.",
 * "4 to 6", "March 4 of 1933", the date-and-time gap ("on", "of", "T"), an era ("BE", "AD").
 */
const JOINING_WORDS: ReadonlySet<string> = new Set([
  't', 'at', 'after', 'before', 'on', 'of', 'from', 'to', 'until', 'through', 'till', 'in', 'the', 'and', 'or',
  'a', 'p', 'm', 'am', 'pm', 'o', 'h', 'hrs', 'hours', 'be', 'ad', 'bc', 'bce', 'ce', 'st', 'nd', 'rd', 'th',
]);

/**
 * What a word of a window is to the fast path: a month (its number), a word chrono reads, a joining word, a time
 * zone chrono's time-zone refiner joins to a time (two to four letters, any case: "1:55 EST", "5 p.m. gmt").
 */
const JOINING = 0;
const OTHER_DATE_WORD = -1;
const TIME_ZONE = -2;
const CASUAL_TIME = -3;

/**
 * The words the fast path asks about (months, other date words, joining words), looked up where they stand in a
 * window, in any case: a hash of their code units in lower case, compared in place. Each window has some twenty
 * words, and cutting each out and lower-casing it was most of the fast path's own cost.
 */
class FoldedWords {
  private readonly slots = new Int32Array(512);
  private readonly words: string[] = [];
  private readonly kinds: number[] = [];
  /** Code units of the longest word held: a longer word is none of them. */
  readonly longest: number;

  constructor(entries: ReadonlyArray<[string, number]>) {
    let longest = 0;
    for (const [word, kind] of entries) {
      if (this.find(word, 0, word.length) >= 0) continue;
      let slot = foldedHash(word, 0, word.length) & (this.slots.length - 1);
      while (this.slots[slot] !== 0) slot = (slot + 1) & (this.slots.length - 1);
      this.words.push(word);
      this.kinds.push(kind);
      this.slots[slot] = this.words.length;
      longest = Math.max(longest, word.length);
    }
    this.longest = longest;
  }

  /** The index of the word `text[start, end)` (ASCII letters) in any case, or -1. */
  find(text: string, start: number, end: number): number {
    const mask = this.slots.length - 1;
    for (let slot = foldedHash(text, start, end) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot]!;
      if (held === 0) return -1;
      const word = this.words[held - 1]!;
      if (word.length === end - start && foldedEquals(text, start, word)) return held - 1;
    }
  }

  kind(index: number): number {
    return this.kinds[index]!;
  }

  word(index: number): string {
    return this.words[index]!;
  }
}

/** FNV-1a of the code units of ASCII letters in lower case. */
function foldedHash(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ (text.charCodeAt(i) | 0x20), 0x01000193);
  return hash >>> 0;
}

/** Months first: a word that is both a month and another word ("mar", "sept") is a month, as the scan asked. */
const WORDS_OF_WINDOWS = new FoldedWords([
  ...[...MONTHS].map(([word, month]): [string, number] => [word, month]),
  ...[...OTHER_DATE_WORDS].map((word): [string, number] => [word, OTHER_DATE_WORD]),
  ...CASUAL_TIMES.map((word): [string, number] => [word, CASUAL_TIME]),
  ...[...JOINING_WORDS].map((word): [string, number] => [word, JOINING]),
  ...CHRONO_TIME_ZONES.filter((zone) => zone.length <= 4).map((zone): [string, number] => [zone.toLowerCase(), TIME_ZONE]),
]);

/**
 * Characters that make two numbers one reading of chrono's that may keep a month ("12.5.33", "1933-03-04", "4–6");
 * not the colon of a time of day ("1:55 p.m.").
 */
const NUMBER_JOINERS = new Set(['.', '/', '-', '–', '~', '〜', '?', ',', 'T']);

/**
 * Whether every number of the window outside its dates stands alone (no other number joined to it by a stop, slash
 * or dash: nothing chrono could read as a numeric date) and every date is parted from the numbers and dates beside
 * it by a word that no reading of chrono's takes in: so the readings of those numbers (times of day at most)
 * neither overlap a date nor merge with it, and are dropped for want of a month, and two dates never make a range.
 */
function othersApart(text: string, runs: number[], parting: number[], cores: Core[]): boolean {
  // Dates and the numbers outside them, in text order, as [start, end, isDate].
  const items: Array<[number, number, boolean]> = cores.map((c) => [c.date.index, c.close, true]);
  let next = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const start = runs[k]!;
    const end = runs[k + 1]!;
    while (next < cores.length && cores[next]!.close <= start) next++;
    const core = cores[next];
    if (core && start >= core.date.index) {
      if (end <= core.close) continue;
      return false;
    }
    if (joinedToNumber(text, start - 1, -1) || joinedToNumber(text, end, 1) || yearThenNumber(text, start, end)) return false;
    items.push([start, end, false]);
  }
  items.sort((a, b) => a[0] - b[0]);
  for (let k = 1; k < items.length; k++) {
    const [prevStart, prevEnd, prevDate] = items[k - 1]!;
    const [start, , isDate] = items[k]!;
    if (!prevDate && !isDate) continue;
    if (parting.some((p) => p >= prevEnd && p < start)) continue;
    if (!prevDate && start === prevEnd + 2 && text.startsWith(', ', prevEnd) && text[prevStart - 1] === ' ' && !joinsTheDate(text.slice(prevStart, prevEnd)) &&
      standsAlone(items, k - 1, parting)) continue;
    return false;
  }
  return true;
}

/**
 * Whether item `k` is parted by a word from the item before it, if any: "1:55 to 129, Sept. 12" is one reading of
 * chrono's (a time range, 1:55 to 1:29, joined to the date), "Your 230, March 14" is not.
 */
function standsAlone(items: ReadonlyArray<[number, number, boolean]>, k: number, parting: number[]): boolean {
  if (k === 0) return true;
  const prevEnd = items[k - 1]![1];
  const start = items[k]![0];
  return parting.some((p) => p >= prevEnd && p < start);
}

/**
 * Whether chrono may join a number printed just before a date and a comma to the date: as an hour ("Department's
 * 15, June 9": at 15 o'clock on 9 June) or as a year ("No. 1961, Sept. 17" is September 1961 to it). Measured on
 * every number below 10,000 before full and abbreviated months: two digits up to 24 and four digits are joined;
 * "Your 230, March 14", "Department's 96, August 4" are not. One digit is left to chrono too, and a number not
 * after a space ("1:55, March 1", a time).
 */
function joinsTheDate(digits: string): boolean {
  return digits.length !== 3 && !(digits.length === 2 && Number(digits) >= 25);
}

/** Whether the character at `at` joins the number beside it to another one further in direction `step`. */
function joinedToNumber(text: string, at: number, step: 1 | -1): boolean {
  const c = text[at];
  return c !== undefined && NUMBER_JOINERS.has(c) && isDigit(text.charCodeAt(at + step));
}

/** Four digits, a space and a digit: chrono's year-month-day parser takes a space between numbers ("1934 4 23"). */
function yearThenNumber(text: string, start: number, end: number): boolean {
  return end - start === 4 && /\s/.test(text[end] ?? '') && isDigit(text.charCodeAt(end + 1));
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The ASCII word that ends where white space before `at` begins: [start, end], or undefined. */
function wordBefore(text: string, at: number): [number, number] | undefined {
  let end = at;
  while (end > 0 && /\s/.test(text[end - 1]!)) end--;
  if (end === at) return undefined;
  let start = end;
  while (start > 0 && isAsciiLetter(text.charCodeAt(start - 1))) start--;
  return start < end ? [start, end] : undefined;
}

function isWord(text: string, at: [number, number] | undefined, word: string): boolean {
  return at !== undefined && at[1] - at[0] === word.length && text.slice(at[0], at[1]).toLowerCase() === word;
}

/**
 * Whether "end of (the)" or "last day of (the)" stands before `at`, as chrono's end-of-period refiner reads it
 * (`/\b(?:last\s+day|end)\s+of\s+(?:the\s+)?$/i`); a word glued to a digit before it counts too, which only
 * sends a window to chrono.
 */
function afterPeriodPrefix(text: string, at: number): boolean {
  let word = wordBefore(text, at);
  if (isWord(text, word, 'the')) word = wordBefore(text, word![0]);
  if (!isWord(text, word, 'of')) return false;
  word = wordBefore(text, word![0]);
  if (isWord(text, word, 'end')) return true;
  return isWord(text, word, 'day') && isWord(text, wordBefore(text, word![0]), 'last');
}

/** One plain date of a window, and where the words that belong to it end (a time of day after it). */
interface Core {
  date: PlainDate;
  close: number;
}

/** The plain date whose month word is window[at, monthEnd) (`monthWord` in lower case), or undefined when it is not one. */
function coreAt(window: string, at: number, monthEnd: number, monthWord: string, referenceYear: number): Core | undefined {
  const first = window.charCodeAt(at);
  if (first < 65 || first > 90) return undefined;
  if (at > 0 && !BEFORE.test(window[at - 1]!)) return undefined;
  // chrono's month words take a stop only when abbreviated ("Sept.", not "March.").
  const abbreviated = ABBREVIATIONS.has(monthWord);
  let start = at;
  let end: number;
  let dayDigits: string;
  let yearDigits: string | undefined;
  let time: RegExpExecArray | null = null;
  // Without a year, chrono reads two digits after the comma as a year: the hour's ("June 5, 10 a.m." is 5 June 1910: the
  // date's text ends with the hour), or else, when the hour has one digit or a colon, the day's ("August 17, 8 p.m." is
  // August 2017, no day; not "August 17th"). find-dates.ts takes both back, as it does from chrono (attachTimes). An
  // hour of two digits with a stop ("Jan 1, 12.30 p.m.": sometimes nothing at all) is left to chrono. Held by the test.
  let dayReadAsYear = false;
  let hourReadAsYear: string | undefined;
  DAY_AND_YEAR.lastIndex = monthEnd;
  const m = DAY_AND_YEAR.exec(window);
  if (m) {
    if (m[1] && !abbreviated) return undefined;
    dayDigits = m[2]!;
    yearDigits = m[4];
    end = monthEnd + m[0].length;
    if (dayDigits.length === 2 && !m[3] && yearDigits === undefined && NOT_A_YEAR_AFTER.test(window.slice(end, end + 16))) return undefined;
    time = TIME_AFTER.exec(window.slice(end, end + 16));
    if (time && time[1] === ', ' && yearDigits === undefined) {
      // "June 5, 12 noon" without a year: chrono's reading of the two is neither of those below (not measured).
      if (time[4] !== undefined) return undefined;
      const hour = time[2];
      if (dayDigits[0] === '0' || hour?.[0] === '0') return undefined;
      if (hour?.length === 2 && time[3] === '.') return undefined;
      if (hour?.length === 2 && time[3] === undefined) hourReadAsYear = hour;
      // A two-digit day before a one-digit hour, or before "noon" or "midnight" alone, is chrono's year.
      else if (dayDigits.length === 2 && !m[3]) dayReadAsYear = true;
    }
  } else {
    // Day first: "25 October", "the 18th of April", "13 February, 1901".
    const d = DAY_BEFORE.exec(window.slice(Math.max(0, at - 8), at));
    if (!d) return monthAndYearAt(window, at, monthEnd, monthWord, abbreviated);
    start = at - d[0].length;
    if (start > 0 && !BEFORE.test(window[start - 1]!)) return undefined;
    const then = abbreviated ? MONTH_THEN_YEAR : NAME_THEN_YEAR;
    then.lastIndex = monthEnd;
    const rest = then.exec(window);
    if (!rest) return undefined;
    // "from 1 Dec.": chrono's time parser takes "from 1" for an hour and the day is lost; "3 March of the": lost too.
    const word = wordBefore(window, start);
    if (isWord(window, word, 'from') || isWord(window, word, 'at') || /^[.\s]*of\b/i.test(window.slice(monthEnd + rest[0].length))) return undefined;
    dayDigits = d[1]!;
    yearDigits = rest[2];
    end = monthEnd + rest[0].length;
  }
  const close = time ? end + time[0].length : end;
  const month = MONTHS.get(monthWord)!;
  const day = Number(dayDigits);
  const year = yearDigits === undefined ? undefined : Number(yearDigits);
  if (day < 1 || day > DAYS_IN_MONTH[month - 1]!) {
    const leapDay = month === 2 && day === 29 && year !== undefined && (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
    if (!leapDay) return undefined;
  }
  const after = window.slice(close, close + 12);
  if (ZONE_AFTER.test(after) || (time !== null && zoneAfterTime(after)) || AFTER.test(after) || afterPeriodPrefix(window, start)) return undefined;
  if (dayReadAsYear) return { date: { index: start, text: window.slice(start, end), month, year: 2000 + day }, close };
  if (hourReadAsYear !== undefined) {
    const text = window.slice(start, end + 2 + hourReadAsYear.length);
    return { date: { index: start, text, month, day, year: nearestCentury(Number(hourReadAsYear), referenceYear) }, close };
  }
  const date: PlainDate = { index: start, text: window.slice(start, end), month, day };
  if (year !== undefined) date.year = year;
  return { date, close };
}

/**
 * A month and a year without a day ("November 1917", "Peking, May, 1901."): chrono's month-name parser states both
 * and implies the day, which we do not read. Undefined when it is not one.
 */
function monthAndYearAt(window: string, at: number, monthEnd: number, monthWord: string, abbreviated: boolean): Core | undefined {
  MONTH_AND_YEAR.lastIndex = monthEnd;
  const m = MONTH_AND_YEAR.exec(window);
  if (!m || (m[1] && !abbreviated)) return undefined;
  const end = monthEnd + m[0].length;
  const after = window.slice(end, end + 12);
  if (ZONE_AFTER.test(after) || AFTER.test(after) || afterPeriodPrefix(window, at)) return undefined;
  return { date: { index: at, text: window.slice(at, end), month: MONTHS.get(monthWord)!, year: Number(m[2]) }, close: end };
}

/**
 * The dates of `window` when the window is plain (see the module's comment): what chrono's English pipeline with
 * our refiners returns for it, in text order, for chrono's reference instant in `referenceYear` (a two-digit year goes
 * to the century nearest it). Undefined when the window must go to chrono.
 */
export function plainDates(window: string, referenceYear = 1950): PlainDate[] | undefined {
  // A long stretch (the text between chrono's results, read again) is seldom plain: chrono reads it at once.
  if (window.length > PLAIN_WINDOW_MAX) return undefined;
  // Month words as [start, end, index in WORDS_OF_WINDOWS] triples, runs of digits as [start, end) pairs, and where
  // the words that part a number from a date start.
  const months: number[] = [];
  const runs: number[] = [];
  const parting: number[] = [];
  // Where "noon" and "midnight" stand: each must be the time of a date.
  const casualTimes: number[] = [];
  const n = window.length;
  for (let i = 0; i < n; ) {
    const c = window.charCodeAt(i);
    if (isDigit(c)) {
      let end = i + 1;
      while (end < n && isDigit(window.charCodeAt(end))) end++;
      runs.push(i, end);
      i = end;
      continue;
    }
    if (!isAsciiLetter(c)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < n && isAsciiLetter(window.charCodeAt(end))) end++;
    const found = end - i <= WORDS_OF_WINDOWS.longest ? WORDS_OF_WINDOWS.find(window, i, end) : -1;
    const kind = found < 0 ? undefined : WORDS_OF_WINDOWS.kind(found);
    if (kind !== undefined && kind > 0) {
      months.push(i, end, found);
    } else if (kind === OTHER_DATE_WORD || (end - i >= 5 && endsWithGluedMonth(window, i, end))) {
      return undefined;
    } else if (kind === CASUAL_TIME) {
      casualTimes.push(i);
    } else if (kind !== JOINING && kind !== TIME_ZONE) {
      // Not a time zone of chrono's, which its refiner takes into a time ("1:55 EST"), in any case: "Your", "My" part
      // "232. My 230, March 14" as "telegram" does.
      parting.push(i);
    }
    i = end;
  }
  if (months.length === 0 || runs.length === 0) return undefined;
  const cores: Core[] = [];
  for (let k = 0; k < months.length; k += 3) {
    const core = coreAt(window, months[k]!, months[k + 1]!, WORDS_OF_WINDOWS.word(months[k + 2]!), referenceYear);
    if (!core) return undefined;
    cores.push(core);
  }
  for (const at of casualTimes) if (!cores.some((c) => at >= c.date.index && at < c.close)) return undefined;
  if (!othersApart(window, runs, parting, cores)) return undefined;
  return cores.map((c) => c.date);
}

/** The date of a window whose only date is plain ({@link plainDates}). */
export function plainDate(window: string, referenceYear?: number): PlainDate | undefined {
  const dates = plainDates(window, referenceYear);
  return dates?.length === 1 ? dates[0] : undefined;
}
