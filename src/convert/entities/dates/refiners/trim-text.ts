import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Narrows each result to the date words: chrono includes a leading preposition ("on 7 Sept. 1939") and a time
 * of day ("at 4 pm. Wednesday, 4th October, 1944"), which are not part of a TEI `<date>` at day precision and
 * would add digits that are not the date's.
 */
const LEADING = /^(?:(?:on|in|at|by|of|from|since|until|till|le|du|en|the)\s+)+/i;
const LEADING_TIME = /^(?:at\s+)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|o'clock|hours|h)|(?:12\s+)?(?:noon|midnight))\.?,?\s+/i;
const TRAILING_TIME = /,?\s+(?:at\s+)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.?\s?m\.?|o'clock|hours|h)\.?|(?:12\s+)?(?:noon|midnight))$/i;

export const trimTextRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      let text = r.text;
      let index = r.index;
      for (;;) {
        const m = LEADING.exec(text) ?? LEADING_TIME.exec(text);
        if (!m || m[0].length === text.length) break;
        text = text.slice(m[0].length);
        index += m[0].length;
      }
      // "03202/06, 18 Sept. 1940": a number before the day belongs to a file reference; "January of the": a word
      // chrono took while looking for a year.
      const lead = /^\d{1,4},\s+(?=\d)/.exec(text);
      if (lead) {
        text = text.slice(lead[0].length);
        index += lead[0].length;
      }
      text = text.replace(/\s+(?:of|the|in|on)$/i, '');
      const t = TRAILING_TIME.exec(text);
      if (t && t.index > 0) {
        text = text.slice(0, t.index);
        // "June 5, 12 noon": chrono read the hour as the year 2012; a year whose digits were cut off with the time is none.
        if (r.start.isCertain('year') && !/\d{4}|\D\d{2}$/.test(text)) r.start.delete('year');
      }
      // "23–24 Feb. 1940, 255–6": page numbers after the year of a citation are not the date's.
      const pages = /^(.*\d{4})[,;]\s*[\d\s–-]+$/s.exec(text);
      if (pages) text = pages[1]!;
      const trimmed = text.replace(/[\s,]+$/, '');
      r.text = trimmed;
      r.index = index;
    }
    return results;
  },
};
