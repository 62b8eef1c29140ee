import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * A month name standing alone ("by the beginning of October") is a date only when printed as a name:
 * capitalised, and for the months that are also English words ("May", "March") not at the start of a
 * sentence or before a verb-like word. chrono matches month names case-insensitively, so "it may be" and
 * "troops march" would otherwise be dates.
 */
const MONTH_ONLY = /^[\p{L}.]+$/u;
const AMBIGUOUS = /^(?:may|march|august|sept?|mar|jan|dec|oct|nov|jun|jul|apr|feb|aug)\.?$/i;

export const monthWordGuardRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) =>
    results.filter((r) => {
      const words = r.text.match(/[\p{L}]+/gu) ?? [];
      // Every alphabetic word of a date is a month or weekday name (or French "au"/"du"): they must be capitalised
      // in English, except the French months, which are lower case in French.
      const hasDigits = /\d/.test(r.text);
      if (!hasDigits) {
        if (!MONTH_ONLY.test(r.text.replace(/[\s–-]/g, ''))) return true;
        if (!/^\p{Lu}/u.test(r.text)) return false;
        if (words.length === 1 && AMBIGUOUS.test(words[0] ?? '')) {
          if (/^(?:may|march)$/i.test(words[0] ?? '')) {
            const before = context.text.slice(0, r.index);
            // Sentence start, or right after a subject pronoun/noun: "May I", "they March".
            if (/(?:^|[.!?:;]\s*|["“‘'(]\s*)$/.test(before)) return false;
            const prev = /(\p{L}+)[\s-]*$/u.exec(before)?.[1]?.toLowerCase() ?? '';
            if (!DATE_PRECEDERS.has(prev)) return false;
          } else if (words[0] && words[0].length <= 4) {
            return false; // a lone abbreviation ("Dec") is too weak
          }
        }
      } else {
        // "4 may" is not a date; "4 mai" is (French months are written lower case).
        const monthWord = words.find((w) => ENGLISH_MONTH.test(w));
        if (monthWord && !/^\p{Lu}/u.test(monthWord)) return false;
      }
      return true;
    }),
};

const ENGLISH_MONTH =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)$/i;

/** Words after which a lone "May" or "March" names the month. */
const DATE_PRECEDERS = new Set([
  'in', 'of', 'by', 'since', 'until', 'till', 'from', 'to', 'during', 'before', 'after', 'early', 'late', 'mid',
  'end', 'beginning', 'middle', 'between', 'and', 'or', 'through', 'throughout', 'around', 'about', 'last', 'next',
  'that', 'this', 'each', 'every', 'on', 'for', 'in', 'en', 'de', 'au',
]);
