/**
 * Finds the dates of a string at day or month precision and gives each its ISO value: chrono-node parses,
 * our refiners (see ./chrono-setup.ts) reject what is not a calendar date, and this module turns the result
 * into TEI values, inferring missing years from the document's own date.
 */
import type { ParsedComponents } from 'chrono-node';
import { englishDates, frenchDates } from './chrono-setup.js';
import { englishMayFind, frenchMayFind } from './chrono-needs.js';
import { plainDates } from './plain-date.js';
import { monthMatches } from './month-scan.js';
import { scanDayMonthYear, scanMonthNames } from './fallback-day-month-year.js';
import { extendBetween } from './extend-between.js';
import { extendSlashDay } from './extend-slash-day.js';
import { attachTimes, yearIsTheHour } from './time-of-day.js';
import { inferYear, parseReference, toIso, type DateParts, type ReferenceDate } from './iso.js';
import type { DateMention, FindDatesOptions } from './types.js';

export type { DateMention, FindDatesOptions } from './types.js';

/** Noon UTC of the reference date, so that chrono's own year choice (which we override) stays sane. */
function chronoInstant(ref: ReferenceDate | undefined): Date {
  return ref ? new Date(Date.UTC(ref.year, (ref.month ?? 7) - 1, ref.day ?? 1, 12)) : new Date(Date.UTC(1950, 6, 1, 12));
}

function partsOf(c: ParsedComponents): DateParts {
  const parts: DateParts = { month: c.get('month') ?? 1 };
  if (c.isCertain('year')) parts.year = c.get('year') ?? undefined;
  if (c.isCertain('day')) parts.day = c.get('day') ?? undefined;
  return parts;
}

/** ISO values of one date's stated parts, and whether their year is implied rather than printed. */
function valuesOf(start: DateParts, endParts: DateParts | undefined, ref: ReferenceDate | undefined): Pick<DateMention, 'when' | 'from' | 'to' | 'yearInferred'> {
  if (!endParts) {
    const year = inferYear(start, ref);
    return withInference({ when: toIso(start, year) }, start.year === undefined && year !== undefined);
  }
  const end = endParts;
  // A range states its year once, at its end ("3–4 July 1940") or at its start; the other end shares it.
  const stated = end.year ?? start.year;
  const startYear = start.year ?? (stated !== undefined ? stated : inferYear(start, ref));
  let endYear = end.year ?? startYear;
  if (end.year === undefined && endYear !== undefined && (end.month < start.month)) endYear += 1;
  // "21–6 March 1940": a start day after the end day in one month began in the month before.
  if (start.day !== undefined && end.day !== undefined && start.month === end.month && start.day > end.day &&
    (start.year ?? startYear) === endYear) {
    start.month = start.month === 1 ? 12 : start.month - 1;
  }
  const from = toIso(start, start.month === 12 && end.month === 1 && startYear !== undefined && startYear === endYear ? startYear - 1 : startYear);
  const to = toIso(end, endYear);
  return withInference(from === to ? { when: from } : { from, to }, stated === undefined && startYear !== undefined);
}

/** Marks values whose year the text does not print: chrono's "implied" as against "assigned". */
function withInference<T extends Partial<DateMention>>(values: T, yearInferred: boolean): T {
  return yearInferred ? { ...values, yearInferred: true } : values;
}

const NUMERIC_DATE = /\d\.\d{1,2}\.\d/;
const FRENCH_MONTH = /janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre/i;

const MONTH_NAME =
  /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|janv|févr|mars|avr|mai|juin|juil|août|sept|oct|nov|déc)/i;

/**
 * Words after which a date is that of a document already written: it lies before the reference. Not "Received":
 * a telegram is received after the date it bears.
 */
const PAST_CUE =
  /(?:\b(?:message|letter|telegram|cable|note|memorandum|minute|dispatch|despatch|report|communication|reply|answer|aide-m[ée]moire)s?\s+(?:of|dated)|\bdated)\s+(?:the\s+)?$/i;

/**
 * "your message of December 28" in a letter of July is the December before, not the one to come: after a
 * document word a date whose year was inferred is moved back a year when it fell after the reference.
 */
function preferPast(text: string, m: DateMention, ref: ReferenceDate): void {
  if (/\d{4}|[./]\d{2}$/.test(m.text) || !PAST_CUE.test(text.slice(Math.max(0, m.start - 40), m.start))) return;
  const value = m.when ?? m.from;
  if (!value || !/^\d{4}-\d{2}/.test(value)) return;
  const refIso = `${String(ref.year).padStart(4, '0')}-${String(ref.month).padStart(2, '0')}-${String(ref.day ?? 31).padStart(2, '0')}`;
  if (value.slice(0, 10) <= refIso) return;
  const back = (iso: string | undefined): string | undefined =>
    iso && /^\d{4}/.test(iso) ? `${String(Number(iso.slice(0, 4)) - 1).padStart(4, '0')}${iso.slice(4)}` : iso;
  if (m.when) m.when = back(m.when);
  if (m.from) m.from = back(m.from);
  if (m.to) m.to = back(m.to);
}

/** Between two dates of one list or span: "August or September", "November, December, January and February". */
const LIST_GAP = /^(?:,\s*|\s+(?:and|or|to|till|until)\s+|,\s+(?:and|or)\s+|\s*[–-]\s*)(?:(?:early|late|mid-?)\s*|the\s+(?:end|beginning|middle)\s+of\s+)?$/i;

/**
 * Dates listed together run forward from the first: a month without a year after a listed date takes that
 * date's year, or the next year when its month comes earlier in the calendar ("December, January" crosses the
 * year). Closest-to-the-document would split "August or September" of a February letter over two years.
 */
function followLists(text: string, found: DateMention[]): void {
  for (let i = 1; i < found.length; i++) {
    const prev = found[i - 1]!;
    const m = found[i]!;
    if (/\d{4}|[./]\d{2}$/.test(m.text) || !LIST_GAP.test(text.slice(prev.end, m.start))) continue;
    const prevValue = prev.to ?? prev.when ?? '';
    const value = m.when ?? m.from ?? '';
    if (!/^\d{4}-\d{2}/.test(prevValue) || !/^\d{4}-\d{2}/.test(value)) continue;
    const year = Number(prevValue.slice(0, 4)) + (value.slice(5, 7) < prevValue.slice(5, 7) ? 1 : 0);
    const shift = Number(value.slice(0, 4)) - year;
    if (shift === 0) continue;
    const move = (iso: string | undefined): string | undefined =>
      iso && /^\d{4}/.test(iso) ? `${String(Number(iso.slice(0, 4)) - shift).padStart(4, '0')}${iso.slice(4)}` : iso;
    if (m.when) m.when = move(m.when);
    if (m.from) m.from = move(m.from);
    if (m.to) m.to = move(m.to);
  }
}

/** "last May" is the latest May before the document, "next March" the first March after it. */
function lastOrNext(text: string, m: DateMention, ref: ReferenceDate): void {
  const word = /\b(last|next)\s+$/i.exec(text.slice(Math.max(0, m.start - 6), m.start))?.[1]?.toLowerCase();
  if (!word || !m.when || !/^\d{4}-\d{2}$/.test(m.when) || /\d{4}/.test(m.text) || ref.month === undefined) return;
  const month = Number(m.when.slice(5, 7));
  const year = word === 'last' ? (month < ref.month ? ref.year : ref.year - 1) : month > ref.month ? ref.year : ref.year + 1;
  m.when = `${String(year).padStart(4, '0')}-${m.when.slice(5)}`;
}

function overlaps(a: DateMention, b: DateMention): boolean {
  return a.start < b.end && b.start < a.end;
}

/** How far around a month name or numeric date chrono needs to look ("between 10 and 12 March", "du 10 au 22 novembre 1958"). */
const WINDOW = 60;
const NUMERIC_DATE_G = new RegExp(NUMERIC_DATE.source, 'g');

/** The English months chrono reads (its month dictionary): a name or its abbreviation. */
const ENGLISH_MONTH_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Spans of the month names of `text[from, to)` (read as a text of its own): where the month expression
 * (./month-scan.ts) matches a whole English month word ("Mar.", "MAY", "Dec12"), not the start of another ("Marshal",
 * "Declaration", "Mayor", which chrono never reads as a month: about a fifth of the matches in FRUS volumes), and
 * every French month stem (French matches are the lower-case ones). `matches`: the expression's matches there, when
 * already found.
 */
export function monthsIn(text: string, from = 0, to = text.length, matches = monthMatches(text, from, to)): [number, number][] {
  const spans: [number, number][] = [];
  for (let k = 0; k < matches.length; k += 2) {
    const start = matches[k]!;
    if (!isMonthWordAt(text, start, to)) continue;
    spans.push([start, matches[k + 1]!]);
  }
  return spans;
}

/** Whether `text[from, to)` holds a month name as {@link monthsIn} reads them, without listing them. */
function holdsMonth(text: string, from: number, to: number): boolean {
  const matches = monthMatches(text, from, to);
  for (let k = 0; k < matches.length; k += 2) if (isMonthWordAt(text, matches[k]!, to)) return true;
  return false;
}

/** Whether the match of the month expression at `start` is a month: a French stem, or a whole English month word. */
function isMonthWordAt(text: string, start: number, to: number): boolean {
  if (text.charCodeAt(start) >= 97 /* a */) return true;
  let end = start;
  while (end < to && isAsciiLetter(text.charCodeAt(end))) end++;
  return ENGLISH_MONTH_WORDS.has(text.slice(start, end).toLowerCase());
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * Stretches of `text` around every month name or numeric date, widened to word boundaries and merged where
 * they meet. chrono's parsers each scan the whole string they are given; on a long paragraph with one date
 * in it, giving them only these stretches is what makes the entity pass affordable.
 */
function dateWindows(text: string, months: readonly [number, number][]): [number, number][] {
  const spans = [...months];
  NUMERIC_DATE_G.lastIndex = 0;
  for (let m = NUMERIC_DATE_G.exec(text); m; m = NUMERIC_DATE_G.exec(text)) spans.push([m.index, m.index + m[0].length]);
  spans.sort((a, b) => a[0] - b[0]);
  const windows: [number, number][] = [];
  for (const [s, e] of spans) {
    let from = Math.max(0, s - WINDOW);
    let to = Math.min(text.length, e + WINDOW);
    while (from > 0 && /\S/.test(text[from - 1]!)) from--;
    while (to < text.length && /\S/.test(text[to]!)) to++;
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

/** "No. 31", "Nos. 4": the number of a document. */
const DOCUMENT_NUMBER = /\bNos?\.\s?\d+/g;

/**
 * `text` with the digits of each document number blanked, its length kept: "Instructions No. 31 of April 11" is
 * 31 April 2011 to chrono, no such day, and the whole reading is dropped.
 */
function withoutDocumentNumbers(text: string): string {
  if (!text.includes('No')) return text;
  return text.replace(DOCUMENT_NUMBER, (number) => number.replace(/\d/g, ' '));
}

/**
 * Every date expression of `text`, in text order, without overlaps.
 * `reference` is the document's date; without it, a date printed without a year gets `--MM-DD`.
 */
export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  const found: DateMention[] = [];
  // Every date we keep states a month, by name or in a d.m.yy form: text without either has none, and chrono
  // (the costly part of the entity pass) need not run; the French parsers only where a French month is printed.
  const monthMatched = monthMatches(text);
  if (monthMatched.length === 0 && !NUMERIC_DATE.test(text)) return found;
  const ref = parseReference(options.reference);
  // chrono's reference instant, made when a window is first read (the fast path takes its year too).
  let instant: Date | undefined;
  const engines = FRENCH_MONTH.test(text) ? [englishDates, frenchDates] : [englishDates];
  const add = (start: number, dateText: string, values: Pick<DateMention, 'when' | 'from' | 'to' | 'yearInferred'>): void => {
    const mention: DateMention = { start, end: start + dateText.length, text: dateText, ...values };
    if (found.some((f) => overlaps(f, mention))) return;
    found.push(extendBetween(text, extendSlashDay(text, mention)));
  };
  const run = (from: number, to: number): void => {
    const slice = withoutDocumentNumbers(text.slice(from, to));
    for (const engine of engines) {
      // A plain window is read without chrono, to the same result (./plain-date.ts).
      const plain = engine === englishDates ? plainDates(slice, (instant ??= chronoInstant(ref)).getUTCFullYear()) : undefined;
      if (plain) {
        for (const date of plain) {
          const parts: DateParts = { month: date.month };
          if (date.year !== undefined) parts.year = date.year;
          if (date.day !== undefined) parts.day = date.day;
          add(from + date.index, text.slice(from + date.index, from + date.index + date.text.length), valuesOf(parts, undefined, ref));
        }
        continue;
      }
      // Most French calls are on English text that holds "mai" or "mars" in another word, and so are the English
      // re-reads that such a word sends back: chrono would find nothing there (./chrono-needs.ts).
      if (!(engine === englishDates ? englishMayFind(slice) : frenchMayFind(slice))) continue;
      for (const r of engine.parse(slice, (instant ??= chronoInstant(ref)))) {
        if (r.text) add(from + r.index, text.slice(from + r.index, from + r.index + r.text.length), valuesOf(partsOf(r.start), r.end ? partsOf(r.end) : undefined, ref));
      }
    }
  };
  const months = monthsIn(text, 0, text.length, monthMatched);
  for (const [from, to] of dateWindows(text, months)) run(from, to);
  // chrono consumes the words after a month and can lose a second one ("the end of April or early May"): the
  // stretches between results that still hold a month name are parsed again on their own. In English only a
  // capitalised month can be kept (the month-word guard), so "may", "decided", "market" do not send a stretch
  // back to chrono; French months are printed in lower case, and abbreviated ("avr.", "déc.").
  const covered = [...found].sort((a, b) => a.start - b.start);
  const monthIn = (from: number, to: number): boolean => holdsMonth(text, from, to) || (engines.length > 1 && MONTH_NAME.test(text.slice(from, to)));
  let at = 0;
  for (const f of [...covered, { start: text.length, end: text.length }]) {
    if (f.start > at && monthIn(at, f.start)) run(at, f.start);
    at = Math.max(at, f.end);
  }
  // "on July 5 a.m.": a number before a.m./p.m. is an hour, and the "date" a misreading; but in "June 5, 10 a.m." the
  // hour is the "year" chrono read after the day, and the day before it is a date (attachTimes takes the hour back).
  for (let i = found.length - 1; i >= 0; i--) {
    const m = found[i]!;
    if (/^\s*(?:[ap]\.\s?m\.|[ap]m\b|o'clock)/i.test(text.slice(m.end)) && !yearIsTheHour(text, m)) found.splice(i, 1);
  }
  // The fallbacks read only where a month word begins: one scan of the text for months serves the windows and them.
  // Not where a date already found holds the month word: what they would find there overlaps it, and is dropped.
  const monthStarts: number[] = [];
  for (const [start] of months) if (!found.some((f) => f.start <= start && start < f.end)) monthStarts.push(start);
  for (const m of scanDayMonthYear(text, monthStarts)) {
    if (!found.some((f) => overlaps(f, m))) found.push(m);
  }
  for (const m of scanMonthNames(text, monthStarts)) {
    const parts: DateParts = { month: m.month, year: m.year };
    const year = inferYear(parts, ref);
    const mention: DateMention = withInference({ start: m.start, end: m.end, text: m.text, when: toIso(parts, year) }, m.year === undefined && year !== undefined);
    if (!found.some((f) => overlaps(f, mention))) found.push(mention);
  }
  if (ref?.month !== undefined) {
    for (const m of found) {
      preferPast(text, m, ref);
      lastOrNext(text, m, ref);
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Widening ("5/6 June") can reach a neighbour: the first of two overlapping mentions stays.
  const kept: DateMention[] = [];
  for (const m of found) if (!kept.some((k) => overlaps(k, m))) kept.push(m);
  followLists(text, kept);
  attachTimes(text, kept, (dateText) => findDates(dateText, options)[0]);
  return kept;
}
