/** Turning date components into ISO 8601 strings, with the year inferred from a reference date. */

/** Day or month components of one end of a date expression; `year` absent when the text does not state it. */
export interface DateParts {
  year?: number;
  month: number;
  day?: number;
}

/** A reference date: the document's own date, parsed from ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export interface ReferenceDate {
  year: number;
  month?: number;
  day?: number;
}

/** Parses an ISO date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`); undefined for anything else, `--MM-DD` included. */
export function parseReference(iso: string | undefined): ReferenceDate | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!m) return undefined;
  const ref: ReferenceDate = { year: Number(m[1]) };
  if (m[2]) ref.month = Number(m[2]);
  if (m[3]) ref.day = Number(m[3]);
  return ref;
}

/**
 * The year of a day or month printed without one: of the reference year and its neighbours, the one that puts
 * the date closest to the reference (a January letter's "December 28" is the previous December). With a
 * reference that has no month, its year.
 */
export function inferYear(parts: DateParts, ref: ReferenceDate | undefined): number | undefined {
  if (parts.year !== undefined) return parts.year;
  if (!ref) return undefined;
  if (ref.month === undefined) return ref.year;
  const refDays = dayNumber(ref.year, ref.month, ref.day ?? 15);
  let best = ref.year;
  let bestDistance = Infinity;
  for (const y of [ref.year - 1, ref.year, ref.year + 1]) {
    const d = Math.abs(dayNumber(y, parts.month, parts.day ?? 15) - refDays);
    if (d < bestDistance) {
      bestDistance = d;
      best = y;
    }
  }
  return best;
}

function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** ISO form of a day or month: `YYYY-MM-DD`, `YYYY-MM`, or `--MM-DD` / `--MM` when no year is known. */
export function toIso(parts: DateParts, year: number | undefined): string {
  const head = year === undefined ? '-' : pad(year, 4);
  return parts.day === undefined ? `${head}-${pad(parts.month)}` : `${head}-${pad(parts.month)}-${pad(parts.day)}`;
}
