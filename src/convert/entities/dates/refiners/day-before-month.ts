import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Citation lists of day-first dates ("secret, 17 Oct., 26 Oct., 2 Nov., 4 Dec."): chrono reads "Nov., 4" as
 * 4 November, taking the next item's day. When a bare day stands just before the month, that day is the
 * month's, and the mention moves onto "2 Nov.".
 */
const MONTH_COMMA_DAY = /^(\p{L}+\.?),\s*\d{1,2}$/u;

export const dayBeforeMonthRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      const m = MONTH_COMMA_DAY.exec(r.text);
      if (!m) continue;
      const before = /(?:^|[^\d.])(\d{1,2})(\s+)$/.exec(context.text.slice(Math.max(0, r.index - 6), r.index));
      if (!before) continue;
      const day = Number(before[1]);
      if (day < 1 || day > 31) continue;
      const shift = before[1]!.length + before[2]!.length;
      r.index -= shift;
      r.text = context.text.slice(r.index, r.index + shift + m[1]!.length);
      r.start.assign('day', day);
    }
    return results;
  },
};
