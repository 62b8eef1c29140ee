import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * Drops expressions whose value depends on when they were read ("now", "today", "last night", "next few
 * months", "two days later"): an edition records what the document states, and these state no calendar day.
 * chrono marks them with tags; the word list catches the parsers that do not tag.
 */
const RELATIVE_WORDS = /\b(?:now|today|tonight|tomorrow|yesterday|last|next|this|ago|later|earlier|within|coming|past)\b/i;

/**
 * Casual words that name an hour, not a day relative to the reading: "June 5, noon" is the fifth of June at twelve
 * (a result of "noon" alone states no month and is dropped by the next refiner).
 */
const TIMES_OF_DAY: ReadonlySet<string> = new Set(['casualReference/noon', 'casualReference/midnight']);

export const rejectRelativeRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) =>
    results.filter((r) => {
      for (const tag of r.tags()) {
        if ((tag.startsWith('casualReference/') && !TIMES_OF_DAY.has(tag)) || tag.startsWith('result/relative')) return false;
      }
      // A month name itself ("March") can never be relative; only words around it can.
      return !RELATIVE_WORDS.test(r.text);
    }),
};
