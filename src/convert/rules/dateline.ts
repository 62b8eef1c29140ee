/**
 * Whole-line dates as printed in datelines and "Sent on" lines: "December 23rd, 1941.", "23.12.41",
 * "Sent on August 4, 1941", "Moscow, December 23, 1941—noon.", "18 Sept. 1939". Dates inside running
 * text are the entities pass's business; this module only reads lines that are nothing but a date
 * (with an optional place and time), because segmentation and the header depend on them.
 */

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};

const MONTH = String.raw`(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\.?`;
const DAY = String.raw`(\d{1,2})(?:st|nd|rd|th)?`;
const YEAR = String.raw`(\d{4})`;
const WEEKDAY = String.raw`(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?`;

/** Month-first: "December 23rd, 1941"; day-first: "24 September 1944", "4th October, 1944". */
const MONTH_FIRST = new RegExp(String.raw`${WEEKDAY}${MONTH}\s+${DAY},?\s+${YEAR}`, 'i');
const DAY_FIRST = new RegExp(String.raw`${WEEKDAY}${DAY}\s+${MONTH},?\s+${YEAR}`, 'i');
/** Numeric, day first as in British usage: "23.12.41", "23/12/1941". */
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\b/;

export interface LineDate {
  /** ISO date YYYY-MM-DD. */
  when: string;
  /** Offset and length of the date expression in the line. */
  index: number;
  length: number;
  text: string;
}

function iso(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthNumber(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key] ?? MONTHS[key.slice(0, 3)];
}

/** The first full date (day, month, year) in a string, or undefined. */
export function findFullDate(text: string): LineDate | undefined {
  const candidates: LineDate[] = [];
  const mf = MONTH_FIRST.exec(text);
  if (mf) {
    const when = iso(Number(mf[3]), monthNumber(mf[1]!) ?? 0, Number(mf[2]));
    if (when) candidates.push({ when, index: mf.index, length: mf[0].length, text: mf[0] });
  }
  const df = DAY_FIRST.exec(text);
  if (df) {
    const when = iso(Number(df[3]), monthNumber(df[2]!) ?? 0, Number(df[1]));
    if (when) candidates.push({ when, index: df.index, length: df[0].length, text: df[0] });
  }
  const nu = NUMERIC.exec(text);
  if (nu) {
    const y = nu[3]!.length === 2 ? 1900 + Number(nu[3]) : Number(nu[3]);
    const when = iso(y, Number(nu[2]), Number(nu[1]));
    if (when) candidates.push({ when, index: nu.index, length: nu[0].length, text: nu[0] });
  }
  candidates.sort((a, b) => a.index - b.index);
  return candidates[0];
}

/** Words allowed before a date on a dateline: "Sent on", "Received on". */
const DATELINE_REST = /^[\s,.;:—–\-()[\]]*((sent|received|dated|written)\s+(on|at)?\s*)?$/i;

/**
 * A time of day as printed after a date: "5 p.m.", "7.45 p.m.", "6:40 p.m.", "noon", "12 noon", "midnight".
 * Groups: hour, minutes, a.m./p.m., noon/midnight.
 */
export const TIME_OF_DAY = String.raw`(?:(\d{1,2})(?:[.:]\s?(\d{2}))?\s*([ap]\.\s?m\b\.?|[AP]\.\s?M\b\.?|[ap]m\b\.?)|(?:12\s+)?(noon|midnight))`;
const AFTER_DATE = new RegExp(String.raw`^\s*(?:[,;—–-]\s*|\s)\s*(${TIME_OF_DAY})[\s.,;\])]*$`, 'i');
const TIME_AT_START = new RegExp(String.raw`^\s*${TIME_OF_DAY}`, 'i');
const PUNCTUATION_ONLY = /^[\s,.;:—–\-()[\]]*$/;

/**
 * "5 p.m." → "17:00:00", "7.45 a.m." → "07:45:00", "noon" and "12 p.m." → "12:00:00", "midnight" → "00:00:00" (the
 * editors' reading: the midnight that begins the date printed). Undefined for anything else.
 */
export function timeOfDay(text: string): string | undefined {
  const m = TIME_AT_START.exec(text);
  if (!m) return undefined;
  if (m[4]) return m[4].toLowerCase() === 'noon' ? '12:00:00' : '00:00:00';
  let hour = Number(m[1]);
  const minutes = m[2] ? Number(m[2]) : 0;
  if (hour > 12 || minutes > 59 || hour === 0) return undefined;
  const pm = /^p/i.test(m[3]!);
  if (pm && hour < 12) hour += 12;
  if (!pm && hour === 12) hour = 0;
  return `${String(hour).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:00`;
}

/** A place on a dateline: "Moscow", "Rio de Janeiro", "Peking, China", "Newport, R. I.", "Port-au-Prince". */
const PLACE_WORD = String.raw`\p{Lu}[\p{L}.'’-]*`;
const PLACE_PARTICLE = String.raw`(?:de|del|da|do|di|la|le|les|el|al|au|aux|sur|upon|on|of|y|am|an|der|the)`;
const PLACE_NAME = String.raw`${PLACE_WORD}(?:\s+(?:${PLACE_PARTICLE}\s+)?${PLACE_WORD}){0,3}`;
const PLACE_BEFORE_COMMA = new RegExp(String.raw`^\s*\[?(${PLACE_NAME}(?:,\s*${PLACE_NAME})?),?\]?,?\s*$`, 'u');
const PLACE_NO_COMMA = new RegExp(String.raw`^\s*(${PLACE_NAME})\s+$`, 'u');
/** Words that open a sentence or a phrase, never a place: "On December 23, 1941", "Dated May 1, 1942". */
const NOT_PLACES = /^(?:On|In|At|By|Since|Until|Till|Dated|From|To|Of|For|Received|Sent|Written|Before|After|The|This|That|Last|Next|Your|My|Our|His|Her|Its|Their|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Early|Late|Mid|About|Circa|And|But|Or|Between|During|Signed|Done|Given)\b/;

export interface Dateline {
  date: LineDate;
  /** A place printed before the date ("Moscow"), if any. */
  place?: string;
  /** The time of day printed after the date, as HH:MM:SS ("5 p.m." → "17:00:00"). */
  time?: string;
  /** True for "Sent on …" lines. */
  sent: boolean;
}

/**
 * Reads a line that is a dateline: a date, optionally preceded by a place or "Sent on", optionally
 * followed by a time of day. Lines with other words (a sentence that mentions a date) are not datelines.
 */
export function parseDateline(line: string): Dateline | undefined {
  // Most lines asked about are paragraphs or short lines without a year: answered before five replacements copy
  // them, and kept out of the cache.
  if (cannotBeDateline(line)) return undefined;
  // Segmentation and structure ask about the same lines several times.
  if (datelineCache.has(line)) return datelineCache.get(line);
  if (datelineCache.size > 20000) datelineCache.clear();
  const parsed = readDateline(line);
  datelineCache.set(line, parsed);
  return parsed;
}

const datelineCache = new Map<string, Dateline | undefined>();

/** Characters a dateline may keep after {@link readDateline} has cleaned it. */
const DATELINE_MAX = 80;

/**
 * True when {@link readDateline} cannot read `line` as a dateline, told by a scan that stops early: a full date
 * prints four ASCII digits at least (a year, or "23.12.41"), and the cleaning adds none; and the cleaning cannot
 * bring the line within {@link DATELINE_MAX} characters. It takes out only asterisks, square brackets, white space at
 * the ends, one "/15" of a day in two calendars (a slash and two digits), and an editor's query (a bracket holding a
 * "?", which may be long): visible ASCII characters other than those stay. Other characters are not counted, as if
 * they might go.
 */
export function cannotBeDateline(line: string): boolean {
  if (line.length > DATELINE_MAX && !line.includes('?') && MORE_THAN_KEPT.test(line)) return true;
  return !FOUR_DIGITS.test(line);
}

/**
 * Visible ASCII other than "*", "/", "[" and "]": what cleaning keeps. The two digits after the one slash taken out
 * are counted off at the end (more than {@link DATELINE_MAX} + 2 of them: too long).
 */
const KEPT = String.raw`[\x21-\x29\x2b-\x2e\x30-\x5a\x5c\x5e-\x7e]`;
const NOT_KEPT = String.raw`[^\x21-\x29\x2b-\x2e\x30-\x5a\x5c\x5e-\x7e]`;
/**
 * Counted by expressions (native code), anchored and each step certain (what is kept, or not), so that a line is read
 * once: a loop over its code units in JavaScript took several times as long before V8 optimised it.
 */
const MORE_THAN_KEPT = new RegExp(`^(?:${NOT_KEPT}*${KEPT}){${DATELINE_MAX + 3}}`);
const FOUR_DIGITS = /[0-9](?:[^0-9]*[0-9]){3}/;

/** What {@link parseDateline} reads, without its cache (exported for tests). */
export function readDateline(line: string): Dateline | undefined {
  // Editors' brackets inside a dateline ("New York, [January] 22, [1934]—6:30 p.m.") supply what the source
  // lacks and are read as printed; a query ("[p.m.?]") is not part of the date. "May 2/15, 1917" gives the day in
  // both calendars: the first is the one the document dates itself by. So does "August 4–17, 1900" where the two
  // days lie the calendars' distance apart (a range of days is no dateline's).
  const text = line
    .replace(/\*+/g, '')
    .replace(/\s*\[[^\]]*\?\]/g, '')
    .replace(/(?<=^|[\s,—–-])\[([^\]]*)\](?=[\s,.—–-]|$)/g, '$1')
    .replace(/^\[([^\]]*)\]?$/, '$1')
    .replace(/\b(\d{1,2})\/\d{1,2}(?=,?\s+\d{4})/, '$1')
    .replace(/\b(\d{1,2})[–-](\d{1,2})(?=,?\s+(\d{4}))/, (both, first: string, second: string, year: string) =>
      isCalendarLag(Number(second) - Number(first), Number(year)) ? first : both,
    )
    .trim();
  if (text.length > DATELINE_MAX) return undefined;
  const date = findFullDate(text);
  if (!date) return undefined;
  const before = text.slice(0, date.index);
  const after = text.slice(date.index + date.length);
  let time: string | undefined;
  if (!PUNCTUATION_ONLY.test(after)) {
    const t = AFTER_DATE.exec(after);
    if (!t) return undefined;
    time = timeOfDay(t[1]!);
  }
  const withTime = (d: Omit<Dateline, 'time'>): Dateline => (time ? { ...d, time } : d);
  const sent = /^\s*sent\s+on\s*$/i.test(before);
  if (sent) return withTime({ date, sent });
  if (DATELINE_REST.test(before)) return withTime({ date, sent: false });
  // "Moscow, December 23, 1941." — a place before a comma; an editor's brackets around a place the document
  // does not print ("[Washington,] May 6, 1942.") are kept out of it.
  const place = PLACE_BEFORE_COMMA.exec(before);
  if (place && /,/.test(before) && !NOT_PLACES.test(place[1]!)) return withTime({ date, place: place[1], sent: false });
  // "Washington September 7, 1918, 2 p.m.": the comma forgotten.
  const bare = PLACE_NO_COMMA.exec(before);
  if (bare && !NOT_PLACES.test(bare[1]!)) return withTime({ date, place: bare[1], sent: false });
  return undefined;
}

/**
 * True when `days` is how far the Julian calendar runs behind the Gregorian in `year`: 10 days from 1582, one more
 * from each 1 March of 1700, 1800 and 1900 (so either figure in those years), while states still dated by it
 * (Russia until 1918, Greece until 1923).
 */
export function isCalendarLag(days: number, year: number): boolean {
  if (year < 1582 || year > 1923) return false;
  const lag = 10 + [1700, 1800, 1900].filter((y) => year >= y).length;
  return days === lag || (year % 100 === 0 && year >= 1700 && days === lag - 1);
}

/** A heading line may carry a date printed before it by a layout merge: "May 4, 1943 **PERSONAL …". */
export function stripLeadingDate(text: string): string {
  const m = /^([A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?, \d{4}|\d{1,2} [A-Z][a-z]+\.? \d{4})\s+(?=\*|\p{Lu}{2})/u.exec(text);
  return m && parseDateline(m[1]!) ? text.slice(m[0].length) : text;
}

/** "1917-04-06" and "12:00:00" → "1917-04-06T12:00:00"; the date alone when no time is known. */
export function withTimeOfDay(when: string, time: string | undefined): string {
  return time && /^\d{4}-\d{2}-\d{2}$/.test(when) ? `${when}T${time}` : when;
}

/** A dateline that prints no year ("Washington, September 29.", "Peking, December 20, 4 p.m."). */
export interface YearlessDateline {
  month: number;
  day: number;
  place?: string;
  time?: string;
  /** The date as printed ("September 29"). */
  text: string;
}

const YEARLESS = new RegExp(String.raw`^\s*\[?(${PLACE_NAME}(?:,\s*${PLACE_NAME})?),?\]?,\s+${MONTH}\s+${DAY}\b(.*)$`, 'u');

/**
 * Reads a place-and-date line that leaves out the year: the place is required (a bare "May 20" is too common in
 * prose to be a dateline), a time of day may follow. The year is the caller's to infer (from the volume's order).
 */
export function parseYearlessDateline(line: string): YearlessDateline | undefined {
  const text = line.replace(/\*+/g, '').trim();
  if (text.length > 80 || findFullDate(text)) return undefined;
  const m = YEARLESS.exec(text);
  if (!m || NOT_PLACES.test(m[1]!)) return undefined;
  const month = monthNumber(m[2]!);
  const day = Number(m[3]);
  if (!month || day < 1 || day > 31) return undefined;
  const after = m[4]!;
  let time: string | undefined;
  if (!PUNCTUATION_ONLY.test(after)) {
    const t = AFTER_DATE.exec(after);
    if (!t) return undefined;
    time = timeOfDay(t[1]!);
  }
  const printed = `${m[2]} ${m[3]}`;
  return { month, day, place: m[1]!, text: printed, ...(time ? { time } : {}) };
}

/**
 * The year of a month and day printed without one, from the date of the document before it in the same source
 * (volumes run in date order): the year that puts it closest to, and preferably not before, that date.
 */
export function inferYear(month: number, day: number, previous: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(previous);
  if (!m) return undefined;
  const year = Number(m[1]);
  const prev = Date.UTC(year, Number(m[2]) - 1, Number(m[3]));
  const candidates = [year - 1, year, year + 1].map((y) => ({ y, t: Date.UTC(y, month - 1, day) }));
  // A volume in date order moves forward; a date a few days before the previous one is still the same year.
  const best = candidates.reduce((a, b) => (score(b.t) < score(a.t) ? b : a));
  return best.y;
  function score(t: number): number {
    const days = (t - prev) / 86_400_000;
    return days >= -31 ? Math.abs(days) : Math.abs(days) * 4;
  }
}
