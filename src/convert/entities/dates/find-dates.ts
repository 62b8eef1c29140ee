/**
 * Finds the dates of a string at day or month precision and gives each its ISO value: chrono-node parses,
 * our refiners (see ./chrono-setup.ts) reject what is not a calendar date, and this module turns the result
 * into TEI values, inferring missing years from the document's own date.
 */
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { englishDates, frenchDates } from './chrono-setup.js';
import { scanDayMonthYear } from './fallback-day-month-year.js';
import { extendSlashDay } from './extend-slash-day.js';
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

/** ISO values of one chrono result. */
function valuesOf(r: ParsedResult, ref: ReferenceDate | undefined): Pick<DateMention, 'when' | 'from' | 'to'> {
  const start = partsOf(r.start);
  if (!r.end) return { when: toIso(start, inferYear(start, ref)) };
  const end = partsOf(r.end);
  // A range states its year once, at its end ("3–4 July 1940") or at its start; the other end shares it.
  const stated = end.year ?? start.year;
  const startYear = start.year ?? (stated !== undefined ? stated : inferYear(start, ref));
  let endYear = end.year ?? startYear;
  if (end.year === undefined && endYear !== undefined && (end.month < start.month)) endYear += 1;
  const from = toIso(start, startYear);
  const to = toIso(end, endYear);
  return from === to ? { when: from } : { from, to };
}

function overlaps(a: DateMention, b: DateMention): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Every date expression of `text`, in text order, without overlaps.
 * `reference` is the document's date; without it, a date printed without a year gets `--MM-DD`.
 */
export function findDates(text: string, options: FindDatesOptions = {}): DateMention[] {
  const ref = parseReference(options.reference);
  const instant = chronoInstant(ref);
  const found: DateMention[] = [];
  for (const engine of [englishDates, frenchDates]) {
    for (const r of engine.parse(text, instant)) {
      if (!r.text) continue;
      const mention: DateMention = { start: r.index, end: r.index + r.text.length, text: r.text, ...valuesOf(r, ref) };
      if (found.some((f) => overlaps(f, mention))) continue;
      found.push(extendSlashDay(text, mention));
    }
  }
  for (const m of scanDayMonthYear(text)) {
    if (!found.some((f) => overlaps(f, m))) found.push(m);
  }
  return found.sort((a, b) => a.start - b.start);
}
