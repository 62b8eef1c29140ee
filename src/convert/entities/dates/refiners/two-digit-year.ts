import type { ParsingContext, ParsingResult, Refiner } from 'chrono-node';

/**
 * "23.12.41" is 1941 in a wartime telegram, not 2041: a two-digit year goes to the century that brings it
 * closest to the reference date (the twentieth century when there is none). chrono's own choice is relative to
 * the present day.
 */
/** The year of two digits `yy` in the century that brings it closest to `referenceYear` (1950 when that is no year). */
export function nearestCentury(yy: number, referenceYear: number): number {
  const candidates = [1800, 1900, 2000].map((c) => c + yy);
  const base = Number.isFinite(referenceYear) && referenceYear > 1000 ? referenceYear : 1950;
  return candidates.reduce((a, b) => (Math.abs(b - base) < Math.abs(a - base) ? b : a));
}

export const twoDigitYearRefiner: Refiner = {
  refine: (context: ParsingContext, results: ParsingResult[]) => {
    const refYear = context.reference.instant.getUTCFullYear();
    for (const r of results) {
      const m = /(?:^|\D)(\d{2})$/.exec(r.text.trim());
      if (!m || !r.start.isCertain('year')) continue;
      const yy = Number(m[1]);
      // "March 30, 1918, 12 noon": the two digits at the end are an hour, and chrono's year the one printed in full.
      if (r.start.get('year')! % 100 !== yy) continue;
      const year = nearestCentury(yy, refYear);
      r.start.assign('year', year);
      if (r.end?.isCertain('year')) r.end.assign('year', year);
    }
    return results;
  },
};
