import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "the end of April" names a month, not its last day: chrono's end-of-period refiner assigns day 30; the edition
 * records the month (`YYYY-MM`) and tags the month name itself.
 */
export const periodEdgeRefiner: Refiner = {
  refine: (_context: ParsingContext, results: ParsingResult[]) => {
    for (const r of results) {
      if (!r.tags().has('refiner/ENEndOfPeriodRefiner')) continue;
      r.start.delete('day');
      const m = /^(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+/i.exec(r.text);
      if (m) {
        r.index += m[0].length;
        r.text = r.text.slice(m[0].length);
      }
    }
    return results;
  },
};
