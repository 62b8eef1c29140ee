import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "See Ambassador's No. 1961, Sept. 17, 9 p.m.", "Your 23, March 26", "Your 12, Sept. 5": a telegram's number before
 * a comma and a month is no part of the date. chrono reads a number of four digits as the year (September 1961) and
 * one of one to three digits as an hour (12 o'clock), which it joins to the date; and without a year or an ordinal
 * suffix the day after the month becomes an hour or a two-digit year (September 1917, March 1926). The date is the
 * month and the day after it; the year, if any, is inferred.
 */
const NUMBER_MONTH_DAY = /^\d{1,4},\s+(\p{L}+\.?\s+(\d{1,2}))$/u;
/** "No. 1883, Dec. 6": a day of one digit is no hour to chrono, and the result stops at the month's abbreviation. */
const NUMBER_MONTH = /^\d{1,4},\s+\p{L}+$/u;
const STOP_THEN_DAY = /^\.\s+\d{1,2}(?![\d.:/])/;
/** "12, Sept. 5": the date read, with the number before it taken as its hour. */
const HOUR_THEN_MONTH = /^\d{1,3},\s+(?=\p{L})/u;

export const numberBeforeMonthRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      if (r.start.isCertain('day')) {
        const lead = HOUR_THEN_MONTH.exec(r.text);
        if (!lead || !r.start.isCertain('hour')) continue;
        r.index += lead[0].length;
        r.text = r.text.slice(lead[0].length);
        r.start.delete(['hour', 'minute', 'meridiem']);
        continue;
      }
      let text = r.text;
      if (NUMBER_MONTH.test(text)) text += STOP_THEN_DAY.exec(context.text.slice(r.index + text.length, r.index + text.length + 8))?.[0] ?? '';
      const m = NUMBER_MONTH_DAY.exec(text);
      if (!m) continue;
      const day = Number(m[2]);
      if (day < 1 || day > 31) continue;
      r.index += text.length - m[1]!.length;
      r.text = m[1]!;
      r.start.delete(['year', 'hour', 'minute', 'meridiem']);
      r.start.assign('day', day);
    }
    return results;
  },
};
