import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "See Ambassador's No. 1961, Sept. 17, 9 p.m.": chrono's year-month parser reads a telegram's number before a comma
 * and a month as the year, and the day after the month as an hour (17 o'clock), which gave September 1961, or, with
 * the two digits of the day taken for a year, September 1917. A four-digit number parted from the month by a comma,
 * with a day after the month, is the number of a document: the date is the month and that day.
 */
const NUMBER_MONTH_DAY = /^\d{4},\s+(\p{L}+\.?\s+(\d{1,2}))$/u;
/** "No. 1883, Dec. 6": a day of one digit is no hour to chrono, and the result stops at the month's abbreviation. */
const NUMBER_MONTH = /^\d{4},\s+\p{L}+$/u;
const STOP_THEN_DAY = /^\.\s+\d{1,2}(?![\d.:/])/;

export const numberBeforeMonthRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      if (r.start.isCertain('day')) continue;
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
