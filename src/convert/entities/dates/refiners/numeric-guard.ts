import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * All-digit dates ("23.12.41") are kept only in the day.month.year shape and standing alone: the texts are
 * full of registry numbers ("6253/14/41", "G260/3/41", "C14998/13953/18"), page ranges and paragraph numbers
 * that the slash parser would read as dates.
 */
const NUMERIC = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/;

export const numericGuardRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) =>
    results.filter((r) => {
      if (/[^\d\s./-]/.test(r.text)) return true; // has words: not a numeric date
      if (!NUMERIC.test(r.text)) return false;
      const before = context.text.slice(Math.max(0, r.index - 1), r.index);
      const after = context.text.slice(r.index + r.text.length, r.index + r.text.length + 2);
      if (/[\w/.-]/.test(before)) return false;
      return !/^[\w/-]|^\.\d/.test(after);
    }),
};
